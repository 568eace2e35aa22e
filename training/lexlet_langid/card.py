"""MODEL_CARD.md for the language identifier, written from the training record."""

from __future__ import annotations

from pathlib import Path

NAMES = {"en": "English", "es": "Spanish", "de": "German", "fr": "French", "zh": "Chinese"}


def _pct(value) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def write_card(path: Path, record: dict) -> None:
    f = record["features"]
    data = record["training_sentences"]
    data_rows = "\n".join(
        f"| {NAMES[lang]} | {data[lang]['tatoeba']:,} | {data[lang]['libreoffice']:,} |" for lang in record["languages"]
    )
    dev_rows = "\n".join(
        f"| {band} | {row['sentences']:,} | {_pct(row['accuracy'])} |"
        for band, row in record["dev_accuracy"].items()
    )
    half_rows = "\n".join(
        f"| {band} | {row['sentences']:,} | {_pct(row['answered'])} | {_pct(row['answered_accuracy'])} |"
        for band, row in record["report_half"].items()
    )
    per_language = ", ".join(f"{NAMES[lang]} {_pct(acc)}" for lang, acc in record["per_language"].items())
    size = record["model_bytes"]
    text = f"""# lexlet-langid — language of a text (English, Spanish, German, French, Chinese)

Tells which of Lexlet's five languages a pasted text is in, on the device, so the Translate page can pick the
source language itself. It answers one of `{", ".join(record["languages"])}` with a confidence; under the
model's threshold the app says the text is ambiguous instead of guessing.

## File

| file | bytes | what |
| --- | --- | --- |
| `langid.json` | {size:,} ({size / 1024:.0f} KiB) | feature parameters, languages, scale, threshold and the weights (int8, base64) |

Shipped with the app (the service worker precaches it), not through the model catalog: it is small and needed
before any translation model is chosen.

## Recipe

- Features (identical in `training/lexlet_langid/features.py` and `src/engine/langid/features.ts`, checked by a
  parity test on fixed texts): NFKC + lower-case; tokens = runs of letters, split where Chinese characters meet
  other letters (first {f["max_tokens"]}); for Chinese tokens every character and character bigram (Han characters
  counted directly), for other tokens every character 1–{f["max_n"]}-gram of the token padded with a space on each
  side; id = FNV-1a 32-bit of the feature's UTF-8 bytes mod {f["buckets"]:,}.
- Model: multinomial naive Bayes (additive smoothing {record["alpha"]}), the per-bucket log-likelihoods centred over
  the languages and rounded to int8 with one scale. Score of a language = scale × the sum of its weights over the
  text's features (an integer sum, so the app's scores equal training's exactly); confidence = softmax.
- Threshold {record["threshold"]}: the lowest confidence at which the 1–3-word texts answered on the even-numbered dev
  sentences are at least {record["short_text_target"] * 100:.0f}% right; reported on the odd-numbered ones below.

## Data

Training sentences per language (deduplicated, every sentence equal to a dev sentence removed, sampled with a
fixed seed; English from the English side of every pair):

| language | Tatoeba | LibreOffice help |
| --- | --- | --- |
{data_rows}

- Tatoeba sentence pairs (eng–spa, eng–deu, eng–fra, eng–cmn) from the [Tatoeba Project](https://tatoeba.org)
  as prepared by [manythings.org/anki](https://www.manythings.org/anki/), CC BY 2.0 (Tatoeba's terms of use:
  tatoeba.org/eng/terms_of_use). Attribution: www.manythings.org/anki and tatoeba.org.
- LibreOffice help in English, Spanish, German, French and Simplified Chinese (Debian packages
  `libreoffice-help-*`, paired by element id), MPL-2.0.
- Dev: `tatoeba-unseen-dev` (Tatoeba test release 2021-08-07, CC BY 2.0 FR): pairs no Anki file holds; 1,000
  sentences per language ({", ".join(f"{NAMES[l]}" for l in record["languages"][1:])}; English: 250 from the
  English side of each pair). Never trained on.

## Accuracy on dev, by length

Length counts space-separated words, each Chinese character as one word. Every text gets its top language:

| length | sentences | accuracy |
| --- | --- | --- |
{dev_rows}

By language: {per_language}.

With the threshold, on the odd-numbered dev sentences (the threshold was chosen on the others): the share of
texts the app names a language for, and how often that language is right:

| length | sentences | answered | accuracy of answers |
| --- | --- | --- | --- |
{half_rows}

Limits: only these five languages, and the confidence does not know of others. A text in another language written
in Latin letters gets the closest of the five, often with full confidence (Italian and Portuguese read as Spanish,
Dutch and Swedish as German). The app's detector (`src/engine/langid/detect.ts`) gives no answer when most letters
are of a script none of the five uses (Cyrillic, Greek, Arabic, Japanese kana…); Japanese written mostly in kanji
still reads as Chinese. Single words several languages share ("hotel", "taxi") are called ambiguous; a few
(e.g. "no", taken as Spanish) are not.

## Reproduce

```sh
cd training && /usr/bin/python3 -m lexlet_langid.train   # about {record["train_seconds"]:.0f} s on 2 cores; rewrites this card,
                                                          # langid.json and the app's parity fixture
/usr/bin/python3 -m pytest -q tests/test_langid.py
```
"""
    path.write_text(text, encoding="utf-8")
