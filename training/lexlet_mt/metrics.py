"""Corpus BLEU (sacreBLEU defaults: 13a tokenizer, exp smoothing; its `zh` tokenizer for Chinese output) and chrF2
(char order 6, beta 2).

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


# The code points sacreBLEU's `zh` tokenizer splits off one by one. Two of its ranges are written there as
# five-digit escapes in a four-digit literal ("\u20000", "\u2f800"), so what it actually compares against is
# U+2001..U+2A6D and U+2F81..U+2FA1 (general punctuation, arrows and maths symbols among them); kept as it behaves,
# since published zh BLEU scores are computed that way.
_ZH_RANGES = (
    (0x3400, 0x4DB5), (0x4E00, 0x9FBB), (0xF900, 0xFA2D), (0xFA30, 0xFA6A), (0xFA70, 0xFAD9),
    (0x2001, 0x2A6D), (0x2F81, 0x2FA1), (0xFF00, 0xFFEF), (0x2E80, 0x2EFF), (0x3000, 0x303F),
    (0x31C0, 0x31EF), (0x2F00, 0x2FDF), (0x2FF0, 0x2FFF), (0x3100, 0x312F), (0x31A0, 0x31BF),
    (0xFE10, 0xFE1F), (0xFE30, 0xFE4F), (0x2600, 0x26FF), (0x2700, 0x27BF), (0x3200, 0x32FF),
    (0x3300, 0x33FF),
)


def _is_zh_char(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _ZH_RANGES)


def tokenize_zh(line: str) -> str:
    """sacreBLEU's `zh` tokenisation: every Chinese character (and CJK punctuation) is a token of its own, then
    the 13a regular expressions (without 13a's HTML-entity step) split the rest."""
    spaced = "".join(f" {char} " if _is_zh_char(char) else char for char in line.strip())
    for pattern, replacement in _13A_RULES:
        spaced = pattern.sub(replacement, spaced)
    return " ".join(spaced.split())


TOKENIZERS = {"13a": tokenize_13a, "zh": tokenize_zh}


def bleu_tokenizer(target_lang: str) -> str:
    """sacreBLEU's choice: its `zh` tokenizer for Chinese output, 13a otherwise."""
    return "zh" if target_lang == "zh" else "13a"


def _ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def corpus_bleu(hypotheses: Sequence[str], references: Sequence[str], max_order: int = 4,
                tokenize: str = "13a") -> float:
    if len(hypotheses) != len(references):
        raise ValueError("hypotheses and references differ in length")
    tokenizer = TOKENIZERS[tokenize]
    correct = [0] * max_order
    total = [0] * max_order
    sys_len = ref_len = 0
    for hyp, ref in zip(hypotheses, references):
        hyp_tokens, ref_tokens = tokenizer(hyp).split(), tokenizer(ref).split()
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
