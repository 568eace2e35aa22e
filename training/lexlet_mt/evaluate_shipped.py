"""Stage 8: score the shipped (quantized ONNX) model through the product itself, the `lexlet` CLI.

Usage (from training/, after the model is in ../public/models/<id>/ and the catalog is refreshed):
  /usr/bin/python3 -m lexlet_mt.evaluate_shipped --config en-es [--model lexlet-en-es] [--beams 1 4]
Runs `node ../bin/lexlet.js translate --from <src> --to <tgt> --model <id> --beam N` on every dev set, scores
it with the same BLEU/chrF as `lexlet_mt.evaluate`, and writes runs/<pair>/eval-shipped.json plus the
hypotheses as runs/<pair>/hyp.<set>.shipped-beam<N>.txt.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import time
from pathlib import Path

from .config import load_config, runs_dir, write_lines
from .evaluate import apertium_mode, apertium_translate, dev_sets, lowercased, score
from .metrics import bleu_tokenizer

REPO = Path(__file__).resolve().parents[2]


def cli_translate(cfg: dict, model_id: str, beams: int, sources: list[str], backend: str,
                  catalog: str = "") -> tuple[list[str], str]:
    """One output line per input line (the CLI's contract); returns the lines and the CLI's summary line."""
    command = ["node", str(REPO / "bin" / "lexlet.js"), "translate", "--from", cfg["src_lang"], "--to",
               cfg["tgt_lang"], "--model", model_id, "--beam", str(beams), "--backend", backend,
               *(["--catalog", catalog] if catalog else [])]
    result = subprocess.run(command, input="".join(s + "\n" for s in sources), capture_output=True, text=True,
                            check=True, cwd=REPO)
    lines = result.stdout.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(sources):
        raise RuntimeError(f"lexlet returned {len(lines)} lines for {len(sources)} inputs")
    summary = next((line for line in result.stderr.splitlines() if re.search(r"line\(s\)", line)), "")
    return lines, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", required=True)
    parser.add_argument("--model", default="", help="catalog model id (default: lexlet-<pair>)")
    parser.add_argument("--beams", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--backend", choices=["cpu", "wasm"], default="cpu")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N lines of each set")
    parser.add_argument("--sets", nargs="+", default=[], help="score only these dev sets (default: all); the rows "
                        "of the others stay as an earlier run wrote them")
    parser.add_argument("--catalog", default="", help="a catalog other than the app's (a candidate model not "
                        "shipped yet); its results go to eval-candidate.json")
    parser.add_argument("--apertium", action="store_true",
                        help="also score Apertium on the same lines where it has the pair (its rows: 'apertium')")
    args = parser.parse_args()
    cfg = load_config(args.config)
    model_id = args.model or f"lexlet-{cfg['pair']}"
    out = runs_dir(cfg)
    results: dict = {"pair": cfg["pair"], "model": model_id, "backend": args.backend, "sets": {}}
    report = out / ("eval-candidate.json" if args.catalog else "eval-shipped.json")
    earlier = json.loads(report.read_text()) if args.sets and report.exists() else {}
    if earlier.get("model") == model_id:  # scoring some sets keeps the rows of the others
        results["sets"] = earlier["sets"]
    for name, (sources, references) in dev_sets(cfg).items():
        if args.sets and name not in args.sets:
            continue
        results["sets"][name] = {}
        if args.limit:
            sources, references = sources[: args.limit], references[: args.limit]
        for beams in args.beams:
            started = time.time()
            hypotheses, summary = cli_translate(cfg, model_id, beams, sources, args.backend, args.catalog)
            entry = score(hypotheses, references, time.time() - started, lowercased(cfg, name),
                          bleu_tokenizer(cfg["tgt_lang"]))
            entry["cli"] = summary
            results["sets"].setdefault(name, {})[f"beam{beams}"] = entry
            write_lines(out / f"hyp.{name}.{'candidate' if args.catalog else 'shipped'}-beam{beams}.txt", hypotheses)
            print(f"{name} beam {beams}: BLEU {entry['bleu']} chrF {entry['chrf']} ({summary})", flush=True)
            if not args.limit:  # after every system, so a long evaluation leaves its finished rows behind
                report.write_text(json.dumps(results, indent=2) + "\n")
        if args.apertium:
            started = time.time()
            hypotheses = apertium_translate(apertium_mode(cfg), sources)
            if hypotheses is not None:
                entry = score(hypotheses, references, time.time() - started, lowercased(cfg, name),
                              bleu_tokenizer(cfg["tgt_lang"]))
                results["sets"][name]["apertium"] = entry
                print(f"{name} apertium: BLEU {entry['bleu']} chrF {entry['chrf']}", flush=True)
                if not args.limit:
                    report.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
