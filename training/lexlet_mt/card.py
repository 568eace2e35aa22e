"""Stage 9: write a shipped model's MODEL_CARD.md from the run's own records, so no number is copied by hand.

Usage (from training/):
  /usr/bin/python3 -m lexlet_mt.card --config en-es [--model-dir ../public/models/lexlet-en-es]
Also writes training/records/lexlet-<pair>.json, the totals of the training behind the shipped weights, which
``lexlet_mt.warm_start`` carries into a run that continues from them.
Reads work/<pair>/data_stats.json, runs/<pair>/train.log, runs/<pair>/eval.json (PyTorch fp32 + Apertium),
runs/<pair>/eval-shipped.json (the shipped quantized model through the CLI) and the model folder's files.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
from collections.abc import Collection
from datetime import datetime
from pathlib import Path

from .config import TRAINING_ROOT, load_config, runs_dir, work_dir
from .data import read_parallel
from .data import record_path as corpus_record_beside
from .metrics import bleu_tokenizer
from .phrasebook import FILE_NAME as PHRASEBOOK_FILE
from .phrasebook import phrasebook_key
from .synthetic import corpus_record_path
from .tokenizer import load_sentencepiece

OOD_NAMES = {"europarl": "Europarl", "europarl-lc": "Europarl (lower-cased, tokenised)",
             "jrc-acquis": "JRC-Acquis (law)", "un": "UN Parallel Corpus v1.0 dev set"}
# Out-of-domain dev sets used only for scoring, with the credit their terms ask for.
OOD_CREDITS = {
    "un": " The United Nations Parallel Corpus v1.0 (Ziemski, Junczys-Dowmunt and Pouliquen, LREC 2016), made "
          "available by the United Nations without warranty of any kind; its Chinese side arrived word-segmented, "
          "and the spaces beside Chinese characters are removed before scoring.",
}
# What each extra training corpus is and its terms, for the card's data section.
EXTRA_SOURCES = {
    "europarl-sample-train": "a sample of Europarl's train split (European Parliament proceedings, "
                             "statmt.org/europarl; licence: none stated by its source)",
    "jrc-acquis-dev-rest": "the pairs of the JRC-Acquis law-domain dev set that are not in the out-of-domain dev "
                           "sample (EU legislation; terms: ec.europa.eu/jrc/en/language-technologies/jrc-acquis)",
    "un-devset-rest": "the pairs of the UN Parallel Corpus v1.0 dev set that are not in the out-of-domain dev sample "
                      "(Ziemski, Junczys-Dowmunt and Pouliquen, LREC 2016; made available by the United Nations "
                      "without warranty of any kind; Chinese word segmentation undone)",
}
# The monolingual sources of a synthetic corpus (`lexlet_mt.synthetic`), with their terms.
SYNTHETIC_SOURCES = {
    "un-v1.0-devset": "the UN Parallel Corpus v1.0 dev set (Ziemski, Junczys-Dowmunt and Pouliquen, LREC 2016; "
                      "made available by the United Nations without warranty of any kind)",
    "jrc-acquis-dev": "the JRC-Acquis law-domain dev set (EU legislation; terms: "
                      "ec.europa.eu/jrc/en/language-technologies/jrc-acquis)",
    "cuad-contracts": "CUAD v1's contracts (The Atticus Project, CC BY 4.0)",
    "claudette-tos-en": "the English terms of service of the CLAUDETTE multilingual corpus (Galassi, Lagioia, "
                        "Jabłonowska and Lippi, Artificial Intelligence and Law 2024; CC BY 4.0)",
}
# Documents in two languages that `lexlet_mt.align` aligns sentence by sentence, with their terms.
ALIGNED_SOURCES = {
    "claudette-tos": "the terms of service of the CLAUDETTE multilingual corpus in English and German (Galassi, "
                     "Lagioia, Jabłonowska and Lippi, Artificial Intelligence and Law 2024; CC BY 4.0)",
}
# Lowercased, tokenized corpora whose running text `lexlet_mt.restore` rebuilds, with their terms.
RESTORED_SOURCES = {
    "europarl-restored": "a further Europarl sample published lowercased and tokenized (European Parliament "
                         "proceedings, statmt.org/europarl, as shared in github.com/sxyao/MT-Final-Project; licence: "
                         "none stated by its source)",
}
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "de": "German", "fr": "French", "zh": "Chinese"}
TIMESTAMP = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) (.*)$")
WARM_START = re.compile(r"^warm start from .* at step (\d+) epoch (\d+); before it (\{.*\})$")
RECORD_KEYS = ("steps", "epochs", "tokens", "seconds", "segments", "params", "selection_changed_at", "cooldowns",
               "warm_starts", "grown")
GROWN = re.compile(r"^grown from (\d+) encoder / (\d+) decoder layers to (\d+) / (\d+) at step (\d+)")
COOLDOWN = re.compile(r"^cooldown: learning rate from [\d.]+ to zero over \d+ steps \(steps (\d+)-(\d+)\)$")


def record_path(model_id: str) -> Path:
    return TRAINING_ROOT / "records" / f"{model_id}.json"


def training_summary(log_path: Path) -> dict:
    """Steps, epochs and tokens from the last `finished` line; wall time summed over every run segment since the
    last warm start; that warm start's earlier training added in."""
    summary: dict = {"seconds": 0.0, "segments": 0}
    before: dict = {}
    warm_epoch = warm_step = 0
    segment_start: datetime | None = None
    last: datetime | None = None
    for line in log_path.read_text(encoding="utf-8").splitlines():
        match = TIMESTAMP.match(line)
        if not match:
            continue
        when = datetime.strptime(match.group(1), "%Y-%m-%dT%H:%M:%SZ")
        message = match.group(2)
        warm = WARM_START.match(message)
        if warm:
            # A warm start appends to the log of the run before it. What that run did is either in the record
            # the warm start carries (`before`) or a branch the shipped weights never saw: count from here.
            summary, segment_start = {"seconds": 0.0, "segments": 0}, None
            before, warm_epoch = json.loads(warm.group(3)), int(warm.group(2))
            warm_step = int(warm.group(1))
            if "selection_changed_at" in before:
                summary["selection_changed_at"] = before["selection_changed_at"]
        if message.startswith("config ") or message.startswith("resumed "):
            if segment_start and last:
                summary["seconds"] += (last - segment_start).total_seconds()
            segment_start = when
            summary["segments"] += 1
        resumed = re.match(r"resumed from .* step (\d+)$", message)
        if resumed:
            summary["resumed_at"] = int(resumed.group(1))
        if message.startswith("model selection is now by") and "selection_changed_at" not in summary:
            # A corpus was added to a running training: the step it joined at.
            summary["selection_changed_at"] = summary.get("resumed_at", 0)
        cooldown = COOLDOWN.match(message)
        if cooldown:
            summary.setdefault("cooldowns", []).append([int(cooldown.group(1)), int(cooldown.group(2))])
        if message.startswith("params "):
            summary["params"] = int(message.split()[1])
        grown = GROWN.match(message)
        if grown:
            summary["grown"] = [*before.get("grown", []), [int(g) for g in grown.groups()]]
        finished = re.match(r"finished: steps (\d+) epochs ([\d.]+) train_tokens (\d+)", message)
        if finished:
            summary.update(steps=int(finished.group(1)), epochs=float(finished.group(2)),
                           tokens=int(finished.group(3)))
        last = when
    if segment_start and last:
        summary["seconds"] += (last - segment_start).total_seconds()
    if before:
        summary["seconds"] += before.get("seconds", 0.0)
        summary["segments"] += before.get("segments", 0)
        summary["tokens"] = summary.get("tokens", 0) + before.get("tokens", 0)
        summary["epochs"] = round(before.get("epochs", 0.0) + summary.get("epochs", warm_epoch) - warm_epoch, 2)
        summary.setdefault("params", before.get("params"))
        summary.setdefault("grown", before.get("grown", []))
        # The shipped weights may be an earlier checkpoint than the run's last step (best.pt): training goes on
        # from the step they were saved at, and what the earlier run did after it is a branch they never saw.
        summary["warm_start_at"] = warm_step
        # Every step training went on from a shipped folder's weights, so a later card still knows why a cooldown
        # before them stopped where it did.
        summary["warm_starts"] = [*before.get("warm_starts", []), warm_step]
        if before.get("cooldowns"):
            earlier = []
            for start, end, *stopped in before["cooldowns"]:
                if start >= warm_step:
                    continue
                # The earlier run, or the weights taken from it, may stop inside a cooldown: keep that step.
                stop = min([*stopped, before.get("steps", end), warm_step])
                earlier.append([start, end, stop] if stop < end else [start, end])
            summary["cooldowns"] = earlier + summary.get("cooldowns", [])
    return summary


