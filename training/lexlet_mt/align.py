"""Stage 1c: the same documents in two languages, aligned sentence by sentence.

Usage (from training/):  /usr/bin/python3 -m lexlet_mt.align --config en-de

Some corpora here hold each document in two languages, one sentence per line, but not line-aligned: a heading on
one side only, a sentence split in two on the other (the terms of service of the CLAUDETTE corpus in English and
German). Each `extra_train` corpus with an `align` block is built from the files of the same name in its `dirs`
(one folder per language). `align_document` finds the likeliest sequence of beads (one sentence to one, two to one
or one to two, two to two, or a sentence left alone) by dynamic programming over sentence lengths in characters
(Gale and Church, 1993), helped by anchors: numbers and web or mail addresses on one side only push two sentences
apart, and those written alike on both sides, like a name ("Dropbox"), pull them together. A bead that pairs
sentences is kept when it costs at most `max_cost`, its prior included, and a side of two sentences is joined with
a space. At 3.0 that keeps well-matched one-to-one beads, and a two-to-one bead only where shared anchors support it
(its prior alone costs 3.1): a heading on one side is otherwise joined to the next sentence, which is not a
translation of the pair.

Documents named in `held_out` are aligned the same way but written to `dev_files` instead, a dev set of whole
documents the model never trains on; a dev pair with a sentence that also occurs in a training document
(boilerplate shared across companies) is dropped from it. The record beside the files counts documents, beads and
what was dropped.

Written here rather than taken from a library: Debian packages no sentence aligner (hunalign, bleualign), and
length-based alignment with anchors is one short dynamic program.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

from .config import resolve, write_lines
from .data import block_languages, build_corpora, normalize, record_path

# Gale and Church's bead priors (1-1 .89; 1-0 and 0-1 .0099 together; 2-1 and 1-2 .089 together; 2-2 .011)
# and the variance of the target length per source character.
BEADS = {(1, 1): 0.89, (1, 0): 0.00495, (0, 1): 0.00495, (2, 1): 0.0445, (1, 2): 0.0445, (2, 2): 0.011}
VARIANCE = 6.8
# Each number or address on one side only, and each anchor shared, moves a bead's cost by this much.
MISSING_ANCHOR_COST = 2.0
SHARED_ANCHOR_BONUS = 1.0
MAX_ANCHORS_COUNTED = 3

_NUMBER_OR_ADDRESS = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.\w[\w.]*|\d+")
_NAME = re.compile(r"\b\w*[A-Z]\w*\b")


def anchors(sentence: str) -> tuple[set[str], set[str]]:
    """(numbers and addresses, names): tokens a translation keeps as they are. A name is any word with a
    capital; a German noun rarely matches an English word, so shared capitalised words are mostly names."""
    hard = {a.rstrip(".,;:)") for a in _NUMBER_OR_ADDRESS.findall(sentence)}
    return hard, set(_NAME.findall(sentence)) - hard


def length_cost(src_chars: int, tgt_chars: int, ratio: float) -> float:
    """−log of the probability that two spans of these lengths translate each other (Gale and Church)."""
    mean = max((src_chars + tgt_chars / ratio) / 2, 1.0)
    delta = (tgt_chars - src_chars * ratio) / math.sqrt(mean * VARIANCE)
    return -math.log(max(math.erfc(abs(delta) / math.sqrt(2)), 1e-12))


def anchor_cost(src: list[tuple[set[str], set[str]]], tgt: list[tuple[set[str], set[str]]]) -> float:
    src_hard = set().union(*(a[0] for a in src))
    tgt_hard = set().union(*(a[0] for a in tgt))
    src_names = set().union(*(a[1] for a in src))
    tgt_names = set().union(*(a[1] for a in tgt))
    missing = min(len(src_hard ^ tgt_hard), MAX_ANCHORS_COUNTED)
    shared = min(len(src_hard & tgt_hard) + len(src_names & tgt_names), MAX_ANCHORS_COUNTED)
    return MISSING_ANCHOR_COST * missing - SHARED_ANCHOR_BONUS * shared


def align_document(src: list[str], tgt: list[str]) -> list[tuple[list[int], list[int], float]]:
    """The beads of the cheapest alignment, in order: (source line indices, target line indices, bead cost).
    Only cells near the diagonal are searched, which holds for translated documents of similar structure."""
    n, m = len(src), len(tgt)
    if not n or not m:
        return [([i], [], 0.0) for i in range(n)] + [([], [j], 0.0) for j in range(m)]
    ratio = max(sum(map(len, tgt)), 1) / max(sum(map(len, src)), 1)
    src_anchors, tgt_anchors = [anchors(s) for s in src], [anchors(t) for t in tgt]
    band = max(20, (max(n, m) + 9) // 10) + abs(n - m)
    best: dict[tuple[int, int], tuple[float, tuple[int, int], float]] = {(0, 0): (0.0, (0, 0), 0.0)}
    for i in range(n + 1):
        centre = i * m // n
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            if (i, j) == (0, 0):
                continue
            options = []
            for (di, dj), prior in BEADS.items():
                before = best.get((i - di, j - dj))
                if before is None:
                    continue
                cost = -math.log(prior) + length_cost(sum(len(s) for s in src[i - di:i]),
                                                      sum(len(t) for t in tgt[j - dj:j]), ratio)
                if di and dj:
                    cost += anchor_cost(src_anchors[i - di:i], tgt_anchors[j - dj:j])
                options.append((before[0] + cost, (di, dj), cost))
            if options:
                best[(i, j)] = min(options)
    if (n, m) not in best:
        return []
    beads = []
    i, j = n, m
    while (i, j) != (0, 0):
        _, (di, dj), cost = best[(i, j)]
        beads.append((list(range(i - di, i)), list(range(j - dj, j)), cost))
        i, j = i - di, j - dj
    return beads[::-1]


def read_sentences(path: Path) -> list[str]:
    return [line for line in (normalize(x) for x in path.read_text(encoding="utf-8").splitlines()) if line]


def aligned_pairs(src: list[str], tgt: list[str], max_cost: float, counts: Counter) -> list[tuple[str, str]]:
    pairs = []
    for src_ids, tgt_ids, cost in align_document(src, tgt):
        kind = f"{len(src_ids)}-{len(tgt_ids)}"
        if not src_ids or not tgt_ids:
            counts[f"left_alone_{kind}"] += 1
        elif cost > max_cost:
            counts[f"over_max_cost_{kind}"] += 1
        else:
            counts[f"kept_{kind}"] += 1
            pairs.append((" ".join(src[k] for k in src_ids), " ".join(tgt[k] for k in tgt_ids)))
    return pairs


def build(corpus: dict) -> dict:
    block = corpus["align"]
    langs = block_languages(corpus, "align", "dirs")
    dirs = {lang: resolve(block["dirs"][lang]) for lang in langs}
    names = sorted({p.name for p in dirs[langs[0]].glob("*.txt")} & {p.name for p in dirs[langs[1]].glob("*.txt")})
    held_out = {f"{name}.txt" if not name.endswith(".txt") else name for name in block.get("held_out", [])}
    unknown = held_out - set(names)
    if unknown:
        raise ValueError(f"{corpus['name']}: held-out documents not found in both folders: {sorted(unknown)}")
    counts: dict[str, Counter] = {"train": Counter(), "dev": Counter()}
    pairs: dict[str, list[tuple[str, str]]] = {"train": [], "dev": []}
    for name in names:
        part = "dev" if name in held_out else "train"
        sides = [read_sentences(dirs[lang] / name) for lang in langs]
        pairs[part].extend(aligned_pairs(sides[0], sides[1], float(block["max_cost"]), counts[part]))
    train_sentences = {text for pair in pairs["train"] for text in pair}
    dev = [pair for pair in pairs["dev"] if not set(pair) & train_sentences]
    counts["dev"]["dropped_sharing_a_training_sentence"] = len(pairs["dev"]) - len(dev)
    for side, lang in enumerate(langs):
        write_lines(resolve(corpus["files"][lang]), [pair[side] for pair in pairs["train"]])
        if "dev_files" in block:
            write_lines(resolve(block["dev_files"][lang]), [pair[side] for pair in dev])
    return {"documents": len(names) - len(held_out), "pairs": len(pairs["train"]),
            "beads": dict(sorted(counts["train"].items())), "held_out_documents": sorted(held_out),
            "dev_pairs": len(dev), "dev_beads": dict(sorted(counts["dev"].items()))}


def main() -> None:
    build_corpora(__doc__, "align", lambda corpus, cfg: build(corpus), record_path)


if __name__ == "__main__":
    main()
