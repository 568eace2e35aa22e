import numpy as np

from lexlet_legal.threshold_rules import RULES, nested_cv, rule_thresholds

GRID = np.linspace(0.05, 0.95, 19)


def two_languages(seed: int = 0):
    """English scores positives near 0.8; another language ("xx") scores its positives lower, near 0.35."""
    rng = np.random.default_rng(seed)
    rows = []
    for lang, high in (("en", 0.8), ("xx", 0.35)):
        for fold in range(4):
            for _ in range(60):
                positive = rng.random() < 0.3
                score = np.clip(rng.normal(high if positive else 0.1, 0.05), 0, 1)
                rows.append((lang, fold, int(positive), score))
    langs = np.array([r[0] for r in rows])
    folds = np.array([r[1] for r in rows])
    y = np.array([[r[2]] for r in rows])
    oof = np.array([[r[3]] for r in rows], dtype=np.float32)
    return y, oof, folds, langs, langs == "en"


def test_a_language_scored_lower_than_english_is_served_by_its_own_thresholds_not_the_english_ones():
    y, oof, folds, langs, is_lexglue = two_languages()
    scores = nested_cv(y, oof, folds, langs, is_lexglue, "xx", GRID)
    assert set(scores) == set(RULES)
    assert scores["own"]["macro_f1"] > scores["lexglue"]["macro_f1"] + 20
    assert scores["own"]["macro_f1"] > 90


def test_thresholds_come_only_from_the_rows_they_are_given():
    y, oof, folds, langs, is_lexglue = two_languages()
    rows = folds != 0
    before = rule_thresholds(rows, y, oof, langs, is_lexglue, "xx", GRID)
    # Anything in the held-out fold, however extreme, changes nothing.
    y2, oof2 = y.copy(), oof.copy()
    y2[folds == 0] = 1
    oof2[folds == 0] = 0.01
    after = rule_thresholds(rows, y2, oof2, langs, is_lexglue, "xx", GRID)
    for rule in RULES:
        assert np.array_equal(before[rule], after[rule])
