"""Multinomial naive Bayes over hashed character n-grams, quantized to int8 so that the app's scores are exact.

Scores: score[c] = scale * sum over the text's feature ids f of q[f, c] (q int8; integer sums are exact in
Python and JavaScript alike), then probabilities = softmax(score). q is the class log-likelihood of the bucket,
centred over classes (a per-bucket constant changes no softmax) and rounded to int8 with one global scale.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from .features import FeatureSpec, bucket, feature_strings, tokenize


def count_features(sentences_by_lang: dict[str, list[str]], languages: tuple[str, ...], spec: FeatureSpec):
    counts = np.zeros((spec.buckets, len(languages)), dtype=np.float64)
    for column, lang in enumerate(languages):
        strings: Counter[str] = Counter()
        for sentence in sentences_by_lang[lang]:
            strings.update(feature_strings(tokenize(sentence, spec.max_tokens), spec))
        for feature, n in strings.items():
            counts[bucket(feature, spec), column] += n
    return counts


def log_likelihoods(counts: np.ndarray, alpha: float) -> np.ndarray:
    smoothed = counts + alpha
    log_probs = np.log(smoothed) - np.log(smoothed.sum(axis=0, keepdims=True))
    return log_probs - log_probs.mean(axis=1, keepdims=True)


def quantize(weights: np.ndarray) -> tuple[np.ndarray, float]:
    scale = float(np.abs(weights).max()) / 127.0
    return np.clip(np.rint(weights / scale), -127, 127).astype(np.int8), scale


def raw_scores(ids: list[int], q: np.ndarray) -> list[int]:
    """Integer class sums, in the order the app adds them (it gets the same integers)."""
    sums = [0] * q.shape[1]
    for f in ids:
        row = q[f]
        for c in range(len(sums)):
            sums[c] += int(row[c])
    return sums


def probabilities(sums: list[int], scale: float) -> list[float]:
    scores = [s * scale for s in sums]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]
