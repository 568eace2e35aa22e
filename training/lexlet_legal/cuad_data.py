"""CUAD v1: clause categories, contract files and gold spans located in the contract text.

Spans are located by whitespace-insensitive matching (annotations were copied from PDFs, so line breaks and
spacing differ from full_contract_txt); each span takes the first occurrence not already used by an earlier span
of the same category. The dev split is by contract.

  cd training && /usr/bin/python3 -m lexlet_legal.cuad_data   # writes work/legal/cuad/contracts.jsonl
"""

from __future__ import annotations

import ast
import csv
import json
import random
import re
import unicodedata
from pathlib import Path

from .unfair_tos_data import DATA_ROOT

CUAD_DIR = DATA_ROOT / "cuad_v1"
KEY_FACTS = ["Document Name", "Parties", "Agreement Date", "Effective Date", "Expiration Date"]
WORK = Path(__file__).resolve().parent.parent / "work" / "legal" / "cuad"


def read_master() -> tuple[list[str], list[dict[str, str]]]:
    csv.field_size_limit(1 << 30)
    with (CUAD_DIR / "master_clauses.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    categories = [c for c in header[1:] if not c.endswith("-Answer")]
    return categories, [dict(zip(header, r)) for r in rows[1:]]


def clause_categories() -> list[str]:
    """The 36 tagged categories, in master_clauses.csv order (the five key facts are left out)."""
    categories, _ = read_master()
    return [c for c in categories if c not in KEY_FACTS]


def contract_path(filename: str) -> Path | None:
    txt_dir = CUAD_DIR / "full_contract_txt"
    stem = re.sub(r"\.pdf$", "", filename.strip(), flags=re.I)
    candidates = [stem, stem.replace("&", "_").replace("'", "_"), unicodedata.normalize("NFC", stem), stem.strip().strip('"')]
    for c in candidates:
        p = txt_dir / f"{c}.txt"
        if p.exists():
            return p
    wanted = re.sub(r"[^A-Za-z0-9]", "", unicodedata.normalize("NFC", stem))
    for p in txt_dir.glob("*.txt"):
        if re.sub(r"[^A-Za-z0-9]", "", unicodedata.normalize("NFC", p.stem)) == wanted:
            return p
    return None


def squeeze(text: str) -> tuple[str, list[int]]:
    """Text without whitespace, and for each kept character its offset in the original."""
    kept = [(c, i) for i, c in enumerate(text) if not c.isspace()]
    return "".join(c for c, _ in kept), [i for _, i in kept]


def locate_spans(squeezed: str, offsets: list[int], snippets: list[str]) -> tuple[list[tuple[int, int]], int]:
    found, missed, used = [], 0, set()
    for snippet in snippets:
        target, _ = squeeze(snippet)
        if not target:
            continue
        pos = squeezed.find(target)
        while pos >= 0 and pos in used:
            pos = squeezed.find(target, pos + 1)
        if pos < 0:
            missed += 1
            continue
        used.add(pos)
        found.append((offsets[pos], offsets[pos + len(target) - 1] + 1))
    return found, missed


def build(dev_fraction: float = 0.2, seed: int = 20260) -> dict:
    categories, rows = read_master()
    tagged = [c for c in categories if c not in KEY_FACTS]
    contracts, missing_files, located, missed = [], 0, 0, 0
    for row in rows:
        path = contract_path(row["Filename"])
        if path is None:
            missing_files += 1
            continue
        text = path.read_text(encoding="utf-8")
        squeezed, offsets = squeeze(text)
        spans = []
        for cat in categories:
            snippets = ast.literal_eval(row[cat]) if row[cat].strip() else []
            found, miss = locate_spans(squeezed, offsets, snippets)
            located += len(found)
            missed += miss
            spans += [{"label": cat, "start": s, "end": e} for s, e in found]
        contracts.append({"file": path.name, "spans": spans})
    rng = random.Random(seed)
    names = sorted(c["file"] for c in contracts)
    rng.shuffle(names)
    dev = set(names[: round(len(names) * dev_fraction)])
    for c in contracts:
        c["split"] = "dev" if c["file"] in dev else "train"
    WORK.mkdir(parents=True, exist_ok=True)
    with (WORK / "contracts.jsonl").open("w", encoding="utf-8") as f:
        for c in contracts:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    (WORK / "split.json").write_text(json.dumps({"seed": seed, "dev": sorted(dev)}, indent=1))
    stats = {"contracts": len(contracts), "missing_files": missing_files, "spans_located": located, "spans_missed": missed,
             "dev_contracts": len(dev), "categories": tagged}
    return stats


if __name__ == "__main__":
    print(json.dumps(build(), indent=1))
