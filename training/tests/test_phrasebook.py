import gzip
import json

from lexlet_mt.config import REPO_ROOT
from lexlet_mt.phrasebook import build, keeps_numbers_and_names, length, phrasebook_key, write

CASES = REPO_ROOT / "src" / "engine" / "translate" / "phrasebook-keys.test-cases.json"


def test_keys_match_the_engines_cases():
    for text, key in json.loads(CASES.read_text(encoding="utf-8")):
        assert phrasebook_key(text) == key, text


def test_length_counts_words_or_about_the_words_of_chinese():
    assert length("Good morning.") == 2
    assert length("早上好。") == 2
    assert length("你好") == 1


def test_most_frequent_translation_wins_then_shortest_then_first():
    pairs = [
        ("Thank you.", "¡Gracias!"),
        ("Thank you.", "Gracias a ti."),
        ("Thank you.", "Gracias."),
        ("Hello!", "Hola."),
        ("Hello.", "¡Hola!"),
        ("Hello.", "Hola."),
        ("Run!", "¡Corre!"),
        ("Run!", "¡Corran!"),
    ]
    assert dict(build(pairs, "en", "es", 4)) == {"thank you": "Gracias.", "hello": "Hola.", "run": "¡Corre!"}


def test_long_sentences_lost_numbers_and_lost_names_are_left_out():
    pairs = [
        ("I have five good friends here.", "Tengo cinco buenos amigos aquí."),
        ("It's nearly 2:30.", "Son casi las dos y media."),
        ("Call Tom now.", "Llama a Tomás ahora."),
        ("Tom swam.", "Tomás nadó."),
        ("Is it 10?", "¿Son las 10?"),
    ]
    assert dict(build(pairs, "en", "es", 4)) == {"tom swam": "Tomás nadó.", "is it 10?": "¿Son las 10?"}


def test_german_nouns_and_chinese_targets_are_not_taken_for_names():
    assert keeps_numbers_and_names("Ich liebe Hunde.", "I love dogs.", "de", "en")
    assert keeps_numbers_and_names("Call Tom now.", "现在给汤姆打电话。", "en", "zh")
    assert not keeps_numbers_and_names("Call Tom now.", "Llama a Tomás ahora.", "en", "es")


def test_the_file_is_the_same_bytes_each_time(tmp_path):
    entries = [("hello", "Hola."), ("good morning", "Buenos días.")]
    first, second = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    write(entries, first, "en", "es", 4, "tatoeba")
    write(entries, second, "en", "es", 4, "tatoeba")
    assert first.read_bytes() == second.read_bytes()
    doc = json.loads(gzip.decompress(first.read_bytes()))
    assert doc["format"] == "lexlet-phrasebook/1"
    assert doc["entries"] == [["hello", "Hola."], ["good morning", "Buenos días."]]


def test_the_model_card_says_what_it_holds_and_how_many_dev_lines_it_answers(tmp_path):
    from lexlet_mt.card import phrasebook_section

    write([("hello", "Hola."), ("good morning", "Buenos días.")], tmp_path / "phrasebook.bin", "en", "es", 4,
          "tatoeba-anki-spa-eng")
    (tmp_path / "dev.en").write_text("Hello!\nGood evening.\nHello, Tom.\n", encoding="utf-8")
    (tmp_path / "dev.es").write_text("¡Hola!\nBuenas tardes.\nHola, Tom.\n", encoding="utf-8")
    cfg = {"src_lang": "en", "tgt_lang": "es",
           "domain_dev": [{"name": "dev", "label": "Tiny dev",
                           "files": {"en": str(tmp_path / "dev.en"), "es": str(tmp_path / "dev.es")}},
                          {"name": "unbuilt", "files": {"en": "work/none/x.en", "es": "work/none/x.es"}}]}
    section = phrasebook_section(cfg, tmp_path)
    assert "`phrasebook.bin` (2 sentences" in section
    assert "`tatoeba-anki-spa-eng`" in section
    assert "It answers\n1 of the Tiny dev's 3 sources as whole lines" in section
    assert phrasebook_section(cfg, tmp_path / "elsewhere") == ""
