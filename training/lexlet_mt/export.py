"""Exports a trained model to ONNX in the Transformers.js/Optimum Marian layout.

Output directory::

    config.json, generation_config.json, tokenizer.json, tokenizer_config.json
    onnx/encoder_model.onnx          input_ids, attention_mask -> last_hidden_state
    onnx/decoder_model_merged.onnx   one graph for the first step and for the cached steps

The merged decoder follows Optimum: the decoder is exported twice (without and with past key/values)
and both graphs become the two branches of an ``If`` on ``use_cache_branch``; weights that both branches
use live once, as initializers of the outer graph.  With the cache the cross-attention keys/values
(``present.{i}.encoder.*``) are passed through unchanged, so a caller may either feed them back or keep
the ones from the first step.

    python3 -m lexlet_mt.export --checkpoint runs/en-es/best.pt --tokenizer-dir runs/en-es/tokenizer --out DIR
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import shutil
from pathlib import Path
from typing import Dict, Iterable, List, Sequence, Tuple

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper
from torch import Tensor, nn

from .model import Seq2SeqTransformer, config_to_hf, load_model

OPSET = 14
ENCODER_FILE = "encoder_model.onnx"
DECODER_FILE = "decoder_model_merged.onnx"
CACHE_PARTS = (("decoder", "key"), ("decoder", "value"), ("encoder", "key"), ("encoder", "value"))


def past_names(layers: int, prefix: str) -> List[str]:
    """Optimum's per-layer cache names in the order model.decode uses (self k, self v, cross k, cross v)."""
    return [f"{prefix}.{i}.{kind}.{part}" for i in range(layers) for kind, part in CACHE_PARTS]


