import type { GlossaryTerm } from '../../engine/types';

/** A row of the glossary editor: a term with an id that keeps its inputs in place while rows come and go. */
export interface GlossaryRow extends GlossaryTerm {
  id: number;
}

let nextId = 1;

export function toRows(terms: readonly GlossaryTerm[]): GlossaryRow[] {
  return terms.map((term) => ({ ...term, id: nextId++ }));
}

export function emptyRow(): GlossaryRow {
  return { source: '', target: '', id: nextId++ };
}

export function toTerms(rows: readonly GlossaryRow[]): GlossaryTerm[] {
  return rows.map(({ source, target }) => ({ source, target }));
}

/** Rows left wholly empty are dropped when the editor closes; a half-filled one is kept for the user to finish. */
export const withoutEmptyRows = (rows: readonly GlossaryRow[]) =>
  rows.filter((row) => row.source.trim() || row.target.trim());
