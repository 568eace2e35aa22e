"""Builds the tiny en→es test-fixture model in the same layout as the shipped models.

It is NOT a translator: a ~190 k-parameter model trained for 1,500 steps (a couple of minutes on two idle
cores) on 6,000 short Tatoeba pairs, so that greedy decoding produces short Spanish-looking output that
ends with </s>.
It exists so the engine, CLI and browser tests can load and run a real model of the right shape quickly.

    python3 -m lexlet_mt.fixture --out ../e2e/fixtures/models/tiny-en-es      (from training/)

Everything is seeded and single-threaded, so rerunning the command reproduces the same files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import subprocess
import tempfile
import time
from pathlib import Path
from typing import List, Sequence, Tuple

import sentencepiece as spm
import torch
from torch.nn import functional as F

from .config import shared_path
from .data import keep_pair, normalize
from .export import export_model
from .model import ModelConfig, Seq2SeqTransformer
from .phrasebook import FILE_NAME as PHRASEBOOK_FILE
from .phrasebook import write as write_phrasebook_file
from .quantize import quantize_dir
from .tokenizer import (
    EOS_ID,
    PAD_ID,
    UNK_ID,
    encode,
    to_hf_tokenizer,
    tokenizer_config,
    train_sentencepiece_bytes,
)
from .train import collate, make_batches

CORPUS = shared_path("data/translation/tatoeba-anki-spa-eng/spa.txt")
REPO_ROOT = Path(__file__).resolve().parents[2]
SEED = 20240601
MAX_CHARS = 24
PAIRS = 6000
VOCAB = 400
STEPS = 1500
MODEL = dict(d_model=64, encoder_layers=2, decoder_layers=2, heads=4, ffn_dim=128, dropout=0.0,
             max_position_embeddings=64)
MAX_LENGTH = 32
CATALOG_FILES = (
    "config.json",
    "generation_config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    PHRASEBOOK_FILE,
    # The decoder comes last: the download tests hold it back to cut a download short.
    "onnx/encoder_model_quantized.onnx",
    "onnx/decoder_model_merged_quantized.onnx",
)
# One sentence no test sends the model, so the browser tests can tell a phrasebook answer from the model's.
PHRASEBOOK_ENTRIES = (("see you tomorrow", "Hasta mañana."),)
SAMPLE_INPUTS = ("Hi.", "I'm tired.", "Thank you.", "Where is the cat?")


def short_pairs(corpus: Path = CORPUS) -> List[Tuple[str, str]]:
    """A deterministic sample of short en–es pairs from the start of the length-sorted corpus."""
    pairs, seen = [], set()
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2:
                continue
            pair = (normalize(fields[0]), normalize(fields[1]))
            if pair in seen or len(pair[0]) > MAX_CHARS or not keep_pair(*pair, MAX_CHARS, 3.0):
                continue
            seen.add(pair)
            pairs.append(pair)
    return random.Random(SEED).sample(pairs, min(PAIRS, len(pairs)))


def train_tokenizer(sentences: Sequence[str]) -> spm.SentencePieceProcessor:
    """Same SentencePiece settings as lexlet_mt.tokenizer, at fixture size."""
    model = train_sentencepiece_bytes(sentences, vocab_size=VOCAB, seed_sentencepiece_size=100000)
    return spm.SentencePieceProcessor(model_proto=model)


def train_model(src: List[List[int]], tgt: List[List[int]], vocab_size: int, log=print) -> Seq2SeqTransformer:
    torch.manual_seed(SEED)
    cfg = ModelConfig(vocab_size=vocab_size, pad_token_id=PAD_ID, eos_token_id=EOS_ID, unk_token_id=UNK_ID, **MODEL)
    model = Seq2SeqTransformer(cfg)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, betas=(0.9, 0.98), eps=1e-9)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min((s + 1) / 100, 1.0))
    model.train()
    step, epoch, started = 0, 0, time.time()
    while step < STEPS:
        for batch in make_batches(src, tgt, 600, SEED, epoch):
            input_ids, mask, decoder_input, labels = collate(batch, src, tgt)
            logits = model(input_ids, mask, decoder_input)
            loss = F.cross_entropy(logits.view(-1, vocab_size), labels.view(-1), ignore_index=PAD_ID)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            scheduler.step()
            step += 1
            if step % 250 == 0:
                log(f"step {step} epoch {epoch} loss {loss.item():.3f} ({time.time() - started:.0f}s)")
            if step >= STEPS:
                break
        epoch += 1
    return model.eval()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def catalog_entry(model_dir: Path, base_url: str) -> dict:
    return {
        "id": "fixture-tiny-en-es",
        "name": "Tiny en→es test fixture (not a translator)",
        "task": "translation",
        "source": "en",
        "target": "es",
        "baseUrl": base_url,
        "files": [
            {"path": name, "size": (model_dir / name).stat().st_size, "sha256": sha256(model_dir / name)}
            for name in CATALOG_FILES
        ],
        "license": "CC-BY-2.0 (training sentences from Tatoeba via manythings.org/anki)",
        "attribution": "Trained by lexlet_mt.fixture on a slice of Tatoeba (tatoeba.org, www.manythings.org/anki)",
        "description": "Test fixture: a tiny model with the shipped layout. Its output is not a usable translation.",
        "fixture": True,
    }


def write_phrasebook(out_dir: Path) -> None:
    write_phrasebook_file(list(PHRASEBOOK_ENTRIES), out_dir / PHRASEBOOK_FILE, "en", "es", 4, "test fixture")


def build(out_dir: Path, log=print) -> dict:
    torch.set_num_threads(1)
    pairs = short_pairs()
    sp = train_tokenizer([s for s, _ in pairs] + [t for _, t in pairs])
    src = encode(sp, [s for s, _ in pairs])
    tgt = encode(sp, [t for _, t in pairs])
    log(f"{len(pairs)} pairs, vocab {sp.get_piece_size()}, {sum(map(len, tgt))} target tokens")
    model = train_model(src, tgt, sp.get_piece_size(), log)
    lang = {"src_lang": "en", "tgt_lang": "es"}
    with tempfile.TemporaryDirectory() as tmp:
        tok_dir = Path(tmp)
        (tok_dir / "tokenizer.json").write_text(json.dumps(to_hf_tokenizer(sp), ensure_ascii=False), encoding="utf-8")
        (tok_dir / "tokenizer_config.json").write_text(
            json.dumps(tokenizer_config(lang, MODEL["max_position_embeddings"]), indent=2) + "\n"
        )
        export_model(model, tok_dir, out_dir, max_length=MAX_LENGTH, num_beams=1)
    quantize_dir(out_dir, out_dir)
    write_phrasebook(out_dir)
    samples = {}
    from .decode import greedy_batch  # noqa: PLC0415

    for text, ids in zip(SAMPLE_INPUTS, greedy_batch(model, encode(sp, list(SAMPLE_INPUTS)), MAX_LENGTH)):
        samples[text] = sp.decode(ids)
    log(f"PyTorch greedy samples: {json.dumps(samples, ensure_ascii=False)}")
    return samples


def format_json(paths: Sequence[Path]) -> None:
    """Writes JSON the way the repository's formatter (prettier) does.

    `npm run format` would otherwise rewrite the generated files and break the catalog's digests, and
    `npm run lint` would fail on them; an empty ignore file makes the result independent of .prettierignore.
    """
    prettier = REPO_ROOT / "node_modules" / ".bin" / "prettier"
    if not prettier.exists():
        raise SystemExit("prettier not found: run `npm install` in the repository first")
    subprocess.run(
        [str(prettier), "--config", str(REPO_ROOT / ".prettierrc.json"), "--ignore-path", "/dev/null", "--write",
         "--log-level", "warn", *map(str, paths)],
        cwd=REPO_ROOT,
        check=True,
    )


def write_catalog(models_root: Path, model_dir: Path) -> None:
    """Adds or replaces this fixture's entry; the other test models listed there are kept."""
    entry = catalog_entry(model_dir, f"{model_dir.relative_to(models_root).as_posix()}/")
    path = models_root / "catalog.json"
    catalog = json.loads(path.read_text()) if path.exists() else {"version": 1, "models": []}
    others = [model for model in catalog["models"] if model["id"] != entry["id"]]
    catalog["models"] = [entry] + others
    path.write_text(json.dumps(catalog, indent=2, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="model folder, e.g. e2e/fixtures/models/tiny-en-es")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    build(out)
    format_json(sorted(out.glob("*.json")))
    write_catalog(out.parent, out)
    format_json([out.parent / "catalog.json"])
    for path in sorted(out.rglob("*")):
        if path.is_file():
            print(f"{path.stat().st_size:>10,d}  {path.relative_to(out)}")


if __name__ == "__main__":
    main()
