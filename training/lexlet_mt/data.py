"""Stage 1: clean the parallel corpus and carve a leak-free dev split.

Usage (from training/):  /usr/bin/python3 -m lexlet_mt.data --config en-es

Tatoeba repeats sentences heavily (one English sentence with several Spanish translations and vice
versa), so a random line split would leak dev sentences into training. Pairs are grouped into connected
components over shared source or target sentences and whole components go to dev or train.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import unicodedata
from pathlib import Path

from .config import load_config, work_dir, write_lines

_WHITESPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def read_corpus(cfg: dict) -> list[tuple[str, str]]:
    corpus = cfg["corpus"]
    src_col = corpus["columns"][cfg["src_lang"]]
    tgt_col = corpus["columns"][cfg["tgt_lang"]]
    pairs = []
    with open(corpus["path"], encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) <= max(src_col, tgt_col):
                continue
            pairs.append((normalize(fields[src_col]), normalize(fields[tgt_col])))
    return pairs


def keep_pair(src: str, tgt: str, max_chars: int, max_ratio: float) -> bool:
    if not src or not tgt or len(src) > max_chars or len(tgt) > max_chars:
        return False
    # +5 keeps very short pairs ("Go." / "Vete.") from failing on a ratio of few characters
    longer, shorter = max(len(src), len(tgt)) + 5, min(len(src), len(tgt)) + 5
    return longer / shorter <= max_ratio


def clean(pairs: list[tuple[str, str]], data_cfg: dict) -> tuple[list[tuple[str, str]], dict]:
    seen: set[tuple[str, str]] = set()
    kept, duplicates, filtered = [], 0, 0
    for pair in pairs:
        if pair in seen:
            duplicates += 1
            continue
        seen.add(pair)
        if not keep_pair(pair[0], pair[1], data_cfg["max_chars"], data_cfg["max_length_ratio"]):
            filtered += 1
            continue
        kept.append(pair)
    return kept, {"read": len(pairs), "duplicates": duplicates, "filtered": filtered, "kept": len(kept)}


def components(pairs: list[tuple[str, str]]) -> list[list[int]]:
    """Connected components of pairs linked by an identical source or identical target sentence."""
    parent = list(range(len(pairs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[tuple[int, str], int] = {}
    for index, (src, tgt) in enumerate(pairs):
        for key in ((0, src), (1, tgt)):
            other = first_with.setdefault(key, index)
            parent[find(index)] = find(other)
    groups: dict[int, list[int]] = {}
    for index in range(len(pairs)):
        groups.setdefault(find(index), []).append(index)
    return sorted(groups.values(), key=lambda group: group[0])


def split(pairs: list[tuple[str, str]], data_cfg: dict) -> tuple[list[int], list[int], dict]:
    groups = components(pairs)
    order = list(range(len(groups)))
    random.Random(data_cfg["seed"]).shuffle(order)
    dev: list[int] = []
    for group_index in order:
        if len(dev) >= data_cfg["dev_pairs"]:
            break
        group = groups[group_index]
        # giant hubs ("I'm sorry." → dozens of variants) would make dev unrepresentative
        if len(group) <= data_cfg["max_component_pairs"]:
            dev.extend(group)
    dev_set = set(dev)
    train = [i for i in range(len(pairs)) if i not in dev_set]
    sizes = sorted((len(g) for g in groups), reverse=True)
    stats = {"components": len(groups), "largest_components": sizes[:5]}
    return train, sorted(dev), stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", required=True, help="pair name (en-es) or path to a config JSON")
    args = parser.parse_args()
    cfg = load_config(args.config)
    out = work_dir(cfg)

    pairs, clean_stats = clean(read_corpus(cfg), cfg["data"])
    train_ids, dev_ids, split_stats = split(pairs, cfg["data"])
    train = [pairs[i] for i in train_ids]
    dev = [pairs[i] for i in dev_ids]
    train_src, train_tgt = {p[0] for p in train}, {p[1] for p in train}
    assert not any(s in train_src or t in train_tgt for s, t in dev), "dev sentence leaked into train"

    for name, subset in (("train", train), ("dev", dev)):
        write_lines(out / f"{name}.src", [p[0] for p in subset])
        write_lines(out / f"{name}.tgt", [p[1] for p in subset])
    ood = cfg.get("ood_dev")
    ood_count = 0
    if ood:
        ood_src = [normalize(x) for x in Path(ood["files"][cfg["src_lang"]]).read_text(encoding="utf-8").splitlines()]
        ood_tgt = [normalize(x) for x in Path(ood["files"][cfg["tgt_lang"]]).read_text(encoding="utf-8").splitlines()]
        assert len(ood_src) == len(ood_tgt)
        write_lines(out / f"{ood['name']}.src", ood_src)
        write_lines(out / f"{ood['name']}.tgt", ood_tgt)
        ood_count = len(ood_src)

    stats = {**clean_stats, **split_stats, "train": len(train), "dev": len(dev), "ood_dev": ood_count}
    (out / "data_stats.json").write_text(json.dumps(stats, indent=2) + "\n")
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
