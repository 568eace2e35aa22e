/**
 * The end of a contract's initial term, read from its term clause: a stated end date ("shall expire on December
 * 31, 2021"), a length from a start ("five (5) years from the Effective Date"), an anniversary ("until the fifth
 * (5th) anniversary of the Effective Date"), or no fixed end ("until terminated"). A clause that ends at the earlier
 * or later of two events, or at an event with no date, is not read: nothing is better than a guess.
 */

import { fact } from './fact-span';
import { DATE } from './facts-date-pattern';
import type { Fact, KeyFacts } from './facts';
import {
  addMonths,
  dayBefore,
  formatDate,
  formatTerm,
  parseContractDate,
  parseOrdinal,
  parseTermMonths,
} from './facts-term';

/** What a term runs from: the Effective Date, the date of the agreement, or a date the clause writes out. */
type Anchor = 'effective' | 'agreement' | Fact;

/** What the term clause says about the end of the initial term. */
export type TermEnd =
  | { kind: 'date'; fact: Fact }
  /** No fixed end: the words that say so ("continue in effect until terminated"). */
  | { kind: 'open'; fact: Fact }
  /**
   * A length from a start. `length` is what to show when the start has no date: the contract's words for the
   * length ("five (5) years") or the anniversary. `dayBefore`: the term ends the day before ("through the day
   * prior to the second anniversary").
   */
  | { kind: 'term'; fact: Fact; length: Fact; months: number; from?: Anchor; dayBefore?: boolean };

const TERM_NUMBER =
  '(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|eighteen|twenty(?:[-\\s](?:one|two|three|four|five|six|seven|eight|nine))?|thirty(?:[-\\s]six)?|forty(?:[-\\s]eight)?|sixty|\\d+)(?:\\s*\\(\\d+\\))?)';
// "fifth (5th)", "5t h", "twentieth (20th)": which anniversary.
const ORDINAL =
  '(?:(?:(?:twenty|thirty)[-\\s])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|\\d{1,2}\\s?(?:s\\s?t|n\\s?d|r\\s?d|t\\s?h))(?:\\s*\\(\\s*\\d{1,2}\\s?(?:s\\s?t|n\\s?d|r\\s?d|t\\s?h)\\s*\\))?';

// Who the sentence is about: the term of this agreement, the agreement itself ("This Second Amendment", "This
// Supply Agreement"), or a definition or label of the term ("Contract Period" means ..., "TERM: ...").
const SUBJECT =
  '(?:th(?:e|is)\\s+(?:initial\\s+|effective\\s+)?(?:terms?|period)(?:\\s+\\([^()]{0,40}\\))?\\s+of\\s+(?:this|the)\\s+(?:agreement|contract|amendment)' +
  '|the\\s+["“]?(?:initial\\s+|effective\\s+)?term["”]?(?:\\s+\\([^()]{0,40}\\))?\\s+(?:(?:shall|will)\\s+(?:commence|begin|start|be|end|expire)|is|commences|begins|starts)' +
  '|(?:th(?:is|e)\\s+|this\\s+(?:[\\w-]+\\s+){1,3}?)(?:agreement|contract|amendment)\\s+(?:(?:(?:shall|will)\\s+)?be\\s+deemed\\s+effective|(?:shall|will)\\s+(?:commence|begin|continue|remain|extend|be\\s+(?:in\\s+(?:full\\s+)?(?:force|effect)|valid|effective|for)|become\\s+effective|expire|terminate|take\\s+effect|come\\s+into\\s+(?:force|effect)|enter\\s+into\\s+force|have\\s+an?\\s+(?:initial\\s+)?term)|is\\s+(?:for|effective|valid)|has\\s+an?\\s+(?:initial\\s+)?term|commences|begins|comes\\s+into\\s+force)' +
  '|["“](?:contract\\s+period|(?:initial\\s+)?term)["”]\\s+(?:means|shall\\s+mean)|initial\\s+term\\s+shall\\s+mean' +
  '|(?<=(?:^|\\n|\\.)[ \\t]*(?:\\d+(?:\\.\\d+)*\\.?[ \\t]+)?)(?:initial\\s+)?term\\s*:)';
