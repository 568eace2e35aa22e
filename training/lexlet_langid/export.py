"""The shipped model file and the parity fixture the app's detector is tested against."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np

from .features import FeatureSpec, feature_ids
from .model import probabilities, raw_scores

FORMAT = "lexlet-langid"

# Fixed texts for the cross-language test: scripts, accents, compatibility forms, mixed and letterless input.
PARITY_TEXTS = [
    "Ayer compré un libro en la librería.",
    "The weather is lovely today, isn't it?",
    "Ich habe gestern ein Buch gekauft.",
    "Où est la gare, s'il vous plaît ?",
    "我昨天买了一本书。",
    "Öffnen Sie das Menü „Extras“ und wählen Sie ﬁ-Ligaturen.",
    "ΣΊΣΥΦΟΣ straße İstanbul",
    "Use Excel打开文件 now",
    "no",
    "12345 !!! 😀",
    "",
]


def model_json(q: np.ndarray, scale: float, languages, spec: FeatureSpec, threshold: float) -> dict:
    return {
        "format": FORMAT,
        "version": 1,
        "languages": list(languages),
        "features": spec.to_json(),
        "scale": scale,
        "threshold": threshold,
        # int8, bucket-major: weight of bucket b for language c at b * languages + c.
        "weights": base64.b64encode(np.ascontiguousarray(q, dtype=np.int8).tobytes()).decode("ascii"),
    }


def load_model(path: Path) -> tuple[np.ndarray, float, tuple[str, ...], FeatureSpec, float]:
    obj = json.loads(path.read_text(encoding="utf-8"))
    if obj.get("format") != FORMAT:
        raise ValueError(f"{path} is not a {FORMAT} model")
    spec = FeatureSpec.from_json(obj["features"])
    languages = tuple(obj["languages"])
    q = np.frombuffer(base64.b64decode(obj["weights"]), dtype=np.int8).reshape(spec.buckets, len(languages))
    return q, float(obj["scale"]), languages, spec, float(obj["threshold"])


def parity_fixture(q: np.ndarray, scale: float, spec: FeatureSpec) -> list[dict]:
    cases = []
    for text in PARITY_TEXTS:
        ids = feature_ids(text, spec)
        sums = raw_scores(ids, q)
        cases.append(
            {"text": text, "ids": ids, "sums": sums, "probabilities": probabilities(sums, scale) if ids else None}
        )
    return cases
