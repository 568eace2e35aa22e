"""The language identifier: features (mirrored by src/engine/langid), training, the shipped model and its dev
accuracy."""

import json
from pathlib import Path

import numpy as np
import pytest

from lexlet_langid.data import LANGUAGES, SHARED, dev_sentences, normalized, training_sentences
from lexlet_langid.evaluate import accuracy_by_length, choose_threshold, dev_rows
from lexlet_langid.export import PARITY_TEXTS, load_model, parity_fixture
from lexlet_langid.features import FeatureSpec, feature_ids, feature_strings, fnv1a32, tokenize, word_count
from lexlet_langid.model import count_features, log_likelihoods, probabilities, quantize, raw_scores

REPO = Path(__file__).resolve().parents[2]
MODEL = REPO / "public" / "models" / "lexlet-langid" / "langid.json"
FIXTURE = REPO / "src" / "engine" / "langid" / "__fixtures__" / "langid-parity.json"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="the shared corpora are not beside the repository")


def test_fnv1a32_reference_vectors():
    assert fnv1a32(b"") == 0x811C9DC5
    assert fnv1a32(b"a") == 0xE40C292C
    assert fnv1a32(b"foobar") == 0xBF9CF968


def test_tokens_are_letter_runs_split_between_han_and_other_scripts():
    assert tokenize("Öffnen Sie ﬁ-Ligaturen, 42!", 10) == ["öffnen", "sie", "fi", "ligaturen"]
    assert tokenize("Use Excel打开文件 now", 10) == ["use", "excel", "打开文件", "now"]
    assert tokenize("a b c", 2) == ["a", "b"]
    assert tokenize("12 😀 !!", 10) == []


def test_features_pad_words_and_count_han_characters_directly():
    spec = FeatureSpec(max_n=3, han_max_n=2)
    assert feature_strings(["ab"], spec) == ["a", "b", " a", "ab", "b ", " ab", "ab "]
    assert feature_strings(["我们好"], spec) == ["我", "们", "好", "我们", "们好"]
    assert all(0 <= i < 97 for i in feature_ids("Ayer compré un libro", FeatureSpec(buckets=97)))


def test_word_count_counts_each_han_character():
    assert word_count("Ayer compré un libro.") == 4
    assert word_count("我昨天买了一本书。") == 8
    assert word_count("Use Excel打开文件 — now") == 7


def test_naive_bayes_learns_two_toy_languages():
    spec = FeatureSpec(buckets=1 << 12)
    corpus = {
        "en": ["the cat is on the table", "where is the house", "this is the thing"],
        "es": ["el gato está en la mesa", "dónde está la casa", "esto es la cosa"],
    }
    q, scale = quantize(log_likelihoods(count_features(corpus, ("en", "es"), spec), alpha=0.5))
    for text, gold in (("the table", 0), ("la mesa", 1)):
        probs = probabilities(raw_scores(feature_ids(text, spec), q), scale)
        assert int(np.argmax(probs)) == gold and probs[gold] > 0.5


def test_threshold_is_the_lowest_confidence_meeting_the_target():
    band = "1–3 words"
    rows = [(0, band, 0, 1, 0.5), (1, band, 0, 0, 0.6), (2, band, 0, 0, 0.9), (3, band, 1, 1, 0.95)]
    assert choose_threshold(rows, 0.99) == 0.6
    table = accuracy_by_length(rows, 0.6)
    assert table[band] == {"sentences": 4, "accuracy": 0.75, "answered": 0.75, "answered_accuracy": 1.0}


def test_shipped_model_is_small_and_matches_the_parity_fixture():
    assert MODEL.stat().st_size <= 1_000_000
    q, scale, languages, spec, threshold = load_model(MODEL)
    assert languages == LANGUAGES and 0 < threshold <= 1
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert [case["text"] for case in fixture] == PARITY_TEXTS
    assert fixture == json.loads(json.dumps(parity_fixture(q, scale, spec)))


@needs_shared
def test_training_data_holds_no_dev_sentence():
    train, stats = training_sentences(tatoeba_per_language=2000, libreoffice_per_language=500)
    held_out = {normalized(s) for sentences in dev_sentences().values() for s in sentences}
    assert all(len(train[lang]) == 2500 for lang in LANGUAGES)
    assert not any(normalized(s) in held_out for sentences in train.values() for s in sentences)


@needs_shared
def test_shipped_model_is_accurate_on_unseen_dev_sentences():
    q, scale, languages, spec, _ = load_model(MODEL)
    dev = {lang: sentences[:200] for lang, sentences in dev_sentences().items()}
    table = accuracy_by_length(dev_rows(dev, languages, q.astype("float64"), scale, spec))
    assert table["4–10 words"]["accuracy"] >= 0.98
    assert table["all"]["accuracy"] >= 0.98
