"""Stage 2 of the encoder family: masked-language-model pre-training on work/legal/<model_id>/corpus.txt.

  cd training && nice -n 10 /usr/bin/python3 -m lexlet_legal.pretrain_mlm --config legal-unfair-tos-encoder \
      --threads 1 --max-minutes 60

Segments are packed, in corpus order, into rows of max_len tokens (each segment ends with </s>; a segment never
straddles two rows), RoBERTa-style. The last 1,000 segments are held out for the MLM loss/accuracy that the log
reports every `eval_every` steps. Resumable: work/legal/<model_id>/mlm-last.pt is written every few minutes and at
the end (wall budget, SIGTERM/SIGINT); rerunning the command continues from it. Log: mlm.log beside it.
"""

from __future__ import annotations

import argparse
import math
import random
import signal
import time

import torch

from lexlet_mt.tokenizer import PAD_ID
from lexlet_mt.train import Logger, save_atomic

from .encoder_corpus import FIRST_NORMAL_ID, MASK_ID, encode, load_tokenizer, work_dir
from .encoder_model import EncoderSpec, MaskedLanguageModel, mask_tokens, mlm_loss
from .train_unfair_tos import load_config

HELD_OUT = 1000
CHECKPOINT_SECONDS = 300


def pack(segments: list[list[int]], max_len: int) -> list[list[int]]:
    rows: list[list[int]] = []
    row: list[int] = []
    for ids in segments:
        if row and len(row) + len(ids) > max_len:
            rows.append(row)
            row = []
        row = row + ids
    if row:
        rows.append(row)
    return rows


def collate(rows: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(r) for r in rows)
    ids = torch.full((len(rows), width), PAD_ID, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.float32)
    for i, r in enumerate(rows):
        ids[i, : len(r)] = torch.tensor(r)
        mask[i, : len(r)] = 1.0
    return ids, mask


def learning_rate(step: int, peak: float, warmup: int, total: int) -> float:
    if step < warmup:
        return peak * (step + 1) / warmup
    progress = min(1.0, (step - warmup) / max(1, total - warmup))
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * progress)))


@torch.no_grad()
def held_out_scores(model: MaskedLanguageModel, rows: list[list[int]], cfg: dict) -> dict:
    model.eval()
    generator = torch.Generator().manual_seed(0)
    total_loss, correct, count = 0.0, 0, 0
    for b in range(0, len(rows), 32):
        ids, mask = collate(rows[b : b + 32])
        corrupted, positions, targets = mask_tokens(
            ids, mask, MASK_ID, cfg["spec"].vocab_size, FIRST_NORMAL_ID, cfg["pretrain"]["mask_rate"], generator
        )
        logits = model(corrupted, mask, positions)
        total_loss += torch.nn.functional.cross_entropy(logits, targets, reduction="sum").item()
        correct += int((logits.argmax(-1) == targets).sum())
        count += len(targets)
    model.train()
    return {"loss": round(total_loss / count, 4), "accuracy": round(100 * correct / count, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", default="legal-unfair-tos-encoder")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--max-minutes", type=float, default=60)
    ap.add_argument("--eval-every", type=int, default=250)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    cfg = load_config(args.config)
    c = cfg["pretrain"]
    work = work_dir(cfg)
    log = Logger(work / "mlm.log")
    sp = load_tokenizer(cfg)
    spec = EncoderSpec(vocab_size=sp.get_piece_size(), **cfg["model"])
    cfg["spec"] = spec
    lines = (work / "corpus.txt").read_text(encoding="utf-8").split("\n")
    lines = [line for line in lines if line]
    t0 = time.time()
    rows = pack(encode(sp, lines[:-HELD_OUT], spec.max_len), spec.max_len)
    held_out = pack(encode(sp, lines[-HELD_OUT:], spec.max_len), spec.max_len)
    rows_per_batch = max(1, c["batch_tokens"] // spec.max_len)
    log(f"corpus {len(lines)} segments -> {len(rows)} rows of <= {spec.max_len} tokens "
        f"({sum(map(len, rows))} tokens), held out {len(held_out)} rows; encoded in {time.time() - t0:.0f}s")

    torch.manual_seed(c["seed"])
    model = MaskedLanguageModel(spec)
    optimizer = torch.optim.AdamW(model.parameters(), lr=c["lr"], betas=(0.9, 0.98), weight_decay=0.01)
    step, epoch, position = 0, 0, 0
    last_path = work / "mlm-last.pt"
    if last_path.exists():
        state = torch.load(last_path)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        step, epoch, position = state["step"], state["epoch"], state["position"]
        log(f"resumed from {last_path} at step {step} epoch {epoch} row {position}")
    else:
        log(f"new model: {sum(p.numel() for p in model.parameters())} parameters, spec {spec.to_json()}")
    interrupted: list[int] = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda signum, frame: interrupted.append(signum))

    def save(reason: str) -> None:
        save_atomic({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "step": step, "epoch": epoch,
                     "position": position, "spec": spec.to_json()}, last_path)
        log(f"checkpoint ({reason}) step {step} -> {last_path}")

    generator = torch.Generator().manual_seed(c["seed"] + step)
    started, last_save, tokens_since, since = time.time(), time.time(), 0, time.time()
    model.train()
    while step < c["total_steps"]:
        order = list(range(len(rows)))
        random.Random(c["seed"] + epoch).shuffle(order)
        while position < len(order) and step < c["total_steps"]:
            batch = [rows[i] for i in order[position : position + rows_per_batch]]
            position += rows_per_batch
            ids, mask = collate(batch)
            corrupted, positions, targets = mask_tokens(
                ids, mask, MASK_ID, spec.vocab_size, FIRST_NORMAL_ID, c["mask_rate"], generator
            )
            for group in optimizer.param_groups:
                group["lr"] = learning_rate(step, c["lr"], c["warmup"], c["total_steps"])
            loss = mlm_loss(model, corrupted, mask, positions, targets)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            step += 1
            tokens_since += int(mask.sum())
            if step % 25 == 0:
                log(f"step {step} epoch {epoch} loss {loss.item():.4f} lr {optimizer.param_groups[0]['lr']:.6f} "
                    f"tok/s {tokens_since / (time.time() - since):.0f}")
                tokens_since, since = 0, time.time()
            if step % args.eval_every == 0:
                log(f"held-out step {step}: {held_out_scores(model, held_out, cfg)}")
            out_of_time = time.time() - started > args.max_minutes * 60
            if interrupted or out_of_time:
                save("wall-clock budget" if out_of_time else f"signal {interrupted[0]}")
                return
            if time.time() - last_save > CHECKPOINT_SECONDS:
                save("periodic")
                last_save = time.time()
        if position >= len(order):
            epoch, position = epoch + 1, 0
    log(f"held-out final step {step}: {held_out_scores(model, held_out, cfg)}")
    save("end")


if __name__ == "__main__":
    main()
