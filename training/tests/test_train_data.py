"""Batching, teacher-forcing shift and the leak-free dev split."""

import unittest

from lexlet_mt.data import clean, components, normalize, split
from lexlet_mt.train import collate, inverse_sqrt, make_batches

SRC = [[5] * n + [1] for n in range(1, 40)]
TGT = [[6] * (n % 7 + 1) + [1] for n in range(1, 40)]


class BatchingTest(unittest.TestCase):
    def test_batches_cover_every_pair_once_and_respect_the_token_budget(self):
        batches = make_batches(SRC, TGT, max_tokens=60, seed=1, epoch=0)
        self.assertEqual(sorted(i for b in batches for i in b), list(range(len(SRC))))
        for batch in batches:
            longest = max(max(len(SRC[i]), len(TGT[i]) + 1) for i in batch)
            self.assertTrue(len(batch) == 1 or longest * len(batch) <= 60)

    def test_batches_are_deterministic_per_epoch(self):
        self.assertEqual(make_batches(SRC, TGT, 60, 1, 3), make_batches(SRC, TGT, 60, 1, 3))
        self.assertNotEqual(make_batches(SRC, TGT, 60, 1, 3), make_batches(SRC, TGT, 60, 1, 4))

    def test_decoder_input_is_target_shifted_right_after_pad(self):
        _, mask, decoder_input, labels = collate([0], [[7, 8, 1]], [[9, 10, 11, 1]])
        self.assertEqual(decoder_input.tolist(), [[0, 9, 10, 11]])
        self.assertEqual(labels.tolist(), [[9, 10, 11, 1]])
        self.assertEqual(mask.tolist(), [[1, 1, 1]])

    def test_inverse_sqrt_schedule(self):
        factor = inverse_sqrt(100)
        self.assertAlmostEqual(factor(50), 0.5)
        self.assertAlmostEqual(factor(100), 1.0)
        self.assertAlmostEqual(factor(400), 0.5)


class DataTest(unittest.TestCase):
    def test_normalize(self):
        self.assertEqual(normalize(" Cafe\u0301 \t con  leche "), "Caf\u00e9 con leche")

    def test_clean_drops_duplicates_and_bad_ratios(self):
        pairs = [("Hi.", "Hola."), ("Hi.", "Hola."), ("Yes.", "Sí, claro que sí, por supuesto que sí."), ("", "x")]
        kept, stats = clean(pairs, {"max_chars": 300, "max_length_ratio": 3.0})
        self.assertEqual(kept, [("Hi.", "Hola.")])
        self.assertEqual(stats["duplicates"], 1)

    def test_components_join_pairs_sharing_either_side(self):
        pairs = [("Go.", "Ve."), ("Go.", "Vete."), ("Leave.", "Vete."), ("Run.", "Corre.")]
        self.assertEqual(components(pairs), [[0, 1, 2], [3]])

    def test_dev_sentences_never_occur_in_train(self):
        pairs = [(f"e{i // 3}", f"s{i // 2}") for i in range(300)]  # chains of shared sentences
        pairs += [(f"x{i}", f"y{i}") for i in range(100)]
        train, dev, _ = split(pairs, {"dev_pairs": 40, "max_component_pairs": 30, "seed": 7})
        self.assertGreaterEqual(len(dev), 40)
        train_src = {pairs[i][0] for i in train}
        train_tgt = {pairs[i][1] for i in train}
        for i in dev:
            self.assertNotIn(pairs[i][0], train_src)
            self.assertNotIn(pairs[i][1], train_tgt)
        self.assertEqual(sorted(train + dev), list(range(len(pairs))))


if __name__ == "__main__":
    unittest.main()


class ExtraTrainTest(unittest.TestCase):
    def _cfg(self, folder, repeat=3, dev_pairs=2):
        return {"src_lang": "en", "tgt_lang": "es", "data": {"max_length_ratio": 3.0, "seed": 5},
                "extra_train": [{"name": "long", "files": {"en": f"{folder}/t.en", "es": f"{folder}/t.es"},
                                 "repeat": repeat, "dev_pairs": dev_pairs}]}

    def _write(self, folder, pairs):
        with open(f"{folder}/t.en", "w", encoding="utf-8") as en, open(f"{folder}/t.es", "w", encoding="utf-8") as es:
            for src, tgt in pairs:
                en.write(src + "\n")
                es.write(tgt + "\n")

    def test_repeats_train_pairs_and_holds_a_slice_out_of_them(self):
        import tempfile
        from lexlet_mt.data import extra_train

        pairs = [(f"Sentence number {i} of the debate.", f"Frase número {i} del debate.") for i in range(10)]
        with tempfile.TemporaryDirectory() as folder:
            self._write(folder, pairs + [("(Applause)", "(Aplausos)")] * 2)
            train, held, stats = extra_train(self._cfg(folder), dev_pairs=[pairs[0]])
        self.assertEqual(len(held), 2)
        self.assertNotIn(pairs[0], train)  # an existing dev pair never enters train
        self.assertTrue(set(held).isdisjoint(train))
        self.assertEqual(len(train), 3 * len(set(train)))
        self.assertEqual(stats["long"]["overlapping_dev"], 1)
        self.assertEqual(stats["long"]["duplicates"], 1)

    def test_rejects_files_that_are_not_line_aligned(self):
        import tempfile
        from lexlet_mt.data import extra_train

        with tempfile.TemporaryDirectory() as folder:
            self._write(folder, [("One.", "Uno.")])
            with open(f"{folder}/t.es", "a", encoding="utf-8") as es:
                es.write("Dos.\n")
            with self.assertRaisesRegex(ValueError, "not line-aligned"):
                extra_train(self._cfg(folder), dev_pairs=[])
