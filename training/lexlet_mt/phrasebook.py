"""The phrasebook: short everyday sentences of the training corpus, answered with their human translation.

Usage (from training/):
  /usr/bin/python3 -m lexlet_mt.phrasebook --config en-es --out ../public/models/lexlet-en-es

A small model trained on Tatoeba still garbles sentences it was trained on ("Hello." → "Élolla.", "Good
morning." → "Bien las mañanas."): a few words seen once among a hundred thousand pairs. These are the first
things a user types, so the engine answers a sentence found here with the corpus's translation and sends
everything else to the model, the way a translation memory's exact matches come before machine translation.

Every source of at most `--max-words` words (Chinese: twice as many characters) in the config's corpus (the Anki
file) is keyed as `phrasebook_key` writes it — the engine (`src/engine/translate/phrasebook.ts`) keys what the user
typed the same way, and both are tested on `src/engine/translate/phrasebook-keys.test-cases.json` — and gets the
translation the corpus gives it most often (of equals the shortest, then the first in file order). Pairs whose
numbers differ, or whose source's capitalised names the translation does not keep (a Latin-script target), are
left out: the engine would reject such a translation anyway. The file is gzip-compressed JSON, written byte for
byte the same from the same corpus, named `phrasebook.bin` rather than `.json.gz`: static servers (Vite's among
them) send a `.gz` file with `Content-Encoding: gzip`, the browser unpacks it, and its bytes no longer match the
catalog's hash.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from .config import load_config
from .data import read_corpus

FORMAT = "lexlet-phrasebook/1"
DEFAULT_MAX_WORDS = 4
FILE_NAME = "phrasebook.bin"

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\uff1f": "?", "\uff01": "!", "\u3002": "."})
_STATEMENT_END = re.compile(r"[\s.!\u2026]+$")
_QUESTION_END = re.compile(r"\s*\?[\s?!.]*$")
_OPENING_MARKS = re.compile(r"^[\u00a1\u00bf]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_LATIN_TARGETS = {"en", "es", "de", "fr", "it", "pt", "nl", "pl"}


def phrasebook_key(text: str) -> str:
    """What a sentence is looked up by: apostrophes and full-width marks made plain, Spanish opening marks and
    a statement's final . ! … dropped, a question's final ? kept (a question is not the statement), spaces
    collapsed, the first letter in lower case."""
    text = " ".join(text.translate(_APOSTROPHES).split())
    text = _OPENING_MARKS.sub("", text)
    if _QUESTION_END.search(text):
        text = _QUESTION_END.sub("", text) + "?"
    else:
        text = _STATEMENT_END.sub("", text)
    return text[:1].lower() + text[1:]


def length(text: str) -> int:
    """Words, or for Chinese text half its Han characters (about its words), rounded up."""
    han = len(_HAN.findall(text))
    return (han + 1) // 2 if han else len(text.split())


def keeps_numbers_and_names(source: str, target: str, source_lang: str, target_lang: str) -> bool:
    if sorted(_DIGITS.findall(source)) != sorted(_DIGITS.findall(target)):
        return False
    # German capitalises every noun, and a Chinese target writes names in its own script: no names to check.
    if source_lang.split("-")[0] == "de" or target_lang.split("-")[0] not in _LATIN_TARGETS:
        return True
    names = [word for word in _WORD.findall(source)[1:] if word[0].isupper() and word != "I"]
    return all(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", target) for name in names)


def build(pairs: list[tuple[str, str]], source_lang: str, target_lang: str, max_words: int) -> list[tuple[str, str]]:
    """(key, translation) for every short source, in the order its key first occurs."""
    counts: dict[str, Counter] = defaultdict(Counter)
    first_seen: dict[str, dict[str, int]] = defaultdict(dict)
    for index, (source, target) in enumerate(pairs):
        if not source or not target or length(source) > max_words:
            continue
        if not keeps_numbers_and_names(source, target, source_lang, target_lang):
            continue
        key = phrasebook_key(source)
        if not key:
            continue
        counts[key][target] += 1
        first_seen[key].setdefault(target, index)
    return [
        (key, min(targets, key=lambda t: (-targets[t], len(t), first_seen[key][t])))
        for key, targets in counts.items()
    ]


def write(entries: list[tuple[str, str]], path: Path, source: str, target: str, max_words: int, corpus: str):
    doc = {
        "format": FORMAT,
        "source": source,
        "target": target,
        "maxWords": max_words,
        "corpus": corpus,
        "entries": [list(entry) for entry in entries],
    }
    raw = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    buffer = io.BytesIO()
    # mtime 0 and no file name: the same corpus gives the same bytes (the catalog pins their hash).
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0, filename="") as handle:
        handle.write(raw)
    path.write_bytes(buffer.getvalue())
    return len(raw)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", required=True)
    parser.add_argument("--out", required=True, help="the model folder to write phrasebook.bin into")
    parser.add_argument("--max-words", type=int, default=DEFAULT_MAX_WORDS)
    args = parser.parse_args()
    cfg = load_config(args.config)
    entries = build(read_corpus(cfg), cfg["src_lang"], cfg["tgt_lang"], args.max_words)
    out = Path(args.out) / FILE_NAME
    corpus = Path(cfg["corpus"]["path"]).parent.name
    raw = write(entries, out, cfg["src_lang"], cfg["tgt_lang"], args.max_words, corpus)
    print(f"{out}: {len(entries)} sentences, {raw} bytes of JSON, {out.stat().st_size} gzip-compressed")


if __name__ == "__main__":
    main()
