"""Stage 4: train one direction with token-based batches, resumable checkpoints and a wall-clock budget.

Usage (from training/):
  /usr/bin/python3 -m lexlet_mt.train --config en-es --threads 1 --max-minutes 90
Rerunning the same command resumes from training/runs/<pair>/last.pt (model, optimiser, scheduler, data
position and RNG state). Logs go to training/runs/<pair>/train.log; the best model by dev chrF (greedy,
subset) is training/runs/<pair>/best.pt. With extra corpora (data.py's extra_train), the best model is the one
with the highest mean chrF over the Tatoeba dev subset and the extra corpora's held-out slice (extra_dev).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import signal
import time
from pathlib import Path

import numpy as np
import torch
from torch.nn import functional as F

from .config import load_config, read_lines, runs_dir, work_dir
from .decode import translate_ids
from .metrics import bleu_tokenizer, corpus_bleu, corpus_chrf
from .model import ModelConfig, Seq2SeqTransformer
from .pack import load_packed, packed_path
from .tokenizer import EOS_ID, PAD_ID, encode, load_sentencepiece


class Logger:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(path, "a", encoding="utf-8")

    def __call__(self, message: str) -> None:
        line = f"{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())} {message}"
        print(line, flush=True)
        self.handle.write(line + "\n")
        self.handle.flush()


def make_batches(src: list, tgt: list, max_tokens: int, seed: int, epoch: int) -> list[list[int]]:
    """Length-bucketed batches whose padded size (rows × longest side) stays under max_tokens.

    Deterministic in (seed, epoch) so a resumed run rebuilds the same epoch and skips to its position.
    """
    rng = random.Random(seed * 1000 + epoch)
    order = list(range(len(src)))
    rng.shuffle(order)
    chunk = 100 * max(1, max_tokens // 16)
    batches = []
    for start in range(0, len(order), chunk):
        part = sorted(order[start : start + chunk], key=lambda i: (len(src[i]), len(tgt[i])))
        batch: list[int] = []
        longest = 0
        for i in part:
            size = max(len(src[i]), len(tgt[i]) + 1)
            if batch and max(longest, size) * (len(batch) + 1) > max_tokens:
                batches.append(batch)
                batch, longest = [], 0
            batch.append(i)
            longest = max(longest, size)
        if batch:
            batches.append(batch)
    rng.shuffle(batches)
    return batches


def collate(indices: list[int], src: list, tgt: list) -> tuple[torch.Tensor, ...]:
    src_len = max(len(src[i]) for i in indices)
    tgt_len = max(len(tgt[i]) for i in indices)
    # filled in numpy: per-row torch.tensor calls cost more than a GPU step on large batches
    input_ids = np.full((len(indices), src_len), PAD_ID, dtype=np.int64)
    decoder_input = np.full((len(indices), tgt_len), PAD_ID, dtype=np.int64)
    labels = np.full((len(indices), tgt_len), PAD_ID, dtype=np.int64)
    for row, i in enumerate(indices):
        s, t = src[i], tgt[i]
        input_ids[row, : len(s)] = s
        labels[row, : len(t)] = t
        # Marian: the decoder starts from pad and sees the target shifted right by one
        decoder_input[row, 1 : len(t)] = t[:-1]
    input_ids = torch.from_numpy(input_ids)
    return input_ids, (input_ids != PAD_ID).long(), torch.from_numpy(decoder_input), torch.from_numpy(labels)


def truncate(ids: list[list[int]], max_len: int) -> list[list[int]]:
    return [x if len(x) <= max_len else x[: max_len - 1] + [EOS_ID] for x in ids]


def inverse_sqrt(warmup: int):
    def factor(step: int) -> float:
        step = max(step, 1)
        return min(step / warmup, math.sqrt(warmup / step))

    return factor


def with_cooldown(base, cooldown: dict):
    """``base`` until a cooldown starts, then linear from base(start) down to zero over its steps.

    ``cooldown`` is read at every step (empty until one is asked for), so a resumed run keeps the same schedule.
    Ending a fixed budget with the learning rate decayed to zero beats stopping on the inverse-square-root tail.
    """
    def factor(step: int) -> float:
        if not cooldown:
            return base(step)
        start, steps = cooldown["start"], cooldown["steps"]
        if step <= start:
            return base(step)
        return base(start) * max(0.0, 1.0 - (step - start) / steps)

    return factor


def evaluate_dev(model, sp, sources: list[str], references: list[str], beams: int = 1, tokenize: str = "13a") -> dict:
    model.eval()
    src_ids = truncate(encode(sp, sources), 256)
    start = time.time()
    hyp_ids = translate_ids(model, src_ids, beams=beams)
    hypotheses = sp.decode(hyp_ids)
    model.train()
    return {
        "bleu": round(corpus_bleu(hypotheses, references, tokenize=tokenize), 2),
        "chrf": round(corpus_chrf(hypotheses, references), 2),
        "n": len(sources),
        "seconds": round(time.time() - start, 1),
        "sample": hypotheses[:3],
    }


def read_optional(path: Path) -> list[str]:
    return read_lines(path) if path.exists() else []


def save_atomic(obj: dict, path: Path) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


def selection_dev_sets(cfg: dict) -> dict[str, tuple[list[str], list[str]]]:
    """The sets that choose the best checkpoint: the config's `train.selection` (dev set name → how many of its
    first lines), or else a fixed Tatoeba dev subset plus extra corpora's held-out slice."""
    work, tcfg = work_dir(cfg), cfg["train"]
    if tcfg.get("selection"):
        return {f"{name}{count}": (read_lines(work / f"{name}.src")[:count], read_lines(work / f"{name}.tgt")[:count])
                for name, count in tcfg["selection"].items()}
    dev_src, dev_tgt = read_lines(work / "dev.src"), read_lines(work / "dev.tgt")
    subset = random.Random(tcfg["seed"]).sample(range(len(dev_src)), min(tcfg["eval_subset"], len(dev_src)))
    dev_sets = {f"dev{len(subset)}": ([dev_src[i] for i in subset], [dev_tgt[i] for i in subset])}
    extra_dev = (read_optional(work / "extra_dev.src"), read_optional(work / "extra_dev.tgt"))
    if extra_dev[0]:
        dev_sets[f"extra_dev{len(extra_dev[0])}"] = extra_dev
    return dev_sets


