/**
 * Names in translation. A small model trained on everyday sentences knows few names: "Stanford" or "Merkel"
 * come out as invented words ("la Unión Europea", "Señorategia"). It copies the names it saw in training
 * ("Tom", "Mary") faithfully, so a sentence whose translation lost a rare name is translated again with such
 * names standing in, and the real names put back.
 */

import { language, writesLatinNames } from './script';

/** Source languages whose capital letters mark names (German capitalises every noun, Chinese has no case). */
const NAME_CASE_LANGUAGES = new Set(['en', 'es', 'fr', 'it', 'pt', 'ca']);

/** Lower-case words that may sit inside a name: "School of Medicine", "Universidad de Salamanca". */
const CONNECTORS = new Set(['of', 'de', 'del', 'da', 'di', 'du', 'des', 'la', 'le', 'von', 'van', 'der']);

/** Names the models copy unchanged (frequent in their training data), one per name in a sentence. */
export const STAND_INS = ['Tom', 'Mary', 'John', 'Alice'] as const;
export type StandIn = (typeof STAND_INS)[number];

/**
 * How a language not written in Latin letters renders the stand-ins its models know: the Chinese models learnt
 * Tatoeba's Tom and Mary as 汤姆 and 玛丽 (so written in 94% of its pairs with either), John and Alice hardly at all.
 * The real name comes back in Latin letters, as names without a settled rendering are written in Chinese text.
 */
export const RENDERED_STAND_INS: Record<string, Partial<Record<StandIn, string>>> = {
  zh: { Tom: '汤姆', Mary: '玛丽' },
};

/** Whether lost names can be put back in a translation into `locale`. */
export function repairsNames(locale: string | undefined): boolean {
  return writesLatinNames(locale) || language(locale) in RENDERED_STAND_INS;
}

/** Tokens a word takes in the model's vocabulary: many tokens mean the model rarely or never saw it. */
export type CountPieces = (words: readonly string[]) => Promise<number[]>;

/** A word is rare when it and its lower-case form each take at least this many tokens. */
const RARE_PIECES = 3;

// Apostrophes split words: "Tom's" is the name Tom, "I'll" no name at all, "d'Ankara" the name Ankara.
const WORD = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu;

/** English capitalises these, the languages it is translated into mostly do not; the models know them. */
const CALENDAR = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december'
  ).split(' '),
);
const TITLE_CASE = /^\p{Lu}(?=.*\p{Ll})/u;

