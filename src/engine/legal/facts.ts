/**
 * Key facts of a contract (title, parties, dates) found by rules over the preamble. This is a rule-based
 * extractor, not a trained model: it reads the common drafting patterns ("This Agreement is made as of <date> by
 * and between <A> and <B>", "Effective Date", a title line in capitals) and says nothing when they are absent.
 * Measured against CUAD by training/lexlet_legal/evaluate_facts.ts.
 */

import { fact } from './fact-span';
import { DATE } from './facts-date-pattern';
import { findGoverningLaw } from './facts-governing-law';
import { findLiabilityCap } from './facts-liability-cap';
import { findRenewal } from './facts-renewal';
import { expiration, findDefinedExpiration, findTermEnd } from './facts-term-clause';

export interface Fact {
  text: string;
  /** Offsets into the document text: `text.slice(start, end) === fact.text`. */
  start: number;
  end: number;
  /** What to show when it differs from the quoted words: a date worked out from a term ("March 1, 2027 (...)"). */
  value?: string;
}

export interface KeyFacts {
  title?: Fact;
  parties: Fact[];
  agreementDate?: Fact;
  effectiveDate?: Fact;
  /**
   * The end of the initial term as a calendar date: stated, or worked out from a term that runs from a date this
   * extractor read (then `value` holds the date and `text` the contract's words). Never a bare term.
   */
  expirationDate?: Fact;
  /**
   * The initial term in the contract's words when no end date can be stated: its length ("five (5) years"), an
   * anniversary of an undated start, or that it has no fixed end ("continue in effect until terminated").
   */
  term?: Fact;
  /** The jurisdiction whose law governs the contract ("New York"), from its choice-of-law clause. */
  governingLaw?: Fact;
  /** How the contract renews by itself ("successive one (1) year periods"), when it does. */
  renewal?: Fact;
  /** The notice that stops an automatic renewal ("ninety (90) days" before the term ends). */
  renewalNotice?: Fact;
  /** What a party's liability is capped at, in the contract's words ("the fees paid in the prior 12 months"). */
  liabilityCap?: Fact;
}

const DATE_RE = new RegExp(DATE, 'gi');
// Abbreviations keep their full stop; after a whole word ("Incorporated.") it ends the sentence.
const CORPORATE_SUFFIX =
  /(?:(?:Inc|INC|L\.L\.C|Ltd|LTD|Corp|CORP|Co|CO|L\.P|L\.L\.P|S\.A|S\.A\.S|S\.r\.l|N\.V|N\.A|B\.V|Pte|PTE|Pty|PTY)\b\.?|(?:Incorporated|INCORPORATED|LLC|Limited|LIMITED|Corporation|CORPORATION|Company|COMPANY|LP|LLP|PLC|plc|GmbH|KG|AG|SA|S\/A|SAS|SRL|A\/S|AB|Trust|TRUST|Bank|BANK|University|Fund|FUND)\b)/;
const PREAMBLE_CHARS = 5000;

// ---------------------------------------------------------------------------------------------------------------
// Title

const TITLE_HEAD =
  /^(?:AGREEMENT|CONTRACT|LICEN[CS]E|LEASE|MEMORANDUM|ADDENDUM|AMENDMENT|DEED|NOTE|UNDERSTANDING|ARRANGEMENT)$/;
