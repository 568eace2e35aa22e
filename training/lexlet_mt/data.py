"""Stage 1: clean the parallel corpus and carve a leak-free dev split.

Usage (from training/):  /usr/bin/python3 -m lexlet_mt.data --config en-es

Tatoeba repeats sentences heavily (one English sentence with several Spanish translations and vice
versa), so a random line split would leak dev sentences into training. Pairs are grouped into connected
components over shared source or target sentences and whole components go to dev or train.

Tatoeba's sentences are short; the optional `extra_train` corpora (line-aligned files, e.g. the Europarl
sample's train split) add long, formal sentences, repeated `repeat` times so they are not drowned out. They
never touch the dev splits: any pair whose source or target occurs in a dev set is dropped. Dev sets of one
domain (`domain_dev`, such as the documents `lexlet_mt.align` holds out) are written beside the out-of-domain
set, under their own names, and are kept apart from the extra corpora in the same way.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from .config import TRAINING_ROOT, load_config, resolve, work_dir, write_lines

_WHITESPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def read_corpus(cfg: dict) -> list[tuple[str, str]]:
    corpus = cfg["corpus"]
    return read_tsv({"tsv": corpus["path"], "columns": corpus["columns"]}, cfg["src_lang"], cfg["tgt_lang"])


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


_SPACE_BESIDE_CJK = re.compile(
    r"(?<=[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]) +|"
    r" +(?=[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef])"
)


def unsegment(text: str) -> str:
    """Undo word segmentation of Chinese text: drop the spaces next to a CJK character or CJK punctuation and
    keep those between Latin words or numbers ("2015 年 5 月" → "2015年5月", "UN Women" stays)."""
    return _SPACE_BESIDE_CJK.sub("", text)


def read_parallel(spec: dict, src_lang: str, tgt_lang: str) -> list[tuple[str, str]]:
    """A corpus (a dev set or an extra training corpus): line-aligned `files`, or a `tsv` (gzip or plain) with
    `columns`; optionally without its first `skip_pairs` (another set's share of the file) and only its first
    `max_pairs` after that, and with the side in `unsegment` (a language code) joined back into unsegmented text,
    as users type it."""
    pairs = read_tsv(spec, src_lang, tgt_lang) if "tsv" in spec else read_aligned(spec["files"], src_lang, tgt_lang)
    skip = int(spec.get("skip_pairs", 0))
    pairs = pairs[skip : skip + spec["max_pairs"] if spec.get("max_pairs") else None]
    side = spec.get("unsegment")
    if side == src_lang:
        pairs = [(unsegment(s), t) for s, t in pairs]
    elif side == tgt_lang:
        pairs = [(s, unsegment(t)) for s, t in pairs]
    return pairs


def read_tsv(spec: dict, src_lang: str, tgt_lang: str) -> list[tuple[str, str]]:
    path = resolve(spec["tsv"])
    src_col, tgt_col = spec["columns"][src_lang], spec["columns"][tgt_lang]
    opener = gzip.open if path.suffix == ".gz" else open
    pairs = []
    # utf-8-sig: the Chinese Tatoeba file starts with a byte-order mark
    with opener(path, "rt", encoding="utf-8-sig") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) > max(src_col, tgt_col):
                pairs.append((normalize(fields[src_col]), normalize(fields[tgt_col])))
    return pairs


def read_aligned(files: dict, src_lang: str, tgt_lang: str) -> list[tuple[str, str]]:
    src_path, tgt_path = resolve(files[src_lang]), resolve(files[tgt_lang])
    for path in (src_path, tgt_path):
        if not path.exists():
            hint = (": an earlier stage (lexlet_mt.synthetic, restore or align) writes it"
                    if path.is_relative_to(TRAINING_ROOT) else "")
            raise SystemExit(f"{path} is missing{hint}")
    src = [normalize(x) for x in src_path.read_text(encoding="utf-8").splitlines()]
    tgt = [normalize(x) for x in tgt_path.read_text(encoding="utf-8").splitlines()]
    if len(src) != len(tgt):
        raise ValueError(f"{files[src_lang]} and {files[tgt_lang]} are not line-aligned ({len(src)} vs {len(tgt)})")
    return list(zip(src, tgt))


def extra_train(
    cfg: dict, dev_pairs: list[tuple[str, str]]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]], dict]:
    """The `extra_train` corpora, cleaned and kept apart from every dev pair: (train pairs, each repeated as
    configured; a dev slice of `dev_pairs` per corpus for model selection; stats)."""
    dev_src = {p[0] for p in dev_pairs}
    dev_tgt = {p[1] for p in dev_pairs}
    train: list[tuple[str, str]] = []
    selection: list[tuple[str, str]] = []
    stats = {}
    for corpus in cfg.get("extra_train", []):
        limits = {"max_chars": corpus.get("max_chars", 600), "max_length_ratio": cfg["data"]["max_length_ratio"]}
        kept, corpus_stats = clean(read_parallel(corpus, cfg["src_lang"], cfg["tgt_lang"]), limits)
        apart = [p for p in kept if p[0] not in dev_src and p[1] not in dev_tgt]
        overlapping = len(kept) - len(apart)
        sampled = {}
        if corpus.get("sample_pairs"):  # a seeded share of a large corpus: the real:synthetic mix is a setting
            chosen = sorted(random.Random(cfg["data"]["seed"]).sample(range(len(apart)),
                                                                      min(corpus["sample_pairs"], len(apart))))
            sampled = {"sampled": len(chosen), "sampled_from": len(apart)}
            apart = [apart[i] for i in chosen]
        order = list(range(len(apart)))
        random.Random(cfg["data"]["seed"]).shuffle(order)
        held = set(order[: int(corpus.get("dev_pairs", 0))])
        held_src = {apart[i][0] for i in held}
        held_tgt = {apart[i][1] for i in held}
        # Europarl repeats formulae ("(Applause)"): a held-out sentence must not recur in train either
        rest = [p for i, p in enumerate(apart) if i not in held and p[0] not in held_src and p[1] not in held_tgt]
        repeat = int(corpus.get("repeat", 1))
        if corpus.get("tag"):  # tagged back-translation: the model is told which sources are machine-made
            rest = [(f"{corpus['tag']} {src}", tgt) for src, tgt in rest]
        train.extend(rest * repeat)
        selection.extend(apart[i] for i in sorted(held))
        stats[corpus["name"]] = {**corpus_stats, "overlapping_dev": overlapping, **sampled, "held_out": len(held),
                                 "train": len(rest), "repeat": repeat, "added": len(rest) * repeat}
    return train, selection, stats


def block_languages(corpus: dict, block: str, key: str) -> list[str]:
    """The two languages, sorted, under which an earlier stage's `block` names its inputs (`key`)."""
    langs = sorted(corpus[block][key])
    if len(langs) != 2:
        raise ValueError(f"{corpus['name']}: a {block} block has {key} in two languages, not {langs}")
    return langs


def record_path(corpus: dict) -> Path:
    """Where an earlier stage writes a corpus's record (what it read, kept and left out): beside its files."""
    first = sorted(corpus["files"])[0]
    return resolve(corpus["files"][first]).with_suffix(".json")


def build_corpora(doc: str, block: str, build: Callable[[dict, dict], dict],
                  record_path: Callable[[dict], Path]) -> None:
    """The command line of an earlier stage that makes `extra_train` corpora (`doc` is its help): every corpus of
    the `--config` with a `block` key is built by `build(corpus, config)`, and the record it returns is written to
    `record_path` and printed."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", required=True, help="pair name (en-es) or path to a config JSON")
    config = parser.parse_args().config
    cfg = load_config(config)
    built = {}
    for corpus in cfg.get("extra_train", []):
        if block in corpus:
            record = built[corpus["name"]] = build(corpus, cfg)
            record_path(corpus).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    if not built:
        raise SystemExit(f"{config}: no extra_train corpus has a '{block}' block")
    print(json.dumps(built, indent=2))


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
    ood = cfg.get("ood_dev")
    ood_pairs = read_parallel(ood, cfg["src_lang"], cfg["tgt_lang"]) if ood else []
    # Dev sets of one domain (documents an earlier stage held out), scored like the out-of-domain set.
    domain = {spec["name"]: read_parallel(spec, cfg["src_lang"], cfg["tgt_lang"]) for spec in cfg.get("domain_dev", [])}
    domain_pairs = [pair for pairs_of_set in domain.values() for pair in pairs_of_set]
    extra, extra_dev, extra_stats = extra_train(cfg, dev + ood_pairs + domain_pairs)
    train_src, train_tgt = {p[0] for p in train + extra}, {p[1] for p in train + extra}
    assert not any(s in train_src or t in train_tgt for s, t in dev + extra_dev), "dev sentence leaked into train"

    def sharing_a_train_sentence(pairs_of_set: list[tuple[str, str]]) -> int:
        return sum(1 for s, t in pairs_of_set if s in train_src or t in train_tgt)

    # extra_train.* is kept apart from train.*, which alone trains the tokenizer: adding a corpus later
    # leaves the vocabulary (and so a run's checkpoints) valid.
    scored_apart = {**({ood["name"]: ood_pairs} if ood else {}), **domain}
    for name, subset in {"train": train, "dev": dev, "extra_train": extra, "extra_dev": extra_dev,
                         **scored_apart}.items():
        write_lines(out / f"{name}.src", [p[0] for p in subset])
        write_lines(out / f"{name}.tgt", [p[1] for p in subset])

    stats = {**clean_stats, **split_stats, "train": len(train), "dev": len(dev), "ood_dev": len(ood_pairs),
             "ood_dev_pairs_sharing_a_train_sentence": sharing_a_train_sentence(ood_pairs)}
    if domain:
        stats["domain_dev"] = {name: {"pairs": len(pairs_of_set),
                                      "sharing_a_train_sentence": sharing_a_train_sentence(pairs_of_set)}
                               for name, pairs_of_set in domain.items()}
    if extra_stats:
        stats["extra_train"] = extra_stats
    (out / "data_stats.json").write_text(json.dumps(stats, indent=2) + "\n")
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
