/**
 * Number words beside their digits. Contracts write "sixty (60) days"; a small model keeps the digits and garbles
 * the word ("seis (60) días", "Sexty (60) días", "uno cien ocho (180) días"). Where the source has a number word
 * right before a parenthesised number, the words right before the same number in parentheses in the translation
 * are checked against the target language's words for it, and replaced when they are a wrong number word, the
 * source's word copied, a near miss of either, or the digits again ("60 (60)"). Anything else before the
 * parenthesis (a noun the model moved there) is left alone: nothing is written where no number word was.
 */

import { opensSentence } from './glossary/term-case';
import {
  MAX_WORDED,
  NUMBER_WORD_LANGUAGES,
  cardinal,
  compact,
  isNumberConnector,
  isNumberWord,
} from './number-words';
import { language } from './script';

/** A whole number in parentheses, half or full width, with thousands separators: "(60)", "（60）", "(2,000)". */
const IN_PARENTHESES = /[(（]\s*(\p{Nd}{1,3}(?:[.,\u00a0\u202f ]\p{Nd}{3})+|\p{Nd}+)\s*[)）]/gu;
/** Words in Latin letters ("sixty-one" is two, so a garbled half is found), or digits. */
const TOKEN = /[\p{Script=Latin}\p{M}]+|\p{Nd}+(?:[.,]\p{Nd}{3})*/gu;
/** What may sit between the words of one number: spaces and hyphens ("sixty-one", "treinta y uno"). */
const INSIDE_NUMBER = /^[\s\u00a0-]*$/u;
const CHINESE_RUN = /[零〇一二两三四五六七八九十百千万]+$/u;

const valueOf = (digits: string) => Number(digits.replace(/\D/gu, ''));

/** How the source wrote a number word before its digits. */
interface SourceWord {
  text: string;
  start: number;
  lang: string;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** The last words of `before` (up to `max`), read back while only spaces and hyphens separate them from the end. */
function trailingWords(before: string, max: number): Word[] {
  const words = [...before.matchAll(TOKEN)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const out: Word[] = [];
  let end = before.length;
  for (let i = words.length - 1; i >= 0 && out.length < max; i--) {
    const word = words[i] as Word;
    if (!INSIDE_NUMBER.test(before.slice(word.end, end))) break;
    out.unshift(word);
    end = word.start;
  }
  return out;
}

/** Whether `text` ends with one of a cardinal's forms, taken over whole words (or characters for Chinese). */
function endsWithForm(before: string, value: number, lang: string): SourceWord | undefined {
  const forms = new Set(cardinal(value, lang)?.forms ?? []);
  if (forms.size === 0) return undefined;
  const trimmed = before.trimEnd();
  if (lang === 'zh') {
    const run = CHINESE_RUN.exec(trimmed)?.[0] ?? '';
    for (let length = run.length; length > 0; length--) {
      const text = run.slice(run.length - length);
      if (forms.has(text)) return { text, start: trimmed.length - length, lang };
    }
    return undefined;
  }
  const words = trailingWords(trimmed, 8);
  for (let i = words.length - 1; i >= 0; i--) {
    const start = (words[i] as Word).start;
    const text = trimmed.slice(start);
    if (forms.has(compact(text))) return { text, start, lang };
  }
  return undefined;
}

/**
 * The number words the source writes right before each parenthesised value, by value; a value also written in
 * parentheses without its words is left out (which of its places in the translation had a word is unknown).
 */
function sourceWords(source: string, sourceLocale: string | undefined): Map<number, SourceWord> {
  const lang = language(sourceLocale);
  const langs = (NUMBER_WORD_LANGUAGES as readonly string[]).includes(lang) ? [lang] : NUMBER_WORD_LANGUAGES;
  const found = new Map<number, SourceWord>();
  const bare = new Set<number>();
  for (const m of source.matchAll(IN_PARENTHESES)) {
    const value = valueOf(m[1] as string);
    if (value >= MAX_WORDED) continue;
    const before = source.slice(0, m.index);
    const word = langs.map((l) => endsWithForm(before, value, l)).find((w) => w !== undefined);
    if (word) found.set(value, found.get(value) ?? word);
    else bare.add(value);
  }
  for (const value of bare) found.delete(value);
  return found;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(
        Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost),
      );
    }
    previous = row;
  }
  return previous[b.length] as number;
}

/** Shorter words are too often other words one letter away ("then" of "ten"). */
const MIN_NEAR_MISS = 4;

/** A misspelling of one of `words`: at most one letter in three changed ("Sexty" of "sixty", "milles" of "mille"). */
function nearMiss(word: string, words: readonly string[]): boolean {
  const letters = compact(word);
  if (letters.length < MIN_NEAR_MISS) return false;
  return words.some(
    (other) => other.length >= MIN_NEAR_MISS && editDistance(letters, other) <= Math.floor(other.length / 3),
  );
}

const wordsOf = (text: string) =>
  text
    .split(/[\s-]+/u)
    .map(compact)
    .filter(Boolean);