// Words a capitalised title may hold; anything else (a date, "BETWEEN", a company suffix) ends it.
const TITLE_WORD = /^(?:[A-Z][A-Z'’&/-]*|AND|OF|TO|FOR|THE|NO\.|\d+|[IVX]+|&)$/;
const NOT_TITLE_START = /^(?:THE|THIS|OF|AND|TO|FOR|NO\.|&|\d+|EXHIBIT|SCHEDULE|ANNEX|APPENDIX)$/;

/**
 * A run of capitalised words ending in AGREEMENT (or CONTRACT, LICENSE, ...) near the top, the way a cover page or
 * heading names the contract. PDF text often joins the heading to the lines around it, so the run is cut out of
 * its line rather than taken whole.
 */
function capitalTitle(head: string): Fact | undefined {
  const words = [...head.matchAll(/\S+/g)];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w || !TITLE_HEAD.test(w[0].replace(/[,.:;]$/, ''))) continue;
    let first = i;
    while (first > 0 && i - first < 9) {
      const prev = words[first - 1];
      const cur = words[first];
      if (!prev || !cur) break;
      const gap = head.slice(prev.index + prev[0].length, cur.index);
      // A blank line or a wide gap (a line break flattened to spaces) separates the heading from what precedes it.
      if (/\n\s*\n|\S| {3,}/.test(gap) || !TITLE_WORD.test(prev[0])) break;
      first--;
    }
    // Trim words that start sentences or headers rather than titles ("THIS AGREEMENT", "EXHIBIT 10.1").
    while (first < i && NOT_TITLE_START.test(words[first]?.[0] ?? '')) first++;
    // "1. ENTIRE AGREEMENT", "Section 2 AMENDMENT": a numbered section heading, not the title.
    const before = words[first - 1];
    const sameLine = before && !head.slice(before.index, words[first]?.index).includes('\n');
    const exhibit = /^(?:exhibit|schedule|annex)$/i.test(words[first - 2]?.[0] ?? '');
    if (
      sameLine &&
      !exhibit &&
      /^(?:\d+(?:\.\d+)*\.?|\(?[a-z0-9]\)|Section|SECTION|ARTICLE)$/.test(before[0])
    )
      continue;
    const start = words[first]?.index;
    if (start === undefined || first === i) continue;
    let end = w.index + w[0].replace(/[,.:;]$/, '').length;
    // "AMENDMENT NO. 2" keeps its number.
    const no = /^\s+NO\.\s*\d+\b/.exec(head.slice(end));
    if (no && /AMENDMENT|ADDENDUM/.test(w[0])) end += no[0].length;
    const title = head.slice(start, end);
    if (title.length <= 100 && !/\b(?:BETWEEN|AMONG|DATED)\b/.test(title)) return fact(head, start, end);
  }
  return undefined;
}

