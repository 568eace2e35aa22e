"""Back-translation at scale and the corpora of the mixed recipe: monolingual paragraphs split into sentences,
chunked and resumable machine translation, TSV corpora, a file's share held out for dev, tagged sources, and
data paths resolved against the repository.

    cd training && /usr/bin/python3 -m pytest tests/test_backtranslation.py -q
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lexlet_mt import config as config_module  # noqa: E402
from lexlet_mt.data import extra_train, read_parallel  # noqa: E402
from lexlet_mt.synthetic import is_prose, paragraphs_of_gzip, translate_in_chunks  # noqa: E402

SPEECH = ("Gracias, señor presidente. ¿Por qué no lo dijo antes? Señorías, el Gobierno trae hoy a esta Cámara la "
          "convalidación del real decreto-ley. Él lo sabe.\n"
          ".- Toda persona puede pedir testimonio de las actas del Registro Civil.\n")


def test_spanish_paragraphs_split_before_inverted_marks_and_accented_capitals(tmp_path):
    path = tmp_path / "es.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(SPEECH)
    sentences = paragraphs_of_gzip(path, r"^\s*\.-\s*", ascii_only=False)
    assert sentences == [
        "Gracias, señor presidente.",
        "¿Por qué no lo dijo antes?",
        "Señorías, el Gobierno trae hoy a esta Cámara la convalidación del real decreto-ley.",
        "Él lo sabe.",
        "Toda persona puede pedir testimonio de las actas del Registro Civil.",
    ]


def test_accented_letters_count_as_letters_outside_english():
    sentence = "Él, ñú: íñó úñá éñí ñóé."
    assert is_prose(sentence, 5, 60, ascii_only=False)
    assert not is_prose(sentence, 5, 60, ascii_only=True)


def test_chunked_translation_resumes_from_the_chunks_already_done(tmp_path):
    lines = [f"line {i}." for i in range(25)]
    cache = tmp_path / "chunks"
    first = translate_in_chunks(lines, ["tr", "a-z", "A-Z"], cache, jobs=2, chunk_lines=10)
    assert first == [line.upper() for line in lines]
    assert len(list(cache.glob("*.txt"))) == 3
    done = sorted(cache.glob("*.txt"))[1]
    done.write_text("".join(f"KEPT {i}\n" for i in range(10)), encoding="utf-8")
    again = translate_in_chunks(lines, ["tr", "a-z", "A-Z"], cache, jobs=2, chunk_lines=10)
    assert again[10:20] == [f"KEPT {i}" for i in range(10)]  # read back, not translated again
    assert again[:10] == first[:10] and again[20:] == first[20:]


def test_a_changed_command_or_input_is_translated_again(tmp_path):
    cache = tmp_path / "chunks"
    translate_in_chunks(["a b."], ["tr", "a-z", "A-Z"], cache, jobs=1)
    assert translate_in_chunks(["a b."], ["tr", "ab", "xy"], cache, jobs=1) == ["x y."]
    assert len(list(cache.glob("*.txt"))) == 1  # the stale chunk is removed


def test_tsv_corpora_and_a_files_share_held_out(tmp_path):
    path = tmp_path / "pairs.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("".join(f"en {i}\tes  {i}\n" for i in range(10)) + "broken line\n")
    spec = {"tsv": str(path), "columns": {"en": 0, "es": 1}}
    assert read_parallel(spec, "es", "en")[:2] == [("es 0", "en 0"), ("es 1", "en 1")]
    assert len(read_parallel(spec, "en", "es")) == 10
    assert read_parallel({**spec, "skip_pairs": 7}, "en", "es") == [("en 7", "es 7"), ("en 8", "es 8"),
                                                                     ("en 9", "es 9")]
    assert read_parallel({**spec, "skip_pairs": 2, "max_pairs": 2}, "en", "es") == [("en 2", "es 2"),
                                                                                      ("en 3", "es 3")]


def test_a_tagged_corpus_has_its_tag_on_the_source_side_only(tmp_path):
    path = tmp_path / "bt.tsv"
    path.write_text("".join(f"machine {i}.\treal {i}.\n" for i in range(6)), encoding="utf-8")
    cfg = {"src_lang": "en", "tgt_lang": "es", "data": {"max_length_ratio": 3.0, "seed": 1},
           "extra_train": [{"name": "bt", "tsv": str(path), "columns": {"en": 0, "es": 1}, "tag": "<bt>"}]}
    train, _, stats = extra_train(cfg, [("machine 0.", "other")])
    assert stats["bt"]["overlapping_dev"] == 1  # a dev sentence is matched before the tag is added
    assert sorted(train) == [(f"<bt> machine {i}.", f"real {i}.") for i in range(1, 6)]


def test_data_paths_resolve_beside_the_repository_or_where_lexlet_shared_points(tmp_path, monkeypatch):
    config_path = tmp_path / "x.json"
    config_path.write_text(json.dumps({"corpus": {"path": "../shared/data/a.tsv"}, "files": ["work/x.en"]}))
    monkeypatch.delenv("LEXLET_SHARED", raising=False)
    cfg = config_module.load_config(str(config_path))
    assert Path(cfg["corpus"]["path"]) == config_module.REPO_ROOT.parent / "shared" / "data" / "a.tsv"
    assert cfg["files"] == ["work/x.en"]  # paths of the pipeline's own stay relative to training/
    monkeypatch.setenv("LEXLET_SHARED", str(tmp_path / "elsewhere"))
    cfg = config_module.load_config(str(config_path))
    assert cfg["corpus"]["path"] == str(tmp_path / "elsewhere" / "data" / "a.tsv")


def test_no_config_names_an_absolute_data_path():
    for path in (config_module.TRAINING_ROOT / "configs").glob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert '"/' not in text, f"{path.name} names an absolute path"


@pytest.mark.parametrize("name", ["en-es-bt", "es-en-bt"])
def test_the_mixed_recipes_hold_out_their_dev_share_of_the_un_file(name):
    cfg = config_module.load_config(name)
    dev = next(spec for spec in cfg["domain_dev"] if spec["name"] == "un-dev")
    train = next(spec for spec in cfg["extra_train"] if spec["name"] == "un-testset-rest")
    assert dev["files"] == train["files"] and train["skip_pairs"] == dev["max_pairs"]


def test_a_large_corpus_contributes_a_seeded_sample(tmp_path):
    path = tmp_path / "bt.tsv"
    path.write_text("".join(f"machine {i}.\treal {i}.\n" for i in range(50)), encoding="utf-8")
    cfg = {"src_lang": "en", "tgt_lang": "es", "data": {"max_length_ratio": 3.0, "seed": 1},
           "extra_train": [{"name": "bt", "tsv": str(path), "columns": {"en": 0, "es": 1}, "sample_pairs": 10}]}
    first, _, stats = extra_train(cfg, [])
    again, _, _ = extra_train(cfg, [])
    assert len(first) == 10 and stats["bt"]["train"] == 10
    assert stats["bt"]["overlapping_dev"] == 0 and stats["bt"]["sampled_from"] == 50
    assert first == again
    assert first != [(f"machine {i}.", f"real {i}.") for i in range(10)]  # a sample, not the file's head
