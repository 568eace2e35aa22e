import { language } from './script';

/**
 * Words that open a clause of their own: conjunctions and relative words before which a long sentence with no
 * comma can be cut for a model trained on short sentences ("…review the proposal next week | and publish its
 * findings in March."). Only unambiguous openers: Spanish "que" or French "qui" start too many phrases that
 * are not clauses. Alternatives are separated by "|" and matched lower case, as whole words.
 */
const OPENERS: Record<string, string> = {
  en: 'and|but|because|which|while|although|whereas|who|where|so that|in order to',
  es: 'y|pero|porque|mientras|aunque|donde|cuando|ya que|para que|sino',
  fr: 'et|mais|car|parce que|tandis que|alors que|bien que|lorsque|afin de|afin que|où',
  de: 'und|aber|weil|während|obwohl|denn|sondern|damit|wobei',
};

const patterns = new Map<string, RegExp | undefined>();

/** The whitespace before each clause opener of the language (lower case, followed by a space), or undefined. */
export function clauseOpenerPattern(locale: string | undefined): RegExp | undefined {
  const lang = language(locale);
  if (!patterns.has(lang)) {
    const words = OPENERS[lang];
    patterns.set(lang, words ? new RegExp(`\\s+(?=(?:${words})\\s)`, 'gu') : undefined);
  }
  return patterns.get(lang);
}

const starts = new Map<string, RegExp | undefined>();

/** Whether `text` begins with a clause opener of the language ("and I make…"): a clause that leans on another. */
export function startsWithClauseOpener(text: string, locale: string | undefined): boolean {
  const lang = language(locale);
  if (!starts.has(lang)) {
    const words = OPENERS[lang];
    starts.set(lang, words ? new RegExp(`^(?:${words})\\s`, 'iu') : undefined);
  }
  return starts.get(lang)?.test(text.trimStart()) ?? false;
}
