"""Hashed character n-gram features, defined once and mirrored exactly by src/engine/langid/features.ts.

Specification (version 1), shipped in the model file under "features":
  1. text -> Unicode NFKC -> lower case (full Unicode lower-casing).
  2. tokens = maximal runs of letters (Unicode general category L*: Python str.isalpha, JS \\p{L}), split where
     a Han character meets a letter of another script; keep the first `max_tokens`.
  3. features, per token in order:
       a Han token (CJK ideographs) -> its characters and character bigrams ("counted directly": Chinese is
         written without spaces, so a sentence is one token and its characters are the evidence);
       any other token -> every code-point n-gram (1 <= n <= `max_n`) of " " + token + " " except " " alone,
         n ascending then position ascending.
  4. id = FNV-1a 32-bit over the feature's UTF-8 bytes, modulo `buckets`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193


@dataclass(frozen=True)
class FeatureSpec:
    buckets: int = 1 << 16
    max_n: int = 4
    han_max_n: int = 2
    max_tokens: int = 200
    version: int = 1

    def to_json(self) -> dict:
        return {
            "version": self.version,
            "normalization": "NFKC",
            "lowercase": True,
            "hash": "fnv1a32-utf8",
            "buckets": self.buckets,
            "max_n": self.max_n,
            "han_max_n": self.han_max_n,
            "max_tokens": self.max_tokens,
        }

    @staticmethod
    def from_json(obj: dict) -> "FeatureSpec":
        if obj.get("version") != 1:
            raise ValueError(f"unsupported feature version {obj.get('version')!r}")
        return FeatureSpec(obj["buckets"], obj["max_n"], obj["han_max_n"], obj["max_tokens"], obj["version"])


def is_han(char: str) -> bool:
    """CJK ideographs (the blocks Chinese text uses); JS mirrors this with the same code-point ranges."""
    code = ord(char)
    return (
        0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
    )


def tokenize(text: str, max_tokens: int) -> list[str]:
    tokens: list[str] = []
    current: list[str] = []
    current_han = False
    for char in unicodedata.normalize("NFKC", text).lower():
        if not char.isalpha():
            if current:
                tokens.append("".join(current))
                current = []
            continue
        han = is_han(char)
        if current and han != current_han:
            tokens.append("".join(current))
            current = []
        current_han = han
        current.append(char)
    if current:
        tokens.append("".join(current))
    return tokens[:max_tokens]


def feature_strings(tokens: list[str], spec: FeatureSpec) -> list[str]:
    feats: list[str] = []
    for token in tokens:
        if is_han(token[0]):
            for n in range(1, spec.han_max_n + 1):
                feats += [token[i : i + n] for i in range(len(token) - n + 1)]
        else:
            padded = " " + token + " "
            for n in range(1, spec.max_n + 1):
                feats += [padded[i : i + n] for i in range(len(padded) - n + 1) if n > 1 or padded[i] != " "]
    return feats


def fnv1a32(data: bytes) -> int:
    h = FNV_OFFSET
    for byte in data:
        h = ((h ^ byte) * FNV_PRIME) & 0xFFFFFFFF
    return h


def bucket(feature: str, spec: FeatureSpec) -> int:
    return fnv1a32(feature.encode("utf-8")) % spec.buckets


def feature_ids(text: str, spec: FeatureSpec) -> list[int]:
    return [bucket(f, spec) for f in feature_strings(tokenize(text, spec.max_tokens), spec)]


def word_count(text: str) -> int:
    """Length for reporting: space-separated words, where each Han character counts as one word."""
    count = 0
    for word in text.split():
        han = sum(1 for char in word if is_han(char))
        rest = "".join(" " if is_han(char) else char for char in word).split()
        count += han + sum(1 for piece in rest if any(c.isalnum() for c in piece))
    return count
