"""The synthetic formal corpus: sentence selection from contracts and line-aligned translation."""

import tempfile
import unittest
from pathlib import Path

from lexlet_mt.synthetic import build, is_prose, select_sentences, sentences_of_text, translate

CONTRACT = """MASTER SERVICES AGREEMENT

1. DEFINITIONS.

(a) "Services" means the services described
in Exhibit A. The Supplier shall perform the Services with
due care; the Customer shall pay the fees.

IN WITNESS WHEREOF, THE PARTIES HAVE EXECUTED THIS AGREEMENT AS OF THE DATE FIRST WRITTEN ABOVE.

Page 3 of 12
"""


class SentenceTest(unittest.TestCase):
    def test_wrapped_paragraphs_are_joined_and_split_into_sentences(self):
        self.assertIn('(a) "Services" means the services described in Exhibit A.', sentences_of_text(CONTRACT))
        self.assertIn("The Supplier shall perform the Services with due care; the Customer shall pay the fees.",
                      sentences_of_text(CONTRACT))

    def test_headings_capitals_and_page_furniture_are_not_prose(self):
        prose = [s for s in sentences_of_text(CONTRACT) if is_prose(s, 6, 50)]
        self.assertEqual(len(prose), 2)
        self.assertFalse(is_prose("1. DEFINITIONS.", 1, 50))
        self.assertFalse(is_prose("Page 3 of 12", 1, 50))
        self.assertFalse(is_prose("The fee is 1,000,000 / 2,000,000 / 3,000,000 USD.", 1, 50))
        self.assertFalse(is_prose("The Supplier shall perform the Services", 1, 50))  # no sentence end

    def test_selection_is_deduplicated_across_sources_capped_and_reproducible(self):
        with tempfile.TemporaryDirectory() as tmp:
            lines = Path(tmp, "lines.en")
            lines.write_text("".join(f"The committee adopted resolution number {i} today.\n" for i in range(5))
                             + "The committee adopted resolution number 0 today.\n", encoding="utf-8")
            block = {"words": [6, 50], "sources": [
                {"name": "a", "kind": "lines", "path": str(lines)},
                {"name": "b", "kind": "lines", "path": str(lines), "max_sentences": 2},
            ]}
            chosen, stats = select_sentences(block, seed=1)
            self.assertEqual(len(chosen), 5)
            self.assertEqual(stats, {"a": {"prose_sentences": 5, "taken": 5}, "b": {"prose_sentences": 0, "taken": 0}})
            self.assertEqual(chosen, select_sentences(block, seed=1)[0])


class TranslateTest(unittest.TestCase):
    def test_output_stays_line_aligned(self):
        self.assertEqual(translate(["one two.", "three  four."], ["tr", "a-z", "A-Z"]), ["ONE TWO.", "THREE FOUR."])

    def test_a_system_that_drops_lines_is_an_error(self):
        with self.assertRaises(RuntimeError):
            translate(["one.", "two."], ["head", "-n", "1"])

    def test_build_writes_both_sides_of_the_entry(self):
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp, "source.en")
            source.write_text("The parties agree to resolve any dispute amicably.\n", encoding="utf-8")
            corpus = {"name": "t", "files": {"en": f"{tmp}/t.en", "es": f"{tmp}/t.es"}, "synthetic": {
                "command": ["tr", "a-z", "A-Z"], "from": "en", "to": "es", "words": [6, 50],
                "sources": [{"name": "s", "kind": "lines", "path": str(source)}]}}
            record = build(corpus, seed=1)
            self.assertEqual(record["pairs"], 1)
            self.assertEqual(Path(tmp, "t.es").read_text(encoding="utf-8"),
                             "THE PARTIES AGREE TO RESOLVE ANY DISPUTE AMICABLY.\n")


if __name__ == "__main__":
    unittest.main()
