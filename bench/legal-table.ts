/**
 * The table the legal-tagging benches print (bench/legal.ts, the browser bench's legal section): per task and
 * runner, its speed, the bench's own columns, and how many outputs match the reference runner's.
 */
import { range } from './machine';
import { formatTable } from './measure';
import type { Spread } from './rounds';

export type LegalTask = 'contract' | 'unfair-tos';

export interface LegalTableRow {
  task: LegalTask;
  runner: string;
  /** Seconds per contract for `contract`, sentences/s for `unfair-tos`. */
  speed: Spread;
  /** The bench's own cells, between the speed and the comparison. */
  more: readonly string[];
  /** Outputs byte for byte the reference's, and with its labels whatever the scores. */
  identical: number;
  sameLabels: number;
  outputs: number;
}

/** Decimals for a task's speed: seconds per contract to the millisecond, whole sentences/s. */
export const speedDecimals = (task: LegalTask) => (task === 'contract' ? 3 : 0);

export function legalTable(
  columns: { runner: string; more: readonly string[]; reference: string },
  rows: readonly LegalTableRow[],
): string {
  return formatTable(
    [
      'task',
      columns.runner,
      's per contract | sentences/s',
      ...columns.more,
      `same as ${columns.reference}`,
      'same labels',
    ],
    rows.map((row) => [
      row.task,
      row.runner,
      range(row.speed, speedDecimals(row.task)),
      ...row.more,
      `${row.identical}/${row.outputs}`,
      `${row.sameLabels}/${row.outputs}`,
    ]),
  );
}
