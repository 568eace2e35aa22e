"""Dev accuracy by length, and the confidence threshold below which the app calls a text ambiguous."""

from __future__ import annotations

import numpy as np

from .features import FeatureSpec, feature_ids, word_count

LENGTH_BANDS = (("1–3 words", 1, 3), ("4–10 words", 4, 10), ("11+ words", 11, 10**9))


def band(words: int) -> str:
    for name, low, high in LENGTH_BANDS:
        if low <= words <= high:
            return name
    return LENGTH_BANDS[0][0]


def predict(texts: list[str], weights: np.ndarray, scale: float, spec: FeatureSpec):
    """(predicted column or -1 when the text has no letters, top probability) per text."""
    out = []
    for text in texts:
        ids = feature_ids(text, spec)
        if not ids:
            out.append((-1, 0.0))
            continue
        scores = weights[ids].sum(axis=0) * scale
        probs = np.exp(scores - scores.max())
        probs /= probs.sum()
        top = int(np.argmax(probs))
        out.append((top, float(probs[top])))
    return out


def dev_rows(dev: dict[str, list[str]], languages, weights, scale, spec):
    """One row per dev sentence: (index within its language, band, gold column, predicted column, confidence)."""
    rows = []
    for gold, lang in enumerate(languages):
        for index, (text, (pred, conf)) in enumerate(zip(dev[lang], predict(dev[lang], weights, scale, spec))):
            rows.append((index, band(word_count(text)), gold, pred, conf))
    return rows


def accuracy_by_length(rows, threshold: float = 0.0) -> dict:
    """Per band: sentences, accuracy (every text gets its top language), and with the threshold: the share
    answered (confidence at or above it) and the accuracy of those answers."""
    table = {}
    for name, _, _ in LENGTH_BANDS + (("all", 0, 0),):
        picked = [r for r in rows if name == "all" or r[1] == name]
        answered = [r for r in picked if r[4] >= threshold]
        table[name] = {
            "sentences": len(picked),
            "accuracy": _share(sum(r[2] == r[3] for r in picked), len(picked)),
            "answered": _share(len(answered), len(picked)),
            "answered_accuracy": _share(sum(r[2] == r[3] for r in answered), len(answered)),
        }
    return table


def choose_threshold(rows, target: float) -> float:
    """The lowest confidence at which the short (1–3 word) texts answered are at least `target` right."""
    short = sorted((r for r in rows if r[1] == LENGTH_BANDS[0][0]), key=lambda r: r[4])
    for start, row in enumerate(short):
        kept = short[start:]
        if sum(r[2] == r[3] for r in kept) >= target * len(kept):
            return round(row[4], 4)
    return 1.0


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
