/**
 * Numbers in translation. Small models drop, round or invent digits ("1987" → "1988"), and a changed amount or
 * date is the worst error a contract translation can make, so the engine checks every translation for its
 * source's numbers and repairs the ones that lost any.
 */

/** Digit runs with their separators: "1,250.50", "10:30", "2024-05-01". */
export const NUMBER_PATTERN = /\p{Nd}+(?:[.,:/-]\p{Nd}+)*/gu;
const SEPARATORS = /[.,:/-]/gu;
/**
 * A number with the short unit or suffix written onto it ("2,16mt", "10km", "5th", "1990s"), which goes with it.
 * Only alphabets write units that way: in Chinese or Japanese the characters after a number are words of the
 * sentence ("7岁大了", "2个孩子"), to be translated, not copied.
 */
export const NUMBER_WITH_UNIT =
  /\p{Nd}+(?:[.,:/-]\p{Nd}+)*(?:[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]{1,3}(?!\p{L}))?/gu;

/**
 * The numbers of a text as their digit groups, sorted: a translation must carry the same ones. Which separator
 * joins the groups is free (1,250.50 ↔ 1.250,50; 10:30 ↔ 10.30), where the groups split is not (2.5 ≠ 25).
 */
export function numbersOf(text: string): string[] {
  return [...text.matchAll(NUMBER_PATTERN)].map((m) => m[0].replace(SEPARATORS, '|')).sort();
}

/** True when `translation` has exactly the numbers of `source` (the separators between digit groups aside). */
export function keepsNumbers(source: string, translation: string): boolean {
  const a = numbersOf(source);
  const b = numbersOf(translation);
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

export interface MaskedNumbers {
  /** The sentence with each number replaced by a distinct one-digit stand-in. */
  masked: string;
  /** The translation of `masked` with the numbers put back, or undefined when the stand-ins did not survive. */
  restore(translation: string): string | undefined;
}

/**
 * One-digit numbers are what these models copy reliably, so each number of the sentence is swapped for a digit
 * the sentence does not use; the translation must then hold each stand-in exactly once. Undefined when the
 * sentence has more numbers than free digits.
 */
export function maskNumbers(sentence: string): MaskedNumbers | undefined {
  const numbers = [...sentence.matchAll(NUMBER_PATTERN)].map((m) => m[0]);
  const free = [...'123456789'].filter((digit) => !sentence.includes(digit));
  if (numbers.length === 0 || numbers.length > free.length) return undefined;
  let next = 0;
  const masked = sentence.replace(NUMBER_PATTERN, () => free[next++] as string);
  const original = new Map(numbers.map((number, i) => [free[i] as string, number]));
  return {
    masked,
    restore(translation) {
      const found = [...translation.matchAll(NUMBER_PATTERN)].map((m) => m[0]);
      const distinct = new Set(found);
      if (found.length !== numbers.length || distinct.size !== found.length) return undefined;
      if (!found.every((digit) => original.has(digit))) return undefined;
      return translation.replace(NUMBER_PATTERN, (digit) => original.get(digit) as string);
    },
  };
}
