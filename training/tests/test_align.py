"""Aligning the same documents in two languages sentence by sentence: the beads found, and what is kept."""

from pathlib import Path

import pytest

from lexlet_mt.align import align_document, anchors, build, length_cost
from lexlet_mt.config import load_config

EN = [
    "Your responsibilities",
    "You are responsible for your conduct and for the content you share with others.",
    "Content in Dropbox may be protected by the intellectual property rights of others, and you must respect"
    " those rights.",
    "Please do not copy, upload or share content unless you have the right to do so.",
    "We may review your conduct and content for compliance with these terms.",
    "We are not responsible for the content that people post.",
]
# No heading, and the second sentence split in two.
DE = [
    "Sie sind für Ihr Handeln und für die Inhalte verantwortlich, die Sie mit anderen teilen.",
    "Inhalte in Dropbox können durch die Rechte des geistigen Eigentums anderer geschützt sein.",
    "Sie müssen diese Rechte respektieren.",
    "Bitte kopieren, laden oder teilen Sie Inhalte nur, wenn Sie das Recht dazu haben.",
    "Wir dürfen Ihr Handeln und Ihre Inhalte auf die Einhaltung dieser Bedingungen prüfen.",
    "Wir sind nicht für die Inhalte verantwortlich, die Nutzer veröffentlichen.",
]


def test_spans_of_matching_length_cost_less_than_mismatched_ones() -> None:
    assert length_cost(80, 88, 1.1) < 1.0
    assert length_cost(80, 20, 1.1) > 5.0
    assert length_cost(80, 88, 1.1) < length_cost(80, 120, 1.1)


def test_numbers_and_addresses_are_hard_anchors_and_capitalised_words_soft_ones() -> None:
    hard, names = anchors("Write to help@dropbox.com within 30 days, or see https://dropbox.com/terms.")
    assert hard == {"help@dropbox.com", "30", "https://dropbox.com/terms"}
    assert names == {"Write"}
    assert anchors("Dropbox grants you 2 licences")[1] == {"Dropbox"}


def test_a_heading_on_one_side_costs_its_bead_and_a_split_sentence_joins_its_two_halves() -> None:
    beads = align_document(EN, DE)
    # Gale and Church's priors join the heading to the next sentence rather than leave it alone; such a bead
    # costs more than the corpus's max_cost of 3.0, so it is not trained on. The split sentence's bead costs
    # less only because a name both sides share ("Dropbox") supports it: its prior alone costs 3.1.
    src, tgt, cost = beads[0]
    assert src == [0, 1] and tgt == [0] and cost > 3.0
    assert [(src, tgt) for src, tgt, _ in beads[1:]] == [([2], [1, 2]), ([3], [3]), ([4], [4]), ([5], [5])]
    assert all(cost < 3.0 for _, _, cost in beads[1:])
    assert align_document([EN[2].replace("Dropbox", "the services")], DE[1:3])[0][2] > 3.0


def test_numbers_that_disagree_keep_two_sentences_of_equal_length_apart() -> None:
    en = ["The fee is 10 euros per month.", "The term is 24 months."]
    de = ["Die Laufzeit beträgt 24 Monate.", "Die Gebühr ist 10 Euro im Monat."]
    beads = align_document(en, de)
    assert not any(src == [0] and tgt == [0] for src, tgt, _ in beads)


def write_docs(root: Path, docs: dict[str, tuple[list[str], list[str]]]) -> dict:
    for lang in ("en", "de"):
        (root / lang).mkdir(parents=True, exist_ok=True)
    for name, (en, de) in docs.items():
        (root / "en" / f"{name}.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
        (root / "de" / f"{name}.txt").write_text("\n".join(de) + "\n", encoding="utf-8")
    return {"en": str(root / "en"), "de": str(root / "de")}


def test_build_keeps_held_out_documents_apart_and_drops_their_shared_boilerplate(tmp_path: Path) -> None:
    shared_en = "We are not responsible for the content that people post."
    shared_de = "Wir sind nicht für die Inhalte verantwortlich, die Nutzer veröffentlichen."
    dirs = write_docs(tmp_path / "docs", {
        "Alpha": (EN, DE),
        "Beta": (["You may end this agreement at any time.", shared_en],
                 ["Sie können diese Vereinbarung jederzeit beenden.", shared_de]),
        "Gamma": (["Only in English."], []),
    })
    corpus = {
        "name": "toy",
        "align": {"dirs": dirs, "max_cost": 3.0, "held_out": ["Beta"],
                  "dev_files": {"en": str(tmp_path / "dev.en"), "de": str(tmp_path / "dev.de")}},
        "files": {"en": str(tmp_path / "train.en"), "de": str(tmp_path / "train.de")},
    }
    record = build(corpus)
    train_en = (tmp_path / "train.en").read_text(encoding="utf-8").splitlines()
    train_de = (tmp_path / "train.de").read_text(encoding="utf-8").splitlines()
    assert len(train_en) == len(train_de) == 4 and not any("Your responsibilities" in x for x in train_en)
    assert train_de[0] == DE[1] + " " + DE[2] and train_en[0] == EN[2]
    assert (tmp_path / "dev.en").read_text(encoding="utf-8").splitlines() == ["You may end this agreement at any time."]
    assert record["documents"] == 2 and record["held_out_documents"] == ["Beta.txt"]
    assert record["dev_pairs"] == 1 and record["dev_beads"]["dropped_sharing_a_training_sentence"] == 1
    assert record["beads"]["over_max_cost_1-2"] == 1  # the heading, joined to a sentence (German first: 1-2)
    assert record["beads"]["left_alone_0-1"] == 1  # the sentence of the English-only document


def test_build_refuses_a_held_out_document_it_cannot_find(tmp_path: Path) -> None:
    dirs = write_docs(tmp_path / "docs", {"Alpha": (EN, DE)})
    corpus = {"name": "toy", "align": {"dirs": dirs, "max_cost": 3.0, "held_out": ["Omega"]},
              "files": {"en": str(tmp_path / "t.en"), "de": str(tmp_path / "t.de")}}
    with pytest.raises(ValueError, match="Omega"):
        build(corpus)


@pytest.mark.parametrize("pair", ["en-de", "de-en"])
def test_the_german_configs_score_the_held_out_documents_they_never_train_on(pair: str) -> None:
    cfg = load_config(pair)
    aligned = [corpus for corpus in cfg["extra_train"] if "align" in corpus]
    assert len(aligned) == 1 and aligned[0]["align"]["held_out"]
    dev_files = aligned[0]["align"]["dev_files"]
    assert dev_files in [spec["files"] for spec in cfg["domain_dev"]]
    assert set(dev_files.values()).isdisjoint(aligned[0]["files"].values())
