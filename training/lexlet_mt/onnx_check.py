"""Checks an exported model directory against the PyTorch model, running the ONNX files in onnxruntime-node.

Python has no onnxruntime here, so ``training/tests/onnx_greedy.mjs`` decodes in Node exactly as the browser
engine does (merged decoder, KV cache) and this module compares its logits and greedy outputs with PyTorch.

    python3 -m lexlet_mt.onnx_check --checkpoint best.pt --model-dir DIR [--suffix _quantized] [--sentences FILE]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence

import numpy as np
import torch

from .model import Seq2SeqTransformer, load_model

REPO_ROOT = Path(__file__).resolve().parents[2]
GREEDY_SCRIPT = REPO_ROOT / "training" / "tests" / "onnx_greedy.mjs"


@dataclass
class NodeDecode:
    outputs: List[List[int]]
    seconds: List[float]
    step_logits: Optional[np.ndarray] = None  # [total steps, vocab] in output order
    batch_outputs: Optional[List[List[int]]] = None  # the same sources decoded as one padded batch
    encoder_batch: Optional[np.ndarray] = None  # [batch, width, d_model]


def node_greedy(
    model_dir: Path,
    sources: Sequence[Sequence[int]],
    suffix: str = "",
    max_new_tokens: int | Sequence[int] = 64,
    with_logits: bool = False,
    with_encoder_batch: bool = False,
    threads: int = 1,
    runtime: str = "node",
    with_batch: bool = False,
) -> NodeDecode:
    with tempfile.TemporaryDirectory() as tmp:
        job = {
            "modelDir": str(Path(model_dir).resolve()),
            "suffix": suffix,
            "sources": [list(map(int, s)) for s in sources],
            "maxNewTokens": max_new_tokens if isinstance(max_new_tokens, int) else list(max_new_tokens),
            "threads": threads,
            "runtime": runtime,
            "warmup": True,
            "batch": with_batch,
        }
        if with_logits:
            job["logitsFile"] = f"{tmp}/logits.bin"
        if with_encoder_batch:
            job["encoderBatchFile"] = f"{tmp}/encoder.bin"
        Path(f"{tmp}/job.json").write_text(json.dumps(job))
        done = subprocess.run(
            ["node", str(GREEDY_SCRIPT), f"{tmp}/job.json"], cwd=REPO_ROOT, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise RuntimeError(f"onnx_greedy.mjs failed:\n{done.stderr[-4000:]}")
        report = json.loads(done.stdout.strip().splitlines()[-1])
        result = NodeDecode(report["outputs"], report["seconds"], batch_outputs=report.get("batchOutputs"))
        vocab = json.loads((Path(model_dir) / "config.json").read_text())["vocab_size"]
        if with_logits:
            result.step_logits = np.fromfile(f"{tmp}/logits.bin", dtype=np.float32).reshape(-1, vocab)
        if with_encoder_batch:
            result.encoder_batch = np.fromfile(f"{tmp}/encoder.bin", dtype=np.float32).reshape(
                report["encoderBatchShape"]
            )
        return result


@torch.no_grad()
def torch_greedy(model: Seq2SeqTransformer, source: Sequence[int], max_new_tokens: int = 64) -> List[int]:
    """Reference greedy decode with the same rules as the Node script (pad never generated, </s> forced last)."""
    cfg = model.cfg
    ids = torch.tensor([list(source)])
    memory = model.encode(ids, torch.ones_like(ids))
    mask = torch.ones_like(ids)
    token, cache, output = cfg.decoder_start_token_id, None, []
    for index in range(max_new_tokens):
        logits, cache = model.decode(torch.tensor([[token]]), memory, mask, cache)
        step = logits[0, -1].clone()
        step[cfg.pad_token_id] = -float("inf")
        token = int(step.argmax()) if index < max_new_tokens - 1 else cfg.eos_token_id  # forced_eos_token_id
        output.append(token)
        if token == cfg.eos_token_id:
            break
    return output


@torch.no_grad()
def torch_step_logits(model: Seq2SeqTransformer, source: Sequence[int], output: Sequence[int]) -> np.ndarray:
    """Teacher-forced logits along a decoded path: row t predicts output[t]."""
    ids = torch.tensor([list(source)])
    decoder_ids = torch.tensor([[model.cfg.decoder_start_token_id, *output[:-1]]])
    logits = model(ids, torch.ones_like(ids), decoder_ids)
    return logits[0].numpy()


@torch.no_grad()
def torch_encoder_batch(model: Seq2SeqTransformer, sources: Sequence[Sequence[int]]) -> np.ndarray:
    width = max(len(s) for s in sources)
    pad = model.cfg.pad_token_id
    ids = torch.tensor([list(s) + [pad] * (width - len(s)) for s in sources])
    return model.encode(ids, (ids != pad).long()).numpy()


@dataclass
class Agreement:
    sentences: int
    greedy_equal: int
    batch_equal: int  # sentences whose output is the same when all are decoded as one padded batch
    max_abs_logit_diff: float
    max_abs_encoder_diff: float
    mean_seconds: float


def compare(
    model: Seq2SeqTransformer,
    model_dir: Path,
    sources: Sequence[Sequence[int]],
    suffix: str = "",
    max_new_tokens: int = 64,
) -> Agreement:
    node = node_greedy(
        model_dir, sources, suffix, max_new_tokens, with_logits=True, with_encoder_batch=True, with_batch=True
    )
    offset, logit_diff, equal = 0, 0.0, 0
    for source, onnx_output in zip(sources, node.outputs):
        steps = len(onnx_output)
        reference = torch_step_logits(model, source, onnx_output)
        logit_diff = max(logit_diff, float(np.abs(node.step_logits[offset : offset + steps] - reference).max()))
        offset += steps
        equal += int(torch_greedy(model, source, max_new_tokens) == onnx_output)
    encoder_reference = torch_encoder_batch(model, sources)
    lengths = [len(s) for s in sources]
    encoder_diff = max(
        float(np.abs(node.encoder_batch[i, :n] - encoder_reference[i, :n]).max()) for i, n in enumerate(lengths)
    )
    batch_equal = sum(a == b for a, b in zip(node.outputs, node.batch_outputs))
    return Agreement(len(sources), equal, batch_equal, logit_diff, encoder_diff, float(np.mean(node.seconds)))


def score(
    model: Seq2SeqTransformer, model_dir: Path, spm_model: Path, src_file: Path, ref_file: Path, limit: int,
    max_new_tokens: int, hyp_dir: Optional[Path] = None, suffixes: Sequence[str] = ("", "_quantized"),
) -> dict:
    """Greedy BLEU/chrF of PyTorch, ONNX fp32 and ONNX quantized on the same sentences, plus agreement."""
    import sentencepiece  # noqa: PLC0415

    from .decode import translate_ids  # noqa: PLC0415
    from .metrics import corpus_bleu, corpus_chrf  # noqa: PLC0415
    from .tokenizer import encode  # noqa: PLC0415

    sp = sentencepiece.SentencePieceProcessor(model_file=str(spm_model))
    sources = src_file.read_text(encoding="utf-8").splitlines()[:limit]
    references = ref_file.read_text(encoding="utf-8").splitlines()[:limit]
    ids = encode(sp, sources)
    strip = lambda out: [t for t in out if t != model.cfg.eos_token_id]  # noqa: E731
    # one sentence per batch: the same length cap (2 * source length + 10) as the Node decode, so outputs
    # that never emit </s> stop at the same place
    runs = {"pytorch": (translate_ids(model, ids, beams=1, batch_tokens=1, max_len=max_new_tokens), None)}
    for suffix in suffixes:
        label = f"onnx{suffix or '_fp32'}"
        if (model_dir / "onnx" / f"encoder_model{suffix}.onnx").exists():
            # same cap as decode.translate_ids, so runaway outputs stop at the same length
            caps = [min(max_new_tokens, 2 * len(s) + 10) for s in ids]
            decoded = node_greedy(model_dir, ids, suffix, caps)
            runs[label] = ([strip(o) for o in decoded.outputs], decoded.seconds)
    report = {"sentences": len(sources)}
    baseline = runs["pytorch"][0]
    for label, (outputs, seconds) in runs.items():
        hypotheses = sp.decode(outputs)
        if hyp_dir is not None:
            hyp_dir.mkdir(parents=True, exist_ok=True)
            (hyp_dir / f"hyp.{src_file.stem}.{label}.greedy.txt").write_text(
                "".join(h + "\n" for h in hypotheses), encoding="utf-8"
            )
        entry = {
            "bleu": round(corpus_bleu(hypotheses, references), 2),
            "chrf": round(corpus_chrf(hypotheses, references), 2),
            "same_as_pytorch": sum(a == b for a, b in zip(outputs, baseline)),
        }
        if seconds is not None:
            entry["mean_seconds_per_sentence"] = round(float(np.mean(seconds)), 4)
            entry["mean_ms_per_token"] = round(1000 * sum(seconds) / max(1, sum(len(o) + 1 for o in outputs)), 2)
        report[label] = entry
    return report


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkpoint", type=Path, required=True)
    parser.add_argument("--model-dir", type=Path, required=True)
    parser.add_argument("--spm", type=Path, required=True, help="SentencePiece model of the checkpoint")
    parser.add_argument("--suffix", default="", help="'' for fp32, '_quantized' for the quantized pair")
    parser.add_argument("--sentences", type=Path, help="one source sentence per line (default: a few built-in)")
    parser.add_argument("--references", type=Path, help="with --sentences: score BLEU/chrF of all variants")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--hyp-dir", type=Path, help="with --references: write hyp.<set>.<variant>.greedy.txt here")
    parser.add_argument("--variants", default=",_quantized", help="with --references: comma-separated file suffixes")
    parser.add_argument("--max-new-tokens", type=int, default=64)
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    model = load_model(args.checkpoint)
    if args.references:
        result = score(model, args.model_dir, args.spm, args.sentences, args.references, args.limit,
                       args.max_new_tokens, args.hyp_dir, args.variants.split(","))
        print(json.dumps(result, indent=2))
        return
    import sentencepiece  # noqa: PLC0415

    from .tokenizer import encode  # noqa: PLC0415

    lines = (
        args.sentences.read_text(encoding="utf-8").splitlines()[: args.limit]
        if args.sentences
        else ["Hello, how are you?", "I don't know what to do.", "The contract ends in May."]
    )
    sources = encode(sentencepiece.SentencePieceProcessor(model_file=str(args.spm)), lines)
    result = compare(model, args.model_dir, sources, args.suffix, args.max_new_tokens)
    print(json.dumps(result.__dict__, indent=2))


if __name__ == "__main__":
    main()
