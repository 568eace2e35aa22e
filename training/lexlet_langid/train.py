"""Trains, evaluates and exports the language identifier; writes its model card.

    cd training && /usr/bin/python3 -m lexlet_langid.train
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from .card import write_card
from .data import LANGUAGES, SHARED, dev_sentences, training_sentences
from .evaluate import accuracy_by_length, choose_threshold, dev_rows
from .export import model_json, parity_fixture
from .features import FeatureSpec
from .model import count_features, log_likelihoods, quantize

REPO = Path(__file__).resolve().parents[2]
MODEL_DIR = REPO / "public" / "models" / "lexlet-langid"
FIXTURE = REPO / "src" / "engine" / "langid" / "__fixtures__" / "langid-parity.json"
RECORD = REPO / "training" / "runs" / "langid" / "eval.json"

# Short texts the app answers are at least this often right on the threshold-selection half of dev.
SHORT_TEXT_TARGET = 0.99


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared translation corpora")
    parser.add_argument("--buckets", type=int, default=1 << 16)
    parser.add_argument("--alpha", type=float, default=0.5, help="additive smoothing")
    parser.add_argument("--tatoeba", type=int, default=60_000, help="Tatoeba sentences per language at most")
    parser.add_argument("--libreoffice", type=int, default=20_000, help="LibreOffice sentences per language at most")
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args()

    started = time.time()
    spec = FeatureSpec(buckets=args.buckets)
    train, data_stats = training_sentences(args.shared, args.tatoeba, args.libreoffice)
    q, scale = quantize(log_likelihoods(count_features(train, LANGUAGES, spec), args.alpha))
    weights = q.astype("float64")

    dev = dev_sentences(args.shared)
    rows = dev_rows(dev, LANGUAGES, weights, scale, spec)
    # The threshold is chosen on even-numbered dev sentences and reported on the odd-numbered ones.
    threshold = choose_threshold([r for r in rows if r[0] % 2 == 0], SHORT_TEXT_TARGET)
    record = {
        "languages": list(LANGUAGES),
        "features": spec.to_json(),
        "alpha": args.alpha,
        "training_sentences": data_stats,
        "dev": {"source": "tatoeba-unseen-dev", "per_language": {lang: len(dev[lang]) for lang in LANGUAGES}},
        "threshold": threshold,
        "short_text_target": SHORT_TEXT_TARGET,
        "dev_accuracy": accuracy_by_length(rows),
        "report_half": accuracy_by_length([r for r in rows if r[0] % 2 == 1], threshold),
        "per_language": {
            lang: round(sum(r[3] == r[2] for r in rows if r[2] == i) / max(1, len(dev[lang])), 4)
            for i, lang in enumerate(LANGUAGES)
        },
        "train_seconds": round(time.time() - started, 1),
    }

    args.out.mkdir(parents=True, exist_ok=True)
    model_path = args.out / "langid.json"
    model_path.write_text(json.dumps(model_json(q, scale, LANGUAGES, spec, threshold)) + "\n", encoding="utf-8")
    record["model_bytes"] = model_path.stat().st_size
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(json.dumps(parity_fixture(q, scale, spec), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    RECORD.parent.mkdir(parents=True, exist_ok=True)
    RECORD.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    write_card(args.out / "MODEL_CARD.md", record)
    print(json.dumps({k: record[k] for k in ("threshold", "dev_accuracy", "report_half", "model_bytes")}, indent=1))


if __name__ == "__main__":
    main()
