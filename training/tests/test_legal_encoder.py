"""The encoder tagger family: corruption for MLM, packing, padding invariance, corpus hygiene, tokenizer parity."""

import shutil
import unittest

import torch

from lexlet_legal.encoder_corpus import FIRST_NORMAL_ID, MASK_ID, encode, load_tokenizer, normalize, segments, work_dir
from lexlet_legal.encoder_model import EncoderSpec, SentenceClassifier, mask_tokens
from lexlet_legal.pretrain_mlm import collate, pack
from lexlet_legal.train_unfair_tos import load_config
from lexlet_legal.unfair_tos_data import load_claudette, load_unfair_tos
from node_parity import node_parity

CONFIG = load_config("legal-unfair-tos-encoder")


class MaskingTest(unittest.TestCase):
    def test_only_real_tokens_are_targets_and_most_become_mask(self):
        generator = torch.Generator().manual_seed(1)
        ids = torch.randint(FIRST_NORMAL_ID, 500, (64, 40))
        ids[:, 30:] = 0  # padding
        ids[:, 29] = 1  # </s>
        mask = (ids != 0).float()
        corrupted, positions, targets = mask_tokens(ids, mask, MASK_ID, 500, FIRST_NORMAL_ID, 0.15, generator)
        self.assertTrue(bool((positions[:, 1] < 29).all()), "padding and </s> are never targets")
        self.assertTrue(torch.equal(ids[positions[:, 0], positions[:, 1]], targets))
        rate = len(targets) / float((ids >= FIRST_NORMAL_ID).sum())
        self.assertAlmostEqual(rate, 0.15, delta=0.03)
        masked = float((corrupted[positions[:, 0], positions[:, 1]] == MASK_ID).float().mean())
        self.assertAlmostEqual(masked, 0.8, delta=0.06)
        untouched = torch.ones_like(ids, dtype=torch.bool)
        untouched[positions[:, 0], positions[:, 1]] = False
        self.assertTrue(torch.equal(corrupted[untouched], ids[untouched]))

    def test_a_batch_always_has_a_target(self):
        generator = torch.Generator().manual_seed(0)
        ids = torch.tensor([[7, 1]])
        _, positions, targets = mask_tokens(ids, torch.ones(1, 2), MASK_ID, 50, FIRST_NORMAL_ID, 0.0, generator)
        self.assertEqual(targets.tolist(), [7])
        self.assertEqual(positions.tolist(), [[0, 0]])


class PackingTest(unittest.TestCase):
    def test_rows_keep_segments_whole_and_fit(self):
        segs = [[5] * n + [1] for n in (3, 9, 2, 12, 1, 7)]
        rows = pack(segs, 16)
        self.assertTrue(all(len(r) <= 16 for r in rows))
        self.assertEqual(sum(rows, []), sum(segs, []))
        self.assertTrue(all(r[-1] == 1 for r in rows))


class ClassifierTest(unittest.TestCase):
    def test_padding_does_not_change_a_sentence_score(self):
        torch.manual_seed(0)
        model = SentenceClassifier(EncoderSpec(vocab_size=60, d_model=32, layers=2, heads=4, ffn=64, max_len=16), 3)
        model.eval()
        short, long = [9, 10, 11, 1], [12] * 10 + [1]
        with torch.no_grad():
            alone = model(*collate([short]))
            batched = model(*collate([short, long]))
        self.assertTrue(torch.allclose(alone[0], batched[0], atol=1e-5))


class CorpusTest(unittest.TestCase):
    def test_segments_are_normalised_and_cut(self):
        text = "1. Definitions.  The   TERM shall mean X.\n\n(a) Second point; third one here.\n" + "w " * 130
        out = segments(text, 60)
        self.assertIn("the term shall mean x.", out)
        self.assertTrue(all(len(s.split(" ")) <= 60 for s in out))
        self.assertEqual(normalize("  A\u0301b\tC "), "\u00e1b c")

    def test_corpus_has_no_dev_sentence(self):
        corpus = work_dir(CONFIG) / "corpus.txt"
        if not corpus.exists():
            self.skipTest("encoder corpus not built")
        lines = set(corpus.read_text(encoding="utf-8").split("\n"))
        dev = {normalize(s.text) for s in load_unfair_tos("validation")}
        self.assertFalse(lines & dev)


@unittest.skipIf(shutil.which("node") is None, "node is not installed")
class TokenizerParityTest(unittest.TestCase):
    def test_dev_and_claudette_ids_identical_in_node(self):
        if not (work_dir(CONFIG) / "tokenizer.json").exists():
            self.skipTest("encoder tokenizer not built")
        sentences = [s.text for s in load_unfair_tos("validation")]
        sentences += [s.text for s in load_claudette(["en"], set())][::5]
        sentences = [s for s in sentences if "\n" not in s and "\r" not in s]
        expected = encode(load_tokenizer(CONFIG), sentences, 10_000)
        report = node_parity(work_dir(CONFIG), sentences, expected)
        self.assertEqual(report["total"], len(sentences))
        self.assertEqual(report["mismatches"], 0, report["examples"])


if __name__ == "__main__":
    unittest.main()
