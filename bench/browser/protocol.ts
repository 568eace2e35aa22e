import type { ThroughputRow } from '../measure';

/** What the page sends the benchmark worker. */
export interface BenchRequest {
  catalogUrl: string;
  modelId: string;
  sentences: string[];
  beams: number[];
  /** Sentences decoded together, each measured side by side (1: one at a time). */
  together: number[];
  repeats: number;
  /** Translated once each, in order, with the model's default settings, to watch memory over a long document. */
  longRun: string[];
  /** Progress is reported every this many sentences of the long run. */
  longRunEvery: number;
}

export type BenchMessage =
  | { type: 'loaded'; backend: string; loadSeconds: number }
  | { type: 'throughput'; row: ThroughputRow }
  | { type: 'long-run'; done: number; seconds: number; tokens: number }
  | { type: 'finished' }
  | { type: 'error'; message: string };
