import type { LanguageGuess } from '../engine/langid';
import { languageName } from './format';

const listFormat = new Intl.ListFormat('en', { type: 'conjunction' });

/** The From selector's value for "Detect language". */
export const DETECT_LANGUAGE = 'auto';

export interface SourceChoice {
  /** The language translated from. */
  source: string;
  /** The From selector's "Detect language" option, e.g. "Detect language (Spanish)". */
  optionLabel: string;
  /** Said beside the selector, e.g. "Detected: Spanish"; null when there is nothing to say. */
  note: string | null;
  /** True when detection could not name the language, so the text is translated from `source` as a fallback. */
  unsure: boolean;
}

/**
 * The source language: the user's choice when they made one (it always wins); with "Detect language", the
 * detected language. A text too short or mixed to tell is said to be so and translated from English (or the
 * first language the models offer) rather than from a wild guess.
 */
export function chooseSource(
  stored: string,
  guess: LanguageGuess | null,
  available: readonly string[],
  detectorFailed = false,
  /** Further languages of a mixed text, whose paragraphs are translated from their own language. */
  alsoDetected: readonly string[] = [],
): SourceChoice {
  if (stored !== DETECT_LANGUAGE)
    return { source: stored, optionLabel: 'Detect language', note: null, unsure: false };
  const fallback = available.includes('en') ? 'en' : (available[0] ?? 'en');
  const asFallback = `translating from ${languageName(fallback)}; choose the language under From`;
  if (detectorFailed) {
    return {
      source: fallback,
      optionLabel: 'Detect language',
      note: `Language detection could not be loaded — ${asFallback}.`,
      unsure: true,
    };
  }
  if (guess?.otherScript) {
    return {
      source: fallback,
      optionLabel: 'Detect language (not sure)',
      note: `This text is not in a language Lexlet can detect — ${asFallback}.`,
      unsure: true,
    };
  }
  if (!guess?.best) return { source: fallback, optionLabel: 'Detect language', note: null, unsure: false };
  if (!guess.language) {
    return {
      source: fallback,
      optionLabel: 'Detect language (not sure)',
      note: `Not sure which language this is — ${asFallback}.`,
      unsure: true,
    };
  }
  const name = languageName(guess.language);
  if (!available.includes(guess.language)) {
    return {
      source: fallback,
      optionLabel: `Detect language (${name})`,
      note: `Detected: ${name}, which no model here translates — ${asFallback}.`,
      unsure: true,
    };
  }
  if (alsoDetected.length > 0) {
    const names = [guess.language, ...alsoDetected].map(languageName);
    return {
      source: guess.language,
      optionLabel: `Detect language (${names.join(', ')})`,
      note: `Detected: ${listFormat.format(names)}, by paragraph`,
      unsure: false,
    };
  }
  return {
    source: guess.language,
    optionLabel: `Detect language (${name})`,
    note: `Detected: ${name}`,
    unsure: false,
  };
}
