"""Stage 4 of the encoder family: ONNX (weights int8) + tokenizer + config.json in a model folder.

  cd training && /usr/bin/python3 -m lexlet_legal.export_encoder --config legal-unfair-tos-encoder --init scratch

The default folder is e2e/fixtures/models/<model_id>/: on dev this family does not beat the shipped hashed model
(see its MODEL_CARD.md), so it is kept for the comparison and for the browser test of the encoder path, and is
not in the app's catalog. `--out ../public/models/<model_id>` ships it instead.

The graph has the hashed taggers' interface (input_ids int32 [batch, n], mask float32 [batch, n] → probs), so the
engine's SentenceTagger runs both families; only the ids differ: here they come from tokenizer.json (SentencePiece
unigram, lower-cased, </s> appended, cut to max_length). Weights are stored int8 per output channel with
lexlet_mt.quantize (wint8: dequantized when the session loads, so inference runs the float graph).
Also writes src/engine/legal/__fixtures__/<model_id>-expected.json: dev sentences with the float model's
probabilities and ids, which the Node test checks against the shipped files.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import numpy as np
import onnx
import torch

from lexlet_mt.quantize import quantize_model

from .encoder_corpus import encode, load_tokenizer, work_dir
from .encoder_model import EncoderSpec, ProbabilityGraph, SentenceClassifier
from .export_onnx import REPO_ROOT
from .pretrain_mlm import collate
from .train_unfair_tos import load_config
from .unfair_tos_data import LABELS, load_unfair_tos

ONNX_NAME = "model.onnx"


def load_classifier(cfg: dict, init: str) -> tuple[SentenceClassifier, dict]:
    work = work_dir(cfg)
    state = torch.load(work / f"classifier-{init}.pt")
    model = SentenceClassifier(EncoderSpec(**state["spec"]), len(LABELS))
    model.load_state_dict(state["model"])
    model.eval()
    return model, json.loads((work / f"scores-{init}.json").read_text())


def export(cfg: dict, init: str, out_dir: Path) -> dict:
    model, scores = load_classifier(cfg, init)
    spec = model.encoder.spec
    out_dir.mkdir(parents=True, exist_ok=True)
    fp32_path = work_dir(cfg) / "model-fp32.onnx"
    example = torch.randint(4, spec.vocab_size, (2, 9), dtype=torch.int32)
    torch.onnx.export(
        ProbabilityGraph(model),
        (example, torch.ones((2, 9))),
        str(fp32_path),
        input_names=["input_ids", "mask"],
        output_names=["probs"],
        dynamic_axes={"input_ids": {0: "batch", 1: "ids"}, "mask": {0: "batch", 1: "ids"}, "probs": {0: "batch"}},
        opset_version=14,
        do_constant_folding=True,
    )
    quantized, stats = quantize_model(onnx.load(str(fp32_path)))
    onnx.save(quantized, str(out_dir / ONNX_NAME))
    for name in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copyfile(work_dir(cfg) / name, out_dir / name)
    config = {
        "model_type": "transformer-encoder",
        "task": cfg["task"],
        "model_id": cfg["model_id"],
        "version": 1,
        "labels": LABELS,
        "thresholds": scores["thresholds"],
        "tokenizer": {"file": "tokenizer.json", "max_length": spec.max_len},
        "onnx": {"file": ONNX_NAME, "inputs": {"ids": "input_ids", "mask": "mask"}, "output": "probs", "ids_dtype": "int32"},
        "architecture": {**spec.to_json(), "pooling": "mean", "init": init, "weights": "int8 per output channel"},
    }
    (out_dir / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return {**stats, "fp32_bytes": fp32_path.stat().st_size, "onnx_bytes": (out_dir / ONNX_NAME).stat().st_size}


def write_expected_fixture(cfg: dict, init: str, out_dir: Path) -> Path:
    model, _ = load_classifier(cfg, init)
    sp = load_tokenizer(cfg)
    dev = load_unfair_tos("validation")
    cases = [s for s in dev if s.labels][:24] + [s for s in dev if not s.labels][::97][:16]
    ids = encode(sp, [s.text for s in cases], model.encoder.spec.max_len)
    with torch.no_grad():
        probs = np.concatenate([torch.sigmoid(model(*collate([x]))).numpy() for x in ids])
    path = REPO_ROOT / "src" / "engine" / "legal" / "__fixtures__" / f"{cfg['model_id']}-expected.json"
    path.write_text(
        json.dumps(
            {"model_dir": str(out_dir.relative_to(REPO_ROOT)), "cases": [
                {"text": s.text, "gold": s.labels, "ids": x, "probs": [round(float(p), 5) for p in row]}
                for s, x, row in zip(cases, ids, probs)
            ]},
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", default="legal-unfair-tos-encoder")
    ap.add_argument("--init", default="pretrained", choices=["pretrained", "scratch"])
    ap.add_argument("--out", type=Path, help="model folder (default: e2e/fixtures/models/<model_id>)")
    args = ap.parse_args()
    torch.set_num_threads(1)
    cfg = load_config(args.config)
    out_dir = (args.out or REPO_ROOT / "e2e" / "fixtures" / "models" / cfg["model_id"]).resolve()
    print(json.dumps(export(cfg, args.init, out_dir)))
    print(f"wrote {write_expected_fixture(cfg, args.init, out_dir)}")


if __name__ == "__main__":
    main()