/** "This Supply Agreement (the ...": the name the preamble gives itself, in title case. */
function preambleTitle(head: string): Fact | undefined {
  const m =
    /\bThis\s+((?:[A-Z][\w'’&-]*\s+(?:(?:and|of|for|to|&)\s+)?){1,7}(?:Agreement|Contract|License|Licen[cs]e Agreement|Lease|Amendment|Addendum))\s*(?:\(|,|is\b|dated\b|made\b|entered\b)/.exec(
      head,
    );
  if (!m?.[1]) return undefined;
  const start = m.index + m[0].indexOf(m[1]);
  return fact(head, start, start + m[1].length);
}

function findTitle(text: string): Fact | undefined {
  const head = text.slice(0, 2000);
  const found = [capitalTitle(head), preambleTitle(head)].filter((f) => f !== undefined);
  found.sort((a, b) => a.start - b.start);
  return found[0];
}

// ---------------------------------------------------------------------------------------------------------------
// Parties

/** Where the preamble names its parties: after "by and between" (else "between"/"among"), to its sentence end. */
function partyClause(head: string): [number, number] | undefined {
  const cue =
    /\bby\s+and\s+(?:between|among)\b\s*:?\s*/i.exec(head) ??
    /\b(?:between|among|B E T W E E N)\b\s*:?\s*/i.exec(head);
  if (!cue) return undefined;
  const from = cue.index + cue[0].length;
  const rest = head.slice(from, from + 1500);
  // The clause ends at the recitals, or at a full stop that is not an abbreviation (Inc., Co., M. D., St.).
  const end =
    /\b(?:WHEREAS|Whereas|RECITALS?|Recitals|W\s?I\s?T\s?N\s?E\s?S\s?S\s?E\s?(?:T\s?H|S\s+THAT)|BACKGROUND|NOW,?\s+THEREFORE|Now,?\s+Therefore|IT\s+IS\s+AGREED)\b|TABLE\s+OF\s+CONTENTS|\bARTICLE\s+(?:\d|I\b)|\n\s*\n\s*\d+\.|(?<=[.:]\s+)1\.\s+[A-Z]|[)"”]\s*\.(?=\s)|(?<!\b(?:[A-Z][a-z]{0,2}|[A-Z]{1,3}|Blvd|Corp|CORP|U\.S|L\.P|N\.V|N\.A|S\.A|B\.V|L\.L\.C|P\.C|etc))\.(?=\s+[A-Z])/.exec(
      rest,
    );
  return [from, from + (end ? end.index : rest.length)];
}

const DEFINED_TERM = /\(([^()]{0,200})\)/g;
// Defined terms that name the document, a date or the group, not one party.
const NOT_A_PARTY_TERM =
  /^(?:the\s+)?(?:Agreement|Effective Date|Execution Date|Commencement Date|Closing Date|Amendment|Contract|Part(?:y|ies)|Joint Venturers?)$/i;
const NAME_STOP =
  /^(?:The|A|An|This|That|Each|Both|Either|WHEREAS|Whereas|NOW|Now|Party|Parties|Section|Schedule|Exhibit|Article|Agreement|State|Commonwealth|Republic|Province|County|City)$/;
const CORPORATE_END = new RegExp(`${CORPORATE_SUFFIX.source}$`);
const CONNECTOR = '(?:of|de|la|du|der|von|van|for|the|&)';

/** A party name starting at `s` in `text`, as [start, end], or undefined when what starts there is not a name. */
function nameAt(text: string, s: number, limit: number, joined = false): [number, number] | undefined {
  const piece = text.slice(s, limit);
  const lead =
    /^(?:\s|,|;|-+|\(\s*(?:\d+|[a-z]|[ivx]+)\s*\)|\d+\.\s|(?:and|And|AND|the)\b)*/.exec(piece)?.[0].length ??
    0;
  const at = s + lead;
  const body = text.slice(at, limit);
  // A word of a name; a bracketed acronym belongs to it too ("Fonterra (USA) Inc.").
  const word = `(?:[A-Z0-9][\\w&.'’/-]*|\\([A-Z][A-Za-z.]{1,8}\\))`;
  // "iBio Inc.", "drkoop.com, inc": a lower-case first word only with a company suffix.
  const first = `(?:${word}|[a-z]{1,2}[A-Z][\\w&.'’/-]*|[a-z][\\w'’-]*\\.[\\w.]+)`;
  const link = joined ? `${CONNECTOR}|and|AND` : CONNECTOR;
  const corporate = new RegExp(
    `^${first}(?:\\s+(?:${word}|${link})){0,9},?\\s+(?:${CORPORATE_SUFFIX.source}|inc\\b\\.?)(?:,?\\s+${CORPORATE_SUFFIX.source})?`,
  ).exec(body);
  // Words up to the first comma, bracket, lower-case word, number or line end.
  const plainMatch = new RegExp(`^[A-Z][\\w&.'’/-]*(?:[ \\t]+(?!\\d+\\b)(?:${word}|${CONNECTOR})){0,9}`).exec(
    body,
  );
  const plain = plainMatch?.[0].replace(new RegExp(`(?:\\s+${CONNECTOR})+$`), '').replace(/[\s,.;:]+$/, '');
  let name = corporate?.[0];
  // "The University of Texas ... Center": a suffix that is also a plain noun does not end the name.
  if (name && plain && plain.length > name.length && /(?:University|Bank|Trust|Fund|Company)$/i.test(name))
    name = plain;
  if (!name) {
    if (!plain) return undefined;
    name = plain;
    // A bare single word is usually a role ("Licensee") or a place; a capitalised one ("ACME") is a name.
    const words = name.split(/\s+/);
    if (words.length < 2 && !(name.length > 2 && name === name.toUpperCase())) return undefined;
  }
  // Cut off by the end of the stretch mid-word: not a whole name.
  if (/\w/.test(text.charAt(at + name.length)) && at + name.length >= limit) return undefined;
  const firstWord = name.split(/\s+/)[0] ?? '';
  if (NAME_STOP.test(firstWord.replace(/[.,]$/, '')) && !corporate) return undefined;
  if (
    /\b(?:Agreement|AGREEMENT|WHEREAS|Section|SECTION|ARTICLE|Article|hereinafter|DATED|Dated|EFFECTIVE)\b/.test(
      name,
    )
  )
    return undefined;
  return [at, at + name.length];
}

/**
 * Names at the start of a stretch of the party clause and after each "and" or ";" in it that is outside brackets
 * (a name there is another party; descriptions such as "organized and existing" start in lower case).
 */
function namesIn(text: string, from: number, to: number): [number, number][] {
  const starts = [from];
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text.charAt(i);
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ';' || /^\s(?:and|And|AND)\s/.test(text.slice(i, i + 5))))
      starts.push(i + 1);
  }
  starts.push(to);
  // "between professional golfer, TOM WATSON": a short lower-case description before the name.
  const described = /^\s*(?:[a-z]+\s+){0,3}[a-z]+,\s*(?=[A-Z])/.exec(text.slice(from, to));
  if (described) starts[0] = from + described[0].length;
  const names: [number, number][] = [];
  for (let k = 0; k + 1 < starts.length; k++) {
    const s = starts[k] ?? to;
    let n = nameAt(text, s, starts[k + 1] ?? to);
    // "EXXONMOBIL RESEARCH AND ENGINEERING COMPANY": an "and" inside a company name, not between two parties.
    const whole = k + 2 < starts.length ? nameAt(text, s, starts[k + 2] ?? to, true) : undefined;
    const joined = whole ? text.slice(whole[0], whole[1]) : '';
    // The "and" must be in the name's own case: "ANDY NORTH and GOLFERS INCORPORATED" are two parties.
    const others = joined.replace(/\s(?:and|AND)\s/g, ' ');
    const sameCase = /\sAND\s/.test(joined) === (others === others.toUpperCase());
    if (
      whole &&
      n &&
      sameCase &&
      whole[1] > (starts[k + 1] ?? to) &&
      !CORPORATE_END.test(text.slice(n[0], n[1]))
    ) {
      n = whole;
      k++;
    }
    if (n && (names.length === 0 || n[0] >= (names.at(-1)?.[1] ?? 0))) names.push(n);
  }
  return names;
}

