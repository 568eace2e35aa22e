/** Only spaces, punctuation and symbols before a position: a word there opens its sentence ("¿", "«", "1."). */
const OPENING = /^[\s\p{P}\p{S}\p{N}]*$/u;

export function opensSentence(text: string, index: number): boolean {
  return OPENING.test(text.slice(0, index));
}

/** "EU", "GDPR": a capital that is not a sentence's or a name's, never lowered. */
const ACRONYM = /^\p{Lu}{2}/u;

const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase() + text.slice(1);

export interface TermPlace {
  /** Whether the term opens its sentence where it is written. */
  opens: boolean;
  /** The source occurrence it stands for, unless it opened the source sentence (its capital says nothing then). */
  sourceText?: string;
  /** Whether the source language's capitals are meaningful mid-sentence (English "the Licensee" vs German nouns). */
  mirrorCase: boolean;
}

/**
 * The user's target term as written at its place: capitalised where it opens a sentence; mid-sentence, with the
 * first letter's case of the source occurrence where the source language's case means something ("the licensee"
 * → "el licenciatario", "the Licensee" → "el Licenciatario"); otherwise as the user wrote it.
 */
export function fitTermCase(target: string, place: TermPlace): string {
  if (place.opens) return upperFirst(target);
  const first = place.sourceText?.charAt(0) ?? '';
  if (!place.mirrorCase || !first || ACRONYM.test(target)) return target;
  if (/\p{Ll}/u.test(first)) return lowerFirst(target);
  if (/\p{Lu}/u.test(first)) return upperFirst(target);
  return target;
}
