"""CUAD clause tagger: hashed sparse linear model over clause units, plus the TF-IDF + logistic regression reference.

Units are the engine's own segments (cuad_segments.ts) minus headings, each read with its context (the heading
above it, its paragraph's opening, the unit before it: featurizer spec step 5); a unit is positive for a category
when it overlaps a gold span of that category by at least one character. Per-category unit thresholds, then
contract-level rules (document_rules.py), are tuned on out-of-fold probabilities over contract folds of train.
Scores on dev contracts:
  span F1      per category: precision = predicted units overlapping a gold span, recall = gold spans overlapped
               by a predicted unit (overlap >= 1 char); reported as macro over categories with gold in dev
               and as micro over all spans.
  presence F1  per category over dev contracts (present = any span), macro over categories.

  cd training && nice -n 10 /usr/bin/python3 -m lexlet_legal.train_cuad --config legal-cuad
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import torch

from .cuad_data import CUAD_DIR, WORK, clause_categories
from .hashed_linear import design_matrix, train_linear
from .hashed_model import fit_idf, pooling_weights
from .hashing import Featurizer, FeaturizerSpec
from .document_rules import apply_rules, rules_to_json, tune_rules
from .metrics import best_thresholds
from .train_unfair_tos import TRAINING_ROOT, load_config


def load_units(categories: list[str]) -> list[dict]:
    """One entry per contract: its text, unit ranges, unit label matrix and gold spans per category."""
    index = {c: i for i, c in enumerate(categories)}
    segs = {}
    for line in (WORK / "segments.jsonl").read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        segs[obj["file"]] = [(s, e, h, lead) for s, e, is_heading, h, lead in obj["segments"] if not is_heading]
    contracts = []
    for line in (WORK / "contracts.jsonl").read_text(encoding="utf-8").splitlines():
        c = json.loads(line)
        text = (CUAD_DIR / "full_contract_txt" / c["file"]).read_text(encoding="utf-8")
        units = [(s, e) for s, e, _, _ in segs[c["file"]]]
        previous = [""] + [text[s:e] for s, e in units[:-1]]
        contexts = [(h, lead, prev) for (_, _, h, lead), prev in zip(segs[c["file"]], previous)]
        gold = [[] for _ in categories]
        for sp in c["spans"]:
            if sp["label"] in index:
                gold[index[sp["label"]]].append((sp["start"], sp["end"]))
        y = np.zeros((len(units), len(categories)), dtype=np.int32)
        for j, spans in enumerate(gold):
            for s, e in spans:
                for u, (us, ue) in enumerate(units):
                    if us < e and s < ue:
                        y[u, j] = 1
        contracts.append(
            {"file": c["file"], "split": c["split"], "text": text, "units": units, "contexts": contexts, "y": y, "gold": gold}
        )
    return contracts


def span_scores(contracts: list[dict], preds: list[np.ndarray], n_labels: int) -> dict:
    tp_p = np.zeros(n_labels)
    n_p = np.zeros(n_labels)
    tp_g = np.zeros(n_labels)
    n_g = np.zeros(n_labels)
    pres_tp = np.zeros(n_labels)
    pres_fp = np.zeros(n_labels)
    pres_fn = np.zeros(n_labels)
    for c, p in zip(contracts, preds):
        for j in range(n_labels):
            units = [c["units"][u] for u in np.flatnonzero(p[:, j])]
            gold = c["gold"][j]
            n_p[j] += len(units)
            n_g[j] += len(gold)
            tp_p[j] += sum(any(us < e and s < ue for s, e in gold) for us, ue in units)
            tp_g[j] += sum(any(us < e and s < ue for us, ue in units) for s, e in gold)
            has_pred, has_gold = bool(units), bool(gold)
            pres_tp[j] += has_pred and has_gold
            pres_fp[j] += has_pred and not has_gold
            pres_fn[j] += has_gold and not has_pred

    def f1(p: np.ndarray, r: np.ndarray) -> np.ndarray:
        return np.where(p + r > 0, 2 * p * r / np.maximum(p + r, 1e-12), 0.0)

    prec = np.where(n_p > 0, tp_p / np.maximum(n_p, 1), 0.0)
    rec = np.where(n_g > 0, tp_g / np.maximum(n_g, 1), 0.0)
    span_f1 = f1(prec, rec)
    with_gold = n_g > 0
    micro = f1(np.array(tp_p.sum() / max(n_p.sum(), 1)), np.array(tp_g.sum() / max(n_g.sum(), 1)))
    pres_f1 = np.where(2 * pres_tp + pres_fp + pres_fn > 0, 2 * pres_tp / np.maximum(2 * pres_tp + pres_fp + pres_fn, 1), 0.0)
    pres_with = (pres_tp + pres_fn) > 0
    return {
        "span_f1_macro": 100 * float(span_f1[with_gold].mean()),
        "span_f1_micro": 100 * float(micro),
        "span_precision_micro": 100 * float(tp_p.sum() / max(n_p.sum(), 1)),
        "span_recall_micro": 100 * float(tp_g.sum() / max(n_g.sum(), 1)),
        "presence_f1_macro": 100 * float(pres_f1[pres_with].mean()),
        "per_category_span_f1": [round(100 * float(x), 1) for x in span_f1],
        "per_category_presence_f1": [round(100 * float(x), 1) for x in pres_f1],
        "categories_with_dev_gold": int(with_gold.sum()),
    }


def split_rows(contracts: list[dict], probs: np.ndarray) -> list[np.ndarray]:
    out, at = [], 0
    for c in contracts:
        out.append(probs[at : at + len(c["units"])])
        at += len(c["units"])
    return out


def fit_hashed(ids, y, cfg, buckets):
    idf = fit_idf(ids, buckets)
    x = design_matrix(ids, [pooling_weights(i, "idf-l2", idf) for i in ids], buckets)
    t = cfg["train"]
    return train_linear(x, y, t["l2"], t["lbfgs_iterations"], t["balance_power"]), idf


@torch.no_grad()
def predict_hashed(model, idf, ids, buckets) -> np.ndarray:
    out = []
    for b in range(0, len(ids), 4096):
        chunk = ids[b : b + 4096]
        out.append(torch.sigmoid(model(design_matrix(chunk, [pooling_weights(i, "idf-l2", idf) for i in chunk], buckets))).numpy())
    return np.concatenate(out)


def tfidf_lr_reference(train_texts, y_train, dev_texts) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=300_000)
    xt, xd = vec.fit_transform(train_texts), vec.transform(dev_texts)
    probs = np.zeros((len(dev_texts), y_train.shape[1]))
    for j in range(y_train.shape[1]):
        if y_train[:, j].sum() == 0:
            continue
        lr = LogisticRegression(C=4.0, class_weight="balanced", solver="liblinear", max_iter=200)
        probs[:, j] = lr.fit(xt, y_train[:, j]).predict_proba(xd)[:, 1]
    return probs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="legal-cuad")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--skip-reference", action="store_true")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    cfg = load_config(args.config)
    t0 = time.time()
    categories = clause_categories()
    contracts = load_units(categories)
    train = [c for c in contracts if c["split"] == "train"]
    dev = [c for c in contracts if c["split"] == "dev"]
    spec = FeaturizerSpec(**cfg["featurizer"])
    featurizer = Featurizer(spec)

    def unit_texts(cs):
        return [c["text"][s:e] for c in cs for s, e in c["units"]]

    def unit_ids(cs):
        return [
            np.array(featurizer.ids_in_context(c["text"][s:e], *context), dtype=np.int64)
            for c in cs
            for (s, e), context in zip(c["units"], c["contexts"])
        ]

    train_texts, dev_texts = unit_texts(train), unit_texts(dev)
    train_ids, dev_ids = unit_ids(train), unit_ids(dev)
    y_train = np.concatenate([c["y"] for c in train])
    print(f"{len(train)} train / {len(dev)} dev contracts, {len(train_ids)} / {len(dev_ids)} units, "
          f"featurized at {time.time() - t0:.0f}s", flush=True)

    # Thresholds from out-of-fold probabilities over contract folds of train.
    k = cfg["data"]["folds"]
    unit_fold = np.concatenate([np.full(len(c["units"]), i % k) for i, c in enumerate(train)])
    oof = np.zeros(y_train.shape, dtype=np.float32)
    for f in range(k):
        tr, te = np.flatnonzero(unit_fold != f), np.flatnonzero(unit_fold == f)
        model, idf = fit_hashed([train_ids[i] for i in tr], y_train[tr], cfg, spec.buckets)
        oof[te] = predict_hashed(model, idf, [train_ids[i] for i in te], spec.buckets)
        print(f"fold {f} at {time.time() - t0:.0f}s", flush=True)
    grid = np.linspace(*cfg["threshold_grid"][:2], int(cfg["threshold_grid"][2]))
    thresholds = best_thresholds(y_train, oof, grid)
    rules = tune_rules(train, split_rows(train, oof), thresholds, grid)

    model, idf = fit_hashed(train_ids, y_train, cfg, spec.buckets)
    dev_probs = predict_hashed(model, idf, dev_ids, spec.buckets)
    result = {
        "categories": categories,
        "thresholds": thresholds.round(4).tolist(),
        "document_rules": rules_to_json(rules),
        "hashed_document_rules": span_scores(dev, apply_rules(split_rows(dev, dev_probs), rules), len(categories)),
        "hashed_calibrated": span_scores(dev, split_rows(dev, dev_probs >= thresholds), len(categories)),
        "hashed_at_0.5": span_scores(dev, split_rows(dev, dev_probs >= 0.5), len(categories)),
    }
    print(f"hashed done at {time.time() - t0:.0f}s", flush=True)
    out_dir = TRAINING_ROOT / "work" / "legal" / cfg["model_id"]
    out_dir.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), out_dir / "model.pt")
    np.save(out_dir / "idf.npy", idf)
    if not args.skip_reference:
        ref = tfidf_lr_reference(train_texts, y_train, dev_texts)
        result["tfidf_lr_at_0.5"] = span_scores(dev, split_rows(dev, ref >= 0.5), len(categories))
    result["seconds"] = round(time.time() - t0)
    (out_dir / "scores.json").write_text(json.dumps(result, indent=1))
    for key in ("hashed_document_rules", "hashed_calibrated", "hashed_at_0.5", "tfidf_lr_at_0.5"):
        if key in result:
            r = result[key]
            print(f"{key}: span-F1 macro {r['span_f1_macro']:.1f} micro {r['span_f1_micro']:.1f} "
                  f"presence-F1 macro {r['presence_f1_macro']:.1f}")


if __name__ == "__main__":
    main()