// A sentence runs to its full stop or semicolon; "Section 3.2" does not end it.
const TERM_SENTENCE = new RegExp(`(?<!\\w)(${SUBJECT})(?:[^.;]|\\.(?=\\d)){0,400}`, 'gi');

const ANCHOR =
  `(?:the\\s+)?(?:effective\\s+date(?:\\s+hereof)?|date\\s+(?:hereof|of\\s+(?:this|the)\\s+(?:Agreement|Contract)|first\\s+(?:written|set\\s+forth)\\s+above|above\\s+written)` +
  `|Commencement\\s+Date|Execution\\s+Date|such\\s+date|${DATE})`;
const END_DATE = new RegExp(
  `\\b(?:until|through(?:\\s+and\\s+including)?|up\\s+to(?:\\s+and\\s+including)?|expires?(?:\\s+on)?|terminat(?:es?|ing)(?:\\s+on)?|end(?:s|ing)?(?:\\s+(?:on|as\\s+of|at))?|expiring(?:\\s+on)?|conclud(?:es|ing)(?:\\s+on)?)\\s+(${DATE})` +
    // "November 01, 2014 to October 31, 2017": the second date of a range.
    `|${DATE}\\s*(?:to|through|-|–)\\s*(${DATE})`,
  'i',
);
const ANNIVERSARY = new RegExp(
  `\\b(?:until|through|on|expire|end|terminate|ending)\\s+(?:the\\s+)?((?:day|date)\\s+(?:immediately\\s+)?(?:prior\\s+to|before|preceding)\\s+(?:the\\s+)?)?` +
    `((${ORDINAL})\\s+anniversary|(${TERM_NUMBER})[-\\s]+year\\s+anniversary)\\s+of\\s+(${ANCHOR}|this\\s+(?:Agreement|Contract))`,
  'i',
);
const PHRASE = new RegExp(
  `(?:\\b(?:for|of|be|is|expire|end|ending|terminate|until)|:)\\s+(?:(?:a|an|the)\\s+(?:initial\\s+|minimum\\s+|fixed\\s+)?(?:period|term)\\s+of\\s+|(?:a|an|the)\\s+(?:initial\\s+|entire\\s+)?(?=${TERM_NUMBER}[-\\s]+(?:year|month)[-\\s]+(?:period|term)))?` +
    `((${TERM_NUMBER}[-\\s]+(?:calendar\\s+)?(?:years?|months?)(?:\\(s\\))?)(?:[-\\s]+(?:period|term)\\b)?` +
    `(?:,?\\s+(?:from|after|following|commencing|beginning|starting|subsequent\\s+to)(?:\\s+(?:on|as\\s+of|with))?\\s+(${ANCHOR}))?)`,
  'i',
);
// "shall commence on the Effective Date and continue for ...": the date the term starts from, stated before it.
const START_CUE = new RegExp(
  `\\b(?:commenc(?:e|es|ing)|begin(?:s|ning)?|start(?:s|ing)?|effective|effect|force)\\b(?:\\s+(?:on|as\\s+of|upon|from))?\\s+(${ANCHOR})`,
  'i',
);
// "until the later of (x) three (3) years ... and (y) ...": not one date, so not read.
const EITHER_OF = /\b(?:earlier|earliest|later|latest|longer|shorter|sooner|first)\s+(?:of|to\s+occur)\b/i;
// "December 15, 1999 or (ii) ...", "whichever is later": the date is one of several ends.
// "... or until this Agreement is otherwise terminated" is early termination, which every term allows.
const OR_AFTER =
  /^[\s,]*(?:or\b(?!\s+(?:until\s+|upon\s+)?(?:(?:this\s+agreement\s+is\s+|its\s+)?(?:otherwise\s+|earlier\s+|sooner\s+)?terminat))|whichever\b|if\s+(?:later|earlier|sooner))/i;
const OPEN_TERM =
  /\b(?:continu(?:e|ing)|remain(?:ing)?)(?:\s+(?:in|valid|full|force|and|effect|effective|thereafter|existence))*\s+(?:until\s+(?:and\s+unless\s+)?(?:it\s+is\s+)?terminat(?:ed|ion)|indefinitely|(?:in|for)\s+perpetuity|perpetually)\b|\bfor\s+an\s+(?:indefinite|unlimited)\s+(?:term|period)\b|\bendure\s+indefinitely\b|\bend\s+(?:only\s+)?when\s+terminated\b/i;

