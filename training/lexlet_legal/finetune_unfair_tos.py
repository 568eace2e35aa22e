"""Stage 3 of the encoder family: fine-tune the MLM-pre-trained encoder as the UNFAIR-ToS multi-label tagger.

  cd training && nice -n 10 /usr/bin/python3 -m lexlet_legal.finetune_unfair_tos --config legal-unfair-tos-encoder

Training data: LexGLUE train minus one held-out fold of companies (document_folds, `threshold_fold`), plus the
English CLAUDETTE ToS of companies outside dev. The held-out fold picks the epoch and the per-label thresholds
(cross-validating a Transformer five times costs more than the 2 shared cores allow; the hashed family does full
5-fold CV). Dev = LexGLUE validation, scored once with the chosen epoch and thresholds.

`--from-scratch` skips the pre-trained weights (the ablation that shows what pre-training is worth).
Writes work/legal/<model_id>/: classifier.pt, scores.json (finetune.log beside them).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time

import numpy as np
import torch

from lexlet_mt.train import Logger

from .encoder_corpus import encode, load_tokenizer, work_dir
from .encoder_model import EncoderSpec, SentenceClassifier
from .metrics import best_thresholds, binarize, lexglue_scores, multi_hot
from .pretrain_mlm import collate
from .train_unfair_tos import load_config
from .unfair_tos_data import LABELS, company_of, document_folds, load_claudette, load_unfair_tos


def batches(lengths: list[int], size: int, rng: random.Random | None) -> list[list[int]]:
    """Indices grouped by similar length (little padding); batch order shuffled when rng is given."""
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    groups = [order[b : b + size] for b in range(0, len(order), size)]
    if rng:
        rng.shuffle(groups)
    return groups


@torch.no_grad()
def predict(model: SentenceClassifier, ids: list[list[int]], batch: int = 64) -> np.ndarray:
    model.eval()
    out = np.zeros((len(ids), model.head.out_features), dtype=np.float32)
    for group in batches([len(x) for x in ids], batch, None):
        x, mask = collate([ids[i] for i in group])
        out[group] = torch.sigmoid(model(x, mask)).numpy()
    model.train()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", default="legal-unfair-tos-encoder")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--from-scratch", action="store_true")
    ap.add_argument("--max-batches", type=int, default=0, help="per epoch, for a quick pipeline check")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    cfg = load_config(args.config)
    c = cfg["finetune"]
    work = work_dir(cfg)
    tag = "scratch" if args.from_scratch else "pretrained"
    log = Logger(work / f"finetune-{tag}.log")
    sp = load_tokenizer(cfg)
    spec = EncoderSpec(vocab_size=sp.get_piece_size(), **cfg["model"])

    train, dev = load_unfair_tos("train"), load_unfair_tos("validation")
    extra = load_claudette(c["claudette_langs"], {company_of(s.doc) for s in dev})
    folds = np.array(document_folds(train, 5))
    held = [s for s, f in zip(train, folds) if f == c["threshold_fold"]]
    fit = [s for s, f in zip(train, folds) if f != c["threshold_fold"]] + extra
    encode_all = lambda sentences: encode(sp, [s.text for s in sentences], spec.max_len)  # noqa: E731
    fit_ids, held_ids, dev_ids = encode_all(fit), encode_all(held), encode_all(dev)
    y_fit = multi_hot([s.labels for s in fit], len(LABELS))
    y_held = multi_hot([s.labels for s in held], len(LABELS))
    y_dev = multi_hot([s.labels for s in dev], len(LABELS))
    log(f"{tag}: fit {len(fit)} sentences ({len(fit) - len(extra)} LexGLUE + {len(extra)} CLAUDETTE), "
        f"held-out fold {len(held)}, dev {len(dev)}")

    torch.manual_seed(c.get("seed", 13))
    model = SentenceClassifier(spec, len(LABELS))
    if not args.from_scratch:
        state = torch.load(work / "mlm-last.pt")
        encoder_state = {k[len("encoder."):]: v for k, v in state["model"].items() if k.startswith("encoder.")}
        model.encoder.load_state_dict(encoder_state)
        log(f"encoder from mlm-last.pt (pre-training step {state['step']})")
    positives = y_fit.sum(axis=0).clip(min=1)
    pos_weight = torch.tensor(((len(y_fit) - positives) / positives) ** c["balance_power"], dtype=torch.float32)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.AdamW(model.parameters(), lr=c["lr"], weight_decay=0.01)
    rng = random.Random(c.get("seed", 13))
    steps_per_epoch = math.ceil(len(fit) / c["batch"])
    if args.max_batches:
        steps_per_epoch = min(steps_per_epoch, args.max_batches)
    total = steps_per_epoch * c["epochs"]
    warmup = max(1, total // 10)
    grid = np.linspace(*cfg["threshold_grid"][:2], int(cfg["threshold_grid"][2]))
    best: dict | None = None
    step, t0 = 0, time.time()
    for epoch in range(c["epochs"]):
        for group in batches([len(x) for x in fit_ids], c["batch"], rng)[:steps_per_epoch]:
            x, mask = collate([fit_ids[i] for i in group])
            lr_scale = (step + 1) / warmup if step < warmup else max(0.0, (total - step) / (total - warmup))
            for g in optimizer.param_groups:
                g["lr"] = c["lr"] * lr_scale
            loss = loss_fn(model(x, mask), torch.from_numpy(y_fit[group]).float())
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            step += 1
            if step % 50 == 0:
                log(f"epoch {epoch} step {step}/{total} loss {loss.item():.4f} ({time.time() - t0:.0f}s)")
        held_probs = predict(model, held_ids)
        thresholds = best_thresholds(y_held, held_probs, grid)
        held_scores = lexglue_scores(y_held, binarize(held_probs, thresholds))
        log(f"epoch {epoch}: held-out fold (own thresholds) micro {held_scores['micro_f1']:.2f} "
            f"macro {held_scores['macro_f1']:.2f}")
        if best is None or held_scores["macro_f1"] + held_scores["micro_f1"] > best["selection"]:
            best = {"selection": held_scores["macro_f1"] + held_scores["micro_f1"], "epoch": epoch,
                    "thresholds": thresholds, "held": held_scores}
            torch.save({"model": model.state_dict(), "spec": spec.to_json()}, work / f"classifier-{tag}.pt")

    assert best is not None
    model.load_state_dict(torch.load(work / f"classifier-{tag}.pt")["model"])
    dev_probs = predict(model, dev_ids)
    scores = {
        "config": cfg,
        "init": tag,
        "epoch": best["epoch"],
        "thresholds": best["thresholds"].round(4).tolist(),
        "held_out_fold": best["held"],
        "dev_at_0.5": lexglue_scores(y_dev, binarize(dev_probs, 0.5)),
        "dev_calibrated": lexglue_scores(y_dev, binarize(dev_probs, best["thresholds"])),
        "fit_sentences": len(fit),
        "seconds": round(time.time() - t0),
    }
    (work / f"scores-{tag}.json").write_text(json.dumps(scores, indent=1))
    np.save(work / f"dev_probs-{tag}.npy", dev_probs)
    for key in ("dev_at_0.5", "dev_calibrated"):
        s = scores[key]
        log(f"{tag} {key}: micro {s['micro_f1']:.2f} macro {s['macro_f1']:.2f} per-label {s['per_label_f1']}")
    log(f"{tag}: best epoch {best['epoch']}, thresholds {scores['thresholds']}, {scores['seconds']}s")


if __name__ == "__main__":
    main()
