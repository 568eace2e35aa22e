/**
 * Clause segmentation the way contracts are read: headings, numbered sections and subsections (1., 1.1, (a),
 * (iv), Article II, Section 5), paragraphs, then sentences. Every segment is a pair of character offsets into the
 * ORIGINAL text (`text.slice(start, end)` is the segment, trimmed of surrounding whitespace), so tags map back to
 * the document exactly as it was read.
 */

export type SegmentKind = 'heading' | 'clause' | 'paragraph';

export interface TextSegment {
  start: number;
  end: number;
  kind: SegmentKind;
  /** The enumeration that opens a clause, e.g. "1.1", "(a)", "Article II"; absent for plain paragraphs. */
  marker?: string;
}

export interface SegmentOptions {
  /** Blocks longer than this are split into sentences (the unit the taggers are trained on). */
  maxChars?: number;
}

// A clause marker at the start of a line: "Article II", "Section 5.2", "1.", "1.1", "12.3.4", "(a)", "(iv)",
// "a)", "A.", "iv." — a space need not follow ("B.sponsor" in
// scanned text).
const LINE_MARKER_RE =
  /^[ \t]*((?:ARTICLE|Article|SECTION|Section|CLAUSE|Clause|§)\s*[0-9IVXLCivxlc]+(?:\.[0-9]+)*[.:]?|[0-9]{1,3}(?:\.[0-9]{1,3})+\.?|[0-9]{1,3}\.|\((?:[0-9]{1,3}|[a-z]{1,2}|[A-Z]|[ivxlcIVXLC]{1,6})\)|(?:[a-z]|[ivx]{1,5})\)|[A-Z]\.)/;
