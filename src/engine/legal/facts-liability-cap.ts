import type { Fact } from './facts';

/**
 * The cap on a party's liability, in the contract's words: "In no event shall either party's aggregate liability
 * exceed the fees paid by Customer in the twelve (12) months preceding the claim" → "the fees paid by Customer in
 * the twelve (12) months preceding the claim"; "... limited to $500,000" → "$500,000". Rules over the drafting
 * patterns, not a model; measured by training/lexlet_legal/evaluate_facts.ts.
 */

const SENTENCE = /[^.;]*(?:[.;]|$)/g;
/** A sentence about liability or damages, with a limit on its amount. */
const ABOUT_LIABILITY = /\b(?:liab(?:le|ility|ilities)|damages)\b/i;
const LIMIT =
  /\b(?:(?:shall|will|may|does|do)\s+not\s+exceed|not\s+to\s+exceed|(?:be|is|are)\s+limited(?:\s+in\s+the\s+aggregate)?\s+to|no\s+(?:greater|more)\s+than|exceeds?|in\s+excess\s+of)\s*,?\s+(?:(?:an?|the)\s+(?:amount|sum)\s+(?:equal\s+to|of)\s+)?/gi;
/** What a cap is measured in: money, or the fees or amounts paid under the contract. */
const AMOUNT =
  /^(?:(?:US)?\$\s?\d|(?:USD|EUR|GBP|€|£)\s?\d|\d[\d,.]*\s+(?:dollars|euros)|.{0,60}?\b(?:fees?|amounts?|price|charges?|sums?|compensation|payments?|consideration|royalt(?:y|ies)|insurance|times)\b)/i;
/** Where the amount's words end: a comma or bracket that is not part of a number ("$1,000", "(12)"), or a new thought. */
const AMOUNT_END =
  /\s*(?:,(?!\d{3})|;|\((?!\d+\))|\bprovided\b|\bexcept\b|\bwhether\b|\bregardless\b|\bin\s+the\s+aggregate\b(?=\s*[,.])|$)/i;

export function findLiabilityCap(text: string): Fact | undefined {
  SENTENCE.lastIndex = 0;
  for (let s = SENTENCE.exec(text); s && s[0]; s = SENTENCE.exec(text)) {
    const sentence = s[0];
    if (!ABOUT_LIABILITY.test(sentence)) continue;
    LIMIT.lastIndex = 0;
    for (let m = LIMIT.exec(sentence); m; m = LIMIT.exec(sentence)) {
      const rest = sentence.slice(m.index + m[0].length).replace(/[.;]$/, '');
      // "(a) ..." starts a list and "and will not exceed" a second limit: neither is the amount.
      if (/^(?:\(|(?:and|or)\b)/i.test(rest) || !AMOUNT.test(rest)) continue;
      const end = AMOUNT_END.exec(rest.slice(1));
      const words = rest.slice(0, end ? end.index + 1 : rest.length).trimEnd();
      if (words.length < 2 || words.length > 200) continue;
      const start = s.index + m.index + m[0].length;
      return { text: words, start, end: start + words.length };
    }
  }
  return undefined;
}