def save_snapshot(folder: Path, model, model_cfg: ModelConfig, step: int, keep: int) -> None:
    """Model weights at an evaluation, for checkpoint averaging; only the newest ``keep`` stay on disk."""
    folder.mkdir(parents=True, exist_ok=True)
    save_atomic({"config": model_cfg.to_dict(), "model": cpu_state(model), "step": step},
                folder / f"step-{step:07d}.pt")
    for old in sorted(folder.glob("step-*.pt"))[:-keep]:
        old.unlink()


def training_settings(cfg: dict, device: torch.device) -> dict:
    """The config's `train` block, with its `train_cuda` values on a GPU (larger batches, another learning rate)."""
    return {**cfg["train"], **(cfg.get("train_cuda", {}) if device.type == "cuda" else {})}


def cpu_state(model) -> dict:
    """Weights on the CPU, so a checkpoint written on a GPU loads anywhere."""
    return {name: tensor.detach().cpu() for name, tensor in model.state_dict().items()}


def steps_in(seconds: float, steps_done: int, seconds_spent: float) -> int:
    """How many steps fit in `seconds` at the speed measured so far (at least one)."""
    return max(1, int(seconds * steps_done / max(seconds_spent, 1e-6)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--max-minutes", type=float, default=60.0, help="wall-clock budget of this invocation")
    parser.add_argument("--max-epochs", type=int, default=100)
    parser.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0 = no limit)")
    parser.add_argument("--run-dir", default="", help="defaults to training/runs/<pair>")
    parser.add_argument("--cooldown-steps", type=int, default=0,
                        help="decay the learning rate linearly to zero over this many steps from the current one, "
                             "then stop (kept across resumes; 0 = the configured schedule)")
    parser.add_argument("--keep-snapshots", type=int, default=8,
                        help="model weights kept at the last N evaluations, for lexlet_mt.average (0 = none)")
    parser.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto",
                        help="auto: CUDA (bf16 autocast, the config's train_cuda settings) when present, else CPU")
    parser.add_argument("--cooldown-minutes", type=float, default=0.0,
                        help="with this much of --max-minutes left, decay the learning rate linearly to zero over "
                             "the steps the measured speed says remain")
    args = parser.parse_args()

    started = time.time()
    # SIGTERM/SIGINT end the run after the current step with a checkpoint, so nothing is lost
    interrupted: list[int] = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda signum, frame: interrupted.append(signum))

    torch.set_num_threads(args.threads)
    cfg = load_config(args.config)
    device = torch.device("cuda" if args.device == "cuda" or (args.device == "auto" and torch.cuda.is_available())
                          else "cpu")
    tcfg = training_settings(cfg, device)
    run = Path(args.run_dir) if args.run_dir else runs_dir(cfg)
    run.mkdir(parents=True, exist_ok=True)
    log = Logger(run / "train.log")

    sp = load_sentencepiece(cfg)
    work = work_dir(cfg)
    if packed_path(cfg).exists():  # the corpus tokenized once by lexlet_mt.pack (what travels to a GPU machine)
        src, tgt = (truncate(side, tcfg["max_len"]) for side in load_packed(packed_path(cfg)))
    else:
        src = truncate(encode(sp, read_optional(work / "train.src") + read_optional(work / "extra_train.src")),
                       tcfg["max_len"])
        tgt = truncate(encode(sp, read_optional(work / "train.tgt") + read_optional(work / "extra_train.tgt")),
                       tcfg["max_len"])
    dev_sets = selection_dev_sets(cfg)
    subset_name = next(iter(dev_sets))
    selection = "mean chrF of " + " and ".join(dev_sets)

    model_cfg = ModelConfig.from_dict({**cfg["model"], "vocab_size": sp.get_piece_size(),
                                       "pad_token_id": PAD_ID, "eos_token_id": EOS_ID})
    torch.manual_seed(tcfg["seed"])
    model = Seq2SeqTransformer(model_cfg).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], betas=(0.9, 0.98), eps=1e-9,
                                  weight_decay=tcfg["weight_decay"])
    cooldown: dict = {}
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer,
                                                  with_cooldown(inverse_sqrt(tcfg["warmup_steps"]), cooldown))
    state = {"epoch": 0, "batch": 0, "step": 0, "best_chrf": -1.0, "stale_evals": 0, "train_seconds": 0.0,
             "tokens": 0, "history": [], "selection": selection}

    last = run / "last.pt"
    if last.exists():
        ckpt = torch.load(last, map_location=device)
        model.load_state_dict(ckpt["model"])
        optimizer.load_state_dict(ckpt["optimizer"])
        scheduler.load_state_dict(ckpt["scheduler"])
        state = ckpt["state"]
        random.setstate(ckpt["rng"]["python"])
        torch.set_rng_state(ckpt["rng"]["torch"].cpu())
        log(f"resumed from {last} at epoch {state['epoch']} batch {state['batch']} step {state['step']}")
        if state.get("selection", f"mean chrF of {subset_name}") != selection:
            # New dev sets (a corpus was added): the old best score measured something else.
            log(f"model selection is now by {selection} (train_pairs {len(src)}); best score and patience reset")
            state["best_chrf"], state["stale_evals"] = -1.0, 0
    else:
        log(f"config {json.dumps(cfg)}")
        log(f"params {model.num_parameters()} train_pairs {len(src)} tgt_tokens {sum(map(len, tgt))} "
            f"selection by {selection} device {device}")
    state["selection"] = selection
    cooldown.update(state.get("cooldown") or {})

    def start_cooldown(steps: int) -> None:
        """The learning rate decays linearly to zero over `steps` from now, then training stops (kept in last.pt).
        The log line is the one lexlet_mt.card reads a run's cooldowns from."""
        cooldown.update({"start": state["step"], "steps": steps})
        state["cooldown"] = dict(cooldown)
        # Early stopping would cut the decay short; the decay's end is the stop.
        state["stale_evals"] = 0
        log(f"cooldown: learning rate from {scheduler.get_last_lr()[0]:.6f} to zero over {steps} steps "
            f"(steps {state['step']}-{state['step'] + steps})")

    def cooldown_finished() -> bool:
        return bool(cooldown) and state["step"] >= cooldown["start"] + cooldown["steps"]

    if args.cooldown_steps and not cooldown:
        start_cooldown(args.cooldown_steps)

    def checkpoint(reason: str) -> None:
        save_atomic({"config": model_cfg.to_dict(), "model": cpu_state(model),
                     "optimizer": optimizer.state_dict(), "scheduler": scheduler.state_dict(),
                     "state": state, "rng": {"python": random.getstate(), "torch": torch.get_rng_state()}},
                    last)
        log(f"checkpoint ({reason}) step {state['step']} -> {last}")

    def run_eval() -> bool:
        """Returns True when training should stop early."""
        results = {name: evaluate_dev(model, sp, *pairs, tokenize=bleu_tokenizer(cfg["tgt_lang"]))
                   for name, pairs in dev_sets.items()}
        score = round(sum(r["chrf"] for r in results.values()) / len(results), 2)
        result = next(iter(results.values()))
        improved = score > state["best_chrf"]
        if improved:
            state["best_chrf"] = score
            state["stale_evals"] = 0
            save_atomic({"config": model_cfg.to_dict(), "model": cpu_state(model),
                         "step": state["step"], "epoch": state["epoch"], "dev_subset": result,
                         "dev_sets": results, "selection_score": score}, run / "best.pt")
        else:
            state["stale_evals"] += 1
        if args.keep_snapshots:
            save_snapshot(run / "snapshots", model, model_cfg, state["step"], args.keep_snapshots)
        state["history"].append({"step": state["step"], "epoch": state["epoch"], **result,
                                 "dev_sets": {k: {"bleu": r["bleu"], "chrf": r["chrf"]} for k, r in results.items()},
                                 "selection_score": score})
        scores = " ".join(f"{name} greedy BLEU {r['bleu']} chrF {r['chrf']} ({r['seconds']}s)"
                          for name, r in results.items())
        log(f"eval step {state['step']} epoch {state['epoch']} {scores} selection {score}"
            f"{' *best*' if improved else ''} sample {result['sample']}")
        return not cooldown and state["stale_evals"] >= tcfg["patience_evals"]

    budget = args.max_minutes * 60
    first_step, loop_started = state["step"], time.time()
    last_checkpoint = time.time()
    window_loss, window_tokens, window_start = 0.0, 0, time.time()
    stop = False
    model.train()
    while state["epoch"] < args.max_epochs and not stop:
        batches = make_batches(src, tgt, tcfg["max_tokens"], tcfg["seed"], state["epoch"])
        while state["batch"] < len(batches):
            step_start = time.time()
            batch = collate(batches[state["batch"]], src, tgt)
            tokens = int((batch[3] != PAD_ID).sum())
            input_ids, mask, decoder_input, labels = (t.to(device, non_blocking=True) for t in batch)
            with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
                logits = model(input_ids, mask, decoder_input)
            loss = F.cross_entropy(logits.float().view(-1, logits.shape[-1]), labels.view(-1), ignore_index=PAD_ID,
                                   label_smoothing=tcfg["label_smoothing"])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            state["step"] += 1
            state["batch"] += 1
            state["tokens"] += tokens
            state["train_seconds"] += time.time() - step_start
            window_loss += loss.detach() * tokens  # stays on the device: no synchronisation every step
            window_tokens += tokens
            if state["step"] % 25 == 0:
                elapsed = time.time() - window_start
                log(f"step {state['step']} epoch {state['epoch']} batch {state['batch']}/{len(batches)} "
                    f"loss {float(window_loss) / window_tokens:.4f} lr {scheduler.get_last_lr()[0]:.6f} "
                    f"tgt_tok/s {window_tokens / elapsed:.0f}")
                window_loss, window_tokens, window_start = 0.0, 0, time.time()
            if state["step"] % tcfg["eval_every_steps"] == 0 and run_eval():
                log("early stop: dev chrF has not improved")
                stop = True
                break
            if args.cooldown_minutes and not cooldown and time.time() - started > budget - args.cooldown_minutes * 60:
                start_cooldown(steps_in(args.cooldown_minutes * 60, state["step"] - first_step,
                                        time.time() - loop_started))
                log(f"cooldown sized to fit (the last {args.cooldown_minutes:g} minutes at this run's speed)")
            if time.time() - started > budget or interrupted:
                log("wall-clock budget reached" if not interrupted else f"signal {interrupted[0]} received")
                stop = True
                break
            if time.time() - last_checkpoint > tcfg["checkpoint_minutes"] * 60:
                checkpoint("periodic")
                last_checkpoint = time.time()
            if (args.max_steps and state["step"] >= args.max_steps) or cooldown_finished():
                if cooldown_finished():
                    log("cooldown finished")
                stop = True
                break
        else:
            state["epoch"] += 1
            state["batch"] = 0
            log(f"epoch {state['epoch']} done")
            if run_eval():
                log("early stop: dev chrF has not improved")
                stop = True
            checkpoint("epoch")
            last_checkpoint = time.time()
    if not interrupted and (not state["history"] or state["history"][-1]["step"] != state["step"]):
        run_eval()
    checkpoint("end")
    log(f"finished: steps {state['step']} epochs {state['epoch'] + state['batch'] / max(1, len(batches)):.2f} "
        f"train_tokens {state['tokens']} avg_tgt_tok/s {state['tokens'] / max(1.0, state['train_seconds']):.0f} "
        f"best_subset_chrf {state['best_chrf']}")


if __name__ == "__main__":
    main()