def unknown_share(encoded: list[list[int]], unk_id: int) -> tuple[float, float]:
    """The share of tokens that are unknown, and the share of lines holding one."""
    tokens = sum(len(line) for line in encoded)
    unknown = sum(line.count(unk_id) for line in encoded)
    lines = sum(1 for line in encoded if unk_id in line)
    return unknown / max(tokens, 1), lines / max(len(encoded), 1)


def unknown_characters(cfg: dict) -> str:
    """For a Chinese side, how much of the out-of-domain text falls outside the vocabulary (those characters are
    unknown to the model: dropped from its input, never written in its output)."""
    side = "src" if cfg["src_lang"] == "zh" else "tgt" if cfg["tgt_lang"] == "zh" else None
    ood = cfg.get("ood_dev", {}).get("name")
    path = work_dir(cfg) / f"{ood}.{side}" if side and ood else None
    if not path or not path.exists():
        return ""
    sp = load_sentencepiece(cfg)
    tokens, lines = unknown_share([sp.encode(x) for x in path.read_text(encoding="utf-8").splitlines()], sp.unk_id())
    if not tokens:
        return ""
    return (f"{100 * tokens:.1f}% of the Chinese tokens of the {OOD_NAMES.get(ood, ood)} sample, in "
            f"{100 * lines:.0f}% of its sentences, are characters Tatoeba never uses; the model drops them from "
            "its input and cannot write them.")


