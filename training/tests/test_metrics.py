"""Hand-checked BLEU / chrF values (derivations in the comments)."""

import math
import unittest

from lexlet_mt.metrics import corpus_bleu, corpus_chrf, tokenize_13a


class Tokenize13aTest(unittest.TestCase):
    def test_splits_punctuation_but_keeps_decimal_numbers(self):
        self.assertEqual(tokenize_13a("Hello, world!"), "Hello , world !")
        self.assertEqual(tokenize_13a("It costs $3.50."), "It costs $ 3.50 .")
        self.assertEqual(tokenize_13a("1,000 people"), "1,000 people")
        self.assertEqual(tokenize_13a("a &amp; b"), "a & b")


class BleuTest(unittest.TestCase):
    def test_identical_is_100(self):
        self.assertAlmostEqual(corpus_bleu(["the cat sat on the mat"], ["the cat sat on the mat"]), 100.0)

    def test_partial_match(self):
        # 1-grams 5/6, 2-grams 3/5, 3-grams 2/4, 4-grams 1/3, equal lengths → BP 1
        expected = 100 * (5 / 6 * 3 / 5 * 2 / 4 * 1 / 3) ** 0.25
        self.assertAlmostEqual(corpus_bleu(["the cat sat on the mat"], ["the cat sat on a mat"]), expected, places=6)

    def test_exp_smoothing_for_zero_matches(self):
        # 3/4, 2/3, 1/2 and no 4-gram match → 100 / (2 * 1) = 50 %
        expected = 100 * (3 / 4 * 2 / 3 * 1 / 2 * 1 / 2) ** 0.25
        self.assertAlmostEqual(corpus_bleu(["a b c d"], ["a b c e"]), expected, places=6)

    def test_brevity_penalty(self):
        # all precisions 1, sys 4 vs ref 6 → exp(1 - 6/4)
        self.assertAlmostEqual(corpus_bleu(["a b c d"], ["a b c d e f"]), 100 * math.exp(-0.5), places=6)

    def test_too_short_for_4grams_scores_zero(self):
        self.assertAlmostEqual(corpus_bleu(["a b"], ["a b c"]), 0.0, places=6)

    def test_corpus_level_sums_statistics(self):
        # two segments: total 1-grams 6/6 ... identical pieces → 100
        self.assertAlmostEqual(corpus_bleu(["a b c d", "e f g h"], ["a b c d", "e f g h"]), 100.0)


class ChrfTest(unittest.TestCase):
    def test_identical_is_100(self):
        self.assertAlmostEqual(corpus_chrf(["Hola mundo."], ["Hola mundo."]), 100.0)

    def test_whitespace_is_ignored(self):
        self.assertAlmostEqual(corpus_chrf(["a b"], ["ab"]), 100.0)

    def test_partial_match(self):
        # "ab" vs "abc": n=1 P=1 R=2/3; n=2 P=1 R=1/2; n≥3 has no hypothesis n-grams → 2 effective orders
        precision, recall = 1.0, (2 / 3 + 1 / 2) / 2
        expected = 100 * 5 * precision * recall / (4 * precision + recall)
        self.assertAlmostEqual(corpus_chrf(["ab"], ["abc"]), expected, places=6)
        self.assertAlmostEqual(expected, 100 * 35 / 55, places=6)

    def test_no_overlap_is_zero(self):
        self.assertAlmostEqual(corpus_chrf(["xyz"], ["abc"]), 0.0)


if __name__ == "__main__":
    unittest.main()
