"""UNFAIR-ToS (LexGLUE) and CLAUDETTE loading, plus recovery of document groups.

The LexGLUE CSVs carry no document ids. Sentences are stored in document order, so documents are recovered from
the company names the sentences mention: every sentence gets the company named most often within a window
around it, and a document is a maximal run of one company. Sentences far from any name join the nearest run.
The official train/validation split is itself by document (validation = 10 other ToS), so validation is the dev
set and the recovered groups are only used for cross-validation folds inside train.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass

from lexlet_mt.config import shared_path

DATA_ROOT = shared_path("data/legal")
UNFAIR_TOS_DIR = DATA_ROOT / "unfair_tos_lexglue"
CLAUDETTE_DIR = DATA_ROOT / "claudette_multilingual_tos" / "corpus"

LABELS = [
    "Limitation of liability",
    "Unilateral termination",
    "Unilateral change",
    "Content removal",
    "Contract by using",
    "Choice of law",
    "Jurisdiction",
    "Arbitration",
]
# CLAUDETTE tag prefix -> UNFAIR-ToS label id (levels 2 and 3 = potentially / clearly unfair).
CLAUDETTE_TAGS = {"ltd": 0, "ter": 1, "ch": 2, "cr": 3, "use": 4, "law": 5, "j": 6, "a": 7}

# Companies whose ToS make up the CLAUDETTE-50 corpus behind UNFAIR-ToS, as they appear in lower-cased text.
COMPANY_NAMES = {
    "9gag", "academia", "airbnb", "amazon", "atlas", "betterpoints", "booking", "crowdtangle", "deliveroo",
    "dropbox", "duolingo", "ebay", "endomondo", "armour", "evernote", "facebook", "fitbit", "google", "headspace",
    "instagram", "linden", "linkedin", "masquerade", "microsoft", "moves", "musical.ly", "netflix", "nintendo",
    "oculus", "onavo", "pinterest", "niantic", "rovio", "skype", "skyscanner", "snap", "spotify", "supercell",
    "tinder", "tripadvisor", "truecaller", "twitter", "uber", "viber", "vimeo", "vivino", "whatsapp", "blizzard",
    "yahoo", "youtube", "zynga",
}
_NAME_TOKEN_RE = re.compile(r"[a-z0-9.]+")


@dataclass
class Sentence:
    text: str
    labels: list[int]
    doc: str


def _parse_labels(cell: str) -> list[int]:
    return sorted({int(x) for x in re.findall(r"\d+", cell)})


def load_unfair_tos(split: str) -> list[Sentence]:
    path = UNFAIR_TOS_DIR / f"unfair_tos_{split}.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = [(r["text"].strip(), _parse_labels(r["labels"])) for r in csv.DictReader(f)]
    docs = recover_documents([t for t, _ in rows])
    return [Sentence(t, labels, doc) for (t, labels), doc in zip(rows, docs)]


def recover_documents(texts: list[str], window: int = 40) -> list[str]:
    """Per-sentence document name (see module docstring); runs are numbered so repeated names stay distinct."""
    mentions = [[tok for tok in _NAME_TOKEN_RE.findall(t) if tok.strip(".") in COMPANY_NAMES] for t in texts]
    mentions = [[tok.strip(".") for tok in m] for m in mentions]
    named: list[str | None] = []
    for i in range(len(texts)):
        counts = Counter(n for m in mentions[max(0, i - window) : i + window + 1] for n in m)
        named.append(counts.most_common(1)[0][0] if counts else None)
    # Fill unnamed stretches from the nearest named sentence (ties go to the earlier one).
    filled = list(named)
    for i, name in enumerate(named):
        if name is None:
            for d in range(1, len(texts)):
                for j in (i - d, i + d):
                    if 0 <= j < len(texts) and named[j] is not None:
                        filled[i] = named[j]
                        break
                if filled[i] is not None:
                    break
    docs, run = [], 0
    for i, name in enumerate(filled):
        if i > 0 and name != filled[i - 1]:
            run += 1
        docs.append(f"{run:02d}-{name}")
    return docs


def document_folds(sentences: list[Sentence], k: int) -> list[int]:
    """Fold index per sentence. Runs of the same company share a fold (a ToS that mentions a sister product may
    be split into several runs); companies are dealt to folds greedily by size so folds are balanced."""
    keys = [company_key(s) for s in sentences]
    sizes = Counter(keys)
    fold_sizes = [0] * k
    fold_of: dict[str, int] = {}
    for doc, size in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0])):
        f = min(range(k), key=lambda i: (fold_sizes[i], i))
        fold_of[doc] = f
        fold_sizes[f] += size
    return [fold_of[key] for key in keys]


def load_claudette(
    langs: list[str], exclude_companies: set[str], only_companies: set[str] | None = None
) -> list[Sentence]:
    """CLAUDETTE sentences (every document present), minus companies that also appear in the dev set; with
    ``only_companies`` (lower-case names), just those."""
    out: list[Sentence] = []
    for lang in langs:
        sent_dir = CLAUDETTE_DIR / "sentences" / lang / "original"
        tag_dir = CLAUDETTE_DIR / "tags" / lang / "original"
        for path in sorted(sent_dir.glob("*.txt")):
            company = path.stem
            if company.lower() in exclude_companies:
                continue
            if only_companies is not None and company.lower() not in only_companies:
                continue
            lines = path.read_text(encoding="utf-8").split("\n")
            tags = (tag_dir / path.name).read_text(encoding="utf-8").split("\n")
            for text, tag_line in zip(lines, tags):
                text = text.strip()
                if not text:
                    continue
                labels = set()
                for tag in tag_line.split():
                    m = re.fullmatch(r"([a-z]+)([123])", tag)
                    if m and m.group(1) in CLAUDETTE_TAGS and m.group(2) in "23":
                        labels.add(CLAUDETTE_TAGS[m.group(1)])
                out.append(Sentence(text, sorted(labels), f"claudette-{company}-{lang}"))
    return out


def company_of(doc: str) -> str:
    return doc.split("-", 1)[1]


def company_key(sentence: Sentence) -> str:
    """One key per company across the LexGLUE runs and every language version of its CLAUDETTE ToS, so that no
    cross-validation fold trains on a translation, or an older version, of a text it scores."""
    if sentence.doc.startswith("claudette-"):
        return sentence.doc[len("claudette-") :].rsplit("-", 1)[0].lower()
    return company_of(sentence.doc)


def language_of(sentence: Sentence) -> str:
    """ISO 639-1 code of a sentence: CLAUDETTE documents carry it, LexGLUE is English."""
    return sentence.doc.rsplit("-", 1)[1] if sentence.doc.startswith("claudette-") else "en"
