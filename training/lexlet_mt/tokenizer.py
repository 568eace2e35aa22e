"""Stage 2: train a joint SentencePiece unigram model and convert it to a Hugging Face tokenizer.json.

Usage (from training/):  /usr/bin/python3 -m lexlet_mt.tokenizer --config en-es

Writes training/work/<pair>/tokenizer/{spm.model, tokenizer.json, tokenizer_config.json}.
Special ids are fixed: <pad>=0 (also the decoder start token, as in Marian), </s>=1, <unk>=2.

Normalisation is done the same way on both sides: SentencePiece runs with the 'identity' rule on text that
data.py already turned into NFC with collapsed whitespace, and tokenizer.json repeats exactly that
(NFC, whitespace runs → one space, strip) so raw user input in the browser gets the same ids.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
from pathlib import Path
from typing import Sequence

import sentencepiece as spm

from .config import TRAINING_ROOT, read_lines, run_name, work_dir

PAD_ID, EOS_ID, UNK_ID = 0, 1, 2
PAD, EOS, UNK = "<pad>", "</s>", "<unk>"
SPACE_MARK = "\u2581"


def tokenizer_dir(cfg: dict) -> Path:
    return work_dir(cfg) / "tokenizer"


def train_sentencepiece(cfg: dict) -> Path:
    work = work_dir(cfg)
    out = tokenizer_dir(cfg)
    out.mkdir(parents=True, exist_ok=True)
    tok_cfg = cfg["tokenizer"]
    # Repeating the everyday corpus keeps its words whole ("Hello") beside a much larger formal sample.
    sentences = (read_lines(work / "train.src") + read_lines(work / "train.tgt")) * int(tok_cfg.get("train_repeat", 1))
    symbols = tok_cfg.get("user_defined_symbols", [])
    if tok_cfg.get("extra_sample"):
        # Both directions of a pair can sample both runs' corpora, so that they share one vocabulary.
        for run in tok_cfg.get("sample_runs", [run_name(cfg)]):
            sentences += extra_sample(TRAINING_ROOT / "work" / run, tok_cfg["extra_sample"], symbols,
                                      cfg["data"]["seed"])
    extra = {"user_defined_symbols": symbols} if symbols else {}
    model_bytes = train_sentencepiece_bytes(
        sentences,
        vocab_size=tok_cfg["vocab_size"],
        model_type=tok_cfg.get("model_type", "unigram"),
        character_coverage=tok_cfg.get("character_coverage", 1.0),
        **extra,
    )
    model_bytes = disable_repeated_pieces(model_bytes)
    if tok_cfg.get("single_han_pieces"):
        model_bytes = disable_multi_han_pieces(model_bytes)
    path = out / "spm.model"
    path.write_bytes(model_bytes)
    return path


def extra_sample(work: Path, pairs: int, symbols: list[str], seed: int) -> list[str]:
    """Both sides of up to `pairs` pairs of the extra corpora (seeded), without their tags: with a mixed corpus the
    vocabulary must cover the formal register too, not Tatoeba's alone. Changing the extra corpora changes the
    vocabulary, so a config that sets this is trained from scratch."""
    src, tgt = read_lines(work / "extra_train.src"), read_lines(work / "extra_train.tgt")
    chosen = sorted(set(random.Random(seed).sample(range(len(src)), min(pairs, len(src)))))

    def untagged(line: str) -> str:
        for symbol in symbols:
            if line.startswith(symbol + " "):
                return line[len(symbol) + 1 :]
        return line

    return [untagged(src[i]) for i in chosen] + [tgt[i] for i in chosen]


def train_sentencepiece_bytes(
    sentences: Sequence[str],
    vocab_size: int,
    model_type: str = "unigram",
    character_coverage: float = 1.0,
    **extra: object,
) -> bytes:
    """Trains a SentencePiece model with the project's fixed special ids and no normalisation (text is NFC already).

    Shared by the real tokenizers and the test fixture so both tokenize the same way.
    """
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_writer=model,
        model_type=model_type,
        vocab_size=vocab_size,
        character_coverage=character_coverage,
        normalization_rule_name="identity",
        remove_extra_whitespaces=True,
        pad_id=PAD_ID,
        eos_id=EOS_ID,
        unk_id=UNK_ID,
        bos_id=-1,
        pad_piece=PAD,
        eos_piece=EOS,
        unk_piece=UNK,
        input_sentence_size=len(sentences),
        shuffle_input_sentence=False,
        num_threads=1,
        minloglevel=2,
        **extra,
    )
    return model.getvalue()


_REPEATED_NON_LETTERS = re.compile(r"(\W+|\d+|_+)\1+")


def disable_repeated_pieces(model_bytes: bytes) -> bytes:
    """Renames pieces like "00" so no input has two equally scored segmentations.

    With both "0" and "00" in the vocabulary, "000" splits as "0"+"00" or "00"+"0" with exactly the same
    total score; SentencePiece (float32) and tokenizers.js (float64) then break the tie differently.
    Numbers matter in legal text, so digit and punctuation runs are spelled piece by piece instead.
    Letter repeats ("ll") stay: they are real Spanish units and runs of three never occur in words.
    The id keeps its place (and score) under a name that ordinary text does not contain.
    """
    from sentencepiece import sentencepiece_model_pb2

    proto = sentencepiece_model_pb2.ModelProto()
    proto.ParseFromString(model_bytes)
    for index, piece in enumerate(proto.pieces):
        text = piece.piece.lstrip(SPACE_MARK)
        if piece.type == piece.NORMAL and _REPEATED_NON_LETTERS.fullmatch(text):
            piece.piece = f"<unused-{index}>"
    return proto.SerializeToString()


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def disable_multi_han_pieces(model_bytes: bytes) -> bytes:
    """Renames every piece of two or more Chinese characters, so Chinese is segmented into single characters.

    Unigram training on unspaced Chinese learns thousands of word and phrase pieces ("我们", "的时候"), most seen
    only a handful of times in a small corpus; one piece per character is what a small model learns best from.
    Every character the vocabulary covers is a piece of its own already, so nothing becomes unknown. Ids keep their
    places, as in `disable_repeated_pieces`.
    """
    from sentencepiece import sentencepiece_model_pb2

    proto = sentencepiece_model_pb2.ModelProto()
    proto.ParseFromString(model_bytes)
    for index, piece in enumerate(proto.pieces):
        if piece.type == piece.NORMAL and len(_HAN.findall(piece.piece)) > 1:
            piece.piece = f"<unused-{index}>"
    return proto.SerializeToString()


def load_sentencepiece(cfg: dict) -> spm.SentencePieceProcessor:
    return spm.SentencePieceProcessor(model_file=str(tokenizer_dir(cfg) / "spm.model"))


def encode(sp: spm.SentencePieceProcessor, lines: list[str]) -> list[list[int]]:
    """Ids with </s> appended, as the model sees them and as tokenizer.json produces them. A line that opens with
    a tag (a user-defined symbol and a space: "<bt> ...") gets the tag's id alone in front of the ids of the rest,
    as the first token the encoder sees; SentencePiece would put a word-boundary piece before it."""
    tags = {piece + " ": piece_id for piece_id, piece in user_defined_pieces(sp)}
    if not tags:
        return [ids + [EOS_ID] for ids in sp.encode(lines)]
    prefixes, texts = [], []
    for line in lines:
        tag = next((t for t in tags if line.startswith(t)), None)
        prefixes.append([tags[tag]] if tag else [])
        texts.append(line[len(tag):] if tag else line)
    return [prefix + ids + [EOS_ID] for prefix, ids in zip(prefixes, sp.encode(texts))]


def to_hf_tokenizer(sp: spm.SentencePieceProcessor) -> dict:
    vocab = [[sp.id_to_piece(i), sp.get_score(i)] for i in range(sp.get_piece_size())]
    # user-defined symbols (the back-translation tag) are special: atomic, and skipped when decoding
    special = [(PAD_ID, PAD), (EOS_ID, EOS), (UNK_ID, UNK)] + user_defined_pieces(sp)
    metaspace = {"type": "Metaspace", "replacement": SPACE_MARK, "prepend_scheme": "always", "split": True}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": False, "special": True}
            for i, t in special
        ],
        "normalizer": {
            "type": "Sequence",
            "normalizers": [
                {"type": "NFC"},
                {"type": "Replace", "pattern": {"Regex": "\\s+"}, "content": " "},
                {"type": "Strip", "strip_left": True, "strip_right": True},
            ],
        },
        "pre_tokenizer": metaspace,
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": EOS, "type_id": 0}}],
            "pair": [
                {"Sequence": {"id": "A", "type_id": 0}},
                {"Sequence": {"id": "B", "type_id": 0}},
                {"SpecialToken": {"id": EOS, "type_id": 0}},
            ],
            "special_tokens": {EOS: {"id": EOS, "ids": [EOS_ID], "tokens": [EOS]}},
        },
        "decoder": metaspace,
        "model": {"type": "Unigram", "unk_id": UNK_ID, "vocab": vocab, "byte_fallback": False},
    }


def user_defined_pieces(sp: spm.SentencePieceProcessor) -> list[tuple[int, str]]:
    """(id, piece) of every user-defined symbol, such as the back-translation tag."""
    from sentencepiece import sentencepiece_model_pb2

    proto = sentencepiece_model_pb2.ModelProto()
    proto.ParseFromString(sp.serialized_model_proto())
    return [(i, piece.piece) for i, piece in enumerate(proto.pieces) if piece.type == piece.USER_DEFINED]


def tokenizer_config(cfg: dict, max_length: int) -> dict:
    return {
        "tokenizer_class": "MarianTokenizer",
        "source_lang": cfg["src_lang"],
        "target_lang": cfg["tgt_lang"],
        "separate_vocabs": False,
        "model_max_length": max_length,
        "eos_token": EOS,
        "unk_token": UNK,
        "pad_token": PAD,
        "clean_up_tokenization_spaces": False,
        "added_tokens_decoder": {
            str(i): {"content": t, "lstrip": False, "normalized": False, "rstrip": False,
                     "single_word": False, "special": True}
            for i, t in ((PAD_ID, PAD), (EOS_ID, EOS), (UNK_ID, UNK))
        },
    }


def write_hf_files(cfg: dict, out_dir: Path, max_length: int = 512) -> None:
    sp = load_sentencepiece(cfg)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "tokenizer.json").write_text(json.dumps(to_hf_tokenizer(sp), ensure_ascii=False), encoding="utf-8")
    (out_dir / "tokenizer_config.json").write_text(json.dumps(tokenizer_config(cfg, max_length), indent=2) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", required=True)
    args = parser.parse_args()
    from .config import load_config

    cfg = load_config(args.config)
    train_sentencepiece(cfg)
    write_hf_files(cfg, tokenizer_dir(cfg))
    sp = load_sentencepiece(cfg)
    work = work_dir(cfg)
    src, tgt = read_lines(work / "train.src"), read_lines(work / "train.tgt")
    src_tokens = sum(len(x) for x in encode(sp, src))
    tgt_tokens = sum(len(x) for x in encode(sp, tgt))
    print(json.dumps({"vocab_size": sp.get_piece_size(), "train_src_tokens": src_tokens,
                      "train_tgt_tokens": tgt_tokens, "dir": str(tokenizer_dir(cfg))}))


if __name__ == "__main__":
    main()
