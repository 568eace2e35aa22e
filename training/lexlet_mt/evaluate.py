"""Stage 6: score a checkpoint (greedy and beam, fp32 PyTorch) next to Apertium on every dev set.

Usage (from training/):
  /usr/bin/python3 -m lexlet_mt.evaluate --config en-es [--checkpoint runs/en-es/best.pt] [--beams 1 4]
Writes training/runs/<pair>/eval.json and the hypotheses as runs/<pair>/hyp.<set>.<system>.txt.
Apertium needs `apt-get install -y apertium apertium-eng-spa`; its mode is the config's "apertium_mode"
(default "<src3>-<tgt3>", e.g. eng-spa) and it is skipped with a note when the mode is not installed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import time
from pathlib import Path

import torch

from .config import load_config, read_lines, runs_dir, work_dir, write_lines
from .decode import translate_ids
from .metrics import bleu_tokenizer, corpus_bleu, corpus_chrf
from .model import load_model
from .tokenizer import encode, load_sentencepiece

ISO639_3 = {"en": "eng", "es": "spa", "de": "deu", "fr": "fra", "zh": "zho"}


def dev_set_names(cfg: dict) -> list[str]:
    """The dev sets lexlet_mt.data writes for a config: the split, the out-of-domain set, the domain sets."""
    return (["dev"] + ([cfg["ood_dev"]["name"]] if cfg.get("ood_dev") else [])
            + [spec["name"] for spec in cfg.get("domain_dev", [])])


def dev_sets(cfg: dict) -> dict[str, tuple[list[str], list[str]]]:
    work = work_dir(cfg)
    return {name: (read_lines(work / f"{name}.src"), read_lines(work / f"{name}.tgt")) for name in dev_set_names(cfg)}


def apertium_mode(cfg: dict) -> str:
    return cfg.get("apertium_mode") or f"{ISO639_3[cfg['src_lang']]}-{ISO639_3[cfg['tgt_lang']]}"


def apertium_translate(mode: str, sources: list[str]) -> list[str] | None:
    if shutil.which("apertium") is None or not Path(f"/usr/share/apertium/modes/{mode}.mode").exists():
        return None
    result = subprocess.run(["apertium", "-u", mode], input="".join(s + "\n" for s in sources),
                            capture_output=True, text=True, check=True)
    lines = [line.strip() for line in result.stdout.split("\n")[: len(sources)]]
    if len(lines) != len(sources):
        raise RuntimeError(f"apertium returned {len(lines)} lines for {len(sources)} inputs")
    return lines


def lowercased(cfg: dict, name: str) -> bool:
    """Whether a dev set is scored case-insensitively: an `ood_dev` with `"lowercase": true` has lower-cased
    references (and sources), which a cased model's output would otherwise be penalised against."""
    ood = cfg.get("ood_dev") or {}
    return bool(ood.get("lowercase")) and ood.get("name") == name


def score(hypotheses: list[str], references: list[str], seconds: float, lowercase: bool = False,
          tokenize: str = "13a") -> dict:
    if lowercase:
        hypotheses, references = [h.lower() for h in hypotheses], [r.lower() for r in references]
    result = {"bleu": round(corpus_bleu(hypotheses, references, tokenize=tokenize), 2),
              "chrf": round(corpus_chrf(hypotheses, references), 2),
              "n": len(references), "seconds": round(seconds, 1)}
    if tokenize != "13a":
        result["tokenize"] = tokenize
    if lowercase:
        result["lowercased"] = True
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", required=True)
    parser.add_argument("--checkpoint", default="", help="defaults to training/runs/<pair>/best.pt")
    parser.add_argument("--beams", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="score only the first N lines of each set")
    parser.add_argument("--no-apertium", action="store_true")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    cfg = load_config(args.config)
    run = runs_dir(cfg)
    checkpoint = Path(args.checkpoint) if args.checkpoint else run / "best.pt"
    model = load_model(checkpoint)
    sp = load_sentencepiece(cfg)
    report: dict = {"pair": cfg["pair"], "checkpoint": str(checkpoint), "parameters": model.num_parameters(),
                    "sets": {}}
    ckpt_meta = torch.load(checkpoint, map_location="cpu")
    report["checkpoint_step"] = ckpt_meta.get("step", ckpt_meta.get("state", {}).get("step"))
    if ckpt_meta.get("averaged_steps"):
        report["averaged_steps"] = ckpt_meta["averaged_steps"]
    previous = run / "eval.json"
    if previous.exists():  # runs with other --beams add their rows to those of the same checkpoint (path and step)
        earlier = json.loads(previous.read_text())
        if (earlier.get("checkpoint"), earlier.get("checkpoint_step")) == (str(checkpoint), report["checkpoint_step"]):
            report["sets"] = earlier.get("sets", {})
    for name, (sources, references) in dev_sets(cfg).items():
        if args.limit:
            sources, references = sources[: args.limit], references[: args.limit]
        results = report["sets"].get(name, {})
        scoring = {"lowercase": lowercased(cfg, name), "tokenize": bleu_tokenizer(cfg["tgt_lang"])}
        src_ids = [ids[:255] + ids[-1:] if len(ids) > 256 else ids for ids in encode(sp, sources)]
        for beams in args.beams:
            start = time.time()
            hypotheses = sp.decode(translate_ids(model, src_ids, beams=beams))
            system = "greedy" if beams == 1 else f"beam{beams}"
            results[system] = score(hypotheses, references, time.time() - start, **scoring)
            write_lines(run / f"hyp.{name}.{system}.txt", hypotheses)
            print(name, system, results[system], flush=True)
            write_report(report, run, name, results)
        if not args.no_apertium:
            start = time.time()
            hypotheses = apertium_translate(apertium_mode(cfg), sources)
            if hypotheses is None:
                results["apertium"] = {"skipped": f"apertium mode {apertium_mode(cfg)} not installed"}
            else:
                results["apertium"] = score(hypotheses, references, time.time() - start, **scoring)
                write_lines(run / f"hyp.{name}.apertium.txt", hypotheses)
            print(name, "apertium", results["apertium"], flush=True)
            write_report(report, run, name, results)
    print(f"wrote {run / 'eval.json'}")


def write_report(report: dict, run: Path, name: str, results: dict) -> None:
    """Rewritten after every system so a long evaluation leaves its finished rows behind."""
    report["sets"][name] = results
    (run / "eval.json").write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
