"""Stage 1 of the encoder family: the pre-training corpus and its tokenizer.

  cd training && /usr/bin/python3 -m lexlet_legal.encoder_corpus --config legal-unfair-tos-encoder

Text (unlabelled, English): UNFAIR-ToS train sentences, the English CLAUDETTE ToS (minus the companies of the
UNFAIR-ToS dev set), the CUAD contracts outside the CUAD dev split (work/legal/cuad/split.json, from cuad_data),
and all ContractNLI documents (an NDA corpus no Lexlet task is scored on). No dev sentence of either task is seen.

Writes work/legal/<model_id>/: corpus.txt (one segment per line: a sentence or a paragraph cut at ~max words),
spm.model, tokenizer.json, tokenizer_config.json. Text is normalised as the tokenizer.json normaliser does it in
the app (NFC, whitespace runs → one space, strip, lower-case), so Python and JS ids agree.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import unicodedata
from pathlib import Path

import sentencepiece as spm

from lexlet_mt.tokenizer import EOS, EOS_ID, PAD, PAD_ID, UNK, UNK_ID, disable_repeated_pieces, to_hf_tokenizer
from lexlet_mt.tokenizer import train_sentencepiece_bytes

from .cuad_data import CUAD_DIR, WORK as CUAD_WORK
from .train_unfair_tos import TRAINING_ROOT, load_config
from .unfair_tos_data import DATA_ROOT, company_of, load_claudette, load_unfair_tos

MASK = "<mask>"
MASK_ID = 3
FIRST_NORMAL_ID = 4
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+(?=[\"'(\[]?[A-Z0-9])")
_WS = re.compile(r"\s+")


def normalize(text: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip().lower()


def work_dir(cfg: dict) -> Path:
    return TRAINING_ROOT / "work" / "legal" / cfg["model_id"]


def segments(document: str, max_words: int) -> list[str]:
    """Paragraphs → sentences; sentences longer than max_words are cut into max_words pieces."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*(?:\d+(?:\.\d+)*\.?|\([a-z0-9]+\)|[A-Z][A-Z ]{3,})\s)", document):
        for sentence in _SENTENCE_END.split(paragraph):
            words = normalize(sentence).split(" ")
            for i in range(0, len(words), max_words):
                piece = " ".join(words[i : i + max_words])
                if len(piece) >= 3:
                    out.append(piece)
    return out


def corpus_documents() -> dict[str, list[str]]:
    """Source name → documents (or sentences) of raw text."""
    train, dev = load_unfair_tos("train"), load_unfair_tos("validation")
    dev_companies = {company_of(s.doc) for s in dev}
    claudette: dict[str, list[str]] = {}
    for s in load_claudette(["en"], dev_companies):
        claudette.setdefault(s.doc, []).append(s.text)
    split = json.loads((CUAD_WORK / "split.json").read_text())
    cuad_dev = set(split["dev"])
    cuad = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((CUAD_DIR / "full_contract_txt").glob("*.txt"))
            if p.name not in cuad_dev]
    nli: list[str] = []
    for name in ("train_truncated.json", "dev.json", "test.json"):
        nli += [d["text"] for d in json.loads((DATA_ROOT / "contract_nli" / name).read_text())["documents"]]
    return {
        "unfair_tos_train": [s.text for s in train],
        "claudette_en": ["\n".join(lines) for lines in claudette.values()],
        "cuad_train_contracts": cuad,
        "contract_nli": nli,
    }


def build_corpus(cfg: dict) -> dict:
    c = cfg["pretrain"]
    out = work_dir(cfg)
    out.mkdir(parents=True, exist_ok=True)
    dev_texts = {normalize(s.text) for s in load_unfair_tos("validation")}
    lines: list[str] = []
    counts: dict[str, int] = {}
    for source, documents in corpus_documents().items():
        pieces = [p for d in documents for p in segments(d, c["max_words"])]
        pieces = [p for p in pieces if p not in dev_texts]
        counts[source] = len(pieces)
        lines += pieces
    random.Random(c["seed"]).shuffle(lines)
    (out / "corpus.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"segments": counts, "total_segments": len(lines), "words": sum(len(x.split(" ")) for x in lines)}


def build_tokenizer(cfg: dict) -> Path:
    c = cfg["tokenizer"]
    out = work_dir(cfg)
    lines = (out / "corpus.txt").read_text(encoding="utf-8").split("\n")[: c["sample_lines"]]
    model_bytes = train_sentencepiece_bytes(
        [line for line in lines if line], vocab_size=c["vocab_size"], control_symbols=[MASK]
    )
    (out / "spm.model").write_bytes(disable_repeated_pieces(model_bytes))
    sp = spm.SentencePieceProcessor(model_file=str(out / "spm.model"))
    assert sp.piece_to_id(MASK) == MASK_ID, "the <mask> control symbol must take id 3"
    tokenizer = to_hf_tokenizer(sp)
    tokenizer["normalizer"]["normalizers"].append({"type": "Lowercase"})
    (out / "tokenizer.json").write_text(json.dumps(tokenizer, ensure_ascii=False), encoding="utf-8")
    (out / "tokenizer_config.json").write_text(json.dumps(tokenizer_config(cfg), indent=2) + "\n")
    return out / "tokenizer.json"


def tokenizer_config(cfg: dict) -> dict:
    return {
        "model_max_length": cfg["model"]["max_len"],
        "eos_token": EOS,
        "unk_token": UNK,
        "pad_token": PAD,
        "mask_token": MASK,
        "clean_up_tokenization_spaces": False,
        "added_tokens_decoder": {
            str(i): {"content": t, "lstrip": False, "normalized": False, "rstrip": False, "single_word": False,
                     "special": True}
            for i, t in ((PAD_ID, PAD), (EOS_ID, EOS), (UNK_ID, UNK))
        },
    }


def load_tokenizer(cfg: dict) -> spm.SentencePieceProcessor:
    return spm.SentencePieceProcessor(model_file=str(work_dir(cfg) / "spm.model"))


def encode(sp: spm.SentencePieceProcessor, texts: list[str], max_len: int) -> list[list[int]]:
    """Ids as tokenizer.json gives them in the app (normalised, </s> appended), cut to max_len keeping </s>."""
    return [ids[: max_len - 1] + [EOS_ID] for ids in sp.encode([normalize(t) for t in texts])]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", default="legal-unfair-tos-encoder")
    cfg = load_config(ap.parse_args().config)
    print(json.dumps(build_corpus(cfg)), flush=True)
    print(f"wrote {build_tokenizer(cfg)}")


if __name__ == "__main__":
    main()
