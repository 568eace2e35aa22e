"""Stage 2b: the training corpus tokenized once and packed small enough to travel to a GPU machine.

Usage (from training/):  /usr/bin/python3 -m lexlet_mt.pack --config en-es-bt

Writes training/pack/<run>/: `corpus.npz` (every training pair's source and target ids, uint16, with their
lengths, compressed), the tokenizer folder and the dev sets, i.e. all that `lexlet_mt.train` reads. Copied into
work/<run>/ on another machine (training/gpu/train.sh does so), `lexlet_mt.train` takes `corpus.npz` instead of
tokenizing the text again, which a machine without the monolingual data could not do. The folder must stay under
60 MiB (what a GPU call carries with the working tree); the command fails otherwise.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import numpy as np

from .config import TRAINING_ROOT, load_config, read_lines, run_name, work_dir
from .evaluate import dev_set_names
from .tokenizer import encode, load_sentencepiece

LIMIT_BYTES = 60 * 2**20
CORPUS_FILE = "corpus.npz"


def packed_path(cfg: dict) -> Path:
    return work_dir(cfg) / CORPUS_FILE


def pack_dir(cfg: dict) -> Path:
    return TRAINING_ROOT / "pack" / run_name(cfg)


def pack_ids(src: list[list[int]], tgt: list[list[int]], path: Path) -> None:
    if max(max(map(max, src)), max(map(max, tgt))) >= 2**16:
        raise ValueError("ids do not fit in uint16: the vocabulary has more than 65,536 pieces")
    np.savez_compressed(path, src=np.concatenate([np.asarray(x, np.uint16) for x in src]),
                        tgt=np.concatenate([np.asarray(x, np.uint16) for x in tgt]),
                        src_len=np.asarray([len(x) for x in src], np.uint16),
                        tgt_len=np.asarray([len(x) for x in tgt], np.uint16))


def load_packed(path: Path) -> tuple[list[list[int]], list[list[int]]]:
    """The id lists `pack_ids` stored, as `lexlet_mt.train` would have tokenized them."""
    data = np.load(path)

    def sides(ids: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
        return [part.tolist() for part in np.split(ids.astype(np.int64), np.cumsum(lengths.astype(np.int64))[:-1])]

    return sides(data["src"], data["src_len"]), sides(data["tgt"], data["tgt_len"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", required=True)
    args = parser.parse_args()
    cfg = load_config(args.config)
    work, out = work_dir(cfg), pack_dir(cfg)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    sp = load_sentencepiece(cfg)
    src = encode(sp, read_lines(work / "train.src") + read_lines(work / "extra_train.src"))
    tgt = encode(sp, read_lines(work / "train.tgt") + read_lines(work / "extra_train.tgt"))
    pack_ids(src, tgt, out / CORPUS_FILE)
    shutil.copytree(work / "tokenizer", out / "tokenizer")
    for name in ["extra_dev", *dev_set_names(cfg)]:
        for side in ("src", "tgt"):
            if (work / f"{name}.{side}").exists():
                shutil.copy2(work / f"{name}.{side}", out / f"{name}.{side}")
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    summary = {"pairs": len(src), "src_tokens": sum(map(len, src)), "tgt_tokens": sum(map(len, tgt)),
               "bytes": size, "dir": str(out.relative_to(TRAINING_ROOT))}
    (out / "pack.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary))
    if size > LIMIT_BYTES:
        raise SystemExit(f"{out} holds {size / 2**20:.1f} MiB, over the {LIMIT_BYTES // 2**20} MiB a GPU call "
                         "carries: lower the back-translated corpus's max_sentences")


if __name__ == "__main__":
    main()
