/**
 * How a language's script shapes the text around translated sentences. Chinese and Japanese put no space between
 * sentences or clauses and use full-width punctuation; a translation into them keeps the source's spaces out, and
 * one out of them puts the spaces in. Names written in another script cannot be checked letter by letter.
 */

const UNSPACED = new Set(['zh', 'ja']);
const NOT_LATIN = new Set(['zh', 'ja', 'ko', 'ru', 'uk', 'bg', 'sr', 'el', 'ar', 'he', 'fa', 'hi', 'th']);

/** The language part of a locale: `zh` of `zh-CN` or `zh_TW`. */
export function language(locale: string | undefined): string {
  return locale?.toLowerCase().split(/[-_]/u)[0] ?? '';
}

/** Whether sentences (and clauses) of the language are separated by spaces. */
export function spacesSentences(locale: string | undefined): boolean {
  return !UNSPACED.has(language(locale));
}

/** Whether the language writes names in Latin letters, so a source name can be looked for in a translation. */
export function writesLatinNames(locale: string | undefined): boolean {
  return !NOT_LATIN.has(language(locale));
}

/** Ends in a CJK ideograph, kana or full-width punctuation mark: nothing spaces it from what follows. */
export const ENDS_UNSPACED = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]$/u;
/** Starts with one: nothing spaces it from what comes before. */
export const STARTS_UNSPACED = /^[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：' };
const HALF_WIDTH: Record<string, string> = { '，': ',', '；': ';', '：': ':' };

/** A clause mark as the language writes it: full width in Chinese and Japanese, half width elsewhere. */
export function clauseMark(mark: string, locale: string | undefined): string {
  return (spacesSentences(locale) ? HALF_WIDTH : FULL_WIDTH)[mark] ?? mark;
}
