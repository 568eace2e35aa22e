/**
 * The browser bench's legal and comparison tables from the page's alternated rounds: speed per runner (median,
 * min–max over the rounds), ratios taken within each round, and outputs compared with a reference.
 */
import { labelsOf } from '../legal-output';
import { identicalCount, spread, type Spread } from '../rounds';
import type { PageRunnerRecord } from './rounds';

export interface LegalRow {
  task: 'contract' | 'unfair-tos';
  model: string;
  /** Seconds per contract for `contract`, sentences/s for `unfair-tos`. */
  speed: Spread;
  /** The same for the warm-up pass, the first after the model was opened. */
  firstSpeed: number;
  /** Outputs byte for byte those of the reference (the engine in Node), and with its labels whatever the scores. */
  identical: number;
  sameLabels: number;
  outputs: number;
}

export function legalRow(
  task: LegalRow['task'],
  record: PageRunnerRecord,
  reference: readonly string[],
  sentences: number,
): LegalRow {
  const speed = (ms: number) => (task === 'contract' ? ms / 1000 : sentences / (ms / 1000));
  return {
    task,
    model: record.name,
    speed: spread(record.wallMs.map(speed)),
    firstSpeed: speed(record.warmUpMs),
    identical: identicalCount(record.outputs, reference),
    sameLabels: identicalCount(record.outputs.map(labelsOf), reference.map(labelsOf)),
    outputs: reference.length,
  };
}

export interface CompareRow {
  runner: string;
  sentencesPerSecond: Spread;
  /** Sentences/s over those of the first runner (the reference) in the same round. */
  timesReference: Spread;
  /** Outputs identical to the reference runner's. */
  identical: number;
  outputs: number;
}

/** Rows for each runner against the first, which is the reference. */
export function compareRows(records: readonly PageRunnerRecord[], sentences: number): CompareRow[] {
  const [reference] = records;
  if (!reference) return [];
  return records.map((record) => ({
    runner: record.name,
    sentencesPerSecond: spread(record.wallMs.map((ms) => sentences / (ms / 1000))),
    timesReference: spread(record.wallMs.map((ms, round) => (reference.wallMs[round] as number) / ms)),
    identical: identicalCount(record.outputs, reference.outputs),
    outputs: reference.outputs.length,
  }));
}
