"""Deepening a trained model without changing what it computes.

A model that has stopped improving at its size need not start again from nothing to grow: new layers are
inserted between its trained ones with the projections that write into the residual stream (attention
``out_proj`` and feed-forward ``fc2``) at zero. The layers are pre-norm (``x + f(norm(x))``), so such a layer
adds nothing and the deeper model translates exactly as the trained one did; training then gives the new
layers weight from the first step, since the zeroed projections still receive gradients. ``warm_start`` calls
this when the config asks for more layers than the exported folder has.
"""

from __future__ import annotations

from dataclasses import replace
from typing import List

import torch
from torch import nn

from .model import ModelConfig, Seq2SeqTransformer


def insertion_plan(old: int, new: int) -> List[int]:
    """For each layer of the grown stack, the trained layer it copies, or -1 for a new one.

    The new layers are spread evenly: one after every ``old / added`` trained layers, the last at the top.
    """
    if new < old:
        raise ValueError(f"cannot grow {old} layers to {new}")
    added = new - old
    plan: List[int] = []
    for i in range(old):
        plan.append(i)
        # after trained layer i, the new layers that fall due by then
        due = ((i + 1) * added) // old - (i * added) // old
        plan.extend([-1] * due)
    return plan


def silence(layer: nn.Module) -> None:
    """Zeroes what a layer adds to the residual stream, so that it passes its input through unchanged."""
    for name, param in layer.named_parameters():
        if name.split(".")[-2] in ("out_proj", "fc2"):
            nn.init.zeros_(param)


STACKS = ("encoder_layers", "decoder_layers")


def grow(trained: Seq2SeqTransformer, cfg: ModelConfig, seed: int = 0) -> Seq2SeqTransformer:
    """A model of ``cfg``'s depth holding ``trained``'s layers and silent new ones between them."""
    if replace(trained.cfg, encoder_layers=cfg.encoder_layers, decoder_layers=cfg.decoder_layers) != cfg:
        raise ValueError("only the numbers of layers may change when a model grows")
    torch.manual_seed(seed)  # the new layers' other weights start as a fresh model's would
    grown = Seq2SeqTransformer(cfg)
    outside = {k: v for k, v in trained.state_dict().items() if not k.startswith(STACKS)}
    missing, unexpected = grown.load_state_dict(outside, strict=False)
    assert not unexpected and all(k.startswith(STACKS) for k in missing), (missing, unexpected)
    for stack in STACKS:
        trained_layers, grown_layers = getattr(trained, stack), getattr(grown, stack)
        for layer, source in zip(grown_layers, insertion_plan(len(trained_layers), len(grown_layers))):
            if source < 0:
                silence(layer)
            else:
                layer.load_state_dict(trained_layers[source].state_dict())
    return grown
