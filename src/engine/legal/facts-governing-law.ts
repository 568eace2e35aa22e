import type { Fact } from './facts';

/**
 * The governing law of a contract: the jurisdiction named by its choice-of-law clause ("shall be governed by and
 * construed in accordance with the laws of the State of New York" → New York; "... with New York law", "made in
 * the State of California and governed by the laws thereof" → California). Rules over the drafting patterns, not
 * a model; measured by training/lexlet_legal/evaluate_facts.ts.
 */

// The verb that makes a sentence a choice of law; what follows stays in the sentence (no "." or ";").
const CHOICE = String.raw`\b(?:governed|construed|interpreted|enforced|determined|resolved)\b[^.;]{0,300}?`;
const TITLE = String.raw`(?:(?:state|commonwealth|province|republic|kingdom|federal\s+republic|people[’']s\s+republic)\s+of\s+)?`;
// Anchors, case-insensitive (choice-of-law clauses are often in capitals); the jurisdiction is read after them.
const LAWS_OF = new RegExp(String.raw`${CHOICE}\blaws?\s+(?:of|in\s+force\s+in)\s+(?:the\s+)?${TITLE}`, 'gi');
const PLACE_LAW = new RegExp(
  String.raw`${CHOICE}\b(?:with|by|under)\s+(?:the\s+)?(?=[A-Z][\w ]{0,40}\s+law\b)`,
  'g',
);
const MADE_IN = new RegExp(
  String.raw`\bin\s+the\s+(?:state|commonwealth|province)\s+of\s+(?=[^.;]{0,300}\b(?:governed|construed)\b[^.;]{0,200}\blaws\s+(?:thereof|of\s+(?:such|that|said)\s+(?:state|commonwealth|province))\b)`,
  'gi',
);

// A jurisdiction: capitalised words, joined by "and"/"of" ("England and Wales", "Isle of Man").
const NAME = /[A-Z][A-Za-z.'’-]*(?:\s+(?:(?:and|AND|of|OF)\s+)?[A-Z][A-Za-z.'’-]*)*/y;
/** Words that end a name in capitals ("DELAWARE WITHOUT REGARD ...") or are not part of one. */
const NOT_IN_NAME =
  /^(?:without|applicable|excluding|except|as|in|which|that|including|regardless|notwithstanding|other|then|shall|will|for|to|with|by|the|law|laws|its)$/i;
/** Capitalised phrases that are not places ("the laws of the Territory"). */
const NOT_A_PLACE = /^(?:Territory|Section|Article|Agreement|Party|Parties|Company)\b/i;

function nameAt(text: string, at: number): { start: number; name: string } | undefined {
  NAME.lastIndex = at;
  const match = NAME.exec(text)?.[0];
  if (!match) return undefined;
  // Cut at the first word that is not part of a name, then drop a trailing "and"/"of" and full stop.
  let end = 0;
  for (const word of match.matchAll(/\S+/g)) {
    if (NOT_IN_NAME.test(word[0])) break;
    if (!/^(?:and|of)$/i.test(word[0])) end = word.index + word[0].length;
  }
  const name = match.slice(0, end).replace(/[.’']+$/, '');
  if (!name || NOT_A_PLACE.test(name)) return undefined;
  return { start: at, name };
}

export function findGoverningLaw(text: string): Fact | undefined {
  let best: { index: number; start: number; name: string } | undefined;
  for (const re of [LAWS_OF, PLACE_LAW, MADE_IN]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const found = nameAt(text, m.index + m[0].length);
      // The first choice of law in the contract decides; the same clause may name federal law after it.
      if (found && (!best || m.index < best.index)) best = { index: m.index, ...found };
      if (m[0].length === 0) re.lastIndex++;
      if (found) break;
    }
  }
  return best && { text: best.name, start: best.start, end: best.start + best.name.length };
}