class EncoderGraph(nn.Module):
    def __init__(self, model: Seq2SeqTransformer):
        super().__init__()
        self.model = model

    def forward(self, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        return self.model.encode(input_ids, attention_mask)


class DecoderFirstStepGraph(nn.Module):
    def __init__(self, model: Seq2SeqTransformer):
        super().__init__()
        self.model = model

    def forward(self, input_ids: Tensor, encoder_attention_mask: Tensor, encoder_hidden_states: Tensor):
        logits, presents = self.model.decode(input_ids, encoder_hidden_states, encoder_attention_mask, None)
        return (logits, *[t for layer in presents for t in layer])


class DecoderWithPastGraph(nn.Module):
    def __init__(self, model: Seq2SeqTransformer):
        super().__init__()
        self.model = model

    def forward(self, input_ids: Tensor, encoder_attention_mask: Tensor, encoder_hidden_states: Tensor, *past: Tensor):
        cache = tuple(tuple(past[i : i + 4]) for i in range(0, len(past), 4))
        logits, presents = self.model.decode(input_ids, encoder_hidden_states, encoder_attention_mask, cache)
        return (logits, *[t for layer in presents for t in layer])


def _to_onnx(module: nn.Module, args: Tuple[Tensor, ...], inputs: List[str], outputs: List[str], axes: dict):
    buffer = io.BytesIO()
    # The exporter restores the wrapper's training flag afterwards, recursively: a fresh wrapper would
    # switch the wrapped model back to training mode (dropout on) for the caller.
    module.eval()
    with torch.no_grad():
        torch.onnx.export(
            module,
            args,
            buffer,
            input_names=inputs,
            output_names=outputs,
            dynamic_axes=axes,
            opset_version=OPSET,
            do_constant_folding=True,
        )
    return onnx.load_from_string(buffer.getvalue())


def _cache_axes(names: Iterable[str], self_len: str) -> dict:
    return {n: {0: "batch", 2: self_len if ".decoder." in n else "encoder_sequence_length"} for n in names}


def export_encoder(model: Seq2SeqTransformer) -> onnx.ModelProto:
    ids = torch.tensor([[5, 6, 7, model.cfg.eos_token_id], [8, 9, model.cfg.eos_token_id, model.cfg.pad_token_id]])
    mask = (ids != model.cfg.pad_token_id).long()
    axes = {n: {0: "batch", 1: "encoder_sequence_length"} for n in ("input_ids", "attention_mask")}
    axes["last_hidden_state"] = {0: "batch", 1: "encoder_sequence_length"}
    graph = _to_onnx(EncoderGraph(model), (ids, mask), ["input_ids", "attention_mask"], ["last_hidden_state"], axes)
    return constants_to_initializers(share_transposed_initializers(graph))


def export_decoders(model: Seq2SeqTransformer) -> Tuple[onnx.ModelProto, onnx.ModelProto]:
    cfg = model.cfg
    layers = cfg.decoder_layers
    batch, src_len, past_len = 2, 5, 3
    head_dim = cfg.d_model // cfg.heads
    memory = torch.randn(batch, src_len, cfg.d_model)
    enc_mask = torch.ones(batch, src_len, dtype=torch.long)
    enc_mask[1, -1] = 0
    common_in = ["input_ids", "encoder_attention_mask", "encoder_hidden_states"]
    common_axes = {
        "input_ids": {0: "batch", 1: "decoder_sequence_length"},
        "encoder_attention_mask": {0: "batch", 1: "encoder_sequence_length"},
        "encoder_hidden_states": {0: "batch", 1: "encoder_sequence_length"},
        "logits": {0: "batch", 1: "decoder_sequence_length"},
    }
    present = past_names(layers, "present")

    first_ids = torch.full((batch, 2), cfg.decoder_start_token_id, dtype=torch.long)
    first = _to_onnx(
        DecoderFirstStepGraph(model),
        (first_ids, enc_mask, memory),
        common_in,
        ["logits", *present],
        {**common_axes, **_cache_axes(present, "decoder_sequence_length")},
    )

    past = []
    for _ in range(layers):
        past += [torch.randn(batch, cfg.heads, past_len, head_dim) for _ in range(2)]
        past += [torch.randn(batch, cfg.heads, src_len, head_dim) for _ in range(2)]
    past_in = past_names(layers, "past_key_values")
    step_ids = torch.full((batch, 1), 7, dtype=torch.long)
    with_past = _to_onnx(
        DecoderWithPastGraph(model),
        (step_ids, enc_mask, memory, *past),
        [*common_in, *past_in],
        ["logits", *present],
        {**common_axes, **_cache_axes(past_in, "past_sequence_length"), **_cache_axes(present, "total_length")},
    )
    return tuple(constants_to_initializers(share_transposed_initializers(m)) for m in (first, with_past))


def constants_to_initializers(model: onnx.ModelProto) -> onnx.ModelProto:
    """Large Constant nodes (the sinusoidal position table) become initializers, like weights.

    Then the quantizer treats them like any other table and the merge shares them between branches.
    """
    graph = model.graph
    for node in [n for n in graph.node if _is_large_constant(n)]:
        tensor = onnx.TensorProto()
        tensor.CopyFrom(node.attribute[0].t)
        tensor.name = node.output[0]
        graph.initializer.append(tensor)
        graph.node.remove(node)
    return model


def _digest(array: np.ndarray) -> str:
    return hashlib.sha256(str(array.dtype).encode() + str(array.shape).encode() + array.tobytes()).hexdigest()


def share_transposed_initializers(model: onnx.ModelProto) -> onnx.ModelProto:
    """Constant folding stores the tied output projection as a second, transposed copy of the embedding.

    Replace every 2-D initializer that equals the transpose of another one by a Transpose node, so the
    file holds the matrix once (onnxruntime folds the Transpose again when it loads the session).
    """
    graph = model.graph
    by_digest: Dict[str, str] = {}
    arrays = {}
    for init in graph.initializer:
        array = numpy_helper.to_array(init)
        arrays[init.name] = array
        by_digest.setdefault(_digest(array), init.name)
    duplicates = []
    sources = set()
    # Folded constants ("onnx::...") are the copies; the named parameter (shared.weight) is kept.
    for init in sorted(graph.initializer, key=lambda i: not i.name.startswith("onnx::")):
        array = arrays[init.name]
        if array.ndim != 2 or array.shape[0] == array.shape[1] or array.size < 4096 or init.name in sources:
            continue
        source = by_digest.get(_digest(np.ascontiguousarray(array.T)))
        if source is not None and source != init.name and source not in {d for d, _ in duplicates}:
            duplicates.append((init.name, source))
            sources.add(source)
    for name, source in duplicates:
        graph.initializer.remove(next(i for i in graph.initializer if i.name == name))
        graph.node.insert(0, helper.make_node("Transpose", [source], [name], name=f"tied/{name}", perm=[1, 0]))
    return model


class _BranchRenamer:
    """Moves one exported graph into an If branch: initializers go to a shared pool, other names get a prefix.

    Run constants_to_initializers first, so large constants are shared too.
    """

    def __init__(self, prefix: str, outer_inputs: Sequence[str], pool: "_InitializerPool"):
        self.prefix = prefix
        self.outer_inputs = set(outer_inputs)
        self.pool = pool

    def branch(self, model: onnx.ModelProto, name: str) -> onnx.GraphProto:
        graph = model.graph
        renamed = {i.name: self.pool.add(i) for i in graph.initializer}
        for value in graph.input:
            if value.name not in self.outer_inputs:
                raise ValueError(f"branch input {value.name} is not an input of the merged graph")
            renamed[value.name] = value.name

        def rename(value: str) -> str:
            if value == "":
                return value
            if value not in renamed:
                renamed[value] = f"{self.prefix}/{value}"
            return renamed[value]

        nodes = []
        for node in graph.node:
            copy = onnx.NodeProto()
            copy.CopyFrom(node)
            copy.name = f"{self.prefix}/{node.name or node.op_type}"
            copy.input[:] = [rename(v) for v in node.input]
            copy.output[:] = [rename(v) for v in node.output]
            nodes.append(copy)

        outputs = []
        for value in graph.output:
            source = rename(value.name)
            branch_name = f"{self.prefix}/out/{value.name}"
            # An output may be an outer input passed through (cross-attention cache) or a shared initializer.
            nodes.append(helper.make_node("Identity", [source], [branch_name], name=f"{self.prefix}/out/{value.name}"))
            elem_type = value.type.tensor_type.elem_type
            outputs.append(helper.make_tensor_value_info(branch_name, elem_type, None))
        return helper.make_graph(nodes, name, [], outputs)


def _is_large_constant(node: onnx.NodeProto) -> bool:
    return (
        node.op_type == "Constant"
        and len(node.attribute) == 1
        and node.attribute[0].name == "value"
        and int(np.prod(node.attribute[0].t.dims)) >= 1024
    )


class _InitializerPool:
    """Initializers of both branches, deduplicated by content and given stable, readable names."""

    def __init__(self):
        self.by_digest: Dict[str, str] = {}
        self.tensors: Dict[str, onnx.TensorProto] = {}

    def add(self, init: onnx.TensorProto) -> str:
        array = numpy_helper.to_array(init)
        digest = _digest(array)
        if digest in self.by_digest:
            return self.by_digest[digest]
        name = init.name
        if name in self.tensors:
            name = f"{init.name}_{digest[:8]}"
        tensor = numpy_helper.from_array(array, name)
        self.by_digest[digest] = name
        self.tensors[name] = tensor
        return name


def merge_decoders(first: onnx.ModelProto, with_past: onnx.ModelProto) -> onnx.ModelProto:
    """One decoder graph: If(use_cache_branch) then with_past else first, sharing their weights."""
    # The cached branch does not read encoder_hidden_states, so torch drops it from that export.
    first_inputs = {v.name for v in first.graph.input}
    inputs = list(first.graph.input) + [v for v in with_past.graph.input if v.name not in first_inputs]
    input_names = [v.name for v in inputs]
    first_outputs = [v.name for v in first.graph.output]
    if first_outputs != [v.name for v in with_past.graph.output]:
        raise ValueError("the two decoder exports disagree on their outputs")
    pool = _InitializerPool()
    else_branch = _BranchRenamer("no_past", input_names, pool).branch(first, "decoder_first_step")
    then_branch = _BranchRenamer("with_past", input_names, pool).branch(with_past, "decoder_with_past")

    use_cache = helper.make_tensor_value_info("use_cache_branch", onnx.TensorProto.BOOL, [1])
    if_node = helper.make_node(
        "If",
        ["use_cache_branch"],
        first_outputs,
        name="optimum::if",
        then_branch=then_branch,
        else_branch=else_branch,
    )
    outputs = [_symbolic_output(v) for v in first.graph.output]
    graph = helper.make_graph(
        [if_node], "decoder_model_merged", [*inputs, use_cache], outputs, initializer=list(pool.tensors.values())
    )
    merged = helper.make_model(graph, opset_imports=list(first.opset_import), producer_name="lexlet_mt.export")
    merged.ir_version = first.ir_version
    onnx.checker.check_model(merged)
    return merged


def _symbolic_output(value: onnx.ValueInfoProto) -> onnx.ValueInfoProto:
    """Output shapes differ between branches (past length), so only the rank and fixed sizes are kept."""
    dims = value.type.tensor_type.shape.dim
    shape = []
    for axis, dim in enumerate(dims):
        if value.name == "logits" and axis == 2 and dim.HasField("dim_value"):
            shape.append(dim.dim_value)
        elif value.name != "logits" and axis in (1, 3) and dim.HasField("dim_value"):
            shape.append(dim.dim_value)
        else:
            shape.append(f"{value.name}_dim_{axis}" if axis else "batch")
    return helper.make_tensor_value_info(value.name, value.type.tensor_type.elem_type, shape)


def write_tokenizer_files(tokenizer_dir: Path, out_dir: Path, model: Seq2SeqTransformer) -> None:
    """Copies tokenizer.json and completes tokenizer_config.json with what Transformers.js reads."""
    shutil.copyfile(tokenizer_dir / "tokenizer.json", out_dir / "tokenizer.json")
    config_path = tokenizer_dir / "tokenizer_config.json"
    config = json.loads(config_path.read_text()) if config_path.exists() else {}
    vocab = _tokenizer_vocab(out_dir / "tokenizer.json")
    defaults = {
        "tokenizer_class": "MarianTokenizer",
        "model_max_length": model.cfg.max_position_embeddings,
        "pad_token": vocab.get(model.cfg.pad_token_id, "<pad>"),
        "eos_token": vocab.get(model.cfg.eos_token_id, "</s>"),
        "unk_token": vocab.get(model.cfg.unk_token_id, "<unk>"),
        "clean_up_tokenization_spaces": False,
    }
    for key, value in defaults.items():
        config.setdefault(key, value)
    (out_dir / "tokenizer_config.json").write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n")


def _tokenizer_vocab(path: Path) -> Dict[int, str]:
    model = json.loads(path.read_text())["model"]
    vocab = model.get("vocab", [])
    if isinstance(vocab, dict):
        return {index: piece for piece, index in vocab.items()}
    return {index: entry[0] for index, entry in enumerate(vocab)}


def export_model(
    model: Seq2SeqTransformer, tokenizer_dir: Path, out_dir: Path, max_length: int = 256, num_beams: int = 4
) -> Path:
    model.eval()
    onnx_dir = out_dir / "onnx"
    onnx_dir.mkdir(parents=True, exist_ok=True)
    config_to_hf(model.cfg, out_dir, max_length=max_length, num_beams=num_beams)
    write_tokenizer_files(tokenizer_dir, out_dir, model)
    encoder = export_encoder(model)
    onnx.checker.check_model(encoder)
    onnx.save(encoder, str(onnx_dir / ENCODER_FILE))
    first, with_past = export_decoders(model)
    onnx.save(merge_decoders(first, with_past), str(onnx_dir / DECODER_FILE))
    return out_dir


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkpoint", type=Path, required=True, help="model or training checkpoint (.pt)")
    parser.add_argument("--tokenizer-dir", type=Path, required=True, help="folder with tokenizer.json")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--max-length", type=int, default=256, help="generation max_length in generation_config")
    parser.add_argument("--num-beams", type=int, default=4, help="num_beams in generation_config")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    out = export_model(load_model(args.checkpoint), args.tokenizer_dir, args.out, args.max_length, args.num_beams)
    for path in sorted(out.rglob("*")):
        if path.is_file():
            print(f"{path.stat().st_size:>12,d}  {path.relative_to(out)}")


if __name__ == "__main__":
    main()
