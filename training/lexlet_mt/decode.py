"""Batched greedy and beam-search decoding with the key/value cache (PyTorch reference decoder)."""

from __future__ import annotations

from typing import List, Sequence

import torch
from torch import Tensor

from .model import Seq2SeqTransformer


def pad_batch(sequences: Sequence[Sequence[int]], pad_id: int) -> tuple[Tensor, Tensor]:
    width = max(len(s) for s in sequences)
    ids = torch.full((len(sequences), width), pad_id, dtype=torch.long)
    for row, seq in enumerate(sequences):
        ids[row, : len(seq)] = torch.tensor(seq, dtype=torch.long)
    return ids, (ids != pad_id).long()


def _max_new_tokens(src_len: int, cap: int) -> int:
    return min(cap, 2 * src_len + 10)


@torch.no_grad()
def greedy_batch(model: Seq2SeqTransformer, sources: Sequence[Sequence[int]], max_len: int = 256) -> List[List[int]]:
    cfg = model.cfg
    device = model.shared.weight.device
    src, mask = (t.to(device) for t in pad_batch(sources, cfg.pad_token_id))
    memory = model.encode(src, mask)
    batch = src.shape[0]
    current = torch.full((batch, 1), cfg.decoder_start_token_id, dtype=torch.long, device=device)
    finished = torch.zeros(batch, dtype=torch.bool, device=device)
    outputs: List[Tensor] = []
    past = None
    steps = _max_new_tokens(src.shape[1], max_len)
    for index in range(steps):
        logits, past = model.decode(current, memory, mask, past)
        step = logits[:, -1, :]
        step[:, [cfg.pad_token_id, cfg.unk_token_id]] = -float("inf")
        token = step.argmax(dim=-1)
        if index == steps - 1:  # out of room: end here, as beam search does
            token = torch.full_like(token, cfg.eos_token_id)
        token = token.masked_fill(finished, cfg.pad_token_id)
        outputs.append(token)
        finished |= token == cfg.eos_token_id
        if bool(finished.all()):
            break
        current = token[:, None]
    result = []
    for row in torch.stack(outputs, dim=1).tolist():
        out = []
        for tok in row:
            if tok in (cfg.eos_token_id, cfg.pad_token_id):
                break
            out.append(tok)
        result.append(out)
    return result


@torch.no_grad()
def beam_batch(
    model: Seq2SeqTransformer,
    sources: Sequence[Sequence[int]],
    beams: int = 4,
    max_len: int = 256,
    length_penalty: float = 1.0,
) -> List[List[int]]:
    """Beam search like Transformers' generate(num_beams=k): score = sum log p / len**length_penalty."""
    cfg = model.cfg
    device = model.shared.weight.device
    src, mask = (t.to(device) for t in pad_batch(sources, cfg.pad_token_id))
    batch = src.shape[0]
    memory = model.encode(src, mask)
    memory = memory.repeat_interleave(beams, dim=0)
    mask = mask.repeat_interleave(beams, dim=0)
    vocab = cfg.vocab_size
    # only the first beam of each sentence is live at step 0, so the k beams do not start identical
    scores = torch.full((batch, beams), -float("inf"), device=device)
    scores[:, 0] = 0.0
    tokens = torch.full((batch * beams, 1), cfg.decoder_start_token_id, dtype=torch.long, device=device)
    current = tokens
    finished: List[List[tuple[float, List[int]]]] = [[] for _ in range(batch)]
    done = [False] * batch
    past = None
    steps = _max_new_tokens(src.shape[1], max_len)
    for step in range(steps):
        logits, past = model.decode(current, memory, mask, past)
        log_probs = torch.log_softmax(logits[:, -1, :], dim=-1)
        log_probs[:, [cfg.pad_token_id, cfg.unk_token_id]] = -float("inf")
        if step == steps - 1:
            # out of room: every surviving beam must end here
            eos_scores = log_probs[:, cfg.eos_token_id].clone()
            log_probs.fill_(-float("inf"))
            log_probs[:, cfg.eos_token_id] = eos_scores
        candidates = (scores.view(-1, 1) + log_probs).view(batch, beams * vocab)
        top_scores, top_index = candidates.topk(2 * beams, dim=-1)
        beam_origin = top_index // vocab
        token_ids = top_index % vocab
        new_scores = torch.full((batch, beams), -float("inf"), device=device)
        new_origin = torch.zeros((batch, beams), dtype=torch.long, device=device)
        new_tokens = torch.full((batch, beams), cfg.pad_token_id, dtype=torch.long, device=device)
        length = step + 1
        for b in range(batch):
            if done[b]:
                continue
            slot = 0
            for score, origin, tok in zip(top_scores[b].tolist(), beam_origin[b].tolist(), token_ids[b].tolist()):
                if score == -float("inf"):
                    break
                if tok == cfg.eos_token_id:
                    hyp = tokens[b * beams + origin, 1:].tolist()
                    finished[b].append((score / (length**length_penalty), hyp))
                else:
                    new_scores[b, slot] = score
                    new_origin[b, slot] = origin
                    new_tokens[b, slot] = tok
                    slot += 1
                if slot == beams:
                    break
            if len(finished[b]) >= beams:
                best_finished = max(s for s, _ in finished[b])
                best_alive = new_scores[b].max().item()
                if slot == 0 or best_alive / (length**length_penalty) <= best_finished:
                    done[b] = True
            elif slot == 0:
                done[b] = True
            if done[b]:
                new_scores[b] = -float("inf")
        if all(done):
            break
        rows = (torch.arange(batch, device=device)[:, None] * beams + new_origin).view(-1)
        tokens = torch.cat([tokens.index_select(0, rows), new_tokens.view(-1, 1)], dim=1)
        past = tuple(tuple(t.index_select(0, rows) for t in layer) for layer in past)
        scores = new_scores
        current = new_tokens.view(-1, 1)
    results = []
    for b in range(batch):
        if finished[b]:
            results.append(max(finished[b], key=lambda item: item[0])[1])
        else:
            best = int(scores[b].argmax())
            results.append(tokens[b * beams + best, 1:].tolist())
    return results


def translate_ids(
    model: Seq2SeqTransformer,
    sources: Sequence[Sequence[int]],
    beams: int = 1,
    batch_tokens: int = 3000,
    max_len: int = 256,
) -> List[List[int]]:
    """Decodes in length-sorted batches and returns outputs in input order."""
    order = sorted(range(len(sources)), key=lambda i: len(sources[i]))
    outputs: List[List[int]] = [[] for _ in sources]
    start = 0
    while start < len(order):
        end = start
        while end < len(order) and (end - start + 1) * len(sources[order[end]]) * beams <= batch_tokens:
            end += 1
        end = max(end, start + 1)
        chunk = [sources[i] for i in order[start:end]]
        decoded = greedy_batch(model, chunk, max_len) if beams == 1 else beam_batch(model, chunk, beams, max_len)
        for i, out in zip(order[start:end], decoded):
            outputs[i] = out
        start = end
    return outputs
