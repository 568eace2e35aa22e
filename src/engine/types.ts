/**
 * Shared vocabulary of the engine: catalog schema, progress events, backends and task results.
 * Everything here is plain data so it crosses the worker boundary (structured clone) unchanged.
 */

/** Which inference backend a session runs on. `cpu` is onnxruntime-node (CLI only). */
export type BackendName = 'webgpu' | 'wasm' | 'cpu';

/** What the user asked for; `auto` prefers WebGPU and falls back to WASM. */
export type BackendPreference = 'auto' | 'webgpu' | 'wasm';

export interface BackendInfo {
  /** Backend actually in use for new sessions. */
  active: BackendName;
  preference: BackendPreference;
  /** Human-readable reason, e.g. "WASM — no WebGPU adapter". */
  reason: string;
  /** WASM threads in use (2 when crossOriginIsolated). */
  wasmThreads: number;
  /** Adapter description when WebGPU is available, e.g. "google swiftshader (fallback)". */
  adapter?: string;
}

export type ModelTask = 'translation' | 'unfair-tos' | 'contract-clauses';

export interface ModelFile {
  /** Path relative to the model's baseUrl, e.g. "onnx/encoder_model_quantized.onnx". */
  path: string;
  /**
   * Exact byte size; used for progress and to reject truncated bodies. Null only in a remote model whose catalog
   * does not pin it ("unpinned"): the server's response tells the size instead.
   */
  size: number | null;
  /**
   * Lower-case hex SHA-256 of the file. Null only in a remote model whose catalog does not pin it: the loader then
   * checks the host's SHA-256 ETag when it can read one, and otherwise records the digest of the first download.
   */
  sha256: string | null;
}

export interface CatalogModel {
  id: string;
  name: string;
  task: ModelTask;
  /** For translation models. */
  source?: string;
  target?: string;
  /** For tagging models: label names in id order. */
  labels?: string[];
  /** For tagging models: the languages of the text it was trained on (unset: English). */
  languages?: string[];
  /**
   * Where the files live. Relative URLs resolve against the catalog's own URL (bundled models);
   * absolute URLs point at a remote host in the Transformers.js/Optimum layout.
   */
  baseUrl: string;
  files: ModelFile[];
  license: string;
  attribution: string;
  description?: string;
  /** True when files come from another host and need internet the first time. */
  remote?: boolean;
  /** Test fixtures are never offered to users as real models. */
  fixture?: boolean;
  /**
   * Translation models trained on short sentences: sentences longer than this many words are translated clause
   * by clause (split after , ; :), which such a model handles far better than one long sentence.
   */
  splitSentencesOverWords?: number;
}

export interface Catalog {
  version: 1;
  models: CatalogModel[];
}

/** One event type from loader to UI (Transformers.js-style vocabulary). */
export type LoadProgress =
  | { status: 'initiate'; modelId: string; file: string; total: number }
  | {
      status: 'progress';
      modelId: string;
      file: string;
      /** Bytes of this file received so far / expected (0 while a remote file's size is not known yet). */
      fileLoaded: number;
      fileTotal: number;
      /** Bytes of all the model's files received so far / expected (0 while any size is not known yet). */
      loaded: number;
      total: number;
      /** Bytes per second over the recent window. */
      rate: number;
      /** Seconds to completion at the current rate, or null when unknown. */
      etaSeconds: number | null;
    }
  | { status: 'retry'; modelId: string; file: string; attempt: number; delayMs: number; reason: string }
  | { status: 'done'; modelId: string; file: string; fromCache: boolean }
  | { status: 'ready'; modelId: string };

export type ModelState = 'absent' | 'downloading' | 'ready' | 'failed';

export interface ModelStatus {
  id: string;
  state: ModelState;
  /** Bytes cached for this model. */
  cachedBytes: number;
  /**
   * Bytes of all the model's files, or null while unknown: a remote model with unpinned files learns its sizes
   * when the download starts.
   */
  totalBytes: number | null;
  error?: string;
}

export interface StorageInfo {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

/** Options that override generation_config.json. */
export interface GenerationOptions {
  /** 1 = greedy. */
  numBeams?: number;
  lengthPenalty?: number;
  /** Cap on new tokens = maxLengthFactor * input tokens + maxLengthOffset. */
  maxLengthFactor?: number;
  maxLengthOffset?: number;
  /**
   * Most sentences decoded together (on CPU and WASM; default 8). The output is the same for any value; 1
   * decodes one sentence at a time.
   */
  sentencesPerRun?: number;
}

/** One entry of a user's glossary: how `source` (matched whole-word, case aside) is always translated. */
export interface GlossaryTerm {
  source: string;
  target: string;
}

export interface TranslateRequest {
  modelId: string;
  text: string;
  options?: GenerationOptions;
  /** Terms translated as the user fixed them (the model never sees them, only stand-ins). */
  glossary?: readonly GlossaryTerm[];
  /**
   * The form of the model's target language to write (BCP 47: zh-TW, zh-HK and zh-Hant are written in Traditional
   * characters); the model's own target when absent. Its language must be the model's target language.
   */
  targetLocale?: string;
}

/** Streamed while a translation runs. */
export type TranslateEvent =
  /**
   * Before the first sentence, while the model is not open yet on this backend: `engine` while onnxruntime
   * loads, `model` while the model's files are read and its sessions created, `opened` once it is open.
   */
  | { type: 'loading'; stage: 'engine' | 'model' | 'opened'; modelId: string }
  | { type: 'token'; segment: number; text: string }
  | {
      type: 'segment';
      segment: number;
      source: string;
      translation: string;
      done: number;
      total: number;
      /** Mean log-probability the decoder gave the translation's tokens; absent when unknown. */
      confidence?: number;
      /** True when the confidence is low enough that the translation deserves a second look. */
      unsure?: boolean;
    }
  | { type: 'stats'; tokens: number; seconds: number; backend: BackendName };

export interface TranslateResult {
  text: string;
  tokens: number;
  seconds: number;
  backend: BackendName;
}

export type { CandidateSpan, DocumentTags, TaggedSpan, TagProgress } from './legal/document-tagger';
export type { Fact, KeyFacts } from './legal/facts';

/** A whole document to tag with a tagging model (tasks `unfair-tos` and `contract-clauses`). */
export interface TagDocumentRequest {
  modelId: string;
  text: string;
  /**
   * Also return (clause, label) scores at or above this floor that stay under the label's threshold (`candidates`)
   * and the thresholds, so a reviewer can lower the bar without tagging again. Omitted: the model's decision only.
   */
  candidateFloor?: number;
}