def added_at(corpus: dict) -> str:
    """When an extra corpus joined training, as a card says it."""
    return f"step {corpus['added_at_step']:,}" if "added_at_step" in corpus else "the start"


def synthetic_line(corpus: dict, numbers: dict, src: str) -> str:
    """The data-section line of a synthetic corpus, from the record `lexlet_mt.synthetic` wrote beside it."""
    block = corpus["synthetic"]
    record = json.loads(corpus_record_path(corpus).read_text(encoding="utf-8"))
    sources = ", ".join(f"{taken['taken']:,} from {SYNTHETIC_SOURCES.get(name, name)}"
                        for name, taken in record["sources"].items())
    made, real = LANGUAGE_NAMES[block["to"]], LANGUAGE_NAMES[block["from"]]
    role = (f"The machine-made {made} is the input and the human {real} the output, as in back-translation."
            if src == block["to"] else
            "The output side is machine-made: the model learns Apertium's formal vocabulary, and some of its mistakes.")
    added = added_at(corpus)
    system = record["system"].replace("\n", ", ")
    if record.get("corrections"):
        since = (f" (from step {corpus['corrections_from_step']:,}; before it the corpus was used as Apertium made it)"
                 if "corrections_from_step" in corpus else "")
        fixes = "; ".join(f"{c['why']}, {c['sentences_changed']:,} sentences" for c in record["corrections"])
        role += f" Its most frequent systematic errors are post-edited{since}: {fixes}."
    return (f"\n- Also trained on {numbers.get('train', 0):,} synthetic formal pairs "
            f"(`{Path(corpus['files'][src]).parent.name}/{Path(corpus['files'][src]).stem}`, `lexlet_mt.synthetic`; "
            f"each seen {numbers.get('repeat', 1)}× per epoch, added at {added}): {real} sentences, {sources}; "
            f"their {made} made by Apertium (`{record['command']}`; {system}). {role} "
            "None of its sentences occurs in any dev set.")


def restored_line(corpus: dict, numbers: dict, src: str) -> str:
    """The data-section line of a corpus restored to cased text, from the record `lexlet_mt.restore` wrote."""
    record = json.loads(corpus_record_beside(corpus).read_text(encoding="utf-8"))
    dropped = record.get("dropped", {})
    added = added_at(corpus)
    return (f"\n- Also trained on `{Path(corpus['files'][src]).parent.name}/{Path(corpus['files'][src]).stem}`, "
            f"{RESTORED_SOURCES.get(corpus['name'], corpus['name'])}: {numbers.get('train', 0):,} pairs, each seen "
            f"{numbers.get('repeat', 1)}× per epoch, added at {added}. Its text was detokenized and its case restored "
            "(`lexlet_mt.restore`) from the case each word takes in cased Europarl, UN, JRC-Acquis and Tatoeba text; "
            f"of its {record['lines']:,} lines, {dropped.get('a_name_of_unknown_case', 0):,} were left out because "
            "both sides share a word of unknown case (a name), and "
            f"{dropped.get('in_an_excluded_file', 0):,} because they match a sentence of the Europarl sample. Rare "
            "words keep some casing errors. None of its sentences occurs in any dev set.")


