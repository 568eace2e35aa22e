"""A trained model's weights carried between machines in parts small enough for any file-size limit.

    python3 -m lexlet_mt.portable split runs/en-es-bt/averaged.pt --out DIR [--part-mib 15]
    python3 -m lexlet_mt.portable join DIR --checkpoint runs/en-es-bt/gpu.pt

`split` writes the weights as bfloat16 (what a GPU run trained them in; half the bytes of float32) in parts of at
most `--part-mib` MiB, `weights-<k>.pt`, each a dict of whole tensors, with `weights.json` (config, step, the
checkpoint's scores). `join` turns them back into a float32 model file that `lexlet_mt.export`,
`lexlet_mt.evaluate` and `lexlet_mt.warm_start`'s consumers load like any other checkpoint.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import torch

META = "weights.json"
KEPT = ("step", "epoch", "averaged_steps", "dev_sets", "selection_score")


def split(checkpoint: Path, out: Path, part_mib: float) -> list[Path]:
    state = torch.load(checkpoint, map_location="cpu")
    out.mkdir(parents=True, exist_ok=True)
    limit = int(part_mib * 2**20)
    parts: list[dict] = [{}]
    size = 0
    for name, tensor in state["model"].items():
        half = tensor.to(torch.bfloat16) if tensor.is_floating_point() else tensor
        nbytes = half.numel() * half.element_size()
        if nbytes > limit:
            raise ValueError(f"{name} alone holds {nbytes} bytes, over a part's {limit}")
        if parts[-1] and size + nbytes > limit:
            parts.append({})
            size = 0
        parts[-1][name] = half.clone()
        size += nbytes
    written = []
    for index, part in enumerate(parts):
        path = out / f"weights-{index}.pt"
        torch.save(part, path)
        written.append(path)
    meta = {"config": state["config"], "parts": len(parts), "source": checkpoint.name,
            **{key: state[key] for key in KEPT if key in state}}
    (out / META).write_text(json.dumps(meta, indent=1) + "\n")
    return written


def join(folder: Path, checkpoint: Path) -> dict:
    meta = json.loads((folder / META).read_text())
    weights: dict = {}
    for index in range(meta["parts"]):
        for name, tensor in torch.load(folder / f"weights-{index}.pt", map_location="cpu").items():
            weights[name] = tensor.float() if tensor.is_floating_point() else tensor
    checkpoint.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"config": meta["config"], "model": weights, **{key: meta[key] for key in KEPT if key in meta}},
               checkpoint)
    return meta


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    split_cmd = commands.add_parser("split")
    split_cmd.add_argument("checkpoint", type=Path)
    split_cmd.add_argument("--out", type=Path, required=True)
    split_cmd.add_argument("--part-mib", type=float, default=15.0)
    join_cmd = commands.add_parser("join")
    join_cmd.add_argument("folder", type=Path)
    join_cmd.add_argument("--checkpoint", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "split":
        for path in split(args.checkpoint, args.out, args.part_mib):
            print(f"{path} {path.stat().st_size}")
    else:
        meta = join(args.folder, args.checkpoint)
        print(f"wrote {args.checkpoint} (step {meta.get('step')}, {meta['parts']} parts)")


if __name__ == "__main__":
    main()
