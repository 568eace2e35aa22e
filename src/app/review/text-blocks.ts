/**
 * The document view renders a long text as a virtualised list of blocks (paragraphs), and each block as a few
 * runs of plain or highlighted text: never one element per character, and only the blocks on screen.
 */

export interface TextBlock {
  start: number;
  end: number;
  /** The block continues the paragraph of the block before it (a long paragraph was cut). */
  continues: boolean;
}

export interface Range {
  start: number;
  end: number;
}

export interface Run {
  start: number;
  end: number;
  /** Indices of the clauses covering this run, ascending; empty for plain text. */
  clauses: number[];
  /** Indices of the marks (key facts) covering this run, ascending. */
  marks: number[];
}

const BLANK_LINE = /\r?\n[ \t\r]*\n/g;

/** Where to cut a paragraph longer than `maxChars`: after a sentence if one ends late enough, else at a space. */
function cutPoint(text: string, start: number, end: number, maxChars: number): number {
  const limit = start + maxChars;
  const window = text.slice(start, limit);
  const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('; '));
  if (sentence > maxChars / 2) return start + sentence + 2;
  const space = window.lastIndexOf(' ');
  if (space > maxChars / 2) return start + space + 1;
  return Math.min(end, limit);
}

/**
 * Paragraphs (runs of non-blank lines) in order, each at most `maxChars` long; blank lines between paragraphs
 * belong to no block. Every character that is not whitespace lies in exactly one block.
 */
export function splitIntoBlocks(text: string, maxChars = 1500): TextBlock[] {
  const blocks: TextBlock[] = [];
  const push = (from: number, to: number) => {
    let start = from;
    while (start < to && /[\r\n]/.test(text.charAt(start))) start++;
    let end = to;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    let continues = false;
    while (end - start > maxChars) {
      const cut = cutPoint(text, start, end, maxChars);
      blocks.push({ start, end: cut, continues });
      start = cut;
      continues = true;
    }
    if (end > start) blocks.push({ start, end, continues });
  };
  let from = 0;
  for (const match of text.matchAll(BLANK_LINE)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return blocks;
}

/** The block holding `offset` (or the first one after it), by binary search. */
export function blockIndexAt(blocks: readonly TextBlock[], offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((blocks[mid]?.end ?? 0) <= offset) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low);
}

/** The first clause that ends after `offset` (clauses are sorted and never contain one another). */
function firstEndingAfter(clauses: readonly Range[], offset: number): number {
  let low = 0;
  let high = clauses.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((clauses[mid]?.end ?? 0) <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

const covers = (range: Range | undefined, from: number, to: number) =>
  range !== undefined && range.start <= from && range.end >= to;

/**
 * Cuts [start, end) into runs at every clause and mark boundary inside it. `clauses` are sorted by start and never
 * contain one another (as the tagger's segments), so only the clauses near the block are visited; `marks` are few
 * (key facts) and may overlap anything.
 */
export function runsIn(
  start: number,
  end: number,
  clauses: readonly Range[],
  marks: readonly Range[] = [],
): Run[] {
  const touches = (range: Range | undefined) =>
    range !== undefined && range.start < end && range.end > start && range.end > range.start;
  const nearClauses: number[] = [];
  for (let i = firstEndingAfter(clauses, start); i < clauses.length; i++) {
    const clause = clauses[i];
    if (!clause || clause.start >= end) break;
    if (touches(clause)) nearClauses.push(i);
  }
  const nearMarks = marks.flatMap((mark, i) => (touches(mark) ? [i] : []));
  const cuts = new Set<number>([start, end]);
  for (const range of [...nearClauses.map((i) => clauses[i]), ...nearMarks.map((i) => marks[i])]) {
    if (!range) continue;
    if (range.start > start) cuts.add(range.start);
    if (range.end < end) cuts.add(range.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let p = 0; p + 1 < points.length; p++) {
    const from = points[p] ?? start;
    const to = points[p + 1] ?? end;
    const run: Run = {
      start: from,
      end: to,
      clauses: nearClauses.filter((i) => covers(clauses[i], from, to)),
      marks: nearMarks.filter((i) => covers(marks[i], from, to)),
    };
    const last = runs.at(-1);
    if (last && last.clauses.join() === run.clauses.join() && last.marks.join() === run.marks.join()) {
      last.end = to;
    } else {
      runs.push(run);
    }
  }
  return runs;
}