def aligned_line(corpus: dict, numbers: dict, src: str) -> str:
    """The data-section line of a corpus aligned from documents in two languages, from `lexlet_mt.align`'s record."""
    record = json.loads(corpus_record_beside(corpus).read_text(encoding="utf-8"))
    beads = record.get("beads", {})
    paired = sum(count for kind, count in beads.items() if not kind.startswith("left_alone"))
    unsure = sum(count for kind, count in beads.items() if kind.startswith("over_max_cost"))
    held = ", ".join(Path(name).stem for name in record.get("held_out_documents", []))
    added = added_at(corpus)
    return (f"\n- Also trained on {ALIGNED_SOURCES.get(corpus['name'], corpus['name'])}: the two versions of "
            f"{record['documents']:,} documents, aligned sentence by sentence (`lexlet_mt.align`: sentence lengths, "
            "with numbers, addresses and names as anchors); "
            f"{numbers.get('train', 0):,} pairs, each seen {numbers.get('repeat', 1)}× per epoch, added at {added}. "
            f"{unsure:,} of the {paired:,} aligned spans cost more than {corpus['align']['max_cost']:g} and were left "
            f"out. {len(record.get('held_out_documents', []))} documents ({held}) are held out as a dev set of "
            f"{record.get('dev_pairs', 0):,} pairs.")


def cooldown_stopped_at(end: int, stopped: list, steps_done: int) -> int:
    """The last step a recorded cooldown trained: its planned end, or sooner the step an earlier run stopped at (its
    third item) or, for the latest cooldown, the step training has reached."""
    return min(stopped[0] if stopped else steps_done, end)


def cooldown_commands(pair: str, cooldowns: list, steps_done: int) -> str:
    """The commands that rerun each cooldown; one that stopped short of a learning rate of zero (the time budget
    ended it, or training went on from weights taken inside it) is rerun up to the step it stopped at."""
    commands = ""
    for start, end, *stopped in cooldowns:
        stop = cooldown_stopped_at(end, stopped, steps_done)
        cut_short = start < stop < end
        commands += (f"\nnice -n 10 /usr/bin/python3 -m lexlet_mt.train --config {pair} --threads 1 --cooldown-steps "
                     f"{end - start}" + (f" --max-steps {stop}" if cut_short else "")
                     + f"   # once training has reached step {start:,}")
    return commands


def times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def schedule_text(cooldowns: list, steps_done: int, warm_starts: Collection[int] = ()) -> str:
    """One sentence for the learning-rate schedule after warm-up: the steps each cooldown trained, how many
    stopped short of zero, and how often training went on from shipped weights (`lexlet_mt.warm_start`). The exact
    commands are the Reproduce section's."""
    spans = [(start, cooldown_stopped_at(end, stopped, steps_done), end) for start, end, *stopped in cooldowns]
    shipped = "shipped int8 weights (`lexlet_mt.warm_start`, with a fresh optimizer state)"
    stops = {stop for _, stop, _ in spans if stop < steps_done}
    elsewhere = sorted(step for step in warm_starts if step not in stops)
    outside = (f"Training {'also ' if spans else ''}continued from the {shipped} at "
               f"step{'s' if len(elsewhere) > 1 else ''} {', '.join(f'{step:,}' for step in elsewhere)}."
               if elsewhere else "")
    if not spans:
        return outside
    count = len(spans)
    short = sum(start < stop < end for start, stop, end in spans)
    short_words = ("" if not short else "; it stopped short of zero" if count == 1
                   else "; both stopped short of zero" if short == count == 2
                   else "; all stopped short of zero" if short == count
                   else f"; {'one' if short == 1 else short} of them stopped short of zero")
    went_on = len(stops)
    after = ("" if not went_on else " after it" if count == 1 else " after each" if went_on == count
             else " after the first" if count == 2 else " after each but the last")
    from_shipped = sum(step in stops for step in warm_starts)
    goes_on = (f", training going on from the cooled weights{after}"
               + (f", {times(from_shipped)} from the {shipped}" if from_shipped else "")) if went_on else ""
    ranges = ", ".join(f"{start:,}–{stop:,}" for start, stop, _ in spans)
    sentence = (f"The learning rate was cooled down linearly toward zero {times(count)} "
                f"(steps {ranges}{short_words}){goes_on}.")
    return f"{sentence} {outside}" if outside else sentence


