"""Stage 1a: synthetic formal-register pairs, real monolingual text translated by a rule-based system.

Usage (from training/):  /usr/bin/python3 -m lexlet_mt.synthetic --config es-en

Tatoeba is everyday speech, and the only formal Spanish parallel text here is the 2,048-pair Europarl
sample. English formal text is plentiful (UN and JRC-Acquis dev sets, CUAD's contracts, CLAUDETTE's terms
of service), so each `extra_train` corpus with a `synthetic` block is built from it: sentences are taken
from the configured sources (`lines`: a file of one sentence per line; `line_dir`: every .txt of a folder,
one sentence per line; `text_dir`: every .txt of a folder as running text), filtered, and translated by
the configured command (Apertium, `apertium -u eng-spa`, line by line). For es→en the machine-made side
is the source and the human English the target, as in back-translation; for en→es it teaches the
rule-based system's formal vocabulary. The corpus is written to the `files` of its `extra_train` entry,
and `lexlet_mt.data` then treats it like any other corpus.

A block's optional `corrections` post-edit the machine-made side where the rule-based system errs the same way
thousands of times (Apertium renders the contractual "party" as a celebration, "fiesta"): a model trained on the
corpus would learn the error as vocabulary. Each correction is `find` (a regular expression on the machine-made
sentence) with either `replace` (a replacement in the case of the text it replaces) or `"lowercase": true` (of
its group named `lower` if it has one, else of the whole match), and optionally `where_source` (a case-insensitive
expression the real sentence must match); `why` says what it mends. A system errs the same way whatever it
translates, so `corrections` may instead name a shared list, configs/corrections/<name>.json.

Back-translation at scale uses the same block with `paragraphs_gz` sources (gzip, one paragraph a line, as the
monolingual folder gives them) in any language the system reads (`from`: es for Spanish parliament speeches and
laws through `apertium -u spa-eng`). Millions of sentences are translated in chunks by `jobs` processes at once;
each finished chunk is kept under work/<run>/<corpus>.chunks/, so a rerun translates only what is missing. The
corpus's `tag` (lexlet_mt.data) marks its machine-made source side for the model (tagged back-translation).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .config import TRAINING_ROOT, resolve, write_lines
from .data import build_corpora, normalize

# A sentence ends at . ; ? or ! before a capital, an opening bracket or a quote (Spanish also opens with ¿ ¡ «);
# contracts wrap lines inside paragraphs, so paragraphs (blank-line separated) are joined before splitting.
_SENTENCE_END = re.compile(r"(?<=[.;?!])\s+(?=[A-Z(\"“])")
_SENTENCE_END_ANY_LETTER = re.compile(r"(?<=[.;?!])\s+(?=[^\W\d_]*[A-ZÁÉÍÓÚÑÜÀÈÎÔÄÖ¿¡«(\"“])")
_PARAGRAPH = re.compile(r"\n\s*\n")
# English prose is judged by its ASCII letters (the formal corpora were selected so); other languages by any letter.
_LETTER = re.compile(r"[A-Za-z]")
_ANY_LETTER = re.compile(r"[^\W\d_]")


def sentences_of_text(text: str, ascii_only: bool = True) -> list[str]:
    end = _SENTENCE_END if ascii_only else _SENTENCE_END_ANY_LETTER
    out = []
    for paragraph in _PARAGRAPH.split(text):
        out.extend(normalize(s) for s in end.split(normalize(paragraph)))
    return [s for s in out if s]


def is_prose(sentence: str, min_words: int, max_words: int, ascii_only: bool = True) -> bool:
    """A sentence worth translating: of the configured length, mostly letters, not a heading in capitals,
    and ending like a sentence (contracts are full of table rows, signatures and page furniture)."""
    words = sentence.split()
    if not min_words <= len(words) <= max_words or sentence[-1] not in ".;?!":
        return False
    letters = (_LETTER if ascii_only else _ANY_LETTER).findall(sentence)
    if len(letters) < 0.6 * len(sentence.replace(" ", "")):
        return False
    return sum(c.isupper() for c in letters) <= 0.3 * len(letters)


def lines_of(file: Path) -> list[str]:
    return [normalize(line) for line in file.read_text(encoding="utf-8").splitlines()]


def paragraphs_of_gzip(path: Path, strip: str | None, ascii_only: bool) -> list[str]:
    """The sentences of a gzip file of one paragraph a line; `strip` removes what opens a paragraph (an article's
    ".- " left by a dropped number)."""
    prefix = re.compile(strip) if strip else None
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            paragraph = prefix.sub("", line, count=1) if prefix else line
            out.extend(sentences_of_text(paragraph, ascii_only))
    return out


def read_source(source: dict, ascii_only: bool = True) -> list[str]:
    path = Path(source["path"])
    if source["kind"] == "lines":
        return lines_of(path)
    if source["kind"] == "paragraphs_gz":
        return paragraphs_of_gzip(path, source.get("strip"), ascii_only)
    files = sorted(path.glob("*.txt"))
    if source["kind"] == "line_dir":
        return [s for file in files for s in lines_of(file)]
    if source["kind"] == "text_dir":
        return [s for file in files for s in sentences_of_text(file.read_text(encoding="utf-8"))]
    raise ValueError(f"unknown source kind {source['kind']!r} "
                     "(expected 'lines', 'line_dir', 'text_dir' or 'paragraphs_gz')")


def select_sentences(block: dict, seed: int) -> tuple[list[str], dict]:
    """Each source's prose sentences, deduplicated across sources, at most `max_sentences` of each, shuffled
    with the config's seed so that a rerun picks the same ones."""
    seen: set[str] = set()
    chosen: list[str] = []
    stats = {}
    min_words, max_words = block["words"]
    ascii_only = block.get("from", "en") == "en"
    for source in block["sources"]:
        candidates = []
        for sentence in read_source(source, ascii_only):
            if sentence not in seen and is_prose(sentence, min_words, max_words, ascii_only):
                seen.add(sentence)
                candidates.append(sentence)
        random.Random(seed).shuffle(candidates)
        taken = candidates[: source.get("max_sentences") or None]
        chosen.extend(taken)
        stats[source["name"]] = {"prose_sentences": len(candidates), "taken": len(taken)}
    return chosen, stats


