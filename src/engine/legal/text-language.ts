/**
 * Which language a document is written in, from its commonest short words: enough to pick a tagging model
 * trained on that language (a full language identifier would be a model of its own, for a choice among a few).
 */

const FUNCTION_WORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'you', 'your', 'is', 'that', 'in', 'for', 'or', 'we', 'with', 'any'],
  de: ['der', 'die', 'und', 'das', 'sie', 'ihr', 'nicht', 'mit', 'den', 'ist', 'wir', 'oder', 'zu', 'für'],
  it: ['il', 'di', 'che', 'la', 'per', 'non', 'le', 'della', 'del', 'sono', 'con', 'gli', 'o', 'questi'],
  pl: ['i', 'w', 'na', 'z', 'nie', 'do', 'się', 'że', 'jest', 'lub', 'przez', 'od', 'oraz', 'dla'],
  es: ['el', 'los', 'que', 'de', 'y', 'en', 'las', 'por', 'del', 'para', 'con', 'una', 'su', 'o'],
  fr: ['le', 'les', 'des', 'et', 'de', 'la', 'vous', 'est', 'pour', 'dans', 'que', 'du', 'une', 'ou'],
};
const SETS = Object.entries(FUNCTION_WORDS).map(([language, words]) => [language, new Set(words)] as const);
/** Words read: the start of a document says its language as well as the whole. */
const SAMPLE_WORDS = 2000;
/** Below this share of function words, or this lead over the runner-up, the text is not clearly any of them. */
const MIN_SHARE = 0.08;
const MIN_LEAD = 1.5;

export function guessLanguage(text: string): string | undefined {
  const words = (text.toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, SAMPLE_WORDS);
  if (words.length < 5) return undefined;
  const counts = SETS.map(([language, set]) => ({
    language,
    hits: words.reduce((sum, word) => sum + (set.has(word) ? 1 : 0), 0),
  })).sort((a, b) => b.hits - a.hits);
  const [best, second] = counts;
  if (!best || best.hits / words.length < MIN_SHARE) return undefined;
  if (second && second.hits > 0 && best.hits / second.hits < MIN_LEAD) return undefined;
  return best.language;
}

/**
 * The language of each line of a text read line by line (one sentence per line): a line's own guess where its
 * words are clear, else the language most of the other lines are in (a short line takes its document's).
 */
export function guessLineLanguages(lines: readonly string[]): (string | undefined)[] {
  const own = lines.map((line) => guessLanguage(line));
  const votes = new Map<string, number>();
  for (const language of own) if (language) votes.set(language, (votes.get(language) ?? 0) + 1);
  const [majority] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [guessLanguage(lines.join('\n'))];
  return own.map((language) => language ?? majority);
}
