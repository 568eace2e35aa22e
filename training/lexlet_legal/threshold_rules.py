"""Which rule for the per-language thresholds of the multilingual unfair-terms model holds up on unseen companies.

    /usr/bin/python3 -m lexlet_legal.threshold_rules [--config legal-unfair-tos-multilingual]

Reads the out-of-fold scores that ``train_unfair_tos`` saves (``work/legal/<model>/oof.npz``: every training
sentence of LexGLUE train and CLAUDETTE, scored by the fold model that did not see its company) and runs a nested
cross-validation over the same company folds: for each fold, each rule picks thresholds on the other folds and is
scored on the held-out fold's sentences of the language. Rules: ``own`` (the language's own sentences, what ships),
``lexglue`` (LexGLUE train, the English set), ``english`` (all English sentences), ``pooled`` (every language) and
``shrunk`` (the mean of ``own`` and ``lexglue``). No dev sentence is used.
"""

from __future__ import annotations

import argparse

import numpy as np

from .metrics import best_thresholds, binarize, lexglue_scores
from .train_unfair_tos import TRAINING_ROOT, load_config

RULES = ("own", "lexglue", "english", "pooled", "shrunk")


def rule_thresholds(rows: np.ndarray, y: np.ndarray, oof: np.ndarray, langs: np.ndarray, is_lexglue: np.ndarray,
                    lang: str, grid: np.ndarray) -> dict[str, np.ndarray]:
    """Each rule's thresholds for `lang`, chosen on the sentences in `rows` (a boolean mask) only."""
    def pick(mask: np.ndarray) -> np.ndarray:
        return best_thresholds(y[rows & mask], oof[rows & mask], grid)

    own, lexglue = pick(langs == lang), pick(is_lexglue)
    return {"own": own, "lexglue": lexglue, "english": pick(langs == "en"), "pooled": pick(np.ones_like(rows)),
            "shrunk": (own + lexglue) / 2}


def nested_cv(y: np.ndarray, oof: np.ndarray, folds: np.ndarray, langs: np.ndarray, is_lexglue: np.ndarray,
              lang: str, grid: np.ndarray) -> dict[str, dict]:
    """LexGLUE-style scores of each rule on `lang`'s sentences, each fold predicted with thresholds from the others."""
    mine = np.flatnonzero(langs == lang)
    predicted = {rule: np.zeros_like(y[mine]) for rule in RULES}
    for k in np.unique(folds):
        thresholds = rule_thresholds(folds != k, y, oof, langs, is_lexglue, lang, grid)
        held_out = folds[mine] == k
        for rule in RULES:
            predicted[rule][held_out] = binarize(oof[mine][held_out], thresholds[rule])
    return {rule: lexglue_scores(y[mine], predicted[rule]) for rule in RULES}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="legal-unfair-tos-multilingual")
    args = ap.parse_args()
    cfg = load_config(args.config)
    saved = np.load(TRAINING_ROOT / "work" / "legal" / cfg["model_id"] / "oof.npz")
    y, oof, folds, langs = saved["y"], saved["oof"], saved["folds"], saved["langs"]
    # The pool lists LexGLUE train first, then CLAUDETTE (train_unfair_tos).
    is_lexglue = np.arange(len(y)) < int(saved["lexglue_rows"])
    grid = np.linspace(*cfg["threshold_grid"][:2], int(cfg["threshold_grid"][2]))
    print("nested CV, macro-F1 / micro-F1 by rule")
    for lang in cfg["data"].get("thresholds_by_language", []):
        scores = nested_cv(y, oof, folds, langs, is_lexglue, lang, grid)
        print(lang, "  ".join(f"{rule} {s['macro_f1']:.2f} / {s['micro_f1']:.2f}" for rule, s in scores.items()))


if __name__ == "__main__":
    main()
