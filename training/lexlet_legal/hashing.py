"""Hashed word/char n-gram features, defined once and mirrored exactly by src/engine/legal/featurize.ts.

Specification (version 1), shipped in the model's config.json under "featurizer":
  1. text -> Unicode NFKC -> lower case (full Unicode lower-casing).
  2. tokens = maximal runs of letters or numbers (JS /[\\p{L}\\p{N}]+/gu, Python [^\\W_]+); keep the first
     `max_tokens`.
  3. features, in this order, duplicates kept:
       "w|" + token                      for every token
       "b|" + token_i + " " + token_i+1  for every adjacent pair
       "c|" + g                          for every code-point n-gram g (char_min <= n <= char_max) of
                                         "<" + token + ">", per token, n ascending then position ascending
  4. id = FNV-1a 32-bit over the feature's UTF-8 bytes, modulo `buckets`.
  5. with "context" on (clause taggers), the clause's context (src/engine/legal/clause-context.ts) adds, after the
     clause's own features: "h|" + token and "hb|" + pair for the first `CONTEXT_TOKENS` tokens of the heading
     above it, then "l|" + token and "lb|" + pair for those of the opening of its paragraph, then "p|" + token for
     the first `PREVIOUS_TOKENS` tokens of the clause before it.
The model averages the embeddings of all ids of a sentence, so order does not matter to it; the fixed order
only makes the parity test exact.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass

FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193
TOKEN_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class FeaturizerSpec:
    buckets: int = 1 << 18
    max_tokens: int = 256
    char_min: int = 3
    char_max: int = 5
    word_bigrams: bool = True
    version: int = 1
    context: bool = False

    def to_json(self) -> dict:
        return {
            "version": self.version,
            "normalization": "NFKC",
            "lowercase": True,
            "token_pattern": "[\\p{L}\\p{N}]+",
            "hash": "fnv1a32-utf8",
            # "context" appears only when on, so configs of models without it stay as they were.
            **{k: v for k, v in asdict(self).items() if k != "version" and (k != "context" or v)},
        }

    @staticmethod
    def from_json(obj: dict) -> "FeaturizerSpec":
        return FeaturizerSpec(
            buckets=obj["buckets"],
            max_tokens=obj["max_tokens"],
            char_min=obj["char_min"],
            char_max=obj["char_max"],
            word_bigrams=obj["word_bigrams"],
            version=obj["version"],
            context=obj.get("context", False),
        )


def fnv1a32(data: bytes) -> int:
    h = FNV_OFFSET
    for byte in data:
        h = ((h ^ byte) * FNV_PRIME) & 0xFFFFFFFF
    return h


def tokenize(text: str, max_tokens: int) -> list[str]:
    return TOKEN_RE.findall(unicodedata.normalize("NFKC", text).lower())[:max_tokens]


def feature_strings(tokens: list[str], spec: FeaturizerSpec) -> list[str]:
    feats = ["w|" + t for t in tokens]
    if spec.word_bigrams:
        feats += ["b|" + a + " " + b for a, b in zip(tokens, tokens[1:])]
    if spec.char_max >= spec.char_min > 0:
        for t in tokens:
            s = "<" + t + ">"
            for n in range(spec.char_min, spec.char_max + 1):
                feats += ["c|" + s[i : i + n] for i in range(len(s) - n + 1)]
    return feats


CONTEXT_TOKENS = 16
PREVIOUS_TOKENS = 24


def context_feature_strings(heading: str, lead: str, previous: str) -> list[str]:
    feats = []
    for prefix, text in (("h", heading), ("l", lead)):
        tokens = tokenize(text, CONTEXT_TOKENS)
        feats += [prefix + "|" + t for t in tokens]
        feats += [prefix + "b|" + a + " " + b for a, b in zip(tokens, tokens[1:])]
    feats += ["p|" + t for t in tokenize(previous, PREVIOUS_TOKENS)]
    return feats


class Featurizer:
    """Text -> bucket ids. Caches feature hashes: the same n-grams recur across a corpus."""

    def __init__(self, spec: FeaturizerSpec):
        self.spec = spec
        self._cache: dict[str, int] = {}

    def feature_id(self, feature: str) -> int:
        cached = self._cache.get(feature)
        if cached is None:
            cached = fnv1a32(feature.encode("utf-8")) % self.spec.buckets
            self._cache[feature] = cached
        return cached

    def ids(self, text: str) -> list[int]:
        return [self.feature_id(f) for f in feature_strings(tokenize(text, self.spec.max_tokens), self.spec)]

    def ids_in_context(self, text: str, heading: str, lead: str, previous: str) -> list[int]:
        """A clause's ids with its context's (spec step 5); the clause alone when the spec has no context."""
        own = self.ids(text)
        if not self.spec.context:
            return own
        return own + [self.feature_id(f) for f in context_feature_strings(heading, lead, previous)]
