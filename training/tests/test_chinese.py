"""What the pipeline does differently for Chinese: sacreBLEU's `zh` BLEU tokenizer, the UN set's word segmentation
undone, the byte-order mark of the Tatoeba file."""

from pathlib import Path

from lexlet_mt.data import read_corpus, read_parallel, unsegment
from lexlet_mt.metrics import bleu_tokenizer, corpus_bleu, tokenize_zh


def test_zh_tokenizer_splits_every_chinese_character_and_keeps_latin_words_and_numbers() -> None:
    assert tokenize_zh("教我中文吧。") == "教 我 中 文 吧 。"
    assert tokenize_zh("我有3.5个“苹果”，和 Tom 一起!") == "我 有 3.5 个 “ 苹 果 ” ， 和 Tom 一 起 !"


def test_chinese_bleu_counts_characters_not_whole_unsegmented_sentences() -> None:
    # one character of four wrong: 13a sees two different one-token sentences, zh sees 3/4 unigrams right
    assert corpus_bleu(["我爱他。"], ["我爱你。"]) < 10
    assert corpus_bleu(["我爱他。"], ["我爱你。"], tokenize="zh") > 30
    assert bleu_tokenizer("zh") == "zh" and bleu_tokenizer("fr") == "13a"


def test_unsegment_joins_chinese_words_and_keeps_spaces_between_latin_words() -> None:
    assert unsegment("第 7439 次 会议 ， 2015 年 5 月 11 日 举行 。") == "第7439次会议，2015年5月11日举行。"
    assert unsegment("联合国 妇女 署 ( UN Women ) 的 报告") == "联合国妇女署( UN Women )的报告"
    assert unsegment("No Chinese here .") == "No Chinese here ."


def test_ood_set_is_cut_to_max_pairs_and_unsegmented_on_the_chinese_side(tmp_path: Path) -> None:
    (tmp_path / "dev.en").write_text("First line.\nSecond line.\nThird line.\n", encoding="utf-8")
    (tmp_path / "dev.zh").write_text("第一 行 。\n第二 行 。\n第三 行 。\n", encoding="utf-8")
    ood = {"files": {"en": str(tmp_path / "dev.en"), "zh": str(tmp_path / "dev.zh")}, "unsegment": "zh",
           "max_pairs": 2}
    assert read_parallel(ood, "en", "zh") == [("First line.", "第一行。"), ("Second line.", "第二行。")]
    assert read_parallel(ood, "zh", "en") == [("第一行。", "First line."), ("第二行。", "Second line.")]


def test_corpus_byte_order_mark_is_not_part_of_the_first_sentence(tmp_path: Path) -> None:
    path = tmp_path / "cmn.txt"
    path.write_bytes("\ufeffHi.\t嗨。\tCC-BY 2.0\n".encode("utf-8"))
    cfg = {"corpus": {"path": str(path), "columns": {"en": 0, "zh": 1}}, "src_lang": "en", "tgt_lang": "zh"}
    assert read_corpus(cfg) == [("Hi.", "嗨。")]


def test_single_han_pieces_segment_chinese_into_characters_and_leave_other_pieces_alone() -> None:
    import sentencepiece as spm

    from lexlet_mt.tokenizer import disable_multi_han_pieces, train_sentencepiece_bytes

    lines = ["我们喜欢猫。", "我们不知道。", "他们喜欢狗。", "我不喜欢他们。", "The cats like us.", "We like cats."] * 40
    trained = train_sentencepiece_bytes(lines, vocab_size=36, character_coverage=1.0)
    words = spm.SentencePieceProcessor(model_proto=trained)
    chars = spm.SentencePieceProcessor(model_proto=disable_multi_han_pieces(trained))
    assert any(len(piece.strip("\u2581")) > 1 for piece in words.encode("我们喜欢猫。", out_type=str))
    pieces = chars.encode("我们喜欢猫。", out_type=str)
    assert [piece.strip("\u2581") for piece in pieces if piece.strip("\u2581")] == list("我们喜欢猫。")
    assert chars.decode(chars.encode("我们不喜欢狗。")) == "我们不喜欢狗。"
    assert chars.encode("We like cats.") == words.encode("We like cats.")
    assert chars.get_piece_size() == words.get_piece_size()


def test_extra_corpus_is_unsegmented_and_keeps_out_the_pairs_of_the_dev_sets(tmp_path: Path) -> None:
    from lexlet_mt.data import extra_train

    (tmp_path / "un.en").write_text("First line.\nSecond line.\nThird line.\n", encoding="utf-8")
    (tmp_path / "un.zh").write_text("第一 行 。\n第二 行 。\n第三 行 。\n", encoding="utf-8")
    corpus = {"name": "un-rest", "files": {"en": str(tmp_path / "un.en"), "zh": str(tmp_path / "un.zh")},
              "unsegment": "zh", "repeat": 2}
    cfg = {"src_lang": "zh", "tgt_lang": "en", "extra_train": [corpus],
           "data": {"max_length_ratio": 5.0, "seed": 1}}
    train, held, stats = extra_train(cfg, [("第一行。", "First line.")])
    assert sorted(set(train)) == [("第三行。", "Third line."), ("第二行。", "Second line.")]
    assert len(train) == 4 and held == []
    assert stats["un-rest"]["overlapping_dev"] == 1
