import { wordCount } from '../engine/translate/segment';

/** Below this many source words a short translation is normal; above it, length says whether text went missing. */
const MIN_CHECKED_WORDS = 40;
/**
 * Translations run between about two thirds and one and a half times their source's words for every pair shipped
 * (Chinese counted at one and a half characters a word); under a quarter, part of the line was not translated.
 */
const MIN_WORD_RATIO = 0.25;

export interface ShortLine {
  /** 1-based, as editors number lines. */
  line: number;
  sourceWords: number;
  translatedWords: number;
}

/** The line's numbers and word counts when its translation is far shorter than it, else undefined. */
export function shortTranslation(line: number, source: string, translation: string): ShortLine | undefined {
  const sourceWords = wordCount(source);
  if (sourceWords < MIN_CHECKED_WORDS) return undefined;
  const translatedWords = wordCount(translation);
  return translatedWords < sourceWords * MIN_WORD_RATIO ? { line, sourceWords, translatedWords } : undefined;
}

/** What stderr says (after "lexlet: ") when any translation came back short. */
export function shortLinesMessage(lines: readonly ShortLine[]): string {
  const first = lines[0];
  if (!first) return '';
  const more = lines.length > 1 ? ` and ${lines.length - 1} more line(s)` : '';
  return (
    `The translation of line ${first.line} (${first.sourceWords} words) has only ` +
    `${first.translatedWords} words${more}; part of the text may be missing.`
  );
}
