"""Scores shipped legal models through the product itself (`lexlet tag`).

  cd training && /usr/bin/python3 -m lexlet_legal.evaluate_shipped lexlet-unfair-tos
  cd training && /usr/bin/python3 -m lexlet_legal.evaluate_shipped lexlet-unfair-tos-encoder \
      --catalog ../e2e/fixtures/models/catalog.json
  cd training && /usr/bin/python3 -m lexlet_legal.evaluate_shipped lexlet-cuad --task contract

UNFAIR-ToS: feeds the LexGLUE validation sentences (dev) one per line, reads the CLI's JSON lines back, and prints
LexGLUE-style micro/macro-F1 (8 labels + "none"), so the numbers cover the int8 files, the app's ids
(featurizer or tokenizer.json) and the shipped thresholds. Writes work/legal/<id>/eval-shipped.json.
`--claudette-dev` also scores the CLAUDETTE companies held out of the multilingual model, per language; the model
id `auto` runs `lexlet tag` without `--model`, so each line goes to the model the CLI picks for its language:

  cd training && /usr/bin/python3 -m lexlet_legal.evaluate_shipped auto lexlet-unfair-tos-multilingual --claudette-dev

Contract (`--task contract`, after `lexlet_legal.cuad_data`): runs `lexlet tag --task contract` on each CUAD dev
contract and scores the returned clause spans with train_cuad's span-F1 and presence-F1, so the numbers include
the app's segmentation, thresholds and label resolution.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import time
from pathlib import Path

import numpy as np

from .cuad_data import CUAD_DIR, clause_categories
from .cuad_data import WORK as CUAD_WORK
from .export_onnx import REPO_ROOT
from .metrics import lexglue_scores, multi_hot
from .train_cuad import span_scores
from .train_unfair_tos import TRAINING_ROOT
from .unfair_tos_data import LABELS, load_claudette, load_unfair_tos


def tag_with_cli(model_id: str, sentences: list[str], catalog: str | None) -> list[list[int]]:
    command = ["node", str(REPO_ROOT / "bin" / "lexlet.js"), "tag", "--task", "unfair-tos"]
    if model_id != "auto":
        command += ["--model", model_id]
    if catalog:
        command += ["--catalog", str(Path(catalog).resolve())]
    result = subprocess.run(command, input="".join(s + "\n" for s in sentences), capture_output=True, text=True,
                            cwd=REPO_ROOT, check=True)
    lines = result.stdout.split("\n")[:-1]
    if len(lines) != len(sentences):
        raise RuntimeError(f"lexlet returned {len(lines)} lines for {len(sentences)} inputs")
    return [json.loads(line)["ids"] for line in lines]


def tag_contract_with_cli(model_id: str, path: Path, catalog: str | None) -> list[dict]:
    command = ["node", str(REPO_ROOT / "bin" / "lexlet.js"), "tag", "--task", "contract", "--model", model_id]
    if catalog:
        command += ["--catalog", str(Path(catalog).resolve())]
    result = subprocess.run(command + [str(path)], capture_output=True, text=True, cwd=REPO_ROOT, check=True)
    return json.loads(result.stdout)["spans"]


def unit_predictions(spans: list[dict], index: dict[str, int]) -> tuple[list[tuple[int, int]], np.ndarray]:
    """The CLI's spans as train_cuad.span_scores wants them: unit ranges and a unit × category 0/1 matrix.
    Only tagged clauses count towards span scores, so the units are the distinct clauses the CLI returned."""
    units = sorted({(sp["start"], sp["end"]) for sp in spans})
    row = {u: k for k, u in enumerate(units)}
    p = np.zeros((len(units), len(index)), dtype=np.int32)
    for sp in spans:
        if sp["label"] in index:
            p[row[(sp["start"], sp["end"])], index[sp["label"]]] = 1
    return units, p


def evaluate_contracts(model_id: str, catalog: str | None) -> dict:
    categories = clause_categories()
    index = {c: i for i, c in enumerate(categories)}
    contracts, preds = [], []
    for line in (CUAD_WORK / "contracts.jsonl").read_text(encoding="utf-8").splitlines():
        c = json.loads(line)
        if c["split"] != "dev":
            continue
        gold: list[list[tuple[int, int]]] = [[] for _ in categories]
        for sp in c["spans"]:
            if sp["label"] in index:
                gold[index[sp["label"]]].append((sp["start"], sp["end"]))
        spans = tag_contract_with_cli(model_id, CUAD_DIR / "full_contract_txt" / c["file"], catalog)
        units, p = unit_predictions(spans, index)
        contracts.append({"units": units, "gold": gold})
        preds.append(p)
    scores = span_scores(contracts, preds, len(categories))
    return {**scores, "categories": categories, "contracts": len(contracts)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="+", help="catalog model ids")
    ap.add_argument("--catalog", help="another catalog (default: the app's public/models/catalog.json)")
    ap.add_argument("--task", choices=["unfair-tos", "contract"], default="unfair-tos")
    ap.add_argument("--claudette-dev", action="store_true", help="unfair-tos: also the held-out CLAUDETTE companies")
    args = ap.parse_args()
    if args.task == "contract":
        for model_id in args.models:
            start = time.time()
            scores = {**evaluate_contracts(model_id, args.catalog), "seconds": round(time.time() - start, 1)}
            out = TRAINING_ROOT / "work" / "legal" / model_id
            out.mkdir(parents=True, exist_ok=True)
            (out / "eval-shipped.json").write_text(json.dumps(scores, indent=1) + "\n")
            print(f"{model_id} ({scores['contracts']} dev contracts): span-F1 macro {scores['span_f1_macro']:.1f} "
                  f"micro {scores['span_f1_micro']:.1f} (precision {scores['span_precision_micro']:.1f}, recall "
                  f"{scores['span_recall_micro']:.1f}) presence-F1 macro {scores['presence_f1_macro']:.1f} "
                  f"({scores['seconds']} s)")
        return
    # One sentence per line: line breaks inside a sentence become spaces (the taggers ignore whitespace runs).
    dev_sets = {"lexglue": load_unfair_tos("validation")}
    if args.claudette_dev:
        multilingual = json.loads((TRAINING_ROOT / "configs" / "legal-unfair-tos-multilingual.json").read_text())
        held_out = {c.lower() for c in multilingual["data"]["claudette_dev_companies"]}
        for lang in multilingual["data"]["claudette_langs"]:
            dev_sets[f"claudette-{lang}"] = load_claudette([lang], set(), only_companies=held_out)
    for model_id in args.models:
        results = {}
        for name, dev in dev_sets.items():
            start = time.time()
            sentences = [" ".join(s.text.split()) for s in dev]
            gold = multi_hot([s.labels for s in dev], len(LABELS))
            predicted = multi_hot(tag_with_cli(model_id, sentences, args.catalog), len(LABELS))
            scores = {**lexglue_scores(gold, predicted), "sentences": len(dev), "seconds": round(time.time() - start, 1)}
            results[name] = scores
            print(f"{model_id} on {name} ({len(dev)}): micro {scores['micro_f1']:.2f} macro {scores['macro_f1']:.2f} "
                  f"per-label {scores['per_label_f1']} ({scores['seconds']} s)", flush=True)
        out = TRAINING_ROOT / "work" / "legal" / model_id
        out.mkdir(parents=True, exist_ok=True)
        (out / "eval-shipped.json").write_text(json.dumps(results if args.claudette_dev else results["lexglue"], indent=1) + "\n")


if __name__ == "__main__":
    main()