/**
 * Renewal periods follow the initial term; a term clause is read up to its first mention of renewal. "Unless
 * earlier terminated or extended" and "shall extend for five years" set the initial term, so they do not count.
 */
function untilRenewal(sentence: string): string {
  const renew = sentence.search(
    /\b(?:renew|(?<!\b(?:shall|will)\s+)extend(?!\s+(?:for|until|through)\b)|extension|successive|month[-\s]to[-\s]month)/i,
  );
  if (renew < 0) return sentence;
  const unless =
    /\bunless\s+(?:(?:mutually|otherwise|earlier\s+terminated\s+or|sooner\s+terminated\s+or)\s+)?$/i;
  if (unless.test(sentence.slice(0, renew)) && /^extended\b/i.test(sentence.slice(renew))) {
    const rest = untilRenewal(sentence.slice(renew + 'extended'.length));
    return sentence.slice(0, renew + 'extended'.length) + rest;
  }
  return sentence.slice(0, renew);
}

/** The anchor words as an Anchor: the Effective Date, the agreement's date, or a written date; else undefined. */
function anchorOf(text: string, words: string | undefined, near: number): Anchor | undefined {
  if (!words || /commencement|execution|such\s+date/i.test(words)) return undefined;
  if (/effective/i.test(words)) return 'effective';
  if (/^(?:the\s+)?date\b|^this\s+/i.test(words)) return 'agreement';
  const at = text.indexOf(words, near);
  return at >= 0 ? fact(text, at, at + words.length) : undefined;
}

