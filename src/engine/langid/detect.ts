import { featureIds } from './features';
import { probabilities, rawScores, type LanguageModel } from './model';

export interface LanguageGuess {
  /** The language, or null when the text is ambiguous (confidence under the model's threshold) or has no letters. */
  language: string | null;
  /** The most likely language even when ambiguous; null when the text has no letters. */
  best: string | null;
  /** Probability of `best`, 0–1. */
  confidence: number;
  /**
   * True when most letters are of a script none of the model's languages uses (Cyrillic, Japanese kana, Arabic…):
   * such text has no answer, since the model would still name one of its languages with full confidence.
   */
  otherScript?: boolean;
}

/** Long texts are judged by their start: the model reads only its first tokens anyway. */
const MAX_CHARACTERS = 4000;

/** Latin letters and Chinese characters: the scripts of English, Spanish, German, French and Chinese. */
const KNOWN_SCRIPT = /[\p{Script=Latin}\p{Script=Han}]/u;
const LETTER = /\p{L}/gu;

/** Whether at least half the letters are in a script the five languages use. */
function inKnownScript(text: string): boolean {
  const letters = text.match(LETTER) ?? [];
  const known = letters.filter((letter) => KNOWN_SCRIPT.test(letter)).length;
  return known * 2 >= letters.length;
}

export function detectLanguage(model: LanguageModel, text: string): LanguageGuess {
  const start = text.slice(0, MAX_CHARACTERS);
  if (!inKnownScript(start)) return { language: null, best: null, confidence: 0, otherScript: true };
  const ids = featureIds(start, model.features);
  if (ids.length === 0) return { language: null, best: null, confidence: 0 };
  const probs = probabilities(rawScores(model, ids), model.scale);
  let top = 0;
  probs.forEach((p, i) => {
    if (p > (probs[top] as number)) top = i;
  });
  const best = model.languages[top] as string;
  const confidence = probs[top] as number;
  return { language: confidence >= model.threshold ? best : null, best, confidence };
}

/**
 * Paragraphs shorter than this (a heading, a name, a date line) never make a text mixed: short lines are where
 * detection errs, and a name on a line of its own ("Hans Müller") is no reason to read it as another language.
 */
export const MIN_OWN_LANGUAGE_WORDS = 4;

/** Words, each Chinese character counted as one (Chinese has no spaces), as the model card counts length. */
export function wordCount(text: string): number {
  const runs = text.match(/\p{Script=Han}|[^\s\p{Script=Han}]+/gu) ?? [];
  // A run of punctuation alone ("—", "。") is no word.
  return runs.filter((run) => /[\p{L}\p{N}]/u.test(run)).length;
}

export interface ParagraphLanguage extends LanguageGuess {
  /** True when the paragraph is long enough to have a language of its own (MIN_OWN_LANGUAGE_WORDS). */
  long: boolean;
  /** Offsets of the paragraph in the text (end exclusive), without its line break. */
  start: number;
  end: number;
}

/** The language of each paragraph (a line or more of text between line breaks), for mixed documents. */
export function detectParagraphs(model: LanguageModel, text: string): ParagraphLanguage[] {
  const out: ParagraphLanguage[] = [];
  for (const match of text.matchAll(/[^\r\n]+/gu)) {
    if (!match[0].trim()) continue;
    const start = match.index;
    const long = wordCount(match[0]) >= MIN_OWN_LANGUAGE_WORDS;
    out.push({ start, end: start + match[0].length, long, ...detectLanguage(model, match[0]) });
  }
  return out;
}