/** The span of the translation's number words for `value` right before `at` (its parenthesis), if any. */
function slotBefore(
  translation: string,
  at: number,
  value: number,
  expected: string,
  source: SourceWord,
  targetLang: string,
): { start: number; end: number } | undefined {
  const before = translation.slice(0, at);
  const trimmed = before.trimEnd();
  if (targetLang === 'zh') {
    const run = CHINESE_RUN.exec(trimmed)?.[0];
    // A run much longer than the number is more than its number ("两千千千千千千千万"): too unsure to rewrite.
    if (run)
      return run.length <= expected.length + 2
        ? { start: trimmed.length - run.length, end: trimmed.length }
        : undefined;
  }
  const known = [...wordsOf(expected), ...wordsOf(source.text)];
  // Room for a garbled number a word or two longer than either ("vingt-cinq" for "cinq").
  const max = Math.max(wordsOf(expected).length, wordsOf(source.text).length) + 2;
  const words = trailingWords(trimmed, max);
  // The digits once more in place of the word: "60 (60)".
  const last = words[words.length - 1];
  if (last && /^\p{Nd}/u.test(last.text)) return valueOf(last.text) === value ? last : undefined;
  const isPart = (word: Word) =>
    isNumberWord(word.text, targetLang) || isNumberWord(word.text, source.lang) || nearMiss(word.text, known);
  let first = words.length;
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i] as Word;
    const joins = isNumberConnector(word.text, targetLang) || isNumberConnector(word.text, source.lang);
    if (isPart(word)) first = i;
    else if (!joins || i === words.length - 1) break;
  }
  const slot = words.slice(first);
  if (slot.length === 0) return undefined;
  return { start: (slot[0] as Word).start, end: (slot[slot.length - 1] as Word).end };
}

const CHINESE_RUNS = /[零〇一二两三四五六七八九十百千万]+/gu;

/**
 * The number phrases of a text in the target language: longest runs of its number words, with only spaces,
 * hyphens and joining words ("y", "and") between them, as compact letters and where each ends.
 */
function numberPhrases(text: string, targetLang: string): { letters: string; end: number }[] {
  if (targetLang === 'zh')
    return [...text.matchAll(CHINESE_RUNS)].map((m) => ({ letters: m[0], end: m.index + m[0].length }));
  const phrases: { letters: string; end: number }[] = [];
  let run: Word[] = [];
  const close = () => {
    while (run.length > 0 && !isNumberWord((run[run.length - 1] as Word).text, targetLang)) run.pop();
    if (run.length > 0) {
      const last = run[run.length - 1] as Word;
      phrases.push({ letters: compact(text.slice((run[0] as Word).start, last.end)), end: last.end });
    }
    run = [];
  };
  for (const m of text.matchAll(TOKEN)) {
    const word = { text: m[0], start: m.index, end: m.index + m[0].length };
    const previous = run[run.length - 1];
    if (previous && !INSIDE_NUMBER.test(text.slice(previous.end, word.start))) close();
    if (isNumberWord(word.text, targetLang)) run.push(word);
    else if (run.length > 0 && isNumberConnector(word.text, targetLang)) run.push(word);
    else close();
  }
  close();
  return phrases;
}

const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** The target words cased as the sentence needs: capital at its start; the source's capitals or all caps kept. */
function cased(words: string, translation: string, at: number, source: string, word: SourceWord): string {
  const letters = word.text.replace(/[^\p{L}]/gu, '');
  const allCaps =
    letters.length > 1 && letters === letters.toLocaleUpperCase() && letters !== letters.toLocaleLowerCase();
  if (allCaps) return words.toLocaleUpperCase();
  if (opensSentence(translation, at)) return upperFirst(words);
  if (/^\p{Lu}/u.test(word.text) && !opensSentence(source, word.start)) return upperFirst(words);
  return words;
}

export interface NumberWordLocales {
  sourceLocale?: string;
  targetLocale?: string;
}

/** Whether `source` writes a number word beside digits in parentheses, which `fixNumberWords` then checks. */
export function hasNumberWords(source: string, locales: NumberWordLocales): boolean {
  if (!(NUMBER_WORD_LANGUAGES as readonly string[]).includes(language(locales.targetLocale))) return false;
  return sourceWords(source, locales.sourceLocale).size > 0;
}

/** `translation` with the number words before its parenthesised numbers made those of the source's values. */
export function fixNumberWords(source: string, translation: string, locales: NumberWordLocales): string {
  const targetLang = language(locales.targetLocale);
  if (!(NUMBER_WORD_LANGUAGES as readonly string[]).includes(targetLang)) return translation;
  const words = sourceWords(source, locales.sourceLocale);
  if (words.size === 0) return translation;
  const places = [...translation.matchAll(IN_PARENTHESES)];
  const timesIn = (value: number) => places.filter((m) => valueOf(m[1] as string) === value).length;
  const phrases = numberPhrases(translation, targetLang);
  let out = translation;
  // From the end, so the places still to fix keep their offsets.
  for (const m of places.reverse()) {
    const value = valueOf(m[1] as string);
    const word = words.get(value);
    const card = cardinal(value, targetLang);
    if (!word || card?.written === undefined) continue;
    const forms = new Set(card.forms);
    const before = out.slice(0, m.index).trimEnd();
    if (numberPhrases(before, targetLang).some((p) => p.end === before.length && forms.has(p.letters)))
      continue;
    // The right word elsewhere: the model moved the digits away from it ("cinq pour cent (5)"), nothing to fix.
    if (phrases.filter((p) => forms.has(p.letters)).length >= timesIn(value)) continue;
    const slot = slotBefore(out, m.index, value, card.written, word, targetLang);
    if (!slot) continue;
    const written = cased(card.written, out, slot.start, source, word);
    out = out.slice(0, slot.start) + written + out.slice(slot.end);
  }
  return out;
}
