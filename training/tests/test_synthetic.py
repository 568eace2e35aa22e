"""The synthetic formal corpus: sentence selection from contracts and line-aligned translation."""

import tempfile
import unittest
from pathlib import Path

from lexlet_mt.config import load_config
from lexlet_mt.synthetic import (apply_corrections, build, corrections_of, follow_case, is_prose,
                                 select_sentences, sentences_of_text, translate)

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

    def test_a_folder_of_sentence_files_is_read_line_by_line(self):
        with tempfile.TemporaryDirectory() as tmp:
            Path(tmp, "b.txt").write_text("You may cancel your account at any time.\n", encoding="utf-8")
            Path(tmp, "a.txt").write_text("We may change these terms\nfrom time to time.\n\n", encoding="utf-8")
            Path(tmp, "notes.md").write_text("Not a sentence file at all.\n", encoding="utf-8")
            block = {"words": [3, 50], "sources": [{"name": "tos", "kind": "line_dir", "path": tmp}]}
            chosen, stats = select_sentences(block, seed=1)
            # Lines are sentences as given: a line without an end is not joined to the next one.
            self.assertEqual(sorted(chosen), ["You may cancel your account at any time.", "from time to time."])
            self.assertEqual(stats, {"tos": {"prose_sentences": 2, "taken": 2}})

    def test_an_unknown_source_kind_is_named_in_the_error(self):
        with self.assertRaisesRegex(ValueError, "'paragraphs'"):
            select_sentences({"words": [1, 9], "sources": [{"name": "x", "kind": "paragraphs", "path": "."}]}, 1)


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


PARTY = {"where_source": r"\bpart(?:y|ies)\b", "find": r"(?i)\bfiesta(s?)\b", "replace": r"parte\1"}
NAMED_VERB = {"where_source": r"\b(?:shall|will)\b", "lowercase": True,
              "find": r"\b[A-ZÁÉÍÓÚÑ]\w* (?P<lower>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]*rán?)\b"}


class CorrectionTest(unittest.TestCase):
    def test_a_replacement_follows_the_case_of_what_it_replaces(self):
        self.assertEqual(follow_case("Fiestas", "partes"), "Partes")
        self.assertEqual(follow_case("FIESTA", "parte"), "PARTE")
        self.assertEqual(follow_case("fiesta", "parte"), "parte")

    def test_a_correction_applies_only_where_the_real_sentence_matches(self):
        real = ["Each Party shall notify the other party.", "The party was held on Friday."]
        made = ["Cada Fiesta notificará la otra fiesta.", "La fiesta fue celebrada el viernes."]
        fixed, counts = apply_corrections(real, made, [dict(PARTY, why="party")])
        self.assertEqual(fixed[0], "Cada Parte notificará la otra parte.")
        self.assertEqual(counts, [{"why": "party", "sentences_changed": 2}])
        fixed, _ = apply_corrections(["We met at a celebration."], ["Nos encontramos en una fiesta."], [PARTY])
        self.assertEqual(fixed, ["Nos encontramos en una fiesta."])

    def test_lowercase_touches_only_its_named_group(self):
        fixed, counts = apply_corrections(["Honeywell shall pay.", "Visiting Tehran."],
                                          ["Honeywell Pagará.", "Visitando Teherán."], [NAMED_VERB])
        self.assertEqual(fixed, ["Honeywell pagará.", "Visitando Teherán."])
        self.assertEqual(counts[0]["sentences_changed"], 1)

    def test_build_records_what_each_correction_changed(self):
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp, "source.en")
            source.write_text("The parties agree to resolve any dispute amicably.\n", encoding="utf-8")
            corpus = {"name": "t", "files": {"en": f"{tmp}/t.en", "es": f"{tmp}/t.es"}, "synthetic": {
                "command": ["sed", "s/parties/fiestas/"], "from": "en", "to": "es", "words": [6, 50],
                "sources": [{"name": "s", "kind": "lines", "path": str(source)}],
                "corrections": [dict(PARTY, why="party")]}}
            record = build(corpus, seed=1)
            self.assertEqual(Path(tmp, "t.es").read_text(encoding="utf-8"),
                             "The partes agree to resolve any dispute amicably.\n")
            self.assertEqual(record["corrections"], [{"why": "party", "sentences_changed": 1}])

    def test_a_named_list_is_read_from_the_shared_corrections(self):
        rules = corrections_of({"corrections": "apertium-eng-spa"})
        fixed, counts = apply_corrections(["Each Party shall pay the royalties."],
                                          ["Cada Fiesta pagará las realezas."], rules)
        self.assertEqual(fixed, ["Cada Parte pagará las regalías."])
        self.assertEqual(len(counts), len(rules))
        with self.assertRaisesRegex(SystemExit, "apertium-xyz"):
            corrections_of({"corrections": "apertium-xyz"})

    def test_every_synthetic_block_of_the_pair_configs_has_readable_corrections(self):
        for pair in ("en-es", "es-en"):
            blocks = [c["synthetic"] for c in load_config(pair)["extra_train"] if "synthetic" in c]
            self.assertTrue(blocks)
            for block in blocks:
                self.assertTrue(all("find" in rule and "why" in rule for rule in corrections_of(block)), pair)


if __name__ == "__main__":
    unittest.main()
