/**
 * Articles around a glossary term written into a translation. The model translates "pay the Licensor" with a
 * stand-in name ("pagará a Tom", "pagará al Tom"), and the user's term may bring its own article ("el Licenciante"),
 * so the words meeting at the term can break rules the model would have kept: Spanish "a el" and "de el" must be
 * "al" and "del", French "de le", "à le", "de les", "à les" must be "du", "au", "des", "aux", a Spanish or French
 * term's own article replaces the one the model wrote ("de la el Licenciante" → "del Licenciante"), and in any of
 * these languages the same article is not written twice ("Der der Lizenzgeber"). Only the words right before a
 * term are touched. A capitalised article is part of a name ("de El Salvador") and never contracted.
 */

import { language } from '../script';

interface ArticleRules {
  /** Preposition, then article, to their contraction. */
  contractions: Record<string, Record<string, string>>;
  /** Definite articles, lower case. */
  articles: readonly string[];
  /**
   * Whether a term's own article stands for any article the model wrote before it: in Spanish and French the
   * model chose it for the stand-in's gender ("la Mary"). German articles also carry the sentence's case, and
   * English has one, so there only the same article twice is written once.
   */
  replaces: boolean;
}

const RULES: Record<string, ArticleRules> = {
  es: {
    contractions: { a: { el: 'al' }, de: { el: 'del' } },
    articles: ['el', 'la', 'los', 'las'],
    replaces: true,
  },
  fr: {
    contractions: { de: { le: 'du', les: 'des' }, à: { le: 'au', les: 'aux' } },
    articles: ['le', 'la', 'les'],
    replaces: true,
  },
  de: {
    contractions: {},
    articles: ['der', 'die', 'das', 'den', 'dem', 'des'],
    replaces: false,
  },
  en: { contractions: {}, articles: ['the'], replaces: false },
};

/** The last word of `text` when only spaces follow it: its start and its text. */
const LAST_WORD = /(?<![\p{L}\p{M}])([\p{L}\p{M}]+)\s+$/u;
/** The first word of a term when a space follows it. */
const FIRST_WORD = /^([\p{L}\p{M}]+)\s+/u;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
/** `word` with the case of `like`'s first letter. */
const caseOf = (like: string, word: string) => (/^\p{Lu}/u.test(like) ? upperFirst(word) : word);

/** A term as written into a translation: its first letter in either case (fitted to its place), whole words. */
function occurrences(text: string, term: string): { start: number; end: number }[] {
  const first = term.charAt(0);
  const head = `[${escape(first.toLocaleLowerCase())}${escape(first.toLocaleUpperCase())}]`;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{M}\\p{N}])${head}${escape(term.slice(1))}(?![\\p{L}\\p{M}\\p{N}])`,
    'gu',
  );
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** A contraction back to its preposition: "del" → "de", "aux" → "à". */
function prepositionOf(rules: ArticleRules, word: string): string | undefined {
  return Object.keys(rules.contractions).find((preposition) =>
    Object.values(rules.contractions[preposition] ?? {}).includes(word),
  );
}

/** `before` (the text up to a term) and the term's occurrence, with the words where they meet set right. */
function meet(before: string, term: string, rules: ArticleRules): [string, string] {
  const { articles, contractions } = rules;
  const last = LAST_WORD.exec(before);
  if (!last) return [before, term];
  const previous = last[1] as string;
  const lowered = previous.toLocaleLowerCase();
  const head = before.slice(0, last.index);
  const space = before.slice(last.index + previous.length);
  const termArticle = FIRST_WORD.exec(term)?.[1];
  if (termArticle === undefined || !articles.includes(termArticle)) {
    // "a el Licenciante", the article the model's: contracted with the preposition before it.
    const preposition = articles.includes(previous) ? LAST_WORD.exec(head) : null;
    const merged = preposition
      ? contractions[(preposition[1] as string).toLocaleLowerCase()]?.[previous]
      : undefined;
    if (!preposition || !merged) return [before, term];
    return [head.slice(0, preposition.index) + caseOf(preposition[1] as string, merged) + space, term];
  }
  const rest = term.slice(termArticle.length);
  // "el el Licenciante", "de la el Licenciante": the article once, the term's, as the sentence cased it.
  if (lowered === termArticle || (rules.replaces && articles.includes(lowered)))
    return meet(head, caseOf(previous, termArticle) + rest, rules);
  // "al el Licenciante", "des la Partie": the contraction's article is the term's, so it is undone first.
  const preposition = prepositionOf(rules, lowered);
  if (preposition) return meet(head + caseOf(previous, preposition) + space, term, rules);
  // "a el Licenciante": the preposition contracted with the term's article.
  const merged = contractions[lowered]?.[termArticle];
  return merged ? [head, caseOf(previous, merged) + rest] : [before, term];
}

/**
 * `translation` with the articles before each of `terms` (the user's target terms, as the glossary wrote them)
 * contracted as the target language requires; unchanged for a language without such contractions.
 */
export function contractArticles(
  translation: string,
  terms: readonly string[],
  locale: string | undefined,
): string {
  const rules = RULES[language(locale)];
  if (!rules) return translation;
  const spans = [...new Set(terms.map((term) => term.trim()).filter(Boolean))]
    .flatMap((term) => occurrences(translation, term))
    .sort((a, b) => b.start - a.start);
  let out = translation;
  let limit = out.length;
  // From the end, so the spans still to look at keep their offsets.
  for (const { start, end } of spans) {
    if (end > limit) continue; // inside a longer term already seen
    const [before, term] = meet(out.slice(0, start), out.slice(start, end), rules);
    // A term met at the words just changed is not looked at again.
    let same = 0;
    while (same < before.length && before[same] === out[same]) same++;
    out = before + term + out.slice(end);
    limit = same;
  }
  return out;
}

/** Whether `contractArticles` has rules for a language. */
export function contractsArticles(locale: string | undefined): boolean {
  return language(locale) in RULES;
}
