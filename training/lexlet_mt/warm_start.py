"""Starts a training run from the weights of an exported (possibly int8) model folder.

    python3 -m lexlet_mt.warm_start --config en-es --model-dir ../public/models/lexlet-en-es --step 6685

Checkpoints are not kept in git, so on a fresh machine the shipped model is the only copy of a long training.
This writes ``runs/<pair>/last.pt`` holding those weights, a fresh AdamW state and the learning-rate schedule
at ``--step``; the ordinary ``lexlet_mt.train`` command then continues from it.

What trained the folder's weights before (steps, epochs, tokens, wall time, runs) comes from its record,
``training/records/<model id>.json`` (written by ``lexlet_mt.card``), and is logged with the warm start so the
next model card counts the whole training.

The ONNX files carry no PyTorch parameter names (the exporter folds, transposes and shares initializers), so
the mapping is found by example: a copy of the model with a distinct random value in every parameter is
exported by the same code, and each parameter is matched to the initializer (or its transpose) that holds
exactly its values. The shipped folder's initializers of those names are then read back, int8 weights
dequantized as their graph does (``Mul(Cast(W_int8), scale)``). When the config asks for more layers than
the folder has, the model is deepened by ``lexlet_mt.grow`` and translates as before until it trains.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Dict, Iterator, Tuple

import numpy as np
import onnx
import torch
from onnx import numpy_helper

from .card import record_path
from .config import load_config, runs_dir
from .export import export_model
from .grow import grow
from .model import ModelConfig, Seq2SeqTransformer
from .quantize import MODEL_FILES, _all_graphs
from .tokenizer import EOS_ID, PAD_ID, load_sentencepiece
from .train import Logger, inverse_sqrt, save_atomic, selection_dev_sets


def _graph_values(path: Path) -> Dict[str, np.ndarray]:
    """Every constant of a model file by name, int8-stored weights dequantized under their original name."""
    model = onnx.load(str(path))
    values: Dict[str, np.ndarray] = {}
    for graph in _all_graphs(model.graph):
        for init in graph.initializer:
            values[init.name] = numpy_helper.to_array(init)
    for node in model.graph.node:
        if node.op_type == "Mul" and node.name.endswith("/dequantize"):
            as_float, scale = node.input
            q_name = as_float[: -len("_float")]
            values[node.output[0]] = values[q_name].astype(np.float32) * values[scale]
    return values


def _folder_values(folder: Path, suffix: str) -> Dict[str, Dict[str, np.ndarray]]:
    return {stem: _graph_values(folder / "onnx" / f"{stem}{suffix}.onnx") for stem in MODEL_FILES}


def _candidates(values: Dict[str, Dict[str, np.ndarray]]) -> Iterator[Tuple[str, str, np.ndarray]]:
    for stem, named in values.items():
        for name, array in named.items():
            if array.dtype == np.float32:
                yield stem, name, array


def parameter_map(cfg: ModelConfig) -> Dict[str, Tuple[str, str, bool]]:
    """PyTorch parameter name -> (model file, initializer name, transposed) for models exported by export.py."""
    probe = Seq2SeqTransformer(cfg)
    # the logits bias is a buffer (Marian keeps it fixed) but it is stored in the graph like a weight;
    # the positional tables are recomputed by the model and need no mapping
    learned = list(probe.named_parameters()) + [("final_logits_bias", probe.final_logits_bias)]
    generator = torch.Generator().manual_seed(7)
    with torch.no_grad():
        for _, tensor in learned:
            tensor.copy_(torch.randn(tensor.shape, generator=generator))
    with tempfile.TemporaryDirectory() as tmp:
        tokenizer_dir = Path(tmp) / "tokenizer"
        tokenizer_dir.mkdir()
        (tokenizer_dir / "tokenizer.json").write_text(json.dumps({"model": {"vocab": []}}))
        export_model(probe, tokenizer_dir, Path(tmp) / "out")
        exported = _folder_values(Path(tmp) / "out", "")
    by_shape: Dict[tuple, list] = {}
    for stem, name, array in _candidates(exported):
        by_shape.setdefault(array.shape, []).append((stem, name, array))
    mapping: Dict[str, Tuple[str, str, bool]] = {}
    for pname, tensor in learned:
        target = tensor.detach().numpy()
        found = None
        for transposed, shape in ((False, target.shape), (True, target.T.shape)):
            for stem, name, array in by_shape.get(shape, []):
                if np.array_equal(array, target.T if transposed else target):
                    found = (stem, name, transposed)
                    break
            if found:
                break
        if found is None:
            raise SystemExit(f"weight {pname} {tuple(target.shape)} is not stored as-is in the exported graphs")
        mapping[pname] = found
    return mapping


def load_exported_weights(model: Seq2SeqTransformer, folder: Path, suffix: str) -> Dict[str, float]:
    """Copies the folder's weights into ``model``; returns the largest |value| per parameter, for the log."""
    mapping = parameter_map(model.cfg)
    shipped = _folder_values(folder, suffix)
    state = model.state_dict()
    magnitudes = {}
    for pname, (stem, name, transposed) in mapping.items():
        array = shipped[stem][name]
        array = array.T if transposed else array
        if tuple(array.shape) != tuple(state[pname].shape):
            raise SystemExit(f"{folder}: {name} has shape {array.shape}, {pname} needs {tuple(state[pname].shape)}")
        state[pname] = torch.from_numpy(np.ascontiguousarray(array, dtype=np.float32))
        magnitudes[pname] = float(np.abs(array).max())
    model.load_state_dict(state)
    return magnitudes


