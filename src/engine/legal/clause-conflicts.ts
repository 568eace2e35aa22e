/**
 * Contract-clause labels that the clause's own words rule out.
 *
 * The CUAD tagger scores each category on its own, so a clause can come back with categories that contradict each
 * other (a liability cap tagged "Uncapped Liability" next to "Cap on Liability", a non-exclusive licence tagged
 * "Exclusivity" or "Irrevocable or Perpetual License"). A bag of n-grams sees "liability" and "licence" but not the
 * qualifier that decides between the two readings; the qualifier is plain in the text, so a rule on the text settles
 * it. Each rule only removes its own label, and only when the wording for it is absent and the wording against it
 * is present: a clause that really carries both readings (a cap with carve-outs) keeps both.
 */

export interface ClauseLabelRule {
  label: string;
  /** Why the clause's wording rules the label out. */
  reason: string;
  /** True when the clause's text contradicts the label. */
  contradicts: (text: string) => boolean;
}

/** "including but not limited to" and "including without limitation" are drafting filler, not liability terms. */
const FILLER = /\b(?:but\s+)?not\s+limited\s+to\b|\bincluding,?\s+without\s+limitation\b/g;

function clean(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').replace(FILLER, ' ');
}

/** Wording that puts a ceiling on liability. */
const CAP =
  /\b(?:exceed(?:s|ing)?|in excess of|(?:is|are|be|shall be|will be) limited to|limited to (?:an amount|the (?:amount|fees|total|aggregate|sum))|cap(?:ped)?|maximum (?:aggregate |total )?liability|(?:aggregate|total|cumulative) liability)\b/;

/** Wording that says liability has no ceiling at all. */
const UNLIMITED =
  /\b(?:unlimited|uncapped|(?:shall|will) not be (?:limited|capped)|no (?:cap|limit(?:ation)?) (?:on|to|of) (?:its |their |the )?liability)\b/;

/**
 * Wording that lifts a cap for some claims (CUAD tags such carve-outs "Uncapped Liability" even inside a cap
 * clause): explicit exclusions, exceptions and the breaches they usually name.
 */
const CARVE_OUT =
  /\b(?:(?:shall|will|does|do) not (?:apply|limit)|not (?:apply|limit)|nothing in|waives?|exclud(?:e|es|ed|ing)|except|other than|notwithstanding|indemnif\w*|gross(?:ly)? neglig\w*|wil(?:l)?ful|fraud\w*|confidential\w*|infring\w*)\b/;

const NON_EXCLUSIVE = /\bnon[-\s]?exclusive(?:ly)?\b/;
const NON_EXCLUSIVE_ALL = new RegExp(NON_EXCLUSIVE.source, 'g');
/** An exclusive forum or remedy says nothing about an exclusive deal. */
const EXCLUSIVE_DEAL = /\bexclusiv(?:e|ely|ity)\b(?! (?:jurisdiction|venue|forum|remed(?:y|ies)))/;

const IRREVOCABLE_OR_PERPETUAL = /\b(?:irrevocabl[ey]|perpetu(?:al|ally|ity))\b/;

export const CLAUSE_LABEL_RULES: readonly ClauseLabelRule[] = [
  {
    label: 'Uncapped Liability',
    reason: 'the clause caps liability and names no exception to the cap',
    contradicts: (text) => {
      const t = clean(text);
      return CAP.test(t) && !UNLIMITED.test(t) && !CARVE_OUT.test(t);
    },
  },
  {
    label: 'Cap on Liability',
    reason: 'the clause says liability is unlimited and sets no cap',
    contradicts: (text) => {
      const t = clean(text);
      return UNLIMITED.test(t) && !CAP.test(t);
    },
  },
  {
    label: 'Exclusivity',
    reason: 'the clause grants a non-exclusive right and nothing exclusive',
    contradicts: (text) => {
      const t = clean(text);
      return NON_EXCLUSIVE.test(t) && !EXCLUSIVE_DEAL.test(t.replace(NON_EXCLUSIVE_ALL, ' '));
    },
  },
  {
    label: 'Irrevocable or Perpetual License',
    // Revocable, terminable or merely non-exclusive licences all lack the one word the category is about.
    reason: 'the clause does not call the licence irrevocable or perpetual',
    contradicts: (text) => !IRREVOCABLE_OR_PERPETUAL.test(clean(text)),
  },
];

const RULES = new Map(CLAUSE_LABEL_RULES.map((rule) => [rule.label, rule]));

/** The rule that rules `label` out on this clause, if any. */
export function contradictingRule(label: string, clauseText: string): ClauseLabelRule | undefined {
  const rule = RULES.get(label);
  return rule?.contradicts(clauseText) ? rule : undefined;
}
