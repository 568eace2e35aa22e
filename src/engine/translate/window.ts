/**
 * Text longer than a model can translate in one go (no sentence punctuation to split it at) and the check that a
 * translation did not lose part of its source: a decoder stops at the model's max_length, and a model shown far
 * more than it was trained on often ends early, so either way the tail of the text would silently go missing.
 */

/** Clause marks a cut prefers: what follows them reads as a fresh start to the model. */
const CLAUSE_MARK = /[,;:，；：、]/u;
const SPACE = /\s+/gu;

/**
 * `text` cut in two near its middle, preferring just after a clause mark, else at the space nearest the middle,
 * else (Chinese, Japanese: no spaces) at the middle character. The whitespace at the cut is the only thing left
 * out; undefined when there is nothing left to cut (one character).
 */
export function halve(text: string): [head: string, tail: string] | undefined {
  const trimmed = text.trim();
  const middle = trimmed.length / 2;
  const cuts: { at: number; end: number; clause: boolean }[] = [];
  for (const match of trimmed.matchAll(SPACE)) {
    cuts.push({ at: match.index, end: match.index + match[0].length, clause: false });
  }
  for (let index = 1; index < trimmed.length; index++) {
    if (CLAUSE_MARK.test(trimmed.charAt(index - 1)) && !/\s/u.test(trimmed.charAt(index))) {
      cuts.push({ at: index, end: index, clause: true });
    }
  }
  const distance = (cut: { at: number }) => Math.abs(cut.at - middle);
  // A clause mark wins only in the middle half: a cut at one end would leave the other half still too long.
  const central = (cut: { at: number; clause: boolean }) =>
    cut.at > trimmed.length / 4 && cut.at < (trimmed.length * 3) / 4;
  const afterMark = cuts.filter(
    (cut) => central(cut) && (cut.clause || CLAUSE_MARK.test(trimmed.charAt(cut.at - 1))),
  );
  const best = [...(afterMark.length > 0 ? afterMark : cuts)].sort((a, b) => distance(a) - distance(b))[0];
  if (best) return [trimmed.slice(0, best.at), trimmed.slice(best.end)];
  const characters = [...trimmed];
  if (characters.length < 2) return undefined;
  const half = Math.floor(characters.length / 2);
  return [characters.slice(0, half).join(''), characters.slice(half).join('')];
}

/** Below this many source tokens a short translation is normal ("Yes, of course." → "Claro."). */
const MIN_CHECKED_TOKENS = 24;
/**
 * A model's translation has about as many tokens as its source (between one half and two for the pairs shipped);
 * under a quarter means part of the source was never translated.
 */
const MIN_LENGTH_RATIO = 0.25;

export interface LengthCheck {
  sourceTokens: number;
  outputTokens: number;
  /** The most tokens the decoder was allowed for this source. */
  budget: number;
  /** The model's own limit (max_length less the start token), whatever the source's length. */
  modelLimit: number;
}

/**
 * True when a translation lost part of its source: it ran into the model's own length limit (not the guard
 * against a model that repeats itself, which scales with the source), or it is far shorter than a long source.
 */
export function lostLength({ sourceTokens, outputTokens, budget, modelLimit }: LengthCheck): boolean {
  const cutByModel = budget >= modelLimit && outputTokens >= modelLimit;
  const tooShort = sourceTokens >= MIN_CHECKED_TOKENS && outputTokens < sourceTokens * MIN_LENGTH_RATIO;
  return cutByModel || tooShort;
}
