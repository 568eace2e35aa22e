"""The route a model takes to a GPU machine and back, run here on the CPU: a tagged mixed corpus, its
tokenizer, the packed corpus, training/gpu/train.sh (training with a time-based cooldown, averaging, bfloat16
weight parts, ONNX export) and the weights joined back into a checkpoint.

    cd training && /usr/bin/python3 -m pytest tests/test_gpu_route.py -q
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch

TRAINING = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TRAINING))

from lexlet_mt.config import load_config, write_lines  # noqa: E402
from lexlet_mt.model import load_model  # noqa: E402
from lexlet_mt.pack import load_packed, pack_dir, packed_path  # noqa: E402
from lexlet_mt.portable import join, split  # noqa: E402
from lexlet_mt.tokenizer import (  # noqa: E402
    encode,
    load_sentencepiece,
    to_hf_tokenizer,
    tokenizer_dir,
    train_sentencepiece,
    write_hf_files,
)
from lexlet_mt.train import steps_in  # noqa: E402

EN = "zero one two three four five six seven eight nine".split()
ES = "cero uno dos tres cuatro cinco seis siete ocho nueve".split()
RUN = f"test-gpu-route-{os.getpid()}"


def toy_pairs(count: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    pairs = []
    for _ in range(count):
        digits = [rng.randrange(10) for _ in range(rng.randint(1, 5))]
        pairs.append((" ".join(EN[d] for d in digits) + ".", " ".join(ES[d] for d in digits) + "."))
    return pairs


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    cfg = {
        "pair": "en-es", "run": RUN, "src_lang": "en", "tgt_lang": "es",
        "domain_dev": [{"name": "unseen"}, {"name": "formal"}],
        "data": {"seed": 7},
        "tokenizer": {"vocab_size": 40, "model_type": "unigram", "character_coverage": 1.0,
                      "user_defined_symbols": ["<bt>"], "extra_sample": 100},
        "model": {"d_model": 32, "encoder_layers": 1, "decoder_layers": 1, "heads": 2, "ffn_dim": 64,
                  "dropout": 0.0, "max_position_embeddings": 64},
        "train": {"max_tokens": 400, "max_len": 32, "lr": 0.003, "warmup_steps": 20, "label_smoothing": 0.1,
                  "weight_decay": 0.0, "eval_every_steps": 15, "eval_subset": 20, "checkpoint_minutes": 5,
                  "patience_evals": 100, "seed": 3, "selection": {"unseen": 20, "formal": 10}},
    }
    path = tmp_path_factory.mktemp("cfg") / "toy.json"
    path.write_text(json.dumps(cfg))
    work = TRAINING / "work" / RUN
    for name, pairs in {"train": toy_pairs(300, 1), "dev": toy_pairs(20, 2), "unseen": toy_pairs(20, 3),
                        "formal": toy_pairs(20, 4)}.items():
        write_lines(work / f"{name}.src", [p[0] for p in pairs])
        write_lines(work / f"{name}.tgt", [p[1] for p in pairs])
    synthetic = toy_pairs(200, 5)
    write_lines(work / "extra_train.src", [f"<bt> {p[0]}" for p in synthetic])
    write_lines(work / "extra_train.tgt", [p[1] for p in synthetic])
    yield load_config(str(path))
    for folder in (work, TRAINING / "runs" / RUN, TRAINING / "pack" / RUN):
        shutil.rmtree(folder, ignore_errors=True)


def config_file(config: dict) -> Path:
    """The loaded config written back to a file, for the command lines that take a path."""
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"{RUN}.json"
    path.write_text(json.dumps(config))
    return path


def test_the_tag_is_one_special_piece_and_the_vocabulary_covers_the_extra_corpora(config):
    train_sentencepiece(config)
    write_hf_files(config, tokenizer_dir(config))
    sp = load_sentencepiece(config)
    assert sp.piece_to_id("<bt>") == 3
    assert encode(sp, ["<bt> one two."]) == [[3] + encode(sp, ["one two."])[0]]
    hf = to_hf_tokenizer(sp)
    assert {"id": 3, "content": "<bt>"}.items() <= next(t for t in hf["added_tokens"] if t["id"] == 3).items()
    assert next(t for t in hf["added_tokens"] if t["id"] == 3)["special"] is True


def test_the_packed_corpus_holds_exactly_the_ids_training_would_make(config):
    from lexlet_mt.pack import main as pack_main
    from lexlet_mt.config import read_lines

    sys.argv = ["pack", "--config", str(config_file(config))]
    pack_main()
    sp = load_sentencepiece(config)
    work = TRAINING / "work" / RUN
    src, tgt = load_packed(pack_dir(config) / "corpus.npz")
    assert src == encode(sp, read_lines(work / "train.src") + read_lines(work / "extra_train.src"))
    assert tgt == encode(sp, read_lines(work / "train.tgt") + read_lines(work / "extra_train.tgt"))
    assert sum(1 for ids in src if ids[0] == 3) == 200  # the tag survives packing
    assert (pack_dir(config) / "tokenizer" / "spm.model").exists()
    assert (pack_dir(config) / "unseen.src").exists()
    assert not packed_path(config).exists()  # packing leaves the text corpus in work/ as it is


def test_train_sh_trains_averages_and_writes_weight_parts_and_onnx_on_the_cpu(config, tmp_path):
    # A machine that has only the pack: the text corpus is not there.
    work = TRAINING / "work" / RUN
    shutil.rmtree(work)
    out = tmp_path / "out"
    env = {**os.environ, "OUT": str(out), "PYTHON": sys.executable}
    result = subprocess.run(["bash", str(TRAINING / "gpu" / "train.sh"), str(config_file(config)), "0.4"],
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    log = (out / "train.log").read_text()
    assert "device cpu" in log
    assert "cooldown: learning rate from" in log and "(the last 0.08 minutes at this run's speed)" in log
    assert json.loads((out / "average.json").read_text())["winner"]
    assert sorted(p.name for p in out.glob("weights-*.pt")) == ["weights-0.pt"]
    assert sorted(p.name for p in (out / "onnx").glob("*.onnx")) == [
        "decoder_model_merged_quantized.onnx", "encoder_model_quantized.onnx"]
    joined = tmp_path / "joined.pt"
    join(out, joined)
    chosen = TRAINING / "runs" / RUN / ("averaged.pt" if (TRAINING / "runs" / RUN / "averaged.pt").exists()
                                       else "best.pt")
    original, back = load_model(chosen).state_dict(), load_model(joined).state_dict()
    for name, tensor in original.items():
        assert torch.allclose(back[name], tensor.to(torch.bfloat16).float()), name


def test_weights_split_into_parts_under_the_limit_and_join_back(tmp_path):
    state = {"config": {"d_model": 4}, "step": 12,
             "model": {f"w{i}": torch.randn(256, 256) for i in range(5)}}  # 128 KiB each in bfloat16
    torch.save(state, tmp_path / "ckpt.pt")
    parts = split(tmp_path / "ckpt.pt", tmp_path / "parts", part_mib=0.3)
    assert len(parts) == 3 and all(p.stat().st_size < 0.3 * 2**20 + 4096 for p in parts)
    meta = join(tmp_path / "parts", tmp_path / "back.pt")
    back = torch.load(tmp_path / "back.pt")
    assert meta["step"] == 12 and back["step"] == 12 and back["config"] == {"d_model": 4}
    for name, tensor in state["model"].items():
        assert back["model"][name].dtype == torch.float32
        assert torch.allclose(back["model"][name], tensor, rtol=1 / 128)


def test_steps_in_scales_the_measured_speed():
    assert steps_in(60, 300, 120) == 150
    assert steps_in(60, 0, 0) == 1
