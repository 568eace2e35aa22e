"""The second tagger family: a small pre-norm Transformer encoder, pre-trained with masked-language modelling on the
legal text at hand, then fine-tuned as a multi-label sentence classifier.

Attention is written out with plain MatMul/Softmax (no fused kernels) so the ONNX export is a graph that every
onnxruntime-web backend runs and that the project's weight-only int8 quantizer (lexlet_mt.quantize) can shrink.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
from torch import nn
from torch.nn import functional as F


@dataclass
class EncoderSpec:
    vocab_size: int
    d_model: int = 256
    layers: int = 4
    heads: int = 4
    ffn: int = 1024
    max_len: int = 128
    dropout: float = 0.1

    def to_json(self) -> dict:
        return asdict(self)


class SelfAttention(nn.Module):
    def __init__(self, spec: EncoderSpec):
        super().__init__()
        self.heads = spec.heads
        self.head_dim = spec.d_model // spec.heads
        self.qkv = nn.Linear(spec.d_model, 3 * spec.d_model)
        self.out = nn.Linear(spec.d_model, spec.d_model)
        self.dropout = nn.Dropout(spec.dropout)

    def forward(self, x: torch.Tensor, additive_mask: torch.Tensor) -> torch.Tensor:
        b, n, d = x.shape
        q, k, v = self.qkv(x).view(b, n, 3, self.heads, self.head_dim).permute(2, 0, 3, 1, 4)
        scores = q @ k.transpose(-1, -2) / math.sqrt(self.head_dim) + additive_mask
        weights = self.dropout(torch.softmax(scores, dim=-1))
        return self.out((weights @ v).transpose(1, 2).reshape(b, n, d))


class EncoderLayer(nn.Module):
    def __init__(self, spec: EncoderSpec):
        super().__init__()
        self.norm1 = nn.LayerNorm(spec.d_model)
        self.attention = SelfAttention(spec)
        self.norm2 = nn.LayerNorm(spec.d_model)
        self.ffn = nn.Sequential(
            nn.Linear(spec.d_model, spec.ffn), nn.GELU(), nn.Dropout(spec.dropout), nn.Linear(spec.ffn, spec.d_model)
        )
        self.dropout = nn.Dropout(spec.dropout)

    def forward(self, x: torch.Tensor, additive_mask: torch.Tensor) -> torch.Tensor:
        x = x + self.dropout(self.attention(self.norm1(x), additive_mask))
        return x + self.dropout(self.ffn(self.norm2(x)))


class TextEncoder(nn.Module):
    """Token ids [b, n] + mask [b, n] (1 = token, 0 = padding) → contextual states [b, n, d]."""

    def __init__(self, spec: EncoderSpec):
        super().__init__()
        self.spec = spec
        self.tokens = nn.Embedding(spec.vocab_size, spec.d_model)
        self.positions = nn.Embedding(spec.max_len, spec.d_model)
        self.layers = nn.ModuleList(EncoderLayer(spec) for _ in range(spec.layers))
        self.norm = nn.LayerNorm(spec.d_model)
        self.dropout = nn.Dropout(spec.dropout)
        nn.init.normal_(self.tokens.weight, std=0.02)
        nn.init.normal_(self.positions.weight, std=0.02)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        n = ids.shape[1]
        positions = torch.arange(n, device=ids.device)
        x = self.dropout(self.tokens(ids) + self.positions(positions)[None])
        # Large negative rather than -inf: a fully padded row must not turn into NaN.
        additive = ((1.0 - mask.float()) * -1e4)[:, None, None, :]
        for layer in self.layers:
            x = layer(x, additive)
        return self.norm(x)


class MaskedLanguageModel(nn.Module):
    """Encoder + an output projection tied to the token embeddings."""

    def __init__(self, spec: EncoderSpec):
        super().__init__()
        self.encoder = TextEncoder(spec)
        self.transform = nn.Sequential(nn.Linear(spec.d_model, spec.d_model), nn.GELU(), nn.LayerNorm(spec.d_model))
        self.bias = nn.Parameter(torch.zeros(spec.vocab_size))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor, positions: torch.Tensor) -> torch.Tensor:
        """Logits at the flattened (row, column) positions that were masked: [k, vocab]."""
        states = self.encoder(ids, mask)
        picked = self.transform(states[positions[:, 0], positions[:, 1]])
        return picked @ self.encoder.tokens.weight.T + self.bias


class SentenceClassifier(nn.Module):
    """Encoder → masked mean pooling → dropout → linear logits per label."""

    def __init__(self, spec: EncoderSpec, n_labels: int):
        super().__init__()
        self.encoder = TextEncoder(spec)
        self.dropout = nn.Dropout(spec.dropout)
        self.head = nn.Linear(spec.d_model, n_labels)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        states = self.encoder(ids, mask)
        m = mask.float().unsqueeze(-1)
        pooled = (states * m).sum(dim=1) / m.sum(dim=1).clamp_min(1.0)
        return self.head(self.dropout(pooled))


class ProbabilityGraph(nn.Module):
    """The exported graph: input_ids int32 + mask float32 → probs, the same interface as the hashed taggers."""

    def __init__(self, classifier: SentenceClassifier):
        super().__init__()
        self.classifier = classifier

    def forward(self, input_ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self.classifier(input_ids.long(), mask))


def mask_tokens(
    ids: torch.Tensor, mask: torch.Tensor, mask_id: int, vocab_size: int, first_normal_id: int, rate: float,
    generator: torch.Generator,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """BERT-style corruption: of `rate` of the real tokens, 80% → <mask>, 10% → a random token, 10% unchanged.

    Returns (corrupted ids, positions [k, 2], original ids at those positions).
    """
    eligible = mask.bool() & (ids >= first_normal_id)
    chosen = eligible & (torch.rand(ids.shape, generator=generator) < rate)
    if not chosen.any():  # at least one target per batch keeps the loss defined
        flat = torch.nonzero(eligible)
        if len(flat) == 0:
            flat = torch.nonzero(mask.bool())
        pick = flat[torch.randint(len(flat), (1,), generator=generator)]
        chosen[pick[0, 0], pick[0, 1]] = True
    positions = torch.nonzero(chosen)
    targets = ids[chosen]
    corrupted = ids.clone()
    roll = torch.rand(len(targets), generator=generator)
    replace = torch.where(
        roll < 0.8,
        torch.full_like(targets, mask_id),
        torch.where(roll < 0.9, torch.randint(first_normal_id, vocab_size, targets.shape, generator=generator), targets),
    )
    corrupted[positions[:, 0], positions[:, 1]] = replace
    return corrupted, positions, targets


def mlm_loss(model: MaskedLanguageModel, ids, mask, positions, targets) -> torch.Tensor:
    return F.cross_entropy(model(ids, mask, positions), targets)