def model_from_folder(model_cfg: ModelConfig, folder: Path, suffix: str,
                      seed: int) -> Tuple[Seq2SeqTransformer, ModelConfig, Dict[str, float]]:
    """The folder's model at ``model_cfg``'s depth (grown if the config asks for more layers), the folder's own
    config, and the largest |value| per loaded parameter."""
    shipped = json.loads((folder / "config.json").read_text())
    shipped_cfg = replace(model_cfg, encoder_layers=shipped["encoder_layers"],
                          decoder_layers=shipped["decoder_layers"])
    torch.manual_seed(seed)
    model = Seq2SeqTransformer(shipped_cfg)
    magnitudes = load_exported_weights(model, folder, suffix)
    if shipped_cfg != model_cfg:
        model = grow(model, model_cfg, seed=seed)
    return model, shipped_cfg, magnitudes


def set_aside_snapshots(run: Path) -> Path | None:
    """Moves the snapshots of an earlier branch out of the run's way, returning where they went (None: none there).

    They belong to the run whose `last.pt` was deleted to warm-start. Left in place, `lexlet_mt.train` would prune
    the new run's snapshots before them whenever theirs have the higher step numbers, and `lexlet_mt.average`
    would average weights of two branches."""
    folder = run / "snapshots"
    steps = sorted(folder.glob("step-*.pt"))
    if not steps:
        return None
    aside = run / f"snapshots-until-{steps[-1].stem}"
    tries = 1
    while aside.exists():  # the same round run again
        tries += 1
        aside = run / f"snapshots-until-{steps[-1].stem}-{tries}"
    folder.rename(aside)
    return aside


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", required=True)
    parser.add_argument("--model-dir", type=Path, required=True, help="exported folder (config.json, onnx/)")
    parser.add_argument("--suffix", default="_quantized", help="ONNX file suffix in that folder ('' for fp32)")
    parser.add_argument("--step", type=int, required=True, help="training step the weights were taken at")
    parser.add_argument("--epoch", type=int, default=0, help="epoch to continue with (sets the batch order)")
    parser.add_argument("--run-dir", default="", help="defaults to training/runs/<pair>")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)

    cfg = load_config(args.config)
    tcfg = cfg["train"]
    run = Path(args.run_dir) if args.run_dir else runs_dir(cfg)
    if (run / "last.pt").exists():
        raise SystemExit(f"{run / 'last.pt'} exists: training resumes from it; delete it to warm-start instead")
    sp = load_sentencepiece(cfg)
    shipped_vocab = json.loads((args.model_dir / "config.json").read_text())["vocab_size"]
    if shipped_vocab != sp.get_piece_size():
        raise SystemExit(f"{args.model_dir} has {shipped_vocab} pieces, work/{cfg['pair']}'s tokenizer "
                         f"{sp.get_piece_size()}: rebuild the tokenizer stage first")
    model_cfg = ModelConfig.from_dict({**cfg["model"], "vocab_size": sp.get_piece_size(),
                                       "pad_token_id": PAD_ID, "eos_token_id": EOS_ID})
    model, shipped_cfg, magnitudes = model_from_folder(model_cfg, args.model_dir, args.suffix, tcfg["seed"])
    optimizer = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], betas=(0.9, 0.98), eps=1e-9,
                                  weight_decay=tcfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, inverse_sqrt(tcfg["warmup_steps"]))
    scheduler.last_epoch = args.step - 1
    scheduler.step()
    origin = f"warm start from {args.model_dir} (suffix '{args.suffix}') at step {args.step} epoch {args.epoch}"
    record = record_path(args.model_dir.resolve().name)
    before = json.loads(record.read_text()) if record.exists() else {"steps": args.step}
    state = {"epoch": args.epoch, "batch": 0, "step": args.step, "best_chrf": -1.0, "stale_evals": 0,
             "train_seconds": 0.0, "tokens": 0, "history": [], "warm_start": origin,
             "selection": "mean chrF of " + " and ".join(selection_dev_sets(cfg))}
    run.mkdir(parents=True, exist_ok=True)
    aside = set_aside_snapshots(run)
    if aside:
        print(f"moved the earlier run's snapshots to {aside}")
    save_atomic({"config": model_cfg.to_dict(), "model": model.state_dict(), "optimizer": optimizer.state_dict(),
                 "scheduler": scheduler.state_dict(), "state": state,
                 "rng": {"python": random.Random(tcfg["seed"]).getstate(), "torch": torch.get_rng_state()}},
                run / "last.pt")
    # lexlet_mt.card reads this line: the training before the warm start, as its record gives it
    log = Logger(run / "train.log")
    log(f"{origin}; before it {json.dumps(before, sort_keys=True)}")
    if shipped_cfg != model_cfg:
        log(f"grown from {shipped_cfg.encoder_layers} encoder / {shipped_cfg.decoder_layers} decoder layers to "
            f"{model_cfg.encoder_layers} / {model_cfg.decoder_layers} at step {args.step}, new layers silent")
        log(f"params {model.num_parameters()}")
    print(f"wrote {run / 'last.pt'}: {len(magnitudes)} weights, lr {scheduler.get_last_lr()[0]:.6f}, "
          f"optimizer state fresh")


if __name__ == "__main__":
    main()
