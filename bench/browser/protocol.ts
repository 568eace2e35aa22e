import type { ThroughputRow } from '../measure';
import type { PageRunnerRecord } from './rounds';

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

/** A cold start: open the cached model and translate one sentence, each phase timed (see cold-start.ts). */
export interface ColdStartRequest {
  catalogUrl: string;
  modelId: string;
  sentence: string;
  /** When the page created the worker, in ms since the epoch (performance.timeOrigin + now()). */
  workerCreatedAt: number;
  /** Which engine starts (see ColdStartVariant). */
  variant: ColdStartVariant;
}

/**
 * `app`: the app's worker engine as it ships (onnxruntime's WASM-only build for WASM, the runtime started once
 * the catalog is loaded). `webgpu-build`: the same with the WebGPU build serving WASM, as the app did before.
 * `no-warm-up`: the app's engine with the runtime started only when the translation asks for it.
 * `opened-ahead`: the app's engine, the model opened before the translation is asked for, as the Translate page
 * does while the user types: the translation then times what a click waits for. `opened-ahead-no-warm-run`:
 * the same with the sessions opened but no short run made on them (Engine.openModel makes one).
 * `no-prepacking`: the app's engine with onnxruntime's weight prepacking turned off in every session
 * (`session.disable_prepacking`), to see what prepacking costs while sessions are created.
 * `one-thread`: the app's engine with onnxruntime's WebAssembly on one thread, which starts no pthread worker.
 */
export type ColdStartVariant =
  | 'app'
  | 'webgpu-build'
  | 'no-warm-up'
  | 'opened-ahead'
  | 'opened-ahead-no-warm-run'
  | 'no-prepacking'
  | 'one-thread';

/** Legal tagging on WASM: one contract tagged whole, and sentences tagged by each UNFAIR-ToS model. */
export interface LegalRequest {
  catalogUrl: string;
  contractModelId: string;
  contract: string;
  unfairTosModelIds: string[];
  sentences: string[];
  /** Sentences given to the tagger together, as the CLI does (src/cli/tag-command.ts). */
  batchLines: number;
  rounds: number;
}

/** Transformers.js against Lexlet's engine on the same model files and sentences, greedy, in alternated rounds. */
export interface CompareRequest {
  catalogUrl: string;
  modelId: string;
  /** The folder of model folders Transformers.js reads (env.localModelPath), as a path on the page's origin. */
  modelsUrl: string;
  /** onnxruntime's WebAssembly files for Transformers.js, served with the page. */
  transformersWasm: { mjs: string; wasm: string };
  sentences: string[];
  /** Sentences Lexlet's engine decodes together in its second runner. */
  together: number;
  rounds: number;
}

/** A moment of the cold start, in ms since the epoch, so that page and worker times compare. */
export interface ColdStartMark {
  name: string;
  at: number;
}

export type BenchMessage =
  | { type: 'loaded'; backend: string; loadSeconds: number }
  | { type: 'throughput'; row: ThroughputRow }
  | { type: 'long-run'; done: number; seconds: number; tokens: number }
  | { type: 'prepared' }
  | { type: 'cold-start'; marks: ColdStartMark[]; translation: string }
  | { type: 'rounds'; section: 'contract' | 'unfair-tos' | 'compare'; records: PageRunnerRecord[] }
  /** Seconds to open a model (sessions created) or, for `compare`, each runner's translator. */
  | { type: 'opened'; name: string; seconds: number }
  | { type: 'progress'; text: string }
  | { type: 'finished' }
  | { type: 'error'; message: string };

/** What the page asks the worker to do. */
export type WorkerRequest =
  | { mode: 'throughput'; request: BenchRequest }
  /** Download the model into Cache Storage, so that later cold starts find it there. */
  | { mode: 'prepare'; catalogUrl: string; modelId: string }
  | { mode: 'cold-start'; request: ColdStartRequest }
  | { mode: 'legal'; request: LegalRequest }
  | { mode: 'compare'; request: CompareRequest };