def later_steps_text(shipped_step: int, steps_done: int, cooldowns: list) -> str:
    """Why the weights of an earlier step are shipped: the steps trained after them, named by where they fall
    against the cooldowns, did not beat them."""
    after = f"{steps_done - shipped_step:,}"
    for start, end, *stopped in cooldowns:
        stop = cooldown_stopped_at(end, stopped, steps_done)
        if start <= shipped_step < stop == steps_done:
            return f"step {shipped_step:,}; the last {after} steps of its cooldown did not beat it"
    if any(shipped_step < start < steps_done for start, *_ in cooldowns):
        return f"step {shipped_step:,}; the {after} steps after it, a cooldown included, did not beat it"
    return f"step {shipped_step:,}; the {after} steps after it did not beat it"


def training_paragraph(tcfg: dict, train: dict, shipped_weights: str) -> str:
    """The training section: the recipe, the totals, the schedule in one sentence and the weights shipped."""
    warm_starts = train.get("warm_starts") or ([train["warm_start_at"]] if train.get("warm_start_at") else [])
    schedule = schedule_text(train.get("cooldowns", []), train.get("steps", 0), warm_starts)
    return "\n".join(line for line in (
        f"AdamW, peak LR {tcfg['lr']:g} with inverse-square-root warm-up ({tcfg['warmup_steps']} steps), label "
        f"smoothing {tcfg['label_smoothing']}, token-budget batches of {tcfg['max_tokens']:,} target tokens, 1 CPU "
        f"thread: {train.get('steps', 0):,} steps (≈{train.get('epochs', 0):.2f} epochs, "
        f"{train.get('tokens', 0) / 1e6:.2f} M target tokens) in {train['seconds'] / 3600:.1f} hours of wall time "
        f"over {train['segments']} runs, each resuming the last checkpoint, on a shared 2-core machine.",
        schedule,
        f"The shipped weights are {shipped_weights}.",
    ) if line)


def cell(entry: dict | None) -> str:
    return f"{entry['bleu']:.2f} / {entry['chrf']:.2f}" if entry and "bleu" in entry else "—"


def megabytes(size: int) -> str:
    return f"{size / 1e6:.2f} MB"


def phrasebook_section(cfg: dict, model_dir: Path) -> str:
    """What the model folder's phrasebook holds, how the engine uses it, and how many dev sources it answers."""
    path = model_dir / PHRASEBOOK_FILE
    if not path.exists():
        return ""
    doc = json.loads(gzip.decompress(path.read_bytes()))
    keys = {key for key, _ in doc["entries"]}
    found = []
    ood = cfg.get("ood_dev")
    ood_set = [{**ood, "label": f"{OOD_NAMES.get(ood['name'], ood['name'].capitalize())} sample"}] if ood else []
    for spec in [*ood_set, *cfg.get("domain_dev", [])]:
        try:
            sources = [source for source, _ in read_parallel(spec, cfg["src_lang"], cfg["tgt_lang"])]
        except SystemExit:  # a set an earlier stage builds under work/, not built on this checkout
            continue
        hits = sum(phrasebook_key(source) in keys for source in sources)
        found.append(f"{hits:,} of the {spec.get('label', spec['name'])}'s {len(sources):,}")
    chinese = f" ({doc['maxWords'] * 2} Chinese characters)" if cfg["src_lang"] == "zh" else ""
    answered = ", ".join(found[:-1]) + (" and " if len(found) > 1 else "") + found[-1] + " sources"
    return f"""
## Phrasebook
`{PHRASEBOOK_FILE}` ({len(keys):,} sentences, {megabytes(path.stat().st_size)}): every sentence of at most {doc['maxWords']} words{chinese}
in `{doc['corpus']}` with the translation the file gives it most often, pairs whose numbers or capitalised names
differ left out (`lexlet_mt.phrasebook`). The app and the CLI answer a sentence found there (its first letter's
case, its final . or ! and an opening ¡ or ¿ aside) with that human translation, and the opening phrase of one or
two words before a sentence's comma too (not in German), the rest going to the model; every other sentence goes to
the model, which garbles some of these very sentences ("Hello." → "Élolla." in English → Spanish). It answers
{answered} as whole lines (none of them as written); `lexlet translate`, and so the shipped scores above, also
look up each sentence and clause of a longer line there.
"""


