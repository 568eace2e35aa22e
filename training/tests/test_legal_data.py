"""Data handling for the legal taggers: document recovery, folds, LexGLUE scoring, CUAD span location."""

import numpy as np

from lexlet_legal.cuad_data import locate_spans, squeeze
from lexlet_legal.metrics import best_thresholds, lexglue_scores
from lexlet_legal.unfair_tos_data import (
    Sentence,
    company_key,
    company_of,
    document_folds,
    language_of,
    load_claudette,
    load_unfair_tos,
    recover_documents,
)


def test_recover_documents_follows_company_names():
    texts = ["welcome to tinder ."] + ["you agree ."] * 3 + ["tinder may end it ."] + ["you agree ."] * 4
    texts += ["spotify terms ."] * 8
    docs = recover_documents(texts, window=3)
    assert docs[0] == docs[4] and company_of(docs[0]) == "tinder"
    assert company_of(docs[-1]) == "spotify" and docs[-1] != docs[0]


def test_train_folds_never_split_a_company_and_dev_is_other_documents():
    train, dev = load_unfair_tos("train"), load_unfair_tos("validation")
    folds = document_folds(train, 5)
    fold_of = {}
    for s, f in zip(train, folds):
        assert fold_of.setdefault(company_of(s.doc), f) == f
    assert len(set(folds)) == 5
    assert len({company_of(s.doc) for s in dev}) == 10
    assert not {company_of(s.doc) for s in dev} & set(fold_of)


def test_folds_over_lexglue_and_claudette_keep_every_version_of_a_company_together():
    train = load_unfair_tos("train")
    claudette = load_claudette(["en", "de", "it", "pl"], set())
    sentences = train + claudette
    folds = document_folds(sentences, 5)
    fold_of = {}
    for s, f in zip(sentences, folds):
        assert fold_of.setdefault(company_key(s), f) == f
    # The German and Polish versions of one ToS, and an older English copy in LexGLUE, share one key.
    assert company_key(Sentence("x", [], "claudette-Google-de")) == company_key(Sentence("x", [], "claudette-Google-pl"))
    assert company_key(Sentence("x", [], "claudette-Google-en")) == company_key(Sentence("x", [], "03-google"))
    assert {language_of(s) for s in claudette} == {"en", "de", "it", "pl"}
    assert {language_of(s) for s in train} == {"en"}


def test_lexglue_scores_use_a_none_column():
    y = np.array([[1, 0], [0, 0], [0, 1]])
    perfect = lexglue_scores(y, y)
    assert perfect["micro_f1"] == 100 and perfect["macro_f1"] == 100
    # Predicting nothing is right only on the unlabelled row: the none column scores, the labels do not.
    empty = lexglue_scores(y, np.zeros_like(y))
    assert empty["per_label_f1"] == [0.0, 0.0, 50.0]


def test_best_thresholds_pick_a_separating_value():
    y = np.array([[1], [1], [0], [0]])
    scores = np.array([[0.9], [0.6], [0.4], [0.1]])
    t = best_thresholds(y, scores, np.linspace(0.05, 0.95, 19))[0]
    assert 0.4 < t <= 0.6


def test_locate_spans_ignores_whitespace_and_maps_back_to_original_offsets():
    text = "1. Governing Law.\n  This Agreement is governed by the\nlaws of Delaware.  Other text."
    squeezed, offsets = squeeze(text)
    found, missed = locate_spans(squeezed, offsets, ["This Agreement is governed by the laws of Delaware.", "absent clause"])
    assert missed == 1
    (start, end), = found
    assert text[start:end] == "This Agreement is governed by the\nlaws of Delaware."
