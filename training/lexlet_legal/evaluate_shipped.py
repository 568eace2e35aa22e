"""Scores shipped UNFAIR-ToS models through the product itself: `lexlet tag --task unfair-tos --model ID`.

  cd training && /usr/bin/python3 -m lexlet_legal.evaluate_shipped lexlet-unfair-tos
  cd training && /usr/bin/python3 -m lexlet_legal.evaluate_shipped lexlet-unfair-tos-encoder \
      --catalog ../e2e/fixtures/models/catalog.json

Feeds the LexGLUE validation sentences (dev) one per line, reads the CLI's JSON lines back, and prints
LexGLUE-style micro/macro-F1 (8 labels + "none"), so the numbers cover the int8 files, the app's ids
(featurizer or tokenizer.json) and the shipped thresholds. Writes work/legal/<id>/eval-shipped.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import time
from pathlib import Path

from .export_onnx import REPO_ROOT
from .metrics import lexglue_scores, multi_hot
from .train_unfair_tos import TRAINING_ROOT
from .unfair_tos_data import LABELS, load_unfair_tos


def tag_with_cli(model_id: str, sentences: list[str], catalog: str | None) -> list[list[int]]:
    command = ["node", str(REPO_ROOT / "bin" / "lexlet.js"), "tag", "--task", "unfair-tos", "--model", model_id]
    if catalog:
        command += ["--catalog", str(Path(catalog).resolve())]
    result = subprocess.run(command, input="".join(s + "\n" for s in sentences), capture_output=True, text=True,
                            cwd=REPO_ROOT, check=True)
    lines = result.stdout.split("\n")[:-1]
    if len(lines) != len(sentences):
        raise RuntimeError(f"lexlet returned {len(lines)} lines for {len(sentences)} inputs")
    return [json.loads(line)["ids"] for line in lines]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="+", help="catalog model ids")
    ap.add_argument("--catalog", help="another catalog (default: the app's public/models/catalog.json)")
    args = ap.parse_args()
    dev = load_unfair_tos("validation")
    # One sentence per line: line breaks inside a sentence become spaces (the taggers ignore whitespace runs).
    sentences = [" ".join(s.text.split()) for s in dev]
    gold = multi_hot([s.labels for s in dev], len(LABELS))
    for model_id in args.models:
        start = time.time()
        predicted = multi_hot(tag_with_cli(model_id, sentences, args.catalog), len(LABELS))
        scores = {**lexglue_scores(gold, predicted), "sentences": len(dev), "seconds": round(time.time() - start, 1)}
        out = TRAINING_ROOT / "work" / "legal" / model_id
        out.mkdir(parents=True, exist_ok=True)
        (out / "eval-shipped.json").write_text(json.dumps(scores, indent=1) + "\n")
        print(f"{model_id}: micro {scores['micro_f1']:.2f} macro {scores['macro_f1']:.2f} "
              f"per-label {scores['per_label_f1']} ({scores['seconds']} s)")


if __name__ == "__main__":
    main()
