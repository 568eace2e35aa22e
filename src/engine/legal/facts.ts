/**
 * Key facts of a contract (title, parties, dates) found by rules over the preamble. This is a rule-based
 * extractor, not a trained model: it reads the common drafting patterns ("This Agreement is made as of <date> by
 * and between <A> and <B>", "Effective Date", a title line in capitals) and says nothing when they are absent.
 */

export interface Fact {
  text: string;
  /** Offsets into the document text: `text.slice(start, end) === fact.text`. */
  start: number;
  end: number;
}

export interface KeyFacts {
  title?: Fact;
  parties: Fact[];
  agreementDate?: Fact;
  effectiveDate?: Fact;
  expirationDate?: Fact;
}

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const DAY_ORD = '\\d{1,2}(?:st|nd|rd|th)?';
const DATE =
  `(?:${MONTH}\\s+${DAY_ORD},?\\s+\\d{4}` +
  `|${DAY_ORD}\\s+(?:day\\s+of\\s+)?${MONTH},?\\s+\\d{4}` +
  `|\\d{1,2}/\\d{1,2}/\\d{2,4}` +
  `|\\d{4}-\\d{2}-\\d{2})`;
const DATE_RE = new RegExp(DATE, 'gi');
const TITLE_WORDS =
  /\b(?:AGREEMENT|CONTRACT|LICEN[CS]E|LEASE|TERMS|MEMORANDUM|ADDENDUM|AMENDMENT|PLAN|DEED|NOTE)\b/i;
const CORPORATE_SUFFIX =
  /\b(?:Inc|INC|Incorporated|INCORPORATED|LLC|L\.L\.C|Ltd|LTD|Limited|LIMITED|Corp|CORP|Corporation|CORPORATION|Company|COMPANY|Co|CO|LP|L\.P|LLP|PLC|plc|GmbH|AG|S\.A|N\.V|B\.V|Trust|TRUST|Bank|BANK|University)\b\.?/;
const PREAMBLE_CHARS = 5000;

function fact(text: string, start: number, end: number): Fact {
  return { text: text.slice(start, end), start, end };
}

function findTitle(text: string): Fact | undefined {
  const head = text.slice(0, PREAMBLE_CHARS);
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  let seen = 0;
  while ((m = re.exec(head)) && seen < 40) {
    const line = m[0].trim();
    if (!line) continue;
    seen++;
    const letters = line.replace(/[^\p{L}]/gu, '');
    if (line.length <= 100 && TITLE_WORDS.test(line) && letters && letters === letters.toUpperCase()) {
      const start = m.index + m[0].indexOf(line);
      return fact(text, start, start + line.length);
    }
  }
  return undefined;
}

/** The first date within `window` characters after a cue such as "dated" or "effective as of". */
function dateAfterCue(text: string, cue: RegExp, window = 160, limit = PREAMBLE_CHARS): Fact | undefined {
  const head = text.slice(0, limit);
  for (const m of head.matchAll(cue)) {
    const from = m.index + m[0].length;
    DATE_RE.lastIndex = 0;
    const d = DATE_RE.exec(head.slice(from, from + window));
    if (d) return fact(text, from + d.index, from + d.index + d[0].length);
  }
  return undefined;
}

/** Party names from "between A and B" in the preamble: each side up to its first comma or parenthesis. */
function findParties(text: string): Fact[] {
  const head = text.slice(0, PREAMBLE_CHARS);
  const between = /\b(?:by and )?(?:between|among)\s+/i.exec(head);
  if (!between) return [];
  const from = between.index + between[0].length;
  const sentenceEnd = head.slice(from).search(/\.\s*\n|\.\s+(?:WHEREAS|RECITALS|NOW|This|The|In)\b|\n\s*\n/);
  const stop = sentenceEnd < 0 ? Math.min(head.length, from + 1500) : from + sentenceEnd;
  const parties: Fact[] = [];
  // Split on " and " outside parentheses and quotes; each side is a party clause.
  let depth = 0;
  let sideStart = from;
  const sides: [number, number][] = [];
  for (let i = from; i < stop; i++) {
    const c = head.charAt(i);
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /^\s(?:and|AND)\s/.test(head.slice(i, i + 5))) {
      sides.push([sideStart, i]);
      sideStart = i + 5;
      i += 4;
    } else if (depth === 0 && /^\),\s+(?!and\s|AND\s)/.test(head.slice(i - 1, i + 3)) && head[i] === ',') {
      // "A (the "Fund"), B (the "Agent") and C": a closing bracket and a comma end a party in a list.
      sides.push([sideStart, i]);
      sideStart = i + 1;
    }
  }
  sides.push([sideStart, stop]);
  for (const [s, e] of sides) {
    const side = head.slice(s, e);
    const name = partyName(side);
    if (name) parties.push(fact(text, s + name[0], s + name[1]));
  }
  return parties;
}

function partyName(side: string): [number, number] | undefined {
  // Prefer a corporate name ("Acme Widgets, Inc."), else the capitalised words before the first comma/bracket.
  const corporate = new RegExp(
    `((?:[A-Z0-9&][\\w&.'’-]*\\s+){0,8}?[A-Z0-9&][\\w&.'’-]*,?\\s+${CORPORATE_SUFFIX.source})`,
  ).exec(side);
  if (corporate?.[1] && corporate.index < 200)
    return [corporate.index, corporate.index + corporate[1].length];
  // Only before the first bracket or quote: what follows is the defined term ("Acme") or a description.
  const lead = side.slice(0, side.search(/[("“]|$/));
  for (const m of lead.matchAll(/[A-Z][\w&.'’-]*(?:\s+(?:[A-Z0-9][\w&.'’-]*|of|and|&|de|la|du))*/g)) {
    const name = m[0].replace(/[\s,.]+$/, '');
    if (name.includes(' ') || (name.length > 1 && name === name.toUpperCase()))
      return [m.index, m.index + name.length];
  }
  return undefined;
}

/** A date followed by its definition, e.g. `January 21, 2005 (the "Effective Date")`. */
function definedDate(text: string, term: string): Fact | undefined {
  const re = new RegExp(`(${DATE})\\s*\\((?:the\\s+)?["“]${term}["”]\\)`, 'i');
  const m = re.exec(text.slice(0, PREAMBLE_CHARS));
  return m?.[1] ? fact(text, m.index, m.index + m[1].length) : undefined;
}

export function extractKeyFacts(text: string): KeyFacts {
  const facts: KeyFacts = { parties: findParties(text) };
  const title = findTitle(text);
  if (title) facts.title = title;
  const agreementDate = dateAfterCue(text, /\b(?:dated|made|entered into|executed|as of|is made on)\b/gi);
  if (agreementDate) facts.agreementDate = agreementDate;
  const effectiveDate =
    definedDate(text, 'Effective Date') ??
    dateAfterCue(text, /\beffective(?:\s+date)?\b/gi, 120, text.length);
  if (effectiveDate) facts.effectiveDate = effectiveDate;
  const expirationDate = dateAfterCue(
    text,
    /\b(?:expires?|expiration date|terminat(?:e|es|ing) on|until)\b/gi,
    80,
    text.length,
  );
  if (expirationDate) facts.expirationDate = expirationDate;
  return facts;
}
