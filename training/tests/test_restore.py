"""Restoring lowercased, tokenized parallel text: detokenizing, truecasing, and which pairs are kept."""

from pathlib import Path

import pytest

from lexlet_mt.config import load_config
from lexlet_mt.restore import TrueCaser, build, detokenize, loose_key, restore_pair


def test_punctuation_clitics_and_brackets_rejoin_their_words() -> None:
    assert detokenize("the commission 's report , which i read ( twice ) , is n't final .") == \
        "the commission's report, which i read (twice), isn't final."
    assert detokenize("¿ por qué no ? ¡ basta ! 15 % más ...") == "¿por qué no? ¡basta! 15% más..."


def test_quotes_open_and_close_in_turn_and_a_lone_single_quote_joins_the_word_before() -> None:
    assert detokenize('he said " no " and " yes " .') == 'he said "no" and "yes".'
    assert detokenize("the 'frugality plan ' and member states ' failure") == \
        "the 'frugality plan' and member states' failure"


CASED = [
    "Thank you, Mr President.",
    "I thank Mr President Barroso and the President of the Commission.",
    "We asked the president about it.",
    "The president of the club spoke.",
    "It is the president who decides.",
    "The Advisory Committee on Administrative and Budgetary Questions met.",
    "The budgetary procedure is long.",
    "We followed the budgetary rules.",
    "This budgetary year was hard.",
    "Our budgetary plans changed.",
    "A budgetary gap remains.",
    "Its budgetary impact is small.",
    "The budgetary debate ended.",
    "The budgetary review is done.",
    "The budgetary outlook is grim.",
    "Gardens grow in spring.",
    "We visited Bonn and Berlin.",
    "We visited Bonn again.",
]


def test_a_word_takes_its_form_after_the_word_before_it_when_that_pair_was_seen_twice() -> None:
    caser = TrueCaser(CASED)
    assert caser.restore("mr president, the president spoke.") == "Mr President, the president spoke."


def test_a_capital_must_hold_for_nine_in_ten_uses_and_a_sentence_start_counts_for_nothing() -> None:
    caser = TrueCaser(CASED)
    # "Budgetary" is capitalised once in ten uses (a title): lowercase wins.
    assert caser.restore("the new budgetary rules") == "The new budgetary rules"
    # "Gardens" only ever begins a sentence: it was never counted, so it is unseen.
    assert caser.unseen("gardens in bonn") == {"gardens"}
    assert caser.restore("we saw gardens in bonn") == "We saw gardens in Bonn"


def test_a_word_unseen_on_one_side_borrows_the_other_sides_form_and_a_shared_unseen_word_drops_the_pair() -> None:
    english = TrueCaser(CASED)
    spanish = TrueCaser(["Le deseo mucho éxito en el trabajo."])
    assert restore_pair([english, spanish], ["good luck in bonn .", "mucho éxito en bonn ."]) == \
        ["Good luck in Bonn.", "Mucho éxito en Bonn."]
    # Neither side knows "monnet": a name whose case cannot be told.
    assert restore_pair([english, spanish], ["thank you , monnet .", "éxito , monnet ."]) is None
    # Unseen on one side only and not on the other: a common word, lowercase.
    assert restore_pair([english, spanish], ["good luck .", "mucho éxito , represión ."]) == \
        ["Good luck.", "Mucho éxito, represión."]


def test_build_writes_the_kept_pairs_and_a_record_of_why_others_were_dropped(tmp_path: Path) -> None:
    (tmp_path / "a.en").write_text("thank you , mr president .\nwe visited bonn .\n", encoding="utf-8")
    (tmp_path / "b.en").write_text("thank you , monnet .\n", encoding="utf-8")
    (tmp_path / "a.es").write_text("gracias , señor presidente .\nvisitamos bonn .\n", encoding="utf-8")
    (tmp_path / "b.es").write_text("gracias , monnet .\n", encoding="utf-8")
    (tmp_path / "cased.en").write_text("".join(line + "\n" for line in CASED), encoding="utf-8")
    (tmp_path / "cased.tsv").write_text("x\tMuchas gracias, señor Presidente.\nx\tVisitamos el museo.\n",
                                        encoding="utf-8")
    (tmp_path / "dev.es").write_text("Visitamos Bonn\n", encoding="utf-8")
    corpus = {"name": "restored", "restore": {
        "sources": {"en": [str(tmp_path / "a.en"), str(tmp_path / "b.en")],
                    "es": [str(tmp_path / "a.es"), str(tmp_path / "b.es")]},
        "case_from": {"en": [str(tmp_path / "cased.en")], "es": [{"path": str(tmp_path / "cased.tsv"), "column": 1}]},
        "exclude": {"es": [str(tmp_path / "dev.es")]}},
        "files": {"en": str(tmp_path / "out" / "r.en"), "es": str(tmp_path / "out" / "r.es")}}
    record = build(corpus)
    assert record == {"lines": 3, "pairs": 1, "dropped": {"a_name_of_unknown_case": 1, "in_an_excluded_file": 1}}
    assert (tmp_path / "out" / "r.en").read_text(encoding="utf-8") == "Thank you, Mr President.\n"
    assert (tmp_path / "out" / "r.es").read_text(encoding="utf-8") == "Gracias, señor Presidente.\n"

    (tmp_path / "b.es").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="not line-aligned"):
        build(corpus)


def test_the_loose_key_ignores_case_spacing_and_punctuation() -> None:
    assert loose_key("Visitamos Bonn.") == loose_key("visitamos bonn")


def test_the_es_en_config_restores_two_languages_into_its_own_work_folder() -> None:
    blocks = [b for b in load_config("es-en")["extra_train"] if "restore" in b]
    assert blocks
    for block in blocks:
        assert sorted(block["restore"]["sources"]) == sorted(block["files"]) == ["en", "es"]
        assert sorted(block["restore"]["case_from"]) == ["en", "es"]
        assert all(path.startswith("work/es-en/") for path in block["files"].values())
        assert all(any("dev" in path for path in paths) for paths in block["restore"]["exclude"].values())
        assert not any("test" in path for paths in block["restore"]["sources"].values() for path in paths)
