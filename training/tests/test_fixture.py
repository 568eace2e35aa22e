"""The checked-in fixture model: catalog integrity and token-for-token agreement with Transformers.js.

    cd training && /usr/bin/python3 -m pytest tests/test_fixture.py -q
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lexlet_mt.fixture import CATALOG_FILES, SAMPLE_INPUTS  # noqa: E402
from lexlet_mt.onnx_check import REPO_ROOT, node_greedy  # noqa: E402

MODELS = REPO_ROOT / "e2e" / "fixtures" / "models"
FIXTURE = MODELS / "tiny-en-es"
PARITY_SCRIPT = REPO_ROOT / "training" / "tests" / "transformers_js_parity.mjs"


def test_catalog_lists_the_engine_files_with_their_digests():
    catalog = json.loads((MODELS / "catalog.json").read_text())
    assert catalog["version"] == 1
    [entry] = [model for model in catalog["models"] if model["id"] == "fixture-tiny-en-es"]
    assert (entry["task"], entry["source"], entry["target"]) == ("translation", "en", "es")
    assert entry["fixture"] is True and entry["baseUrl"] == "tiny-en-es/"
    assert [f["path"] for f in entry["files"]] == list(CATALOG_FILES)
    for file in entry["files"]:
        data = (FIXTURE / file["path"]).read_bytes()
        assert file["size"] == len(data), file["path"]
        assert file["sha256"] == hashlib.sha256(data).hexdigest(), file["path"]


def transformers_js(dtype: str) -> list:
    done = subprocess.run(
        ["node", str(PARITY_SCRIPT), str(FIXTURE), "--dtype", dtype, "--max-new-tokens", "32", *SAMPLE_INPUTS],
        cwd=REPO_ROOT, capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])["outputs"]


@pytest.mark.parametrize("dtype,suffix", [("q8", "_quantized"), ("fp32", "")])
def test_transformers_js_and_the_cached_decode_loop_agree(dtype, suffix):
    peer = transformers_js(dtype)
    ours = node_greedy(FIXTURE, [o["sourceIds"] for o in peer], suffix, max_new_tokens=32).outputs
    config = json.loads((FIXTURE / "config.json").read_text())
    for sample, output in zip(peer, ours):
        assert sample["outputIds"][0] == config["decoder_start_token_id"]
        assert sample["outputIds"][1:] == output, sample["source"]
        assert output[-1] == config["eos_token_id"], "the fixture must stop by itself"
        assert sample["translation"].strip()
