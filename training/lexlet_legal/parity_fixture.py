"""Writes the featurizer parity fixture that src/engine/legal/featurize.test.ts recomputes in TypeScript.

  cd training && /usr/bin/python3 -m lexlet_legal.parity_fixture
"""

from __future__ import annotations

import json
import random

from .hashing import Featurizer, FeaturizerSpec, feature_strings, fnv1a32, tokenize
from .train_unfair_tos import TRAINING_ROOT, load_config
from .unfair_tos_data import load_claudette, load_unfair_tos

FIXTURE = TRAINING_ROOT.parent / "src" / "engine" / "legal" / "__fixtures__" / "featurize-parity.json"

# Hand-written edge cases: compatibility forms, case mappings that change length, marks, astral characters,
# separators the tokenizer must split on, and more tokens than max_tokens.
EDGE_CASES = [
    "",
    "   \t\n ",
    "ﬁnal ﬂow — ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ ① ² ½",
    "İstanbul DİYARBAKIR ΟΔΟΣ ΣΑΣ straße STRASSE ǅ",
    "e\u0301te\u0301 café naïve résumé Ångström",
    "snake_case_identifier kebab-case dotted.name e-mail@example.com https://x.y/z?a=1",
    "The Company's \"Services\" (as defined in §2.1(a)) shall — inter alia — apply.",
    "emoji 😀 test 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛 and 漢字かなカナ 한국어 العربية हिन्दी ไทย",
    "Zażółć gęślą jaźń; Übermäßig GROẞ; l'utente può recedere",
    " ".join(f"w{i}" for i in range(300)),
]


def main() -> None:
    cfg = load_config("legal-unfair-tos")
    # Char n-grams switched on whatever the shipped model uses, so the fixture covers every code path.
    spec = FeaturizerSpec(**{**cfg["featurizer"], "char_min": 3, "char_max": 5})
    featurizer = Featurizer(spec)
    rng = random.Random(7)
    texts = list(EDGE_CASES)
    texts += [s.text for s in rng.sample([s for s in load_unfair_tos("validation") if len(s.text) < 300], 110)]
    for lang in ("en", "de", "it", "pl"):
        pool = [s for s in load_claudette([lang], set()) if len(s.text) < 250]
        texts += [s.text for s in rng.sample(pool, 40)]
    cases = []
    for text in texts:
        tokens = tokenize(text, spec.max_tokens)
        cases.append({"text": text, "tokens": tokens, "ids": featurizer.ids(text)})
    # Clauses read in context (spec step 5): heading, paragraph opening and previous clause drawn from other texts.
    context_spec = FeaturizerSpec(**{**spec.__dict__, "context": True})
    context_featurizer = Featurizer(context_spec)
    context_cases = []
    for i, text in enumerate(texts[:60]):
        heading, lead, previous = (texts[(i + k) % len(texts)] if (i + k) % 4 else "" for k in (7, 19, 31))
        ids = context_featurizer.ids_in_context(text, heading, lead, previous)
        context_cases.append({"text": text, "heading": heading, "lead": lead, "previous": previous, "ids": ids})
    # A few raw hashes so a mismatch can be told apart from a tokenization one.
    hashes = {f: fnv1a32(f.encode("utf-8")) for f in ["", "a", "foobar", "w|terms", "c|<ü", "b|we may"]}
    assert feature_strings(["ab"], spec) == ["w|ab", "c|<ab", "c|ab>", "c|<ab>"]
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(
        json.dumps({"featurizer": spec.to_json(), "hashes": hashes, "cases": cases, "context_cases": context_cases}, ensure_ascii=False, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    print(f"{len(cases)} cases, {sum(len(c['ids']) for c in cases)} ids -> {FIXTURE} ({FIXTURE.stat().st_size} B)")


if __name__ == "__main__":
    main()
