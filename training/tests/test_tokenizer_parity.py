"""Python SentencePiece and the exported tokenizer.json (run by @huggingface/tokenizers in Node) must give
identical ids, </s> included, on the whole dev split (source and target) and the out-of-domain dev set.

Needs the data and tokenizer stages to have run for the pair (LEXLET_PAIRS, default "en-es es-en")."""

import os
import shutil
import unicodedata
import unittest

from lexlet_mt.config import load_config, read_lines, work_dir
from lexlet_mt.tokenizer import encode, load_sentencepiece, tokenizer_dir

from node_parity import node_parity

PAIRS = os.environ.get("LEXLET_PAIRS", "en-es es-en").split()


def run_parity(cfg: dict, sentences: list[str], expected_ids: list[list[int]] | None = None) -> dict:
    """Runs the Node checker; expected ids default to Python SentencePiece on the same sentences."""
    if expected_ids is None:
        expected_ids = encode(load_sentencepiece(cfg), sentences)
    return node_parity(tokenizer_dir(cfg), sentences, expected_ids)


@unittest.skipIf(shutil.which("node") is None, "node is not installed")
class TokenizerParityTest(unittest.TestCase):
    def test_dev_split_ids_identical(self):
        for pair in PAIRS:
            cfg = load_config(pair)
            work = work_dir(cfg)
            if not (tokenizer_dir(cfg) / "tokenizer.json").exists():
                self.skipTest(f"tokenizer for {pair} not built")
            sentences = []
            for name in ("dev", cfg["ood_dev"]["name"]):
                sentences += read_lines(work / f"{name}.src") + read_lines(work / f"{name}.tgt")
            report = run_parity(cfg, sentences)
            print(f"{pair}: {report['mismatches']} mismatches of {report['total']}")
            self.assertEqual(report["total"], len(sentences))
            self.assertEqual(report["mismatches"], 0, report["examples"])

    def test_raw_input_is_normalised_like_training_text(self):
        # user text arrives unnormalised (NFD accents, runs of spaces, tabs); JS must map it to the same ids
        cfg = load_config(PAIRS[0])
        if not (tokenizer_dir(cfg) / "tokenizer.json").exists():
            self.skipTest(f"tokenizer for {PAIRS[0]} not built")
        clean = ["¿Dónde está la estación?", "I can't   go   there.", "Él comió pingüino."]
        raw = [unicodedata.normalize("NFD", "  " + s.replace(" ", " \t ") + " ") for s in clean]
        report = run_parity(cfg, raw, encode(load_sentencepiece(cfg), clean))
        self.assertEqual(report["mismatches"], 0, report["examples"])


if __name__ == "__main__":
    unittest.main()
