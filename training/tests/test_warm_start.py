"""Warm start from an exported folder, and checkpoint averaging.

    cd training && /usr/bin/python3 -m pytest tests/test_warm_start.py -q
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lexlet_mt import quantize  # noqa: E402
from lexlet_mt.average import average_state_dicts  # noqa: E402
from lexlet_mt.export import export_model  # noqa: E402
from lexlet_mt.model import ModelConfig, Seq2SeqTransformer  # noqa: E402
from lexlet_mt.warm_start import load_exported_weights, model_from_folder, set_aside_snapshots  # noqa: E402

CFG = ModelConfig(vocab_size=300, d_model=64, encoder_layers=2, decoder_layers=2, heads=4, ffn_dim=128,
                  max_position_embeddings=64)


@pytest.fixture(scope="module")
def trained_and_exported(tmp_path_factory):
    torch.manual_seed(3)
    model = Seq2SeqTransformer(CFG).eval()
    with torch.no_grad():
        for param in model.parameters():
            param.normal_()
        model.final_logits_bias.normal_()
    root = tmp_path_factory.mktemp("warm")
    (root / "tok").mkdir()
    (root / "tok" / "tokenizer.json").write_text(json.dumps({"model": {"vocab": []}}))
    export_model(model, root / "tok", root / "fp32")
    quantize.quantize_dir(root / "fp32", root / "int8")
    return model, root


def fresh() -> Seq2SeqTransformer:
    torch.manual_seed(99)
    return Seq2SeqTransformer(CFG)


def test_fp32_export_loads_back_exactly(trained_and_exported):
    model, root = trained_and_exported
    target = fresh()
    load_exported_weights(target, root / "fp32", "")
    for name, tensor in model.state_dict().items():
        assert torch.equal(target.state_dict()[name], tensor), name


def test_int8_export_loads_back_within_its_quantization_step(trained_and_exported):
    model, root = trained_and_exported
    target = fresh()
    load_exported_weights(target, root / "int8", "_quantized")
    loaded = target.state_dict()
    changed = 0
    for name, tensor in model.state_dict().items():
        diff = (loaded[name] - tensor).abs().max().item()
        # per-channel int8: at most half a step of the largest value of the row/column, 1/254 of it
        assert diff <= tensor.abs().max().item() / 254 + 1e-6, (name, diff)
        changed += diff > 0
    assert changed > 0, "the int8 files should not hold the fp32 weights"
    assert torch.equal(loaded["final_logits_bias"], model.state_dict()["final_logits_bias"])


def test_a_config_deeper_than_the_folder_grows_the_loaded_model(trained_and_exported):
    model, root = trained_and_exported
    deeper = replace(CFG, encoder_layers=CFG.encoder_layers + 2)
    grown, folder_cfg, _ = model_from_folder(deeper, root / "fp32", "", seed=1)
    assert folder_cfg == CFG and grown.cfg == deeper
    same, _, _ = model_from_folder(CFG, root / "fp32", "", seed=1)
    assert same.cfg == CFG
    input_ids = torch.tensor([[5, 9, 14, 1]])
    decoder_ids = torch.tensor([[0, 7, 3]])
    with torch.no_grad():
        expected = model(input_ids, torch.ones_like(input_ids), decoder_ids)
        got = grown.eval()(input_ids, torch.ones_like(input_ids), decoder_ids)
    assert torch.allclose(expected, got, atol=1e-4)


def test_average_is_the_elementwise_mean(tmp_path):
    paths = []
    for seed in (1, 2, 3):
        torch.manual_seed(seed)
        paths.append(tmp_path / f"step-{seed}.pt")
        torch.save({"model": {"w": torch.randn(4, 3), "b": torch.randn(3)}}, paths[-1])
    states = [torch.load(p)["model"] for p in paths]
    mean = average_state_dicts(paths)
    for key in ("w", "b"):
        expected = (states[0][key] + states[1][key] + states[2][key]) / 3
        assert np.allclose(mean[key].numpy(), expected.numpy(), atol=1e-6)
        assert mean[key].dtype == torch.float32


def test_a_warm_start_sets_an_earlier_branchs_snapshots_aside(tmp_path):
    # Left in place, snapshots with higher step numbers than the new run's would outlive (and outweigh) its own.
    snapshots = tmp_path / "snapshots"
    snapshots.mkdir()
    for step in (19500, 19750):
        (snapshots / f"step-{step:07d}.pt").write_bytes(b"earlier branch")
    aside = set_aside_snapshots(tmp_path)
    assert aside == tmp_path / "snapshots-until-step-0019750"
    assert sorted(p.name for p in aside.iterdir()) == ["step-0019500.pt", "step-0019750.pt"]
    assert not snapshots.exists()
    assert set_aside_snapshots(tmp_path) is None
    snapshots.mkdir()  # the same round again: the first one's snapshots stay where they went
    (snapshots / "step-0019750.pt").write_bytes(b"same round again")
    assert set_aside_snapshots(tmp_path) == tmp_path / "snapshots-until-step-0019750-2"
    assert (aside / "step-0019750.pt").read_bytes() == b"earlier branch"
