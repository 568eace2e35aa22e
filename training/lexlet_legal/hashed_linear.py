"""Hashed sparse linear tagger: logits = sum_i w_i * W[id_i] + b, with TF-IDF pooling weights w (idf-l2).

Trained full-batch in PyTorch (the design matrix is sparse: ~400 ids per sentence over 2^18 buckets), with
L-BFGS on class-balanced binary cross-entropy plus an L2 penalty: a logistic-regression counterpart of the
TF-IDF + linear SVM reference that exports to the same ONNX graph as the embedding-bag model.
"""

from __future__ import annotations

import numpy as np
import torch


def design_matrix(id_lists: list[np.ndarray], weight_lists: list[np.ndarray], buckets: int) -> torch.Tensor:
    rows = np.concatenate([np.full(len(x), i) for i, x in enumerate(id_lists)])
    cols = np.concatenate(id_lists)
    vals = np.concatenate(weight_lists)
    index = torch.from_numpy(np.stack([rows, cols]).astype(np.int64))
    # Duplicate (row, col) pairs are summed, exactly as the pooled graph sums repeated ids.
    return torch.sparse_coo_tensor(index, torch.from_numpy(vals.astype(np.float32)), (len(id_lists), buckets)).coalesce()


class HashedLinear(torch.nn.Module):
    def __init__(self, buckets: int, n_labels: int):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.zeros(buckets, n_labels))
        self.bias = torch.nn.Parameter(torch.zeros(n_labels))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.sparse.mm(x, self.weight) + self.bias


def train_linear(x: torch.Tensor, y: np.ndarray, l2: float, iterations: int, balance_power: float) -> HashedLinear:
    """Class-balanced BCE (positives weighted (neg/pos)^balance_power per label) + l2 * ||W||^2 / 2, by L-BFGS."""
    y_t = torch.from_numpy(y.astype(np.float32))
    pos = y_t.sum(0).clamp_min(1.0)
    pos_weight = ((len(y) - pos) / pos) ** balance_power
    model = HashedLinear(x.shape[1], y.shape[1])
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight, reduction="sum")
    opt = torch.optim.LBFGS(model.parameters(), lr=1.0, max_iter=iterations, history_size=20, line_search_fn="strong_wolfe")

    def closure() -> torch.Tensor:
        opt.zero_grad()
        loss = loss_fn(model(x), y_t) / len(y) + 0.5 * l2 * (model.weight**2).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return model
