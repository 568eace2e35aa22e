"""Per-language-pair configuration: one JSON file per pair in training/configs/."""

from __future__ import annotations

import json
from pathlib import Path

TRAINING_ROOT = Path(__file__).resolve().parent.parent


def load_config(pair_or_path: str) -> dict:
    """Accepts a pair name ('en-es') or a path to a config JSON."""
    path = Path(pair_or_path)
    if not path.suffix:
        path = TRAINING_ROOT / "configs" / f"{pair_or_path}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def resolve(path: str) -> Path:
    """A config path: absolute, or relative to training/ (e.g. a corpus that an earlier stage writes under work/)."""
    return Path(path) if Path(path).is_absolute() else TRAINING_ROOT / path


def work_dir(cfg: dict) -> Path:
    return TRAINING_ROOT / "work" / cfg["pair"]


def runs_dir(cfg: dict) -> Path:
    return TRAINING_ROOT / "runs" / cfg["pair"]


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def write_lines(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
