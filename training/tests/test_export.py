"""Export, merge and quantization checked end to end: ONNX files run in onnxruntime-node against PyTorch.

    cd training && /usr/bin/python3 -m pytest tests/test_export.py -q
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import onnx
import pytest
import torch
from onnx import numpy_helper

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lexlet_mt import export, quantize  # noqa: E402
from lexlet_mt.model import ModelConfig, Seq2SeqTransformer, config_to_hf  # noqa: E402
from lexlet_mt.onnx_check import compare  # noqa: E402

VOCAB = 300
LAYERS = 2


@pytest.fixture(scope="module")
def random_model() -> Seq2SeqTransformer:
    torch.manual_seed(0)
    cfg = ModelConfig(vocab_size=VOCAB, d_model=64, encoder_layers=2, decoder_layers=LAYERS, heads=4, ffn_dim=128,
                      max_position_embeddings=64)
    model = Seq2SeqTransformer(cfg).eval()
    with torch.no_grad():
        # non-zero so a graph that drops the bias is caught
        model.final_logits_bias.normal_()
    return model


@pytest.fixture(scope="module")
def exported(random_model, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("exported")
    (out / "onnx").mkdir()
    config_to_hf(random_model.cfg, out)
    onnx.save(export.export_encoder(random_model), str(out / "onnx" / export.ENCODER_FILE))
    first, with_past = export.export_decoders(random_model)
    onnx.save(export.merge_decoders(first, with_past), str(out / "onnx" / export.DECODER_FILE))
    return out


@pytest.fixture(scope="module")
def sources():
    generator = torch.Generator().manual_seed(1)
    return [[int(x) for x in torch.randint(3, VOCAB, (n,), generator=generator)] + [1] for n in (3, 8, 13)]


def test_merged_decoder_has_optimum_names(exported):
    model = onnx.load(str(exported / "onnx" / export.DECODER_FILE))
    cache_in = export.past_names(LAYERS, "past_key_values")
    cache_out = export.past_names(LAYERS, "present")
    assert {v.name for v in model.graph.input} == {
        "input_ids", "encoder_attention_mask", "encoder_hidden_states", "use_cache_branch", *cache_in
    }
    assert [v.name for v in model.graph.output] == ["logits", *cache_out]
    use_cache = next(v for v in model.graph.input if v.name == "use_cache_branch")
    assert use_cache.type.tensor_type.elem_type == onnx.TensorProto.BOOL
    assert [n.op_type for n in model.graph.node] == ["If"]
    encoder = onnx.load(str(exported / "onnx" / export.ENCODER_FILE))
    assert [v.name for v in encoder.graph.input] == ["input_ids", "attention_mask"]
    assert [v.name for v in encoder.graph.output] == ["last_hidden_state"]


def test_weights_are_stored_once(exported, random_model):
    model = onnx.load(str(exported / "onnx" / export.DECODER_FILE))
    embedding = random_model.shared.weight.detach().numpy()
    arrays = [numpy_helper.to_array(i) for i in model.graph.initializer]
    assert sum(a.shape == embedding.shape and np.array_equal(a, embedding) for a in arrays) == 1
    assert not any(a.shape == embedding.T.shape and np.array_equal(a, embedding.T) for a in arrays)
    for branch in model.graph.node[0].attribute:
        assert not list(branch.g.initializer), "weights must live in the outer graph, shared by both branches"


def test_onnx_matches_pytorch(exported, random_model, sources):
    result = compare(random_model, exported, sources, max_new_tokens=12)
    assert result.greedy_equal == len(sources)
    assert result.batch_equal == len(sources), "padding in a batch must not change any output"
    assert result.max_abs_logit_diff < 1e-4
    assert result.max_abs_encoder_diff < 1e-4


def _float_matrices(model: onnx.ModelProto) -> list:
    return [
        i.name for i in model.graph.initializer
        if i.data_type == onnx.TensorProto.FLOAT and len(i.dims) == 2 and min(i.dims) >= 16
    ]


@pytest.mark.parametrize("method", quantize.METHODS)
def test_quantized_model_is_smaller_and_close(exported, random_model, sources, tmp_path, method):
    report = quantize.quantize_dir(exported, tmp_path, method)
    for stem in quantize.MODEL_FILES:
        model = onnx.load(str(tmp_path / "onnx" / f"{stem}_quantized.onnx"))
        assert not _float_matrices(model), "every weight matrix and embedding table must be stored in 8 bits"
    for stats in report.values():
        assert stats["quantized_bytes"] < 0.6 * stats["fp32_bytes"]
    result = compare(random_model, tmp_path, sources, "_quantized", max_new_tokens=12)
    # a random model has flat logits, so closeness is asserted rather than equal greedy output; the
    # dynamic pattern also quantizes activations and is the least exact
    tolerance = {"wint8": 0.05, "nbits8": 0.1, "int8": 3.0}[method]
    assert result.max_abs_logit_diff < tolerance
    assert result.max_abs_encoder_diff < tolerance
    assert json.loads((tmp_path / "config.json").read_text())["model_type"] == "marian"


def test_weight_only_int8_keeps_the_fp32_graph(exported, tmp_path):
    quantize.quantize_dir(exported, tmp_path, "wint8")
    fp32 = onnx.load(str(exported / "onnx" / export.DECODER_FILE))
    quantized = onnx.load(str(tmp_path / "onnx" / "decoder_model_merged_quantized.onnx"))
    before = [(n.op_type, list(n.input)) for g in quantize._all_graphs(fp32.graph) for n in g.node]
    after = [(n.op_type, list(n.input)) for g in quantize._all_graphs(quantized.graph) for n in g.node]
    # only Cast/Mul pairs are added in front, which onnxruntime folds back into fp32 weights at load
    added = after[: len(after) - len(before)]
    assert after[len(added):] == before
    assert {op for op, _ in added} == {"Cast", "Mul"}