export interface NameRun {
  /** The name as written in the sentence. */
  text: string;
  /** Its words of title case that the model rarely saw. */
  rare: string[];
  /** Whether the translation must keep the words as written (a Latin name in Chinese text), not a cognate. */
  verbatim?: boolean;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

export function usesNameCase(locale: string | undefined): boolean {
  return NAME_CASE_LANGUAGES.has(language(locale));
}

/** Runs of title-case words (with connectors between them), a lone sentence-initial word excepted. */
export function candidateRuns(sentence: string): Word[][] {
  const words: Word[] = [...sentence.matchAll(WORD)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const runs: Word[][] = [];
  let run: Word[] = [];
  const close = () => {
    while (run.length > 0 && !TITLE_CASE.test((run[run.length - 1] as Word).text)) run.pop();
    const initialAlone = run.length === 1 && run[0] === words[0];
    if (run.length > 0 && !initialAlone) runs.push(run);
    run = [];
  };
  words.forEach((word, i) => {
    const previous = words[i - 1];
    const adjacent = previous !== undefined && /^\s+$/u.test(sentence.slice(previous.end, word.start));
    if (run.length > 0 && !adjacent) close();
    if (TITLE_CASE.test(word.text)) run.push(word);
    else if (run.length > 0 && CONNECTORS.has(word.text)) run.push(word);
    else close();
  });
  close();
  return runs;
}

/** Title-case words in Latin letters, with only spaces between the words of one name: "Andrea", "Ken Watanabe". */
const LATIN_NAME = /\p{Lu}\p{Ll}[\p{Script=Latin}\p{M}]*(?:[ -]\p{Lu}\p{Ll}[\p{Script=Latin}\p{M}]*)*/gu;

/**
 * The names a sentence in another script writes in Latin letters ("我叫Andrea。", "Facebook在中國…"): a model of
 * that language saw few such words, and each is carried over as written, frequent or not. All-capitals words
 * (OK, USB) and lower-case ones are left to the model.
 */
function latinNames(sentence: string): NameRun[] {
  const runs = [...sentence.matchAll(LATIN_NAME)]
    .filter((m) => !/[\p{Script=Latin}\p{M}]/u.test(sentence.charAt(m.index - 1)))
    .map((m) => m[0]);
  return [...new Set(runs)].map((text) => ({ text, rare: text.split(/[ -]/u), verbatim: true }));
}

/**
 * The names of a sentence that hold at least one rare word, in order; for a language written in another script,
 * the names it writes in Latin letters; none for the other languages without name case (German).
 */
export async function findNames(
  sentence: string,
  locale: string | undefined,
  countPieces: CountPieces,
): Promise<NameRun[]> {
  if (!usesNameCase(locale)) return writesLatinNames(locale) ? [] : latinNames(sentence);
  const runs = candidateRuns(sentence);
  const titled = [...new Set(runs.flat().map((w) => w.text))].filter(
    (w) => TITLE_CASE.test(w) && w.length >= 4 && !CALENDAR.has(w.toLowerCase()),
  );
  if (titled.length === 0) return [];
  const counts = await countPieces([...titled, ...titled.map((w) => w.toLowerCase())]);
  const rare = new Set(
    titled.filter(
      (_, i) => (counts[i] ?? 0) >= RARE_PIECES && (counts[i + titled.length] ?? 0) >= RARE_PIECES,
    ),
  );
  return runs.flatMap((run) => {
    const words = run.filter((w) => rare.has(w.text)).map((w) => w.text);
    if (words.length === 0) return [];
    const first = run[0] as Word;
    const last = run[run.length - 1] as Word;
    return [{ text: sentence.slice(first.start, last.end), rare: words }];
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
// Only Latin letters continue a Latin word: "Tom" stands alone in "和Tom去" as in "with Tom".
export const wholeWord = (word: string) =>
  new RegExp(`(?<![\\p{Script=Latin}\\p{M}])${escape(word)}(?![\\p{Script=Latin}\\p{M}])`, 'gu');

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Letters a translated word must share with the start of a rare name word to count as its rendering. */
const SHARED_START = 2;

/**
 * The names whose rare words do not all show up in the translation as a word with the same first letters (case
 * and accents aside): neither kept verbatim nor rendered as a cognate (Council → Consejo, Finnish → finlandés).
 * A `verbatim` name must be there as written.
 */
export function lostNames(names: readonly NameRun[], translation: string): NameRun[] {
  const starts = new Set([...translation.matchAll(WORD)].map((m) => fold(m[0]).slice(0, SHARED_START)));
  return names.filter(
    (name) =>
      !name.rare.every((word) =>
        name.verbatim ? wholeWord(word).test(translation) : starts.has(fold(word).slice(0, SHARED_START)),
      ),
  );
}

export interface MaskedNames {
  /** The sentence with each name replaced by a stand-in it does not use. */
  masked: string;
  /** The translation of `masked` with the names put back, or undefined when a stand-in did not survive once. */
  restore(translation: string): string | undefined;
}

/** A stand-in in a translation: as written in the source, or as the target language renders it. */
export const standInPattern = (stand: StandIn, rendered: string | undefined) =>
  rendered ? new RegExp(`${wholeWord(stand).source}|${escape(rendered)}`, 'gu') : wholeWord(stand);

/**
 * `sentence` with each name replaced by a stand-in it does not use, written as the source language's model knows
 * it (汤姆 in a Chinese sentence), and how to put the names back into the translation.
 */
export function maskNames(
  sentence: string,
  names: readonly NameRun[],
  targetLocale?: string,
  sourceLocale?: string,
): MaskedNames | undefined {
  const distinct = [...new Set(names.map((n) => n.text))];
  const renderings = RENDERED_STAND_INS[language(targetLocale)];
  const sourceRenderings = RENDERED_STAND_INS[language(sourceLocale)];
  const written = (stand: StandIn) => sourceRenderings?.[stand] ?? stand;
  const writtenPattern = (stand: StandIn) =>
    sourceRenderings ? new RegExp(escape(written(stand)), 'gu') : wholeWord(stand);
  const free = STAND_INS.filter(
    (s) =>
      !wholeWord(s).test(sentence) &&
      (renderings === undefined || s in renderings) &&
      (sourceRenderings === undefined || (s in sourceRenderings && !sentence.includes(written(s)))),
  );
  if (distinct.length === 0 || distinct.length > free.length) return undefined;
  // Longest first, so a name inside a longer one is not replaced first.
  const order = [...distinct].sort((a, b) => b.length - a.length);
  const standIn = new Map(order.map((name, i) => [name, free[i] as StandIn]));
  let masked = sentence;
  for (const name of order) masked = masked.replace(wholeWord(name), written(standIn.get(name) as StandIn));
  return {
    masked,
    restore(translation) {
      let restored = translation;
      for (const [name, stand] of standIn) {
        const found = standInPattern(stand, renderings?.[stand]);
        if ((translation.match(found) ?? []).length !== (masked.match(writtenPattern(stand)) ?? []).length)
          return undefined;
        restored = restored.replace(found, () => name);
      }
      return restored;
    },
  };
}