/**
 * Party names from the preamble. Each party is usually introduced as NAME, a description, then its defined term
 * in brackets (`("Acme")`, `(the "Company")`), so the stretch before each such bracket holds one party's name.
 */
function findParties(text: string): Fact[] {
  const head = text.slice(0, PREAMBLE_CHARS);
  const clause = partyClause(head);
  if (!clause) return [];
  const [from, to] = clause;
  const found: [number, number][] = [];
  let stretch = from;
  DEFINED_TERM.lastIndex = from;
  for (let m = DEFINED_TERM.exec(head); m && m.index < to; m = DEFINED_TERM.exec(head)) {
    const inside = m[1] ?? '';
    const term = /["“'‘]([^"”’']{1,60})["”’']/.exec(inside)?.[1]?.trim();
    if (!term || NOT_A_PARTY_TERM.test(term)) continue;
    // "A and B (collectively, the "Sellers")" closes a group: namesIn splits it at "and".
    found.push(...namesIn(head, stretch, m.index));
    stretch = m.index + m[0].length;
  }
  // After the last defined term, only a short tail can still name a party ("... and B, a Delaware corporation.").
  found.push(...namesIn(head, stretch, Math.min(to, stretch + 400)));
  const seen = new Set<string>();
  const parties: Fact[] = [];
  for (const [s, e] of found) {
    const f = fact(text, s, e);
    const key = f.text.toLowerCase();
    // A repeat, or the tail of a name already found ("ENTERTAINMENT CORPORATION").
    if (seen.has(key) || parties.some((p) => p.text.toLowerCase().endsWith(key))) continue;
    seen.add(key);
    parties.push(f);
  }
  return parties.slice(0, 6);
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

/** The first date starting within `window` characters after a cue such as "dated" or "effective as of". */
function dateAfterCue(
  text: string,
  cue: RegExp,
  window: number,
  from = 0,
  to = text.length,
): Fact | undefined {
  const region = text.slice(from, to);
  for (const m of region.matchAll(cue)) {
    const at = from + m.index + m[0].length;
    DATE_RE.lastIndex = 0;
    const d = DATE_RE.exec(text.slice(at, Math.min(to, at + window + 40)));
    if (d && d.index <= window) return fact(text, at + d.index, at + d.index + d[0].length);
  }
  return undefined;
}

/** A date followed by its definition, e.g. `January 21, 2005 (the "Effective Date")`. */
function definedDate(text: string, term: string): Fact | undefined {
  const head = text.slice(0, PREAMBLE_CHARS);
  const before = new RegExp(
    `(${DATE})[\\s,]*\\((?:the\\s+|this\\s+|hereinafter(?:\\s+the)?\\s+)?["“]${term}["”]\\s*\\)`,
    'i',
  ).exec(head);
  if (before?.[1]) return fact(text, before.index, before.index + before[1].length);
  // A definitions section: `"Effective Date" means October 31, 2019.`
  const means = new RegExp(`["“]${term}["”]\\s+(?:means|shall mean|shall be)\\s+(${DATE})`, 'i').exec(text);
  if (means?.[1]) {
    const start = means.index + means[0].length - means[1].length;
    return fact(text, start, means.index + means[0].length);
  }
  return undefined;
}

/**
 * The date of the agreement: the first date in the preamble sentence ("This Agreement, dated as of ..., by and
 * between ..."), else one right after "dated"/"as of"/"made on" in the first 1,000 characters before the recitals. Later ones are mostly
 * other agreements ("the License Agreement dated ...") or terms.
 */
function findAgreementDate(text: string, parties: [number, number] | undefined): Fact | undefined {
  const head = text.slice(0, PREAMBLE_CHARS);
  if (parties) {
    const opener = head.slice(0, parties[0]).search(/\bTHIS\b|\bThis\b(?=[^.]{0,300}$)/);
    const from = opener >= 0 ? opener : Math.max(0, parties[0] - 300);
    DATE_RE.lastIndex = 0;
    const region = head.slice(from, parties[1]);
    const d = DATE_RE.exec(region);
    if (d) return fact(text, from + d.index, from + d.index + d[0].length);
  }
  const recitals = head.search(/\b(?:WHEREAS|Whereas|RECITALS|Recitals|BACKGROUND)\b/);
  return dateAfterCue(
    text,
    /\b(?:dated|as of|entered into(?: on| this)?|made(?: on| this| and entered into)?|executed(?: on| this)?)\b/gi,
    30,
    0,
    recitals >= 0 ? Math.min(recitals, 1000) : 1000,
  );
}

export function extractKeyFacts(text: string): KeyFacts {
  const facts: KeyFacts = { parties: findParties(text) };
  const title = findTitle(text);
  if (title) facts.title = title;
  const agreementDate = findAgreementDate(text, partyClause(text.slice(0, PREAMBLE_CHARS)));
  if (agreementDate) facts.agreementDate = agreementDate;
  const effectiveDate =
    definedDate(text, 'Effective Date') ??
    dateAfterCue(text, /\beffective(?:\s+date)?(?:\s+(?:as\s+of|on|from))?\b/gi, 30, 0, PREAMBLE_CHARS) ??
    // The term clause may be the only place that dates the start ("This Agreement shall be effective as of
    // November 1, 2002"); only the agreement's own start counts there, not other dates that become effective.
    dateAfterCue(
      text,
      /\b[Tt]his\s+(?:[Ll]etter\s+)?(?:Agreement|Contract|agreement|contract)\s+(?:shall|will)\s+(?:be(?:come)?\s+effective|commence|take\s+effect|come\s+into\s+(?:force|effect))\s+(?:as\s+of|on|from)\b/g,
      5,
    ) ??
    // Or the day the term starts ("The term of this Agreement will begin on February 1, 1998").
    dateAfterCue(
      text,
      /\b(?:[Tt]he\s+(?:[Ii]nitial\s+)?[Tt]erm(?:\s+of\s+this\s+(?:Agreement|Contract|agreement|contract))?(?:\s+\([^()]{0,40}\))?|[Tt]he\s+commencement\s+date\s+(?:of|for)\s+this\s+(?:Agreement|Contract|agreement|contract))\s+(?:shall|will)\s+(?:commence|begin|start|be)(?:\s+(?:on|upon|as\s+of))?\b/g,
      5,
    );
  if (effectiveDate) facts.effectiveDate = effectiveDate;
  const governingLaw = findGoverningLaw(text);
  if (governingLaw) facts.governingLaw = governingLaw;
  Object.assign(facts, findRenewal(text));
  const liabilityCap = findLiabilityCap(text);
  if (liabilityCap) facts.liabilityCap = liabilityCap;
  const end = findTermEnd(text);
  // A labelled or defined expiration date ("Expiration Date: August 31, 2006") when the term clause states none.
  const defined = end?.kind === 'date' ? undefined : findDefinedExpiration(text);
  if (defined) return { ...facts, expirationDate: defined };
  return { ...facts, ...expiration(end, effectiveDate, agreementDate) };
}
