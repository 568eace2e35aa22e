import {
  detectLanguage,
  detectParagraphs,
  MIN_OWN_LANGUAGE_WORDS,
  wordCount,
  type LanguageGuess,
  type LanguageModel,
  type ParagraphLanguage,
} from '../engine/langid';

/** Consecutive paragraphs in one language: offsets in the text, end exclusive. */
export interface SourceRun {
  language: string;
  start: number;
  end: number;
}

export interface DetectedSource {
  /** For the From selector: the language of most of the text (by characters) when paragraphs differ. */
  guess: LanguageGuess;
  /** The languages named, most of the text first (several for a mixed text). */
  languages: string[];
  /** For a mixed text, the whole text cut into runs of one language each; empty when it has one language. */
  runs: SourceRun[];
}

/** The paragraph's language, or null when it is too short to say alone. */
function ownLanguage(text: string, language: string | null): string | null {
  return wordCount(text) >= MIN_OWN_LANGUAGE_WORDS ? language : null;
}

/** Characters per language over the paragraphs detection could name, largest first. */
function languagesByShare(paragraphs: readonly ParagraphLanguage[]): string[] {
  const shares = new Map<string, number>();
  for (const { language, start, end } of paragraphs)
    if (language) shares.set(language, (shares.get(language) ?? 0) + end - start);
  return [...shares.entries()].sort((a, b) => b[1] - a[1]).map(([language]) => language);
}

/**
 * Runs of paragraphs in one language. A paragraph detection cannot name (a heading, a number, a name) belongs to
 * the run before it, or before any, to the first named one: short lines are never a language of their own.
 */
export function sourceRuns(paragraphs: readonly ParagraphLanguage[]): SourceRun[] {
  const runs: SourceRun[] = [];
  let pendingStart: number | null = null;
  for (const paragraph of paragraphs) {
    const last = runs.at(-1);
    const language = paragraph.language ?? last?.language;
    if (!language) {
      pendingStart ??= paragraph.start;
      continue;
    }
    if (last?.language === language) last.end = paragraph.end;
    else runs.push({ language, start: pendingStart ?? paragraph.start, end: paragraph.end });
    pendingStart = null;
  }
  return runs;
}

/**
 * The language of a text, paragraph by paragraph: a text whose paragraphs are in different languages (a letter
 * quoting an English clause in a Spanish contract) is mixed, and each run is translated from its own language.
 */
export function detectSource(model: LanguageModel, text: string): DetectedSource {
  const paragraphs = detectParagraphs(model, text).map((paragraph) => ({
    ...paragraph,
    language: paragraph.long ? paragraph.language : null,
  }));
  const languages = languagesByShare(paragraphs);
  const [main] = languages;
  if (main === undefined || languages.length === 1) {
    const guess = detectLanguage(model, text);
    return { guess, languages: guess.language ? [guess.language] : [], runs: [] };
  }
  const confidence = Math.max(...paragraphs.filter((p) => p.language === main).map((p) => p.confidence));
  return { guess: { language: main, best: main, confidence }, languages, runs: sourceRuns(paragraphs) };
}

/**
 * The language of each paragraph of a document; one detection cannot name, or too short to say alone, takes the language of the paragraph
 * before it, or `main` at the start.
 */
export function paragraphLanguages(
  model: LanguageModel,
  paragraphs: readonly string[],
  main: string,
): string[] {
  let previous = main;
  return paragraphs.map(
    (paragraph) => (previous = ownLanguage(paragraph, detectLanguage(model, paragraph).language) ?? previous),
  );
}
