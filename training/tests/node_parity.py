"""Runs tokenizer_parity.mjs: ids from a tokenizer.json in Node (the app's library) against ids given by Python."""

import json
import subprocess
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def node_parity(tokenizer_dir: Path, sentences: list[str], expected_ids: list[list[int]]) -> dict:
    """{"total", "mismatches", "examples"} for one sentence per line (sentences must not contain line breaks)."""
    with tempfile.TemporaryDirectory() as tmp:
        text, ids = Path(tmp) / "sentences.txt", Path(tmp) / "ids.jsonl"
        text.write_text("".join(s + "\n" for s in sentences), encoding="utf-8")
        ids.write_text("".join(json.dumps(x) + "\n" for x in expected_ids), encoding="utf-8")
        result = subprocess.run(
            ["node", str(TESTS / "tokenizer_parity.mjs"), str(tokenizer_dir), str(text), str(ids)],
            check=True, capture_output=True, text=True,
        )
    return json.loads(result.stdout)