// Inline enumerations after a colon or semicolon: "...the following: (a) ...; (b) ...; and (c) ...".
const INLINE_MARKER_RE = /[:;]\s+(?:(?:and|or)\s+)?(\((?:[a-z]{1,2}|[ivxlc]{1,6}|[0-9]{1,2})\))\s/g;
const ABBREVIATIONS = new Set(
  (
    'inc ltd llc co corp no nos sec secs art arts para paras cl mr mrs ms dr st jr sr vs v e.g i.e etc ' +
    'u.s u.k u.s.a n.a s.a b.v n.v a.g plc fig approx dept est jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);

interface Line {
  start: number;
  end: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  const re = /[^\n]*(?:\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m[0].length > 0) {
    const end = m.index + m[0].length - (m[0].endsWith('\n') ? 1 : 0);
    out.push({ start: m.index, end: end > m.index && text[end - 1] === '\r' ? end - 1 : end });
  }
  return out;
}

/** Shrinks [start, end) past surrounding whitespace; returns null when nothing is left. */
function trimRange(text: string, start: number, end: number): [number, number] | null {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return end > start ? [start, end] : null;
}

function isHeading(lineText: string, marker: string | undefined): boolean {
  const body = (marker ? lineText.trim().slice(marker.length) : lineText).trim();
  // "ARTICLE IV" alone on its line titles what follows; a bare "1." or "(a)" opens a clause wrapped onto the next.
  if (!body) return marker !== undefined && /^(?:article|section|clause|§)/i.test(marker);
  if (body.length > 80 || /[.;:,]$/.test(body)) return false;
  const letters = body.replace(/[^\p{L}]/gu, '');
  if (!letters) return false;
  const upper = letters === letters.toUpperCase();
  const titleCase = body.split(/\s+/).every((w) => !/^\p{Ll}/u.test(w) || w.length <= 3);
  return upper || titleCase;
}

/**
 * Blocks: headings, clauses (opened by a marker) and paragraphs. A block runs until a blank line, a line with a
 * new marker, or a heading; hard-wrapped lines of one paragraph stay together.
 */
export function segmentBlocks(text: string): TextSegment[] {
  return paragraphBlocks(text).flatMap((b) => splitInlineEnumerations(text, b));
}

/**
 * Blocks before inline enumerations are split off: a clause whose "(a) ...; (b) ..." items follow a lead-in is one
 * block here, so the lead-in can be read as the items' context.
 */
export function paragraphBlocks(text: string): TextSegment[] {
  const blocks: TextSegment[] = [];
  let current: TextSegment | null = null;
  const close = (): void => {
    if (current) {
      const range = trimRange(text, current.start, current.end);
      if (range) blocks.push({ ...current, start: range[0], end: range[1] });
    }
    current = null;
  };
  for (const line of lines(text)) {
    const lineText = text.slice(line.start, line.end);
    if (!lineText.trim()) {
      close();
      continue;
    }
    const marker = LINE_MARKER_RE.exec(lineText)?.[1];
    if (isHeading(lineText, marker)) {
      close();
      blocks.push(headingOf(text, line, marker));
      continue;
    }
    if (marker || !current) {
      close();
      current = {
        start: line.start,
        end: line.end,
        kind: marker ? 'clause' : 'paragraph',
        ...(marker ? { marker } : {}),
      };
    } else {
      current.end = line.end;
    }
  }
  close();
  return blocks;
}

function headingOf(text: string, line: Line, marker: string | undefined): TextSegment {
  const [start, end] = trimRange(text, line.start, line.end) ?? [line.start, line.end];
  return { start, end, kind: 'heading', ...(marker ? { marker } : {}) };
}

/** "(a) ...; (b) ..." inside one block become sub-clauses; the lead-in up to the colon stays with the block. */
function splitInlineEnumerations(text: string, block: TextSegment): TextSegment[] {
  if (block.kind === 'heading') return [block];
  const body = text.slice(block.start, block.end);
  const cuts: { at: number; marker: string }[] = [];
  for (const m of body.matchAll(INLINE_MARKER_RE)) {
    const marker = m[1] ?? '';
    cuts.push({ at: block.start + m.index + m[0].indexOf(marker), marker });
  }
  if (cuts.length < 2) return [block];
  const out: TextSegment[] = [];
  const first = trimRange(text, block.start, cuts[0]?.at ?? block.end);
  if (first) out.push({ ...block, start: first[0], end: first[1] });
  cuts.forEach((cut, i) => {
    const range = trimRange(text, cut.at, cuts[i + 1]?.at ?? block.end);
    if (range) out.push({ start: range[0], end: range[1], kind: 'clause', marker: cut.marker });
  });
  return out;
}

function endsWithAbbreviation(text: string, periodAt: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, periodAt - 12), periodAt))?.[1] ?? '';
  const word = before.toLowerCase();
  // Single letters ("J. Smith", "A.") and dotted forms ("U.S.") are initials, not sentence ends.
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(before) || /^(?:\p{L}\.)+\p{L}$/u.test(before);
}

/** Sentence ranges inside [start, end): ends at . ! ? (plus closing quotes/brackets) before an upper-case start. */
export function splitSentences(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  const body = text.slice(start, end);
  const re = /[.!?]["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\p{N}])/gu;
  let from = 0;
  for (const m of body.matchAll(re)) {
    if (body[m.index] === '.' && endsWithAbbreviation(body, m.index)) continue;
    // A bare number before the period is a list number ("see 1. Definitions"), not a sentence end, unless long.
    if (body[m.index] === '.' && /(?:^|\s)\d{1,3}$/.test(body.slice(from, m.index))) continue;
    const cut = m.index + m[0].length;
    const range = trimRange(text, start + from, start + cut);
    if (range) out.push(range);
    from = cut;
  }
  const rest = trimRange(text, start + from, end);
  if (rest) out.push(rest);
  return out;
}

/**
 * Leaf units for tagging: blocks, with blocks longer than `maxChars` split into sentences (each sentence keeps
 * its block's kind; only the first keeps the marker).
 */
export function segmentClauses(text: string, options: SegmentOptions = {}): TextSegment[] {
  const maxChars = options.maxChars ?? 600;
  return segmentBlocks(text).flatMap((block) => {
    if (block.kind === 'heading' || block.end - block.start <= maxChars) return [block];
    return splitSentences(text, block.start, block.end).map(([s, e], i) => {
      const { marker: _marker, ...rest } = block;
      return i === 0 ? { ...block, start: s, end: e } : { ...rest, start: s, end: e };
    });
  });
}
