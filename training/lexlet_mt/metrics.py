"""Corpus BLEU (sacreBLEU defaults: 13a tokenizer, exp smoothing) and chrF2 (char order 6, beta 2).

Re-implemented from sacreBLEU 2.x so scores are comparable with published numbers; sacrebleu itself is
not installable here. Single reference per segment.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Sequence

_13A_RULES = [
    (re.compile(r"([\{-\~\[-\` -\&\(-\+\:-\@\/])"), r" \1 "),
    (re.compile(r"([^0-9])([\.,])"), r"\1 \2 "),
    (re.compile(r"([\.,])([^0-9])"), r" \1 \2"),
    (re.compile(r"([0-9])(-)"), r"\1 \2 "),
]


def tokenize_13a(line: str) -> str:
    """mteval-v13a tokenisation as in sacrebleu.tokenizers.tokenizer_13a."""
    line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
    if "&" in line:
        line = line.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    line = f" {line} "
    for pattern, replacement in _13A_RULES:
        line = pattern.sub(replacement, line)
    return " ".join(line.split())


def _ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def corpus_bleu(hypotheses: Sequence[str], references: Sequence[str], max_order: int = 4) -> float:
    if len(hypotheses) != len(references):
        raise ValueError("hypotheses and references differ in length")
    correct = [0] * max_order
    total = [0] * max_order
    sys_len = ref_len = 0
    for hyp, ref in zip(hypotheses, references):
        hyp_tokens, ref_tokens = tokenize_13a(hyp).split(), tokenize_13a(ref).split()
        sys_len += len(hyp_tokens)
        ref_len += len(ref_tokens)
        for n in range(1, max_order + 1):
            hyp_ngrams, ref_ngrams = _ngrams(hyp_tokens, n), _ngrams(ref_tokens, n)
            correct[n - 1] += sum(min(count, ref_ngrams[gram]) for gram, count in hyp_ngrams.items())
            total[n - 1] += max(0, len(hyp_tokens) - n + 1)
    precisions = [0.0] * max_order
    smooth = 1.0
    for n in range(max_order):
        if total[n] == 0:
            break
        if correct[n] == 0:
            smooth *= 2
            precisions[n] = 100.0 / (smooth * total[n])
        else:
            precisions[n] = 100.0 * correct[n] / total[n]
    if sys_len == 0:
        return 0.0
    brevity = 1.0 if sys_len >= ref_len else math.exp(1 - ref_len / sys_len)
    log_sum = sum(math.log(p) if p > 0 else -9999999999 for p in precisions)
    return brevity * math.exp(log_sum / max_order)


def _char_ngrams(text: str, n: int) -> Counter:
    text = "".join(text.split())
    return Counter(text[i : i + n] for i in range(len(text) - n + 1))


def corpus_chrf(hypotheses: Sequence[str], references: Sequence[str], order: int = 6, beta: float = 2.0) -> float:
    if len(hypotheses) != len(references):
        raise ValueError("hypotheses and references differ in length")
    stats = [[0, 0, 0] for _ in range(order)]  # hyp n-grams, ref n-grams, matches
    for hyp, ref in zip(hypotheses, references):
        for n in range(1, order + 1):
            hyp_ngrams, ref_ngrams = _char_ngrams(hyp, n), _char_ngrams(ref, n)
            stats[n - 1][0] += sum(hyp_ngrams.values())
            stats[n - 1][1] += sum(ref_ngrams.values())
            stats[n - 1][2] += sum(min(count, ref_ngrams[gram]) for gram, count in hyp_ngrams.items())
    factor = beta**2
    avg_prec = avg_rec = 0.0
    effective_order = 0
    # sacreBLEU's default (no eps smoothing): average only over orders present on both sides
    for n_hyp, n_ref, n_match in stats:
        if n_hyp > 0 and n_ref > 0:
            avg_prec += n_match / n_hyp
            avg_rec += n_match / n_ref
            effective_order += 1
    if effective_order == 0:
        return 0.0
    avg_prec /= effective_order
    avg_rec /= effective_order
    if avg_prec + avg_rec == 0:
        return 0.0
    return 100 * (1 + factor) * avg_prec * avg_rec / (factor * avg_prec + avg_rec)
