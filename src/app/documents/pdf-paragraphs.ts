/** One run of text on a PDF page, in page units (y grows upwards), as pdf.js reports it. */
export interface PdfTextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  /** pdf.js's own judgement that a line ends after this run. */
  hasEOL: boolean;
}

interface Line {
  text: string;
  x: number;
  y: number;
  right: number;
  fontSize: number;
}

/** Turns pdf.js text items into runs; marked-content items (no `str`) are dropped. */
export function textRunsFromItems(
  items: ReadonlyArray<
    { str: string; transform: number[]; width: number; height: number; hasEOL: boolean } | { type: string }
  >,
): PdfTextRun[] {
  const runs: PdfTextRun[] = [];
  for (const item of items) {
    if (!('str' in item)) continue;
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
    runs.push({
      str: item.str,
      x,
      y,
      width: item.width,
      fontSize: Math.hypot(c, d) || item.height || 1,
      hasEOL: item.hasEOL,
    });
  }
  return runs;
}

/** Groups runs into visual lines: a line ends where pdf.js says so or where the baseline moves. */
function linesOf(runs: PdfTextRun[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  let ended = true;
  const finish = () => {
    if (current) {
      const text = current.text.replace(/\s+/gu, ' ').trim();
      if (text) lines.push({ ...current, text });
    }
    current = null;
  };
  for (const run of runs) {
    const blank = run.str.trim() === '';
    if (current && !ended && Math.abs(run.y - current.y) > 0.5 * Math.max(run.fontSize, current.fontSize)) {
      ended = true;
    }
    if (ended && !blank) {
      finish();
      current = { text: '', x: run.x, y: run.y, right: run.x, fontSize: run.fontSize };
      ended = false;
    }
    if (current && !ended) {
      // Some PDFs position words one by one without space characters between them.
      const gap = run.x - current.right;
      if (gap > 0.15 * run.fontSize && !/\s$/u.test(current.text) && !/^\s/u.test(run.str))
        current.text += ' ';
      current.text += run.str;
      current.right = Math.max(current.right, run.x + run.width);
      current.fontSize = Math.max(current.fontSize, run.fontSize);
    }
    if (run.hasEOL) ended = true;
  }
  finish();
  return lines;
}

const SENTENCE_END = /[.!?:;…"”’)]$/u;

/** Whether `line` starts a new paragraph after `previous`, judged from spacing, size, indent and line length. */
function startsParagraph(previous: Line, line: Line, page: { left: number; right: number; leading: number }) {
  const size = Math.max(previous.fontSize, line.fontSize);
  const gap = previous.y - line.y;
  // Moving up or staying on the same baseline: a new column, a table cell or text out of reading order.
  if (gap < 0.3 * size) return true;
  if (gap > page.leading * 1.3) return true;
  if (Math.abs(previous.fontSize - line.fontSize) > 0.2 * size) return true;
  const indented = line.x - page.left > size && previous.x - page.left < 0.5 * size;
  if (indented) return true;
  const shortBy = (page.right - previous.right) / Math.max(1, page.right - page.left);
  if (shortBy > 0.1 && SENTENCE_END.test(previous.text)) return true;
  // A short line before a capital often ends a heading or a list item, unless it ends mid-word or mid-phrase.
  return shortBy > 0.4 && /^[\p{Lu}\p{N}]/u.test(line.text) && !/[-\u2010,]$/u.test(previous.text);
}

/**
 * Joins the lines of one paragraph. A hyphen at a line end may split a word ("transla-" + "tion") or belong to
 * it ("well-" + "known", "Jean-" + "Pierre"); it is dropped only when the joined word occurs elsewhere in the
 * document, and kept (without a space) otherwise. Soft hyphens are always dropped.
 */
function joinLines(lines: Line[], knownWords: ReadonlySet<string>): string {
  let text = '';
  for (const line of lines) {
    const split = /(\p{L}+)[-\u2010]$/u.exec(text);
    const next = /^\p{L}+/u.exec(line.text);
    if (!text) text = line.text;
    else if (text.endsWith('\u00ad')) text = text.slice(0, -1) + line.text;
    else if (split?.[1] && next && knownWords.has(`${split[1]}${next[0]}`.toLowerCase())) {
      text = text.slice(0, -1) + line.text;
    } else if (/\S[-\u2010]$/u.test(text)) text += line.text;
    else text += ` ${line.text}`;
  }
  return text.replaceAll('\u00ad', '');
}

/** Lower-case words of the document, to tell a word split at a line end from a hyphenated compound. */
function wordsOf(lines: Line[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines)
    for (const [word] of line.text.matchAll(/\p{L}+/gu)) words.add(word.toLowerCase());
  return words;
}

/** The most common line spacing on the page: the smallest plausible baseline step. */
function pageLeading(lines: Line[]): number {
  let leading = Infinity;
  for (let index = 1; index < lines.length; index += 1) {
    const previous = lines[index - 1];
    const line = lines[index];
    if (!previous || !line) continue;
    const size = Math.max(previous.fontSize, line.fontSize);
    const gap = previous.y - line.y;
    if (gap >= 0.8 * size && gap <= 3 * size) leading = Math.min(leading, gap);
  }
  return Number.isFinite(leading) ? leading : Math.max(...lines.map((line) => line.fontSize)) * 1.5;
}

/** Paragraphs of one page; `knownWords` (lower case) decides which line-end hyphens split a word. */
function paragraphsOfLines(lines: Line[], knownWords: ReadonlySet<string>): string[] {
  if (lines.length === 0) return [];
  const page = {
    left: Math.min(...lines.map((line) => line.x)),
    right: Math.max(...lines.map((line) => line.right)),
    leading: pageLeading(lines),
  };
  const paragraphs: string[] = [];
  let group: Line[] = [];
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    if (previous && startsParagraph(previous, line, page)) {
      paragraphs.push(joinLines(group, knownWords));
      group = [];
    }
    group.push(line);
  });
  paragraphs.push(joinLines(group, knownWords));
  return paragraphs;
}

/** Paragraphs of one page on its own. */
export function pageParagraphs(runs: PdfTextRun[]): string[] {
  const lines = linesOf(runs);
  return paragraphsOfLines(lines, wordsOf(lines));
}

/** Paragraphs of a whole document; a paragraph never spans a page break. */
export function pdfParagraphs(pages: PdfTextRun[][]): string[] {
  const lines = pages.map(linesOf);
  const knownWords = wordsOf(lines.flat());
  return lines.flatMap((page) => paragraphsOfLines(page, knownWords));
}
