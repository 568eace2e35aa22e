"""Per-language-pair configuration: one JSON file per pair in training/configs/."""

from __future__ import annotations

import json
import os
from pathlib import Path

TRAINING_ROOT = Path(__file__).resolve().parent.parent
REPO_ROOT = TRAINING_ROOT.parent
SHARED_PREFIX = "../shared/"


def shared_root() -> Path:
    """The read-only data folder: `../shared` beside the repository, or wherever LEXLET_SHARED points."""
    override = os.environ.get("LEXLET_SHARED")
    return Path(override).resolve() if override else REPO_ROOT.parent / "shared"


def shared_path(relative: str) -> Path:
    """A path inside the shared data folder, e.g. shared_path("data/legal")."""
    return shared_root() / relative


def _expand_shared(value):
    """Config strings that start with ../shared/ name the data folder beside the repository, wherever it is."""
    if isinstance(value, str) and value.startswith(SHARED_PREFIX):
        return str(shared_path(value[len(SHARED_PREFIX):]))
    if isinstance(value, list):
        return [_expand_shared(v) for v in value]
    if isinstance(value, dict):
        return {k: _expand_shared(v) for k, v in value.items()}
    return value


def load_config(pair_or_path: str) -> dict:
    """Accepts a pair name ('en-es') or a path to a config JSON."""
    path = Path(pair_or_path)
    if not path.suffix:
        path = TRAINING_ROOT / "configs" / f"{pair_or_path}.json"
    return _expand_shared(json.loads(path.read_text(encoding="utf-8")))


def resolve(path: str) -> Path:
    """A config path: absolute, or relative to training/ (e.g. a corpus that an earlier stage writes under work/)."""
    return Path(path) if Path(path).is_absolute() else TRAINING_ROOT / path


def run_name(cfg: dict) -> str:
    """The folder name of a config's data and checkpoints: its pair, or its own `run` name when a second recipe
    for the same pair is trained beside the shipped one."""
    return cfg.get("run") or cfg["pair"]


def work_dir(cfg: dict) -> Path:
    return TRAINING_ROOT / "work" / run_name(cfg)


def runs_dir(cfg: dict) -> Path:
    return TRAINING_ROOT / "runs" / run_name(cfg)


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def write_lines(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
