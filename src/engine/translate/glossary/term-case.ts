/** Only spaces, punctuation and symbols before a position: a word there opens its sentence ("¿", "«", "1."). */
const OPENING = /^[\s\p{P}\p{S}\p{N}]*$/u;

export function opensSentence(text: string, index: number): boolean {
  return OPENING.test(text.slice(0, index));
}

/** "EU", "GDPR": a capital that is not a sentence's or a name's, never lowered. */
const ACRONYM = /^\p{Lu}{2}/u;

const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase() + text.slice(1);

/** Articles a term may open with ("el Licenciante", "the Licensee"): its case is that of the word after them. */
const ARTICLES: Record<string, readonly string[]> = {
  en: ['the', 'a', 'an'],
  es: ['el', 'la', 'los', 'las', 'un', 'una', 'unos', 'unas'],
  fr: ['le', 'la', 'les', "l'", 'l’', 'un', 'une', 'des'],
  de: ['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines'],
};

export function articlesOf(lang: string): readonly string[] | undefined {
  return ARTICLES[lang];
}

/** The article (and the space after it) a term opens with, written in lower case; '' when none. */
function leadingArticle(text: string, articles: readonly string[] | undefined): string {
  if (!articles) return '';
  for (const article of articles) {
    const elided = /['’]$/u.test(article);
    if (!text.startsWith(article)) continue;
    const after = text.slice(article.length);
    if (elided && /^\p{L}/u.test(after)) return article;
    const space = /^\s+(?=\p{L})/u.exec(after)?.[0];
    if (!elided && space) return article + space;
  }
  return '';
}

export interface TermPlace {
  /** Whether the term opens its sentence where it is written. */
  opens: boolean;
  /** The source occurrence it stands for, unless it opened the source sentence (its capital says nothing then). */
  sourceText?: string;
  /** Whether the source language's capitals are meaningful mid-sentence (English "the Licensee" vs German nouns). */
  mirrorCase: boolean;
  /** The source language's articles: the case mirrored is that of the word after them ("the Licensee"). */
  sourceArticles?: readonly string[];
  /** The target language's articles, kept as the user wrote them mid-sentence ("el Licenciante"). */
  targetArticles?: readonly string[];
}

/**
 * The user's target term as written at its place: capitalised where it opens a sentence; mid-sentence, with the
 * first letter's case of the source occurrence where the source language's case means something ("the licensee"
 * → "el licenciatario", "the Licensee" → "el Licenciatario"); otherwise as the user wrote it. Articles at the
 * start of either are passed over: mid-sentence "el Licenciante" never becomes "El Licenciante".
 */
export function fitTermCase(target: string, place: TermPlace): string {
  if (place.opens) return upperFirst(target);
  const article = leadingArticle(target, place.targetArticles);
  if (article)
    return article + fitTermCase(target.slice(article.length), { ...place, targetArticles: undefined });
  const source = place.sourceText;
  const first = source?.charAt(leadingArticle(source, place.sourceArticles).length) ?? '';
  if (!place.mirrorCase || !first || ACRONYM.test(target)) return target;
  if (/\p{Ll}/u.test(first)) return lowerFirst(target);
  if (/\p{Lu}/u.test(first)) return upperFirst(target);
  return target;
}
