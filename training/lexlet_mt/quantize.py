"""8-bit weight quantization of exported models with the ``onnx`` package only.

    python3 -m lexlet_mt.quantize IN_DIR --out OUT_DIR [--method wint8|int8|nbits8] [--suffix _quantized]

Writes ``onnx/encoder_model{SUFFIX}.onnx`` and ``onnx/decoder_model_merged{SUFFIX}.onnx`` (and copies the
JSON files when OUT_DIR differs).  Every weight matrix and embedding table is stored in 8 bits, including
those used inside the merged decoder's ``If`` branches; a weight used by both branches is quantized once, in
the outer graph, and the tied embedding / output projection (``Gather(W)`` and ``MatMul(x, Transpose(W))``)
shares ONE quantized copy.

Methods (measured with onnxruntime 1.30 on a 7.3 M-parameter en-es model, greedy, batch 1):
  wint8   (default) weight-only int8, per output channel (per row for embedding tables): each weight becomes
          ``Mul(Cast(W_int8), scale)`` in the outer graph.  onnxruntime constant-folds that when the session
          loads, so the download is int8-sized while inference runs the fp32 graph: fp32 speed on WASM, CPU
          and WebGPU, the same node placement as fp32 under WebGPU, and outputs identical to fp32 for ~98% of
          dev sentences.  Memory after loading is fp32-sized.
  int8    the dynamic pattern Transformers.js calls q8: DynamicQuantizeLinear + MatMulInteger with int8
          weights per output channel and activations quantized per tensor.  Fastest in onnxruntime-node, about
          fp32 speed on WASM, ~80% of dev outputs identical to fp32 (-0.5 BLEU); under WebGPU onnxruntime-web
          runs its quantized ops on the CPU (92 CPU nodes in the fixture decoder instead of 19).
  nbits8  com.microsoft MatMulNBits, 8 bits, blocks of 32 along K (symmetric, default zero point 128),
          accuracy_level 4.  Accuracy close to wint8, but the WASM build has no fast kernel for one-token steps
          (5-10x slower than fp32 there), and without accuracy_level 4 onnxruntime-node is slow too.
For int8 and nbits8, Gathers are dequantized with plain ONNX ops (Gather the 8-bit rows and their scales,
Cast, [Sub,] Mul).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

BLOCK = 32
ACCURACY_LEVEL = 4
MODEL_FILES = ("encoder_model", "decoder_model_merged")
METHODS = ("wint8", "int8", "nbits8")
DEFAULT_SUFFIX = "_quantized"


def _all_graphs(graph: onnx.GraphProto) -> Iterator[onnx.GraphProto]:
    yield graph
    for node in graph.node:
        for attr in node.attribute:
            if attr.type == onnx.AttributeProto.GRAPH:
                yield from _all_graphs(attr.g)
            for sub in attr.graphs:
                yield from _all_graphs(sub)


class _Quantizer:
    def __init__(self, model: onnx.ModelProto, method: str, block: int):
        if method not in METHODS:
            raise ValueError(f"unknown method {method}")
        self.model = model
        self.top = model.graph
        self.method = method
        self.block = block
        self.inits: Dict[str, TensorProto] = {i.name: i for i in self.top.initializer}
        self.producers: Dict[str, onnx.NodeProto] = {}
        for graph in _all_graphs(self.top):
            for node in graph.node:
                for out in node.output:
                    self.producers[out] = node
        self.outer_nodes: List[onnx.NodeProto] = []
        self.new_inits: List[TensorProto] = []
        self.packed: Dict[str, Dict[str, str]] = {}  # weight [N, K] source name -> tensor names
        self.counter = 0
        self.stats = {"matmul": 0, "gather": 0}

    def name(self, stem: str) -> str:
        self.counter += 1
        return f"q/{stem}_{self.counter}"

    def constant(self, array: np.ndarray, stem: str) -> str:
        name = self.name(stem)
        self.new_inits.append(numpy_helper.from_array(array, name))
        return name

    # ---- weights -------------------------------------------------------------------------------

    def weight_nk(self, node: onnx.NodeProto) -> Optional[Tuple[str, np.ndarray]]:
        """The MatMul's constant weight as [N, K] (its transpose) and a key naming it, or None."""
        b = node.input[1]
        if b in self.inits:
            array = numpy_helper.to_array(self.inits[b])
            return (f"{b}^T", np.ascontiguousarray(array.T)) if array.ndim == 2 else None
        producer = self.producers.get(b)
        if (
            producer is not None
            and producer.op_type == "Transpose"
            and producer.input[0] in self.inits
            and [a.ints for a in producer.attribute if a.name == "perm"] in ([[1, 0]], [])
        ):
            array = numpy_helper.to_array(self.inits[producer.input[0]])
            return (producer.input[0], array) if array.ndim == 2 else None
        return None

    def pack(self, key: str, w_nk: np.ndarray) -> Dict[str, str]:
        """Quantizes a [N, K] matrix once; both MatMul and Gather use the result."""
        if key in self.packed:
            return self.packed[key]
        n, k = w_nk.shape
        names: Dict[str, str] = {}
        if self.method == "nbits8":
            blocks = w_nk.reshape(n, k // self.block, self.block).astype(np.float32)
            scale = np.abs(blocks).max(axis=2, keepdims=True) / 127.0
            scale[scale == 0] = 1.0
            q = (np.clip(np.rint(blocks / scale), -127, 127) + 128).astype(np.uint8)
            names["q"] = self.constant(q, "w_nbits")  # [N, K/block, block]
            names["scales"] = self.constant(scale.reshape(-1).astype(np.float32), "scales")  # [N * K/block]
            names["row_scales"] = self.name("row_scales")  # [N, K/block, 1] for Gather
            self.outer_nodes.append(
                helper.make_node(
                    "Reshape",
                    [names["scales"], self.constant(np.array([n, k // self.block, 1], np.int64), "shape")],
                    [names["row_scales"]],
                    name=names["row_scales"],
                )
            )
        else:
            scale = np.abs(w_nk).max(axis=1) / 127.0
            scale[scale == 0] = 1.0
            q = np.clip(np.rint(w_nk / scale[:, None]), -127, 127).astype(np.int8)
            names["q"] = self.constant(q, "w_int8")  # [N, K]
            names["scales"] = self.constant(scale.astype(np.float32), "scales")  # [N]
            names["q_kn"] = self.name("w_int8_kn")
            self.outer_nodes.append(
                helper.make_node("Transpose", [names["q"]], [names["q_kn"]], name=names["q_kn"], perm=[1, 0])
            )
            names["row_scales"] = self.name("row_scales")  # [N, 1] for Gather
            self.outer_nodes.append(
                helper.make_node(
                    "Reshape",
                    [names["scales"], self.constant(np.array([n, 1], np.int64), "shape")],
                    [names["row_scales"]],
                    name=names["row_scales"],
                )
            )
        names["k"] = str(k)
        self.packed[key] = names
        return names

    # ---- node rewrites -------------------------------------------------------------------------

    def matmul(self, node: onnx.NodeProto) -> Optional[List[onnx.NodeProto]]:
        found = self.weight_nk(node)
        if found is None:
            return None
        key, w_nk = found
        n, k = w_nk.shape
        if k % self.block:
            return None
        packed = self.pack(key, w_nk)
        self.stats["matmul"] += 1
        a, y = node.input[0], node.output[0]
        if self.method == "nbits8":
            return [
                helper.make_node(
                    "MatMulNBits",
                    [a, packed["q"], packed["scales"]],
                    [y],
                    name=self.name("matmul_nbits"),
                    domain="com.microsoft",
                    K=k,
                    N=n,
                    bits=8,
                    block_size=self.block,
                    accuracy_level=ACCURACY_LEVEL,
                )
            ]
        a_q, a_scale, a_zero = self.name("a_q"), self.name("a_scale"), self.name("a_zero")
        product, as_float, scale = self.name("mm_int"), self.name("mm_float"), self.name("out_scale")
        return [
            helper.make_node("DynamicQuantizeLinear", [a], [a_q, a_scale, a_zero], name=self.name("dql")),
            helper.make_node("MatMulInteger", [a_q, packed["q_kn"], a_zero], [product], name=self.name("mmi")),
            helper.make_node("Cast", [product], [as_float], name=self.name("cast"), to=TensorProto.FLOAT),
            helper.make_node("Mul", [a_scale, packed["scales"]], [scale], name=self.name("scale")),
            helper.make_node("Mul", [as_float, scale], [y], name=self.name("dequant")),
        ]

    def gather(self, node: onnx.NodeProto) -> Optional[List[onnx.NodeProto]]:
        table = node.input[0]
        axis = [a.i for a in node.attribute if a.name == "axis"]
        if table not in self.inits or axis not in ([], [0]):
            return None
        array = numpy_helper.to_array(self.inits[table])
        if array.ndim != 2 or array.dtype != np.float32 or array.size < 4096 or array.shape[1] % self.block:
            return None
        packed = self.pack(table, array)
        self.stats["gather"] += 1
        ids, y = node.input[1], node.output[0]
        rows, rows_f, row_scales = self.name("rows"), self.name("rows_f"), self.name("rows_scale")
        nodes = [
            helper.make_node("Gather", [packed["q"], ids], [rows], name=self.name("gather_q")),
            helper.make_node("Cast", [rows], [rows_f], name=self.name("cast"), to=TensorProto.FLOAT),
            helper.make_node("Gather", [packed["row_scales"], ids], [row_scales], name=self.name("gather_s")),
        ]
        if self.method == "nbits8":
            centred, scaled = self.name("centred"), self.name("scaled")
            ids_shape, out_shape = self.name("ids_shape"), self.name("out_shape")
            k = np.array([int(packed["k"])], np.int64)
            nodes += [
                helper.make_node("Sub", [rows_f, self.constant(np.array(128.0, np.float32), "zero")], [centred],
                                 name=self.name("sub")),
                helper.make_node("Mul", [centred, row_scales], [scaled], name=self.name("mul")),
                helper.make_node("Shape", [ids], [ids_shape], name=self.name("shape")),
                helper.make_node("Concat", [ids_shape, self.constant(k, "k")], [out_shape], name=self.name("concat"),
                                 axis=0),
                helper.make_node("Reshape", [scaled, out_shape], [y], name=self.name("reshape")),
            ]
        else:
            nodes.append(helper.make_node("Mul", [rows_f, row_scales], [y], name=self.name("mul")))
        return nodes

    def run(self) -> onnx.ModelProto:
        # Subgraphs first: rewriting a parent's node list copies its If node, which would orphan
        # references to the branches taken before.
        for graph in reversed(list(_all_graphs(self.top))):
            rewritten: List[onnx.NodeProto] = []
            for node in graph.node:
                replacement = None
                if node.op_type == "MatMul":
                    replacement = self.matmul(node)
                elif node.op_type == "Gather":
                    replacement = self.gather(node)
                rewritten.extend(replacement if replacement is not None else [node])
            del graph.node[:]
            graph.node.extend(rewritten)
        nodes = self.outer_nodes + list(self.top.node)
        del self.top.node[:]
        self.top.node.extend(nodes)
        self.top.initializer.extend(self.new_inits)
        _drop_unused(self.model)
        if self.method == "nbits8" and not any(o.domain == "com.microsoft" for o in self.model.opset_import):
            self.model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
        return self.model


def _weight_only_int8(model: onnx.ModelProto) -> Tuple[onnx.ModelProto, dict]:
    """Stores each large float matrix as int8 + scales and rebuilds it with Cast/Mul under its old name."""
    top = model.graph
    row_wise = set()  # tables read by Gather, or by Transpose (the tied output projection): one scale per row
    column_wise = set()  # MatMul weights [K, N]: one scale per output column
    for graph in _all_graphs(top):
        for node in graph.node:
            if node.op_type in ("Gather", "Transpose") and node.input:
                row_wise.add(node.input[0])
            elif node.op_type == "MatMul" and len(node.input) > 1:
                column_wise.add(node.input[1])
    dequantize: List[onnx.NodeProto] = []
    kept: List[TensorProto] = []
    stats = {"matrices": 0, "gather_tables": 0}
    for init in top.initializer:
        array = numpy_helper.to_array(init)
        # biases (even as [1, vocab]) stay fp32: they are small and one scale for a whole vector is coarse
        if array.dtype != np.float32 or array.ndim != 2 or min(array.shape) < 16 or array.size < 4096:
            kept.append(init)
            continue
        axis = 1 if init.name in row_wise or init.name not in column_wise else 0
        scale = np.abs(array).max(axis=axis, keepdims=True) / 127.0
        scale[scale == 0] = 1.0
        q = np.clip(np.rint(array / scale), -127, 127).astype(np.int8)
        q_name, scale_name, as_float = f"{init.name}_int8", f"{init.name}_scale", f"{init.name}_int8_float"
        kept += [numpy_helper.from_array(q, q_name), numpy_helper.from_array(scale.astype(np.float32), scale_name)]
        dequantize += [
            helper.make_node("Cast", [q_name], [as_float], name=f"{init.name}/cast", to=TensorProto.FLOAT),
            helper.make_node("Mul", [as_float, scale_name], [init.name], name=f"{init.name}/dequantize"),
        ]
        stats["gather_tables" if init.name in row_wise else "matrices"] += 1
    nodes = dequantize + list(top.node)
    del top.node[:]
    top.node.extend(nodes)
    del top.initializer[:]
    top.initializer.extend(kept)
    return model, stats


def _drop_unused(model: onnx.ModelProto) -> None:
    """Removes fp32 weights (and the Transposes of tied weights) that nothing reads any more."""
    while True:
        used = {o.name for o in model.graph.output}
        for graph in _all_graphs(model.graph):
            used |= {o.name for o in graph.output}
            for node in graph.node:
                used.update(node.input)
        removed = False
        for graph in _all_graphs(model.graph):
            dead = [n for n in graph.node if n.op_type in ("Transpose", "Reshape") and not set(n.output) & used]
            for node in dead:
                graph.node.remove(node)
                removed = True
        for init in [i for i in model.graph.initializer if i.name not in used]:
            model.graph.initializer.remove(init)
            removed = True
        if not removed:
            return


def quantize_model(model: onnx.ModelProto, method: str = "wint8", block: int = BLOCK) -> Tuple[onnx.ModelProto, dict]:
    copy = onnx.ModelProto()
    copy.CopyFrom(model)
    model = copy
    if method == "wint8":
        quantized, stats = _weight_only_int8(model)
    else:
        quantizer = _Quantizer(model, method, block)
        quantized, stats = quantizer.run(), quantizer.stats
    onnx.checker.check_model(quantized)
    return quantized, stats


def quantize_dir(
    in_dir: Path, out_dir: Path, method: str = "wint8", block: int = BLOCK, suffix: str = DEFAULT_SUFFIX
) -> Dict[str, dict]:
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    (out_dir / "onnx").mkdir(parents=True, exist_ok=True)
    if in_dir.resolve() != out_dir.resolve():
        for path in in_dir.glob("*.json"):
            shutil.copyfile(path, out_dir / path.name)
    report = {}
    for stem in MODEL_FILES:
        source = in_dir / "onnx" / f"{stem}.onnx"
        target = out_dir / "onnx" / f"{stem}{suffix}.onnx"
        quantized, stats = quantize_model(onnx.load(str(source)), method, block)
        onnx.save(quantized, str(target))
        report[stem] = {**stats, "fp32_bytes": source.stat().st_size, "quantized_bytes": target.stat().st_size}
    return report


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("in_dir", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--method", choices=METHODS, default="wint8")
    parser.add_argument("--suffix", default=DEFAULT_SUFFIX, help="file name suffix of the quantized pair")
    parser.add_argument("--block", type=int, default=BLOCK, help="block size along K for nbits8")
    args = parser.parse_args(argv)
    for stem, stats in quantize_dir(args.in_dir, args.out, args.method, args.block, args.suffix).items():
        print(f"{stem}: {stats}")
    # The catalog's "files" for the engine (sizes and digests), ready to paste.
    names = [p.name for p in sorted(args.out.glob("*.json"))]
    names += [f"onnx/{stem}{args.suffix}.onnx" for stem in MODEL_FILES]
    files = []
    for name in names:
        data = (args.out / name).read_bytes()
        files.append({"path": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    print(json.dumps({"files": files}, indent=2))


if __name__ == "__main__":
    main()
