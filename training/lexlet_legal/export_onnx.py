"""Exports a trained hashed tagger (UNFAIR-ToS or CUAD) to ONNX + config.json under public/models/<model_id>/.

Works for both model kinds (hashed linear and embedding bag): the per-bucket table (label weights or embeddings)
is stored as int8 with one scale per row (symmetric), gathered and dequantized inside the graph, so the file is 4x
smaller than fp32 and only the rows a sentence uses are ever dequantized.

  cd training && /usr/bin/python3 -m lexlet_legal.export_onnx --config legal-unfair-tos
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import onnx
import torch
from torch import nn

from .hashed_linear import HashedLinear, design_matrix
from .hashed_model import HashedBagClassifier, make_bag_batch, pooling_weights
from .hashing import Featurizer, FeaturizerSpec
from .train_unfair_tos import TRAINING_ROOT, load_config
from .unfair_tos_data import LABELS, load_unfair_tos

REPO_ROOT = TRAINING_ROOT.parent
ONNX_NAME = "model.onnx"


class QuantizedPaddedTagger(nn.Module):
    """input_ids int32 [batch, n] + mask float32 [batch, n] (1 = id, 0 = padding) -> probs [batch, labels].

    Pooling happens in the graph (see hashed_model.py), so the caller only pads; Gather + Mul + ReduceSum stand in
    for EmbeddingBag, which ONNX can only express as a slow Loop.
    """

    def __init__(self, table: torch.Tensor, head: nn.Module, pooling: str, idf: np.ndarray | None):
        super().__init__()
        self.pooling = pooling
        if pooling == "idf-l2":
            self.register_buffer("idf", torch.from_numpy(idf).float())
        weight = table.detach()
        scale = weight.abs().amax(dim=1).clamp_min(1e-12) / 127.0
        self.register_buffer("table", torch.round(weight / scale[:, None]).to(torch.int8))
        self.register_buffer("scale", scale.float())
        self.head = head

    def forward(self, input_ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        ids = input_ids.long()
        if self.pooling == "idf-l2":
            w = self.idf[ids] * mask
            weights = w / torch.sqrt((w * w).sum(dim=1, keepdim=True)).clamp_min(1e-12)
        else:
            weights = mask / mask.sum(dim=1, keepdim=True).clamp_min(1.0)
        vectors = self.table[ids].float() * self.scale[ids].unsqueeze(-1)
        pooled = (vectors * weights.unsqueeze(-1)).sum(dim=1)
        return torch.sigmoid(self.head(pooled))


class BiasHead(nn.Module):
    def __init__(self, bias: torch.Tensor):
        super().__init__()
        self.bias = nn.Parameter(bias.detach().clone())

    def forward(self, pooled: torch.Tensor) -> torch.Tensor:
        return pooled + self.bias


def build_tagger(cfg: dict, work: Path, n_labels: int) -> tuple[QuantizedPaddedTagger, nn.Module, np.ndarray | None]:
    """The export graph plus the float model it was made from (to measure what int8 storage changes)."""
    spec = FeaturizerSpec(**cfg["featurizer"])
    pooling = cfg["model"]["pooling"]
    idf = np.load(work / "idf.npy") if pooling == "idf-l2" else None
    state = torch.load(work / "model.pt")
    if cfg["model"]["kind"] == "linear":
        model = HashedLinear(spec.buckets, n_labels)
        model.load_state_dict(state)
        return QuantizedPaddedTagger(model.weight, BiasHead(model.bias), pooling, idf).eval(), model.eval(), idf
    model = HashedBagClassifier(spec.buckets, cfg["model"]["dim"], n_labels, cfg["model"]["hidden"], 0.0)
    model.load_state_dict(state)
    head = nn.Sequential(model.hidden, model.out)
    return QuantizedPaddedTagger(model.embedding.weight, head, pooling, idf).eval(), model.eval(), idf


def export(cfg: dict, out_dir: Path) -> dict:
    work = TRAINING_ROOT / "work" / "legal" / cfg["model_id"]
    scores = json.loads((work / "scores.json").read_text())
    spec = FeaturizerSpec(**cfg["featurizer"])
    pooling = cfg["model"]["pooling"]
    labels = scores.get("categories", LABELS)
    tagger, model, idf = build_tagger(cfg, work, len(labels))

    out_dir.mkdir(parents=True, exist_ok=True)
    example_ids = torch.randint(0, spec.buckets, (2, 7), dtype=torch.int32)
    example_mask = torch.ones((2, 7))
    torch.onnx.export(
        tagger,
        (example_ids, example_mask),
        str(out_dir / ONNX_NAME),
        input_names=["input_ids", "mask"],
        output_names=["probs"],
        dynamic_axes={"input_ids": {0: "batch", 1: "ids"}, "mask": {0: "batch", 1: "ids"}, "probs": {0: "batch"}},
        opset_version=13,
        do_constant_folding=True,
    )
    onnx.checker.check_model(onnx.load(str(out_dir / ONNX_NAME)))

    # How far int8 storage moves the probabilities (random id bags of sentence-like lengths).
    rng = np.random.default_rng(0)
    ids = [rng.integers(0, spec.buckets, rng.integers(20, 400)) for _ in range(64)]
    with torch.no_grad():
        weights = [pooling_weights(x, pooling, idf) for x in ids]
        if isinstance(model, HashedLinear):
            ref = torch.sigmoid(model(design_matrix(ids, weights, spec.buckets))).numpy()
        else:
            ref = torch.sigmoid(model(*make_bag_batch(ids, weights))).numpy()
        width = max(len(x) for x in ids)
        padded = np.zeros((len(ids), width), dtype=np.int32)
        mask = np.zeros((len(ids), width), dtype=np.float32)
        for i, x in enumerate(ids):
            padded[i, : len(x)] = x
            mask[i, : len(x)] = 1.0
        quant = tagger(torch.from_numpy(padded), torch.from_numpy(mask)).numpy()

    config = {
        "model_type": "hashed-ngram-bag",
        "task": cfg["task"],
        "model_id": cfg["model_id"],
        "version": 1,
        "labels": labels,
        # With contract-level rules (document_rules.py) the unit threshold is the rule's; the gate and rank limit
        # are applied over a whole document by the engine.
        **(
            {
                "thresholds": scores["document_rules"]["unit"],
                "document_rules": {k: scores["document_rules"][k] for k in ("gate", "top_k")},
            }
            if "document_rules" in scores
            else {"thresholds": scores["thresholds"]}
        ),
        **({"thresholds_by_language": scores["thresholds_by_language"]} if "thresholds_by_language" in scores else {}),
        "featurizer": spec.to_json(),
        "onnx": {"file": ONNX_NAME, "inputs": {"ids": "input_ids", "mask": "mask"}, "output": "probs", "ids_dtype": "int32"},
        "architecture": {
            "kind": cfg["model"]["kind"],
            "embedding_dim": cfg["model"]["dim"] if cfg["model"]["kind"] == "bag" else len(labels),
            "hidden": cfg["model"]["hidden"] if cfg["model"]["kind"] == "bag" else 0,
            "pooling": pooling,
            "embedding_dtype": "int8-per-row",
        },
    }
    (out_dir / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return {"max_abs_prob_diff_int8": float(np.abs(ref - quant).max()), "onnx_bytes": (out_dir / ONNX_NAME).stat().st_size}


def write_expected_fixture(cfg: dict, out_dir: Path) -> Path:
    """Dev sentences with the float model's probabilities, for the Node test of the exported ONNX model."""
    work = TRAINING_ROOT / "work" / "legal" / cfg["model_id"]
    spec = FeaturizerSpec(**cfg["featurizer"])
    featurizer = Featurizer(spec)
    _, model, idf = build_tagger(cfg, work, len(LABELS))
    dev = load_unfair_tos("validation")
    positives = [s for s in dev if s.labels][:24]
    negatives = [s for s in dev if not s.labels][::97][:16]
    cases = positives + negatives
    ids = [np.array(featurizer.ids(s.text), dtype=np.int64) for s in cases]
    weights = [pooling_weights(x, cfg["model"]["pooling"], idf) for x in ids]
    with torch.no_grad():
        if isinstance(model, HashedLinear):
            probs = torch.sigmoid(model(design_matrix(ids, weights, spec.buckets))).numpy()
        else:
            probs = torch.sigmoid(model(*make_bag_batch(ids, weights))).numpy()
    path = REPO_ROOT / "src" / "engine" / "legal" / "__fixtures__" / f"{cfg['model_id']}-expected.json"
    path.write_text(
        json.dumps(
            {"model_dir": str(out_dir.relative_to(REPO_ROOT)), "cases": [
                {"text": s.text, "gold": s.labels, "probs": [round(float(p), 5) for p in row]} for s, row in zip(cases, probs)
            ]},
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="legal-unfair-tos")
    args = ap.parse_args()
    torch.set_num_threads(1)
    cfg = load_config(args.config)
    out_dir = REPO_ROOT / "public" / "models" / cfg["model_id"]
    print(json.dumps(export(cfg, out_dir)))
    if cfg["task"] == "unfair-tos":
        print(f"wrote {write_expected_fixture(cfg, out_dir)}")


if __name__ == "__main__":
    main()
