import type { DocumentParagraph, HeadingLevel } from './document-paragraph';

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

/**
 * Single and 1.5 line spacing put baselines at most about 1.75 font sizes apart; wider spacing everywhere on a
 * page means either double spacing or paragraphs of one line each with a blank line between them.
 */
const WIDE_LEADING = 1.75;

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
  // When no gap on the page is as narrow as single spacing, one-line paragraphs cannot be told apart by spacing;
  // a split at a sentence end costs the translation nothing, while a merge loses the paragraph.
  if (page.leading > WIDE_LEADING * size && SENTENCE_END.test(previous.text)) return true;
  // A line ending well short of the margin before a capital or a number ends a salutation, a heading, an
  // address line or a list item, even after a comma ("Dear Ms. Smith,"); a line-end hyphen continues a word.
  return shortBy > 0.4 && /^[\p{Lu}\p{N}]/u.test(line.text) && !/[-\u2010]$/u.test(previous.text);
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

/** The page's horizontal extent in text coordinates, when known: it tells where the right margin lies. */
export interface PageBox {
  left: number;
  right: number;
}

/** One page's text runs, and its box when known. */
export interface PdfPageText {
  runs: PdfTextRun[];
  box?: PageBox;
}

/** A paragraph's text and the size of its largest line, to tell headings from body text. */
interface Block {
  text: string;
  fontSize: number;
  lines: number;
}

/**
 * Paragraphs of one page; `knownWords` (lower case) decides which line-end hyphens split a word. The right margin
 * is where the widest line ends or, when the page box is known and lies further out, as far from the page's
 * right edge as the text starts from its left edge: a short letter's widest line need not reach the margin.
 */
function paragraphsOfLines(lines: Line[], knownWords: ReadonlySet<string>, box?: PageBox): Block[] {
  if (lines.length === 0) return [];
  const left = Math.min(...lines.map((line) => line.x));
  const widest = Math.max(...lines.map((line) => line.right));
  const mirrored = box ? box.right - (left - box.left) : widest;
  const page = { left, right: Math.max(widest, mirrored), leading: pageLeading(lines) };
  const blocks: Block[] = [];
  let group: Line[] = [];
  const close = () =>
    blocks.push({
      text: joinLines(group, knownWords),
      fontSize: Math.max(...group.map((line) => line.fontSize)),
      lines: group.length,
    });
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    if (previous && startsParagraph(previous, line, page)) {
      close();
      group = [];
    }
    group.push(line);
  });
  close();
  return blocks;
}

/** Font sizes are compared to the half point, as layouts rarely differ by less. */
const roundSize = (size: number) => Math.round(size * 2) / 2;

/** The font size of most of the text: body text, against which headings stand out. */
function bodySize(blocks: readonly Block[]): number {
  const characters = new Map<number, number>();
  for (const block of blocks) {
    const size = roundSize(block.fontSize);
    characters.set(size, (characters.get(size) ?? 0) + block.text.length);
  }
  let body = 0;
  let most = -1;
  for (const [size, count] of characters) {
    if (count > most) [body, most] = [size, count];
  }
  return body;
}

/** Headings are short paragraphs set larger than the body text; larger sizes rank higher (level 1 first). */
function withHeadings(blocks: readonly Block[]): DocumentParagraph[] {
  const body = bodySize(blocks);
  const isHeading = (block: Block) =>
    roundSize(block.fontSize) >= body * 1.15 && block.lines <= 3 && block.text.length <= 200;
  const sizes = [...new Set(blocks.filter(isHeading).map((block) => roundSize(block.fontSize)))].sort(
    (a, b) => b - a,
  );
  return blocks.map((block) => {
    if (!isHeading(block)) return { text: block.text };
    const level = Math.min(6, sizes.indexOf(roundSize(block.fontSize)) + 1) as HeadingLevel;
    return { text: block.text, heading: level };
  });
}

/** Paragraphs of one page on its own. */
export function pageParagraphs(runs: PdfTextRun[], box?: PageBox): string[] {
  const lines = linesOf(runs);
  return paragraphsOfLines(lines, wordsOf(lines), box).map((block) => block.text);
}

/**
 * Paragraphs of a whole document, with headings marked; a paragraph never spans a page break. Line-end hyphens
 * are judged against the words of the whole document.
 */
export function pdfParagraphs(pages: readonly PdfPageText[]): DocumentParagraph[] {
  const lines = pages.map((page) => linesOf(page.runs));
  const knownWords = wordsOf(lines.flat());
  return withHeadings(lines.flatMap((page, index) => paragraphsOfLines(page, knownWords, pages[index]?.box)));
}
