"""Training and dev sentences per language, read from the shared corpora beside the repository.

Training: the Tatoeba/Anki pair files and the LibreOffice help pairs (both sides; English from every pair).
Dev: tatoeba-unseen-dev, whose sentences no Anki file holds; any training line equal to a dev line is dropped.
"""

from __future__ import annotations

import gzip
import random
import unicodedata
from pathlib import Path

LANGUAGES = ("en", "es", "de", "fr", "zh")
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "translation"

# (language code of the non-English side, Anki file, LibreOffice file, dev folder and file)
PAIRS = {
    "es": ("tatoeba-anki-spa-eng/spa.txt", "libreoffice-help/en-es.tsv.gz", "eng-spa/spa.txt"),
    "de": ("tatoeba-anki-deu-eng/deu.txt", "libreoffice-help/en-de.tsv.gz", "eng-deu/deu.txt"),
    "fr": ("tatoeba-anki-fra-eng/fra.txt", "libreoffice-help/en-fr.tsv.gz", "eng-fra/fra.txt"),
    "zh": ("tatoeba-anki-cmn-eng/cmn.txt", "libreoffice-help/en-zh-CN.tsv.gz", "eng-zho/zho.txt"),
}


def normalized(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _open(path: Path):
    return gzip.open(path, "rt", encoding="utf-8-sig") if path.suffix == ".gz" else open(path, encoding="utf-8-sig")


def read_pairs(path: Path) -> list[tuple[str, str]]:
    pairs = []
    with _open(path) as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and cols[0].strip() and cols[1].strip():
                pairs.append((cols[0].strip(), cols[1].strip()))
    return pairs


def dev_sentences(shared: Path = SHARED, per_language: int = 1000) -> dict[str, list[str]]:
    """Per language, `per_language` dev sentences; English takes an equal share from each pair's English side."""
    dev: dict[str, list[str]] = {"en": []}
    share = per_language // len(PAIRS)
    for lang, (_, _, dev_file) in PAIRS.items():
        folder = shared / "tatoeba-unseen-dev" / dev_file.split("/")[0]
        dev[lang] = _lines(folder / dev_file.split("/")[1])[:per_language]
        dev["en"] += _lines(folder / "eng.txt")[:share]
    return {lang: dev[lang] for lang in LANGUAGES}


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def training_sentences(
    shared: Path = SHARED,
    tatoeba_per_language: int = 60_000,
    libreoffice_per_language: int = 20_000,
    seed: int = 1,
) -> tuple[dict[str, list[str]], dict]:
    """Sentences per language (deduplicated, dev lines removed, sampled with a fixed seed) and their counts."""
    held_out = {normalized(s) for sentences in dev_sentences(shared).values() for s in sentences}
    tatoeba: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    libre: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for lang, (anki, lo, _) in PAIRS.items():
        for en, other in read_pairs(shared / anki):
            tatoeba["en"].add(en)
            tatoeba[lang].add(other)
        for en, other in read_pairs(shared / lo):
            libre["en"].add(en)
            libre[lang].add(other)
    rng = random.Random(seed)
    out: dict[str, list[str]] = {}
    stats: dict = {}
    for lang in LANGUAGES:
        picked = []
        for name, pool, cap in (
            ("tatoeba", tatoeba[lang], tatoeba_per_language),
            ("libreoffice", libre[lang], libreoffice_per_language),
        ):
            kept = sorted(s for s in pool if normalized(s) not in held_out)
            rng.shuffle(kept)
            kept = kept[:cap]
            stats.setdefault(lang, {})[name] = len(kept)
            picked += kept
        out[lang] = picked
    return out, stats
