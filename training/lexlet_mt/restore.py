"""Stage 1b: lowercased, tokenized parallel text restored to running, cased text.

Usage (from training/):  /usr/bin/python3 -m lexlet_mt.restore --config en-es

Some parallel corpora here were published lowercased and Moses-tokenized ("mr president , the commission 's
report ..."). A model learns from its targets how to write, so such a corpus cannot be trained on as it is. Each
`extra_train` corpus with a `restore` block is rebuilt from its `sources` (line-aligned files per language,
concatenated in order): every line is detokenized (`detokenize`) and its case restored (`TrueCaser`) from the case
statistics of cased text in the same language and domain (`case_from`). A word that text never shows is
lowercase unless the other side of its pair shows it; a pair whose two sides share such a word (a name, "monnet")
is dropped rather than guessed, since a wrong guess would teach the model to lowercase names. Pairs that share a
sentence, up to case, spacing and punctuation, with any `exclude` file (dev sets) are dropped as well. The corpus
is written to the `files` of its `extra_train` entry, with a `.json` record of the counts beside it;
`lexlet_mt.data` then treats it like any other.

Written here rather than taken from a library: Debian packages no Moses detokenizer or truecaser for Python, and
the two need only the few rules below for English and Spanish.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .config import resolve, write_lines
from .data import block_languages, build_corpora, normalize, record_path

_WORD = re.compile(r"\w+")
# Tokens that Moses splits off and that attach to the word before them, or to the word after them.
_ATTACH_LEFT = {",", ".", ";", ":", "?", "!", "%", ")", "]", "}", "...", "'", "»"}
_ATTACH_RIGHT = {"(", "[", "{", "¿", "¡", "«"}
_CLITIC = re.compile(r"^(?:'s|'re|'ve|'ll|'d|'m|n't)$")


def detokenize(line: str) -> str:
    """Undo Moses-style tokenization: punctuation and English clitics rejoin their word; a double quote opens
    and closes in turn. A standalone single quote closes (the opening one stays on its word in this data: "the
    'frugality plan '") or ends a plural possessive ("member states ' failure"); either way it joins the word
    before it."""
    out = ""
    glue_next = False
    quote_open = False
    for token in line.split():
        if token == '"':
            if quote_open:
                out += token
            else:
                out += (" " if out else "") + token
                glue_next = True
            quote_open = not quote_open
            continue
        if out and not glue_next and not (token in _ATTACH_LEFT or _CLITIC.match(token)):
            out += " "
        out += token
        glue_next = token in _ATTACH_RIGHT
    return out


def words(text: str) -> list[str]:
    return _WORD.findall(text)


class TrueCaser:
    """Each word in the form cased text writes it in, after the word before it when that pair was seen at least
    twice (so "mr president" becomes "Mr President" and "the president" stays lowercase), otherwise on its own,
    where a capital must hold for nine in ten of the word's uses to win: titles in official text ("Advisory
    Committee on Administrative and Budgetary Questions") must not capitalise the word everywhere. Words that
    begin a sentence are not counted: their capital says nothing of the word."""

    def __init__(self, cased_lines: list[str]):
        self.forms: dict[str, Counter] = defaultdict(Counter)
        self.after: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for line in cased_lines:
            tokens = words(line)
            for i in range(1, len(tokens)):
                word = tokens[i]
                self.forms[word.lower()][word] += 1
                self.after[(tokens[i - 1].lower(), word.lower())][word] += 1

    def knows(self, word: str) -> bool:
        return not any(c.isalpha() for c in word) or word.lower() in self.forms

    def form(self, previous: str | None, word: str) -> str:
        key = word.lower()
        pair = self.after.get((previous.lower(), key)) if previous else None
        if pair and pair.total() >= 2:
            return pair.most_common(1)[0][0]
        counts = self.forms.get(key)
        if not counts:
            return key
        best, times = counts.most_common(1)[0]
        return best if best == key or key not in counts or times >= 0.9 * counts.total() else key

    def restore(self, text: str, borrowed: dict[str, str] | None = None) -> str:
        """`text` in its most likely case with its first letter capitalised; an unseen word takes its form from
        `borrowed` (lowercase word → form), else stays lowercase."""
        pieces = []
        previous = None
        position = 0
        for match in _WORD.finditer(text):
            word = match.group(0)
            known = self.knows(word)
            pieces.append(text[position:match.start()])
            pieces.append(self.form(previous, word) if known else (borrowed or {}).get(word.lower(), word.lower()))
            previous, position = word, match.end()
        pieces.append(text[position:])
        return capitalise_first("".join(pieces))

    def unseen(self, text: str) -> set[str]:
        return {word.lower() for word in words(text) if not self.knows(word)}


def capitalise_first(text: str) -> str:
    first = next((i for i, c in enumerate(text) if c.isalpha()), None)
    return text if first is None else text[:first] + text[first].upper() + text[first + 1:]


def restore_pair(casers: list[TrueCaser], lines: list[str]) -> list[str] | None:
    """Both sides of a pair restored, or None when a word of unknown case is shared by both: such a word is a
    name or an acronym ("monnet", "sepa"), which lowercase would misspell. A word unseen on one side only takes the
    other side's form when the two share it ("bonn" in Spanish, "Bonn" in English); otherwise it is a common word
    of its language ("represión") and stays lowercase."""
    texts = [normalize(detokenize(line)) for line in lines]
    unseen = [caser.unseen(text) for caser, text in zip(casers, texts)]
    if unseen[0] & unseen[1]:
        return None
    plain = [caser.restore(text) for caser, text in zip(casers, texts)]
    forms = [{word.lower(): word for word in words(text)} for text in plain]
    return [caser.restore(text, forms[1 - side]) for side, (caser, text) in enumerate(zip(casers, texts))]


def loose_key(text: str) -> str:
    """A sentence up to case, spacing and punctuation: how a restored line is compared with the dev sets."""
    return "".join(c for c in text.lower() if c.isalnum())


def read_cased(spec: str | dict) -> list[str]:
    """A cased text file, one sentence per line; `{"path", "column"}` takes one tab-separated column."""
    if isinstance(spec, str):
        spec = {"path": spec}
    lines = resolve(spec["path"]).read_text(encoding="utf-8").splitlines()
    if "column" in spec:
        lines = [line.split("\t")[spec["column"]] for line in lines if line.count("\t") >= spec["column"]]
    return [normalize(line) for line in lines]


def concatenated(paths: list[str]) -> list[str]:
    return [line for path in paths for line in resolve(path).read_text(encoding="utf-8").splitlines()]


def build(corpus: dict) -> dict:
    block = corpus["restore"]
    langs = block_languages(corpus, "restore", "sources")
    sides = {lang: concatenated(block["sources"][lang]) for lang in langs}
    if len({len(side) for side in sides.values()}) != 1:
        counts = ", ".join(f"{lang} {len(side)}" for lang, side in sides.items())
        raise ValueError(f"{corpus['name']}: the sources are not line-aligned ({counts})")
    casers = {lang: TrueCaser([line for spec in block["case_from"][lang] for line in read_cased(spec)])
              for lang in langs}
    excluded = {loose_key(line) for lang in langs for path in block.get("exclude", {}).get(lang, [])
                for line in resolve(path).read_text(encoding="utf-8").splitlines()}
    kept: dict[str, list[str]] = {lang: [] for lang in langs}
    dropped = Counter()
    for row in zip(*(sides[lang] for lang in langs)):
        restored = restore_pair([casers[lang] for lang in langs], list(row))
        if restored is None:
            dropped["a_name_of_unknown_case"] += 1
        elif any(not text for text in restored):
            dropped["empty"] += 1
        elif any(loose_key(text) in excluded for text in restored):
            dropped["in_an_excluded_file"] += 1
        else:
            for lang, text in zip(langs, restored):
                kept[lang].append(text)
    for lang in langs:
        write_lines(resolve(corpus["files"][lang]), kept[lang])
    return {"lines": len(sides[langs[0]]), "pairs": len(kept[langs[0]]), "dropped": dict(sorted(dropped.items()))}


def main() -> None:
    build_corpora(__doc__, "restore", lambda corpus, cfg: build(corpus), record_path)


if __name__ == "__main__":
    main()