def render(cfg: dict, model_dir: Path) -> str:
    pair, src, tgt = cfg["pair"], cfg["src_lang"], cfg["tgt_lang"]
    stats = json.loads((work_dir(cfg) / "data_stats.json").read_text())
    train = training_summary(runs_dir(cfg) / "train.log")
    fp32_report = json.loads((runs_dir(cfg) / "eval.json").read_text())
    fp32 = fp32_report["sets"]
    shipped = json.loads((runs_dir(cfg) / "eval-shipped.json").read_text())["sets"]
    model, tcfg = cfg["model"], cfg["train"]
    onnx = sorted((model_dir / "onnx").glob("*.onnx"))
    onnx_bytes = sum(path.stat().st_size for path in onnx)
    ood = cfg.get("ood_dev", {}).get("name", "")
    ood_name = OOD_NAMES.get(ood, ood.capitalize())
    ood_credit = OOD_CREDITS.get(ood, "")
    bleu_name = ("BLEU with sacreBLEU's `zh` tokenizer (one token per Chinese character)"
                 if bleu_tokenizer(tgt) == "zh" else "BLEU 13a")
    ood_case = (" Its references are lower-cased, so it is scored case-insensitively (output and references "
                "lower-cased before BLEU and chrF).") if cfg.get("ood_dev", {}).get("lowercase") else ""
    corpus = Path(cfg["corpus"]["path"]).parent.name
    grown = "".join(f" Grown at step {step:,} from {enc} encoder / {dec} decoder layers to {enc_to} / {dec_to}: the new "
                    "layers were inserted between the trained ones with their residual outputs at zero "
                    "(`lexlet_mt.grow`), so training went on from the smaller model's translations."
                    for enc, dec, enc_to, dec_to, step in train.get("grown", []))
    when_added = (f"step {train['selection_changed_at']:,}" if "selection_changed_at" in train
                  else "the start")
    extra = [(corpus, stats.get("extra_train", {}).get(corpus["name"], {})) for corpus in cfg.get("extra_train", [])]
    extra_lines = "".join(
        synthetic_line(corpus, numbers, src) if "synthetic" in corpus else
        restored_line(corpus, numbers, src) if "restore" in corpus else
        aligned_line(corpus, numbers, src) if "align" in corpus else
        f"\n- Also trained on `{Path(corpus['files'][src]).parent.name}/{Path(corpus['files'][src]).stem}`, "
        f"{EXTRA_SOURCES.get(corpus['name'], corpus['name'])}: "
        f"{numbers.get('train', 0):,} pairs, each seen {numbers.get('repeat', 1)}× per epoch, added after "
        f"{when_added}; long, formal sentences, which Tatoeba lacks. "
        + (f"{numbers['held_out']:,} of its pairs are held out for choosing the checkpoint; none of its sentences "
           "occurs in any dev set." if numbers.get("held_out") else "None of its sentences occurs in any dev set.")
        for corpus, numbers in extra
    )
    synthetic_command = (f"\n/usr/bin/python3 -m lexlet_mt.synthetic --config {pair}   # needs apertium apertium-eng-spa"
                         if any("synthetic" in corpus for corpus, _ in extra) else "")
    if any("restore" in corpus for corpus, _ in extra):
        synthetic_command += f"\n/usr/bin/python3 -m lexlet_mt.restore --config {pair}"
    if any("align" in corpus for corpus, _ in extra):
        synthetic_command += f"\n/usr/bin/python3 -m lexlet_mt.align --config {pair}"
    held_out = [corpus for corpus, numbers in extra if numbers.get("held_out")]
    selection = (
        "the best mean chrF over a 500-sentence Tatoeba dev subset and the held-out slice of "
        + ", ".join(f"`{Path(corpus['files'][src]).parent.name}`" for corpus in held_out)
        if held_out
        else "the best chrF on a 500-sentence dev subset"
    )

    averaged = fp32_report.get("averaged_steps")
    shipped_weights = (
        f"the average of the weights at the last {len(averaged)} evaluations (steps {averaged[0]:,}–{averaged[-1]:,}; "
        f"`lexlet_mt.average`), which beat the single checkpoint with {selection} on those same sets"
        if averaged
        else f"the checkpoint with {selection}"
    )
    shipped_step = averaged[-1] if averaged else fp32_report.get("checkpoint_step") or train.get("steps", 0)
    if not averaged and shipped_step < train.get("steps", 0):
        shipped_weights += f" ({later_steps_text(shipped_step, train['steps'], train.get('cooldowns', []))})"
    commands = cooldown_commands(pair, train.get("cooldowns", []), train.get("steps", 0))
    checkpoint_file = Path(fp32_report.get("checkpoint", "best.pt")).name
    # The weights a warm start took are in git history; what continues training is this folder's own.
    warm_command = (
        f"\n# without runs/{pair}/last.pt, continue training from this folder's weights "
        f"(this model itself continued from those shipped at step {train['warm_start_at']:,}):\n"
        f"/usr/bin/python3 -m lexlet_mt.warm_start --config {pair} --model-dir ../public/models/lexlet-{pair} "
        f"--step {shipped_step} --epoch {math.ceil(train.get('epochs', 0))}"
        if train.get("warm_start_at")
        else ""
    )

    rows = []
    domain = [(spec["name"], f"{spec.get('label', spec['name'])} ({stats['domain_dev'][spec['name']]['pairs']:,})")
              for spec in cfg.get("domain_dev", []) if spec["name"] in stats.get("domain_dev", {})]
    # No row for the dev split cut from the training file: it shares near-paraphrases with training and reads high.
    for name, label in [(ood, f"{ood_name} sample ({stats['ood_dev']:,})"),
                        *domain]:
        if name not in fp32 and name not in shipped:
            continue
        own, product = fp32.get(name, {}), shipped.get(name, {})
        rows.append(f"| {label} | {cell(own.get('greedy'))} | {cell(own.get('beam4'))} | "
                    f"{cell(product.get('beam1'))} | {cell(product.get('beam4'))} | "
                    f"{cell(own.get('apertium') or product.get('apertium'))} |")

    ood_beam = shipped.get(ood, {}).get("beam4") or {}
    ood_apertium = fp32.get(ood, {}).get("apertium") or {}
    limits = ["- Trained mostly on Tatoeba's short everyday sentences: long or formal text is largely out of its domain."]
    if "chrf" in ood_apertium and ood_beam and ood_beam["chrf"] < ood_apertium["chrf"]:
        limits.append(f"- On the out-of-domain {ood_name} sample it scores chrF {ood_beam['chrf']:.1f} against "
                      f"Apertium's {ood_apertium['chrf']:.1f}: use it for short sentences, not for formal documents.")
    elif ood_beam or "chrf" in (fp32.get(ood, {}).get("greedy") or {}):
        ood_score = ood_beam or fp32[ood]["greedy"]
        limits.append(f"- On the out-of-domain {ood_name} sample it scores chrF {ood_score['chrf']:.1f}: use it for "
                      "short sentences, not for formal documents.")
    limits.append("- The model itself often mistranslates names, rare words and numbers. The app and the CLI check "
                  "every translation for its source's numbers and for the rare names of sources that capitalise names "
                  "(not German), and translate a sentence that lost one again with stand-ins; rare common words "
                  "stay a weakness.")
    unknown = unknown_characters(cfg)
    if unknown:
        limits.append(f"- Its vocabulary holds the characters of its training text only: {unknown}")
    catalog_path = model_dir.parent / "catalog.json"
    entry = next((m for m in json.loads(catalog_path.read_text(encoding="utf-8"))["models"]
                  if m["id"] == model_dir.name), {}) if catalog_path.exists() else {}
    if entry.get("splitSentencesOverWords"):
        limits.append(f"- The app and the CLI translate a sentence of more than {entry['splitSentencesOverWords']} words "
                      "clause by clause (split after , ; : and their full-width forms, and a clause still that long before "
                      "a conjunction or relative word of English, Spanish, French or German such as \"and\" or \"because\"; "
                      "catalog field `splitSentencesOverWords`), which this short-sentence model handles better than one "
                      "long sentence; the shipped scores above include it.")

    return f"""# lexlet-{pair} — {LANGUAGE_NAMES[src]} → {LANGUAGE_NAMES[tgt]} (preview)

A small Transformer translation model trained from scratch by Lexlet's own pipeline (`training/`). It runs in the
browser (onnxruntime-web, WebGPU or WASM) and in the `lexlet` CLI. **Preview quality:** best on short, everyday
sentences; see the scores and limits below.

## Data and licence
- Training: Tatoeba sentence pairs as packaged by manythings.org/anki (`{corpus}`, {stats['read']:,} pairs),
  CC-BY 2.0 France. Attribution: www.manythings.org/anki and tatoeba.org (each pair's contributors are listed in the
  source file's attribution column).
- Split: NFC-normalised, duplicates and bad length ratios removed; pairs grouped into connected components over
  shared source or target sentences and whole components assigned to dev, so no dev sentence on either side
  occurs in training. Train {stats['train']:,} pairs, dev {stats['dev']:,}. Out-of-domain dev: the
  {stats['ood_dev']:,}-pair {ood_name} sample.{ood_credit}{ood_case}{extra_lines}
- Model weights: Apache-2.0.

## Architecture
Encoder-decoder Transformer, pre-norm, {model['encoder_layers']} encoder / {model['decoder_layers']} decoder layers,
d_model {model['d_model']}, {model['heads']} heads, FFN {model['ffn_dim']}, Marian-style sinusoidal positions, one
{cfg['tokenizer']['vocab_size']:,}-piece joint SentencePiece ({cfg['tokenizer']['model_type']}) vocabulary with the
embedding tied to the output projection: {train.get('params', 0):,} parameters.{grown} Exported in the
Transformers.js/Optimum Marian layout (`encoder_model`, `decoder_model_merged` with KV cache); weights stored as
per-channel int8 (`_quantized`): {megabytes(onnx_bytes)} for the two ONNX files.

## Training
{training_paragraph(tcfg, train, shipped_weights)}

## Scores ({bleu_name} / chrF2, the project's sacreBLEU-compatible scorer)
| set | fp32 greedy | fp32 beam 4 | shipped int8 greedy | shipped int8 beam 4 | Apertium |
|---|---|---|---|---|---|
{chr(10).join(rows)}

"fp32" is the PyTorch checkpoint (`lexlet_mt.evaluate`); "shipped" is this folder's quantized ONNX model run by
`lexlet translate` (`lexlet_mt.evaluate_shipped`), the same engine as the app. Every set above is one no training
file holds; "Tatoeba unseen dev" is the everyday one.

{phrasebook_section(cfg, model_dir)}
## Known limits
{chr(10).join(limits)}

## Reproduce
```sh
cd training{synthetic_command}
/usr/bin/python3 -m lexlet_mt.data --config {pair}
/usr/bin/python3 -m lexlet_mt.tokenizer --config {pair}{warm_command}
nice -n 10 /usr/bin/python3 -m lexlet_mt.train --config {pair} --threads 1 --max-minutes 130   # repeat to resume{commands}
/usr/bin/python3 -m lexlet_mt.average --config {pair}          # writes runs/{pair}/averaged.pt when it wins
/usr/bin/python3 -m lexlet_mt.evaluate --config {pair} --beams 1 4 --threads 1 --checkpoint runs/{pair}/{checkpoint_file}
/usr/bin/python3 -m lexlet_mt.export --checkpoint runs/{pair}/{checkpoint_file} --tokenizer-dir work/{pair}/tokenizer --out /tmp/lexlet-export/{pair}
/usr/bin/python3 -m lexlet_mt.quantize /tmp/lexlet-export/{pair} --out ../public/models/lexlet-{pair}
/usr/bin/python3 -m lexlet_mt.phrasebook --config {pair} --out ../public/models/lexlet-{pair}
node ../scripts/refresh-catalog.js ../public/models/catalog.json
/usr/bin/python3 -m lexlet_mt.evaluate_shipped --config {pair}
/usr/bin/python3 -m lexlet_mt.card --config {pair}
```
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", required=True)
    parser.add_argument("--model-dir", type=Path, help="default: ../public/models/lexlet-<pair>")
    args = parser.parse_args()
    cfg = load_config(args.config)
    model_dir = args.model_dir or Path(__file__).resolve().parents[2] / "public" / "models" / f"lexlet-{cfg['pair']}"
    (model_dir / "MODEL_CARD.md").write_text(render(cfg, model_dir), encoding="utf-8")
    summary = training_summary(runs_dir(cfg) / "train.log")
    record = record_path(model_dir.name)
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps({k: summary[k] for k in RECORD_KEYS if k in summary}, indent=1) + "\n")
    print(f"wrote {model_dir / 'MODEL_CARD.md'} and {record}")


if __name__ == "__main__":
    main()
