import Papa from 'papaparse';
import { LexletError } from '../../errors';
import type { GlossaryTerm } from '../../types';
import { termKey } from './match';

/** First-row cells that name the columns rather than hold a term (as `glossaryCsv` writes them, and common kin). */
const SOURCE_HEADERS = new Set(['source', 'source term', 'term', 'from', 'original']);
const TARGET_HEADERS = new Set(['target', 'target term', 'translation', 'to']);

const BLANK_LINES = /^(?:[ \t]*\r?\n)*/u;

function invalid(message: string): LexletError {
  return new LexletError('input-invalid', message);
}

function isHeader(row: readonly string[]): boolean {
  const [source, target] = row.map((cell) => cell.trim().toLowerCase());
  return SOURCE_HEADERS.has(source ?? '') && TARGET_HEADERS.has(target ?? '');
}

/**
 * The terms of a glossary file: CSV with two columns, the source term and its translation; an optional header
 * row; cells in double quotes where they hold a comma, a quote ("") or a line break; a byte-order mark is
 * ignored, and so are blank lines. Semicolon- or tab-separated files (as some spreadsheet programs save CSV) are
 * read too. A row that is not a term pair, or a term given two different translations, is an error naming its
 * line: nothing of a bad file is taken.
 */
export function parseGlossaryCsv(text: string): GlossaryTerm[] {
  const csv = text.replace(/^\uFEFF/u, '');
  const rows: { cells: string[]; line: number; unclosedQuote: boolean }[] = [];
  let cursor = 0;
  let lines = 1;
  Papa.parse<string[]>(csv, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: 'greedy',
    step(result) {
      // The row starts after the previous one and any blank lines skipped before it.
      const start = cursor + (BLANK_LINES.exec(csv.slice(cursor))?.[0].length ?? 0);
      lines += (csv.slice(cursor, start).match(/\n/gu) ?? []).length;
      const unclosedQuote = result.errors.some((error) => error.code === 'MissingQuotes');
      rows.push({ cells: result.data, line: lines, unclosedQuote });
      lines += (csv.slice(start, result.meta.cursor).match(/\n/gu) ?? []).length;
      cursor = result.meta.cursor;
    },
  });
  const terms: GlossaryTerm[] = [];
  const seen = new Map<string, { target: string; line: number }>();
  for (const [index, { cells, line, unclosedQuote }] of rows.entries()) {
    if (unclosedQuote)
      throw invalid(
        `Line ${line}: a double quote opens a cell that is never closed (a quote inside a quoted cell is written twice: "").`,
      );
    if (index === 0 && isHeader(cells)) continue;
    // Spreadsheet programs pad rows with empty cells ("a,b,,").
    const filled =
      cells.length > 2 && cells.slice(2).every((cell) => !cell.trim()) ? cells.slice(0, 2) : cells;
    if (filled.length !== 2)
      throw invalid(
        `Line ${line}: expected two columns, the term and its translation, but found ${filled.length}` +
          ' (a term with a comma or a line break must be in double quotes).',
      );
    const [source, target] = filled.map((cell) => cell.trim()) as [string, string];
    if (!source) throw invalid(`Line ${line}: the term is empty.`);
    if (!target) throw invalid(`Line ${line}: the translation of “${source}” is empty.`);
    if (/[\r\n]/u.test(source) || /[\r\n]/u.test(target))
      throw invalid(`Line ${line}: a term or translation cannot hold a line break.`);
    const before = seen.get(termKey(source));
    if (before && before.target !== target)
      throw invalid(`Line ${line}: “${source}” is already on line ${before.line} with another translation.`);
    if (before) continue;
    seen.set(termKey(source), { target, line });
    terms.push({ source, target });
  }
  if (terms.length === 0)
    throw invalid('The file holds no terms: each line needs a term and its translation.');
  return terms;
}

/** A glossary as CSV that `parseGlossaryCsv` and spreadsheet programs read back: a header row, CRLF, UTF-8 mark. */
export function glossaryCsv(terms: readonly GlossaryTerm[]): string {
  const rows = [['source', 'target'], ...terms.map((term) => [term.source, term.target])];
  return `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}
