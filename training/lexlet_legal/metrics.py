"""LexGLUE-style multi-label scores and per-label threshold calibration."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import f1_score


def with_none_column(y: np.ndarray) -> np.ndarray:
    """Appends the LexGLUE 9th column: 1 when a row has no label (the 'fair' class)."""
    return np.concatenate([y, (y.sum(axis=1) == 0)[:, None]], axis=1).astype(np.int32)


def lexglue_scores(y_true: np.ndarray, y_pred: np.ndarray) -> dict:
    """micro/macro F1 over 8 labels + none column (as LexGLUE's unfair_tos scorer), in percent."""
    t, p = with_none_column(y_true), with_none_column(y_pred)
    per_label = f1_score(t, p, average=None, zero_division=0)
    return {
        "micro_f1": 100 * f1_score(t, p, average="micro", zero_division=0),
        "macro_f1": 100 * f1_score(t, p, average="macro", zero_division=0),
        "macro_f1_8": 100 * float(np.mean(per_label[:-1])),
        "per_label_f1": [round(100 * float(x), 1) for x in per_label],
    }


def binarize(scores: np.ndarray, thresholds: np.ndarray | float) -> np.ndarray:
    return (scores >= thresholds).astype(np.int32)


def best_thresholds(y_true: np.ndarray, scores: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """Per label, the grid threshold with the best F1 on (out-of-fold) scores; ties go to the middle one."""
    out = []
    for j in range(y_true.shape[1]):
        f1s = np.array([f1_score(y_true[:, j], scores[:, j] >= g, zero_division=0) for g in grid])
        best = np.flatnonzero(f1s >= f1s.max() - 1e-9)
        out.append(float(grid[best[len(best) // 2]]))
    return np.array(out)


def multi_hot(labels: list[list[int]], n: int) -> np.ndarray:
    y = np.zeros((len(labels), n), dtype=np.int32)
    for i, ls in enumerate(labels):
        y[i, ls] = 1
    return y
