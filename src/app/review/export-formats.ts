/**
 * Exports of a review: JSON (everything, for other tools) and CSV (one row per clause label, for spreadsheets).
 * Offsets are JavaScript string indices (UTF-16 code units) into the reviewed text, so
 * `text.slice(start, end) === row.text` holds for every row.
 */
import type { KeyFacts } from '../../engine/types';
import type { Clause } from './clauses';
import type { ReviewKind } from './review-kind';

export interface ExportRow {
  label: string;
  score: number;
  start: number;
  end: number;
  text: string;
}

export interface ReviewExport {
  document: { name: string; kind: ReviewKind; characters: number };
  model: { id: string; name: string };
  /** The confidence setting (0 = the model's own thresholds) and the categories hidden when exporting. */
  filters: { confidenceShift: number; hiddenCategories: string[] };
  facts: KeyFacts;
  spans: ExportRow[];
}

/** One row per (clause, label), in document order, surest label first within a clause. */
export function exportRows(text: string, clauses: readonly Clause[]): ExportRow[] {
  return clauses.flatMap((clause) =>
    clause.labels.map(({ label, score }) => ({
      label,
      score,
      start: clause.start,
      end: clause.end,
      text: text.slice(clause.start, clause.end),
    })),
  );
}

export function toJson(review: ReviewExport): string {
  return `${JSON.stringify(review, null, 2)}\n`;
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling its quotes. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const BOM = '\uFEFF';

/** CSV with a UTF-8 byte-order mark (so spreadsheet programs read the encoding right) and CRLF row ends. */
export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [['label', 'score', 'start', 'end', 'text'].join(',')];
  for (const row of rows) {
    lines.push([row.label, row.score, row.start, row.end, row.text].map(csvField).join(','));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** "MSA.docx" → "MSA-review"; the name of the reviewed file, or of the pasted text. */
export function exportBaseName(documentName: string): string {
  const stem = documentName.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[\\/:*?"<>|\s]+/g, '-');
  return `${stem || 'document'}-review`;
}