def translate(lines: list[str], command: list[str]) -> list[str]:
    result = subprocess.run(command, input="".join(line + "\n" for line in lines), capture_output=True,
                            text=True, encoding="utf-8", check=True)
    out = result.stdout.split("\n")[: len(lines)]
    if len(out) != len(lines) or any(not line.strip() for line in out):
        raise RuntimeError(f"{' '.join(command)} returned {len(out)} lines for {len(lines)}, or empty ones")
    return [normalize(line) for line in out]


def translate_in_chunks(lines: list[str], command: list[str], cache: Path, jobs: int,
                        chunk_lines: int = 20000) -> list[str]:
    """`translate` over chunks of lines, `jobs` processes at a time; a chunk already translated (its input's hash
    is in its file name) is read back, so an interrupted run resumes."""
    cache.mkdir(parents=True, exist_ok=True)
    chunks = [lines[i : i + chunk_lines] for i in range(0, len(lines), chunk_lines)]
    key = hashlib.sha256(" ".join(command).encode()).hexdigest()[:8]
    names = [cache / f"{index:05d}-{key}-{hashlib.sha256(chr(10).join(chunk).encode()).hexdigest()[:16]}.txt"
             for index, chunk in enumerate(chunks)]
    pending = [i for i, name in enumerate(names) if not name.exists()]

    def run(index: int) -> None:
        translated = translate(chunks[index], command)
        tmp = names[index].with_suffix(".tmp")
        write_lines(tmp, translated)
        tmp.replace(names[index])

    with ThreadPoolExecutor(max_workers=jobs) as pool:  # each thread waits on its own process
        for done, _ in enumerate(pool.map(run, pending), 1):
            print(f"translated {done}/{len(pending)} chunks", flush=True)
    for stale in cache.glob("*.txt"):
        if stale not in names:
            stale.unlink()
    return [line for name in names for line in name.read_text(encoding="utf-8").split("\n")[:-1]]