/** A stated end date, or an anniversary of a start, in one term sentence; whichever the sentence states first. */
function endIn(
  text: string,
  at: number,
  sentence: string,
  startBefore?: string,
): TermEnd | 'unclear' | undefined {
  const e = END_DATE.exec(sentence);
  const a = ANNIVERSARY.exec(sentence);
  const first = e && (!a || e.index <= a.index) ? e : a;
  if (!first) return undefined;
  if (
    EITHER_OF.test(sentence.slice(0, first.index)) ||
    OR_AFTER.test(sentence.slice(first.index + first[0].length))
  )
    return 'unclear';
  if (first === e) {
    const date = e[1] ?? e[2] ?? '';
    const start = at + e.index + e[0].length - date.length;
    return { kind: 'date', fact: fact(text, start, start + date.length) };
  }
  if (!a?.[2] || !a[5]) return undefined;
  const count =
    a[3] !== undefined ? parseOrdinal(a[3].replace(/\s*\(.*$/, '')) : parseTermMonths(`${a[4] ?? ''} years`);
  if (!count) return undefined;
  const months = a[3] !== undefined ? count * 12 : count;
  // The fact runs from "the day prior to ..." or the ordinal to the end of the anchor.
  const start = at + a.index + a[0].indexOf(a[1] ?? a[2]);
  const end = at + a.index + a[0].length;
  // "the second anniversary of such date": of the start the sentence stated before it.
  const anchorWords = /^such\s+date$/i.test(a[5]) ? startBefore : a[5];
  const from = anchorOf(text, anchorWords, at);
  const whole = fact(text, start, end);
  return {
    kind: 'term',
    fact: whole,
    length: whole,
    months,
    ...(from ? { from } : {}),
    ...(a[1] ? { dayBefore: true } : {}),
  };
}

/** Where the initial term ends, read from the term clause, or undefined when the clause is not plain. */
export function findTermEnd(text: string): TermEnd | undefined {
  // The operative clause ("The term of this Agreement shall ...") first; a definition or label of the term
  // ("Contract Period" means ..., "TERM: ...") says the same and is the fallback.
  const sentences = [...text.matchAll(TERM_SENTENCE)];
  const definition = (s: RegExpExecArray) => /^["“]|^initial\s+term\s+shall\s+mean|:$/i.test(s[1] ?? '');
  const ordered = [...sentences.filter((s) => !definition(s)), ...sentences.filter(definition)];
  for (const s of ordered) {
    // "during the term of this Agreement and for two years thereafter" is a survival period, not the term.
    if (
      /\b(?:during|throughout|beyond|after|within|of|for|and|in|upon)\s+$/i.test(
        text.slice(Math.max(0, s.index - 12), s.index),
      )
    )
      continue;
    const sentence = untilRenewal(s[0]);
    const startBefore = (upTo: number) => START_CUE.exec(sentence.slice(0, upTo))?.[1];
    // A stated end date wins over the length beside it ("three (3) years, concluding December 31, 1998").
    const end = endIn(text, s.index, sentence, startBefore(sentence.length));
    if (end === 'unclear') continue;
    if (end) return end;
    const m = PHRASE.exec(sentence);
    const value = m?.[1];
    if (!m || !value || EITHER_OF.test(sentence.slice(0, m.index))) continue;
    const after = sentence.slice(m.index + m[0].length);
    if (OR_AFTER.test(after)) continue;
    const stated = startBefore(m.index);
    // "for two years thereafter" counts from what came before: the term's own start when the sentence states it
    // ("shall commence on the Effective Date and continue for ten (10) years thereafter"), else it is a survival
    // period.
    if (
      /^\s*(?:(?:after|following)\s+(?:the\s+)?(?:\w+\s+)?(?:expiration|termination))/i.test(after) ||
      (/^\s*there(?:after|from)/i.test(after) && !stated)
    )
      continue;
    const start = s.index + m.index + m[0].length - value.length;
    const whole = fact(text, start, start + value.length);
    const length = fact(text, start, start + (m[2]?.length ?? 0));
    const months = parseTermMonths(length.text);
    if (!months) continue;
    // A term from an event ("one (1) year following the Launch Date") has no date to add it to.
    const fromEvent = !m[3] && /^,?\s*(?:from|after|following|commencing|beginning|starting)\b/i.test(after);
    const words = m[3] && /^such\s+date$/i.test(m[3]) ? stated : (m[3] ?? (fromEvent ? undefined : stated));
    const from = anchorOf(text, words, s.index);
    return { kind: 'term', fact: whole, length, months, ...(from ? { from } : {}) };
  }
  // Only when no clause gives a length or a date: a term that runs until someone ends it.
  for (const s of ordered) {
    const open = OPEN_TERM.exec(untilRenewal(s[0]));
    if (open)
      return { kind: 'open', fact: fact(text, s.index + open.index, s.index + open.index + open[0].length) };
  }
  return undefined;
}

/** An expiration date as stated by a label or a definition ("Expiration Date: August 31, 2006"). */
export function findDefinedExpiration(text: string): Fact | undefined {
  const m = new RegExp(
    `(?:(?:^|\\n)[ \\t]*(?:Expiration|Termination)\\s+Date\\s*:|["“](?:Expiration|Termination)\\s+Date["”]\\s+(?:means|shall\\s+mean))\\s*(${DATE})`,
    'i',
  ).exec(text);
  if (!m?.[1] || OR_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40)))
    return undefined;
  const start = m.index + m[0].length - m[1].length;
  return fact(text, start, start + m[1].length);
}

/**
 * The expiration date, stated or worked out from a term and the date it runs from; otherwise the term alone, so a
 * length of time is never shown as a date.
 */
export function expiration(
  end: TermEnd | undefined,
  effective: Fact | undefined,
  agreement: Fact | undefined,
): Pick<KeyFacts, 'expirationDate' | 'term'> {
  if (!end) return {};
  if (end.kind === 'date') return { expirationDate: end.fact };
  if (end.kind === 'open') return { term: end.fact };
  const base =
    end.from === 'effective' ? effective : end.from === 'agreement' ? (agreement ?? effective) : end.from;
  const start = base && parseContractDate(base.text);
  if (!start) return { term: end.length };
  const since =
    end.from === 'effective' || (end.from === 'agreement' && !agreement)
      ? 'the effective date'
      : end.from === 'agreement'
        ? 'the date of the agreement'
        : formatDate(start);
  const last = addMonths(start, end.months);
  const date = formatDate(end.dayBefore ? dayBefore(last) : last);
  const note = `${formatTerm(end.months)} after ${since}${end.dayBefore ? ', less a day' : ''}`;
  return { expirationDate: { ...end.fact, value: `${date} (${note})` } };
}
