"""Checkpoint averaging: the mean of the weights kept at the last evaluations (``runs/<pair>/snapshots``).

    python3 -m lexlet_mt.average --config en-es [--last 2 4 8]

Averaging the last few checkpoints of a run smooths the noise of the final updates and usually translates a
little better than any single one of them. Each ``--last N`` average is scored greedily on the same sets that
choose ``best.pt`` during training (the fixed Tatoeba dev subset and the extra corpora's held-out slice), next
to ``best.pt`` itself; the winner by that selection score is written to ``runs/<pair>/averaged.pt`` (with its
scores), and ``best.pt`` stays as it is. Export then takes ``--checkpoint runs/<pair>/averaged.pt`` when the
average won. The out-of-domain dev set is never seen by this choice.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Dict, List

import torch

from .config import load_config, runs_dir
from .model import ModelConfig, Seq2SeqTransformer, load_model
from .tokenizer import load_sentencepiece
from .train import cpu_state, evaluate_dev, save_atomic, selection_dev_sets


def average_state_dicts(paths: List[Path]) -> Dict[str, torch.Tensor]:
    total: Dict[str, torch.Tensor] = {}
    for path in paths:
        state = torch.load(path, map_location="cpu")["model"]
        for name, tensor in state.items():
            if name in total:
                total[name] += tensor.double()
            else:
                total[name] = tensor.double().clone()
    return {name: (tensor / len(paths)).float() for name, tensor in total.items()}


def selection_score(model: Seq2SeqTransformer, sp, dev_sets: dict) -> dict:
    results = {name: evaluate_dev(model, sp, *pairs) for name, pairs in dev_sets.items()}
    score = round(sum(r["chrf"] for r in results.values()) / len(results), 2)
    return {"selection_score": score,
            "dev_sets": {name: {"bleu": r["bleu"], "chrf": r["chrf"]} for name, r in results.items()}}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", required=True)
    parser.add_argument("--last", type=int, nargs="+", default=[2, 4, 8], help="numbers of snapshots to average")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--run-dir", default="", help="defaults to training/runs/<pair>")
    parser.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto",
                        help="where the candidates are scored (auto: CUDA when present)")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    device = torch.device("cuda" if args.device == "cuda" or (args.device == "auto" and torch.cuda.is_available())
                          else "cpu")

    cfg = load_config(args.config)
    run = Path(args.run_dir) if args.run_dir else runs_dir(cfg)
    snapshots = sorted((run / "snapshots").glob("step-*.pt"))
    if len(snapshots) < 2:
        raise SystemExit(f"{run / 'snapshots'} holds {len(snapshots)} snapshot(s): train longer first")
    sp = load_sentencepiece(cfg)
    dev_sets = selection_dev_sets(cfg)
    best = load_model(run / "best.pt").to(device)
    rows = {"best.pt": {"steps": [torch.load(run / "best.pt", map_location="cpu")["step"]],
                        **selection_score(best, sp, dev_sets)}}
    print(json.dumps({"best.pt": rows["best.pt"]}), flush=True)
    winner, winner_model = "best.pt", None
    for n in sorted(set(args.last)):
        chosen = snapshots[-n:]
        steps = [int(p.stem.split("-")[1]) for p in chosen]
        model = Seq2SeqTransformer(ModelConfig.from_dict(torch.load(chosen[-1], map_location="cpu")["config"]))
        model.load_state_dict(average_state_dicts(chosen))
        model.to(device).eval()
        name = f"last {len(chosen)}"
        rows[name] = {"steps": steps, **selection_score(model, sp, dev_sets)}
        print(json.dumps({name: rows[name]}), flush=True)
        if rows[name]["selection_score"] > rows[winner]["selection_score"]:
            winner, winner_model = name, model
    report = {"winner": winner, "candidates": rows}
    (run / "average.json").write_text(json.dumps(report, indent=1))
    if winner_model is None:
        (run / "averaged.pt").unlink(missing_ok=True)  # an earlier average lost to a newer best.pt
        print("best.pt stays the best model; averaged.pt removed if there was one")
        return
    save_atomic({"config": winner_model.cfg.to_dict(), "model": cpu_state(winner_model),
                 "step": rows[winner]["steps"][-1], "averaged_steps": rows[winner]["steps"],
                 "dev_sets": rows[winner]["dev_sets"], "selection_score": rows[winner]["selection_score"]},
                run / "averaged.pt")
    print(f"wrote {run / 'averaged.pt'}: {winner} (steps {rows[winner]['steps']})")


if __name__ == "__main__":
    main()