def follow_case(found: str, replacement: str) -> str:
    """`replacement` in the case of `found`: all capitals, capitalised, or as written."""
    if len(found) > 1 and found.isupper():
        return replacement.upper()
    return replacement[:1].upper() + replacement[1:] if found[:1].isupper() else replacement


def lowered(match: re.Match) -> str:
    text, start = match.group(0), match.start()
    if "lower" not in match.re.groupindex:
        return text.lower()
    begin, end = (i - start for i in match.span("lower"))
    return text[:begin] + text[begin:end].lower() + text[end:]


def correct(real: str, made: str, rule: dict) -> str:
    if "where_source" in rule and not re.search(rule["where_source"], real, re.IGNORECASE):
        return made
    if rule.get("lowercase"):
        return re.sub(rule["find"], lowered, made)
    return re.sub(rule["find"], lambda m: follow_case(m.group(0), m.expand(rule["replace"])), made)


def corrections_of(block: dict) -> list[dict]:
    """A block's corrections: its own list, or the shared list it names."""
    corrections = block.get("corrections", [])
    if not isinstance(corrections, str):
        return corrections
    path = TRAINING_ROOT / "configs" / "corrections" / f"{corrections}.json"
    if not path.exists():
        raise SystemExit(f"corrections '{corrections}': no such list ({path})")
    return json.loads(path.read_text(encoding="utf-8"))


def apply_corrections(real: list[str], made: list[str], corrections: list[dict]) -> tuple[list[str], list[dict]]:
    """The corrected machine-made side, and how many sentences each correction changed (for the record)."""
    counts = []
    for rule in corrections:
        before = made
        made = [correct(r, m, rule) for r, m in zip(real, made)]
        changed = sum(a != b for a, b in zip(before, made))
        counts.append({"why": rule.get("why", rule["find"]), "sentences_changed": changed})
    return made, counts


def command_version(command: list[str]) -> str:
    """The Debian package versions of the translating system, for the record (the corpus depends on them)."""
    packages = ["apertium", "apertium-eng-spa"] if command[0] == "apertium" else [command[0]]
    query = subprocess.run(["dpkg-query", "-W", "-f", "${Package} ${Version}\\n", *packages],
                           capture_output=True, text=True)
    return query.stdout.strip()


def corpus_record_path(corpus: dict) -> Path:
    """Where the corpus's record (sources, counts, system versions) lies: beside its real-text file."""
    return resolve(corpus["files"][corpus["synthetic"]["from"]]).with_suffix(".json")


def build(corpus: dict, seed: int) -> dict:
    block = corpus["synthetic"]
    sentences, stats = select_sentences(block, seed)
    if block.get("jobs"):
        cache = resolve(corpus["files"][block["from"]]).with_suffix(".chunks")
        machine_made = translate_in_chunks(sentences, block["command"], cache, block["jobs"])
    else:
        machine_made = translate(sentences, block["command"])
    made, corrected = apply_corrections(sentences, machine_made, corrections_of(block))
    real, machine = block["from"], block["to"]
    write_lines(resolve(corpus["files"][real]), sentences)
    write_lines(resolve(corpus["files"][machine]), made)
    record = {"sources": stats, "pairs": len(sentences), "command": " ".join(block["command"]),
              "system": command_version(block["command"])}
    if corrected:
        record["corrections"] = corrected
    return record


def main() -> None:
    build_corpora(__doc__, "synthetic", lambda corpus, cfg: build(corpus, cfg["data"]["seed"]), corpus_record_path)


if __name__ == "__main__":
    main()
