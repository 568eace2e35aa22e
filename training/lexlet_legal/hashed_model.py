"""fastText-like classifier: pooled hashed n-gram embeddings -> (optional tanh layer) -> one logit per label.

Pooling ("model.pooling" in the config), the same in training (EmbeddingBag weights) and in the ONNX graph:
  mean    w_i = 1 / n
  idf-l2  w_i = idf[id_i] / sqrt(sum_k idf[id_k]^2)   (TF-IDF weighting with L2 norm, as the linear baselines use;
                                                     idf is fitted on the training sentences and ships in the graph)
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn


class HashedBagClassifier(nn.Module):
    def __init__(self, buckets: int, dim: int, n_labels: int, hidden: int = 0, dropout: float = 0.0):
        super().__init__()
        # Sparse gradients: one step touches a few thousand of the 262k rows.
        self.embedding = nn.EmbeddingBag(buckets, dim, mode="sum", sparse=True)
        nn.init.uniform_(self.embedding.weight, -1.0 / dim, 1.0 / dim)
        self.dropout = nn.Dropout(dropout)
        self.hidden = nn.Sequential(nn.Linear(dim, hidden), nn.Tanh()) if hidden else nn.Identity()
        self.out = nn.Linear(hidden or dim, n_labels)

    def forward(self, flat_ids: torch.Tensor, offsets: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
        pooled = self.embedding(flat_ids, offsets, per_sample_weights=weights)
        return self.out(self.hidden(self.dropout(pooled)))


def fit_idf(id_lists: list[np.ndarray], buckets: int) -> np.ndarray:
    """Smoothed idf per bucket over sentences (scikit-learn's formula): ln((1 + N) / (1 + df)) + 1."""
    df = np.zeros(buckets, dtype=np.float64)
    for ids in id_lists:
        df[np.unique(ids)] += 1
    return (np.log((1 + len(id_lists)) / (1 + df)) + 1).astype(np.float32)


def pooling_weights(ids: np.ndarray, pooling: str, idf: np.ndarray | None) -> np.ndarray:
    if len(ids) == 0:
        return np.zeros(0, dtype=np.float32)
    if pooling == "mean":
        return np.full(len(ids), 1.0 / len(ids), dtype=np.float32)
    if pooling == "idf-l2":
        w = idf[ids].astype(np.float64)
        return (w / np.sqrt((w * w).sum())).astype(np.float32)
    raise ValueError(f"unknown pooling {pooling}")


def make_bag_batch(id_lists: list[np.ndarray], weight_lists: list[np.ndarray]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Flat ids, offsets and per-id weights for EmbeddingBag; an empty sentence pools to zero."""
    lengths = np.array([len(x) for x in id_lists])
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    flat = np.concatenate(id_lists).astype(np.int64) if lengths.sum() else np.zeros(0, dtype=np.int64)
    weights = np.concatenate(weight_lists).astype(np.float32) if lengths.sum() else np.zeros(0, dtype=np.float32)
    return torch.from_numpy(flat), torch.from_numpy(offsets.astype(np.int64)), torch.from_numpy(weights)
