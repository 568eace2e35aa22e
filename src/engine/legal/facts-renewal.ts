import type { Fact } from './facts';

/**
 * Automatic renewal and the notice that stops it: "shall automatically renew for successive one (1) year periods
 * unless either party gives notice of non-renewal at least ninety (90) days prior to the end of the then-current
 * term" → renewal "successive one (1) year periods", notice period "ninety (90) days". Rules over the drafting
 * patterns, not a model; measured by training/lexlet_legal/evaluate_facts.ts.
 */

export interface RenewalFacts {
  /** How the contract renews by itself, in its words ("successive one (1) year periods"). */
  renewal?: Fact;
  /** How long before the term ends a party must give notice to stop the renewal ("ninety (90) days"). */
  renewalNotice?: Fact;
}

const SENTENCE = /[^.;]*(?:[.;]|$)/g;
const RENEWS =
  /\b(?:automatic(?:ally)?\s+(?:be\s+)?(?:renew|extend|continue)|(?:renew(?:ed|s)?|continue[sd]?|extend(?:ed|s)?)\s+automatically|(?:shall|will|may)\s+(?:thereafter\s+)?(?:be\s+)?(?:renewed|extended|renew|extend)\s+(?:for|by)|continue\s+(?:in\s+effect\s+)?on\s+an?\s+(?:year|month)[\s-]to[\s-](?:year|month)\s+basis|(?:option|right)\s+to\s+(?:renew|extend))/i;
/** A renewal is the agreement's or its term's, not a deadline's or a payment date's. */
const OF_THE_CONTRACT = /\b(?:agreement|term|contract|franchise|license)\b/i;
const NUMBER = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty[\s-]?five|sixty|ninety|one\s+hundred(?:\s+(?:and\s+)?(?:twenty|eighty))?|two\s+hundred)`;
const COUNT = String.raw`${NUMBER}(?:\s*\(\d+\))?`;
const PERIOD_LENGTH = new RegExp(
  String.raw`(?:(?:successive|additional|further|consecutive|subsequent|renewal)\s+)*(?:${COUNT}[\s-]*(?:calendar\s+)?(?:year|month)s?|year[\s-]to[\s-]year|month[\s-]to[\s-]month)(?:\s+(?:periods?|terms?|basis|renewal\s+(?:periods?|terms?)|increments?))?|(?:annual|yearly)\s+(?:periods?|terms?|basis|renewals?)`,
  'i',
);
const NOTICE_LENGTH = new RegExp(
  String.raw`\b(${COUNT}\s*(?:calendar\s+|business\s+)?(?:days|months))(?=['’]?\s+(?:(?:prior\s+)?(?:written\s+)?notice|prior|before|in\s+advance|preceding))`,
  'i',
);

function at(text: string, offset: number, words: string): Fact {
  return { text: words, start: offset, end: offset + words.length };
}

/** The renewal sentence: the first that says "renew" and gives a length, else the first that does either. */
export function findRenewal(text: string): RenewalFacts {
  const found: { at: number; sentence: string; renews: RegExpExecArray; length: RegExpExecArray | null }[] =
    [];
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(text); m && m[0]; m = SENTENCE.exec(text)) {
    const renews = RENEWS.exec(m[0]);
    if (!renews || !OF_THE_CONTRACT.test(m[0])) continue;
    found.push({ at: m.index, sentence: m[0], renews, length: PERIOD_LENGTH.exec(m[0].slice(renews.index)) });
  }
  const says = (f: (typeof found)[number]) => /renew/i.test(f.sentence);
  const best = found.find((f) => says(f) && f.length) ?? found.find((f) => says(f) || f.length) ?? found[0];
  if (!best) return {};
  const { at: start, sentence, renews, length } = best;
  const facts: RenewalFacts = {
    renewal: length
      ? at(text, start + renews.index + length.index, length[0])
      : at(text, start + renews.index, renews[0]),
  };
  // The notice that stops the renewal sits in the same sentence or the next one.
  const near = text.slice(start, start + sentence.length + 400);
  const notice = /\bnotice|notif|non-?renew|terminat/i.test(near) ? NOTICE_LENGTH.exec(near) : null;
  if (notice?.[1]) facts.renewalNotice = at(text, start + notice.index, notice[1]);
  return facts;
}
