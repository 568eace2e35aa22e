import type { BackendName } from '../engine/types';
import { languageName } from './format';

export interface TranslationStats {
  tokens: number;
  seconds: number;
  backend: BackendName;
}

const BACKEND_LABELS: Record<BackendName, string> = { webgpu: 'WebGPU', wasm: 'WASM', cpu: 'CPU' };

/** "WASM · 42 tokens · 12 tokens/s · 3.5 s"; sentences translated before come from memory (no tokens). */
export function statsText({ tokens, seconds, backend }: TranslationStats): string {
  const time = `${seconds.toFixed(1)} s`;
  const label = BACKEND_LABELS[backend];
  if (tokens === 0) return `${label} · from memory · ${time}`;
  const rate = seconds > 0 ? tokens / seconds : 0;
  const rateText = rate >= 10 ? String(Math.round(rate)) : rate.toFixed(1);
  return `${label} · ${tokens} token${tokens === 1 ? '' : 's'} · ${rateText} tokens/s · ${time}`;
}

/** A cancelled translation of typed text: its sentences finished (and kept) and how many it has in all. */
export interface CancelledTranslation {
  kept: number;
  total: number;
}

/** "Cancelled · 2 of 5 sentences kept"; a cancel said plainly, since it is the user's choice, not a failure. */
export function cancelledText({ kept, total }: CancelledTranslation): string {
  if (kept === 0) return 'Cancelled before any sentence was translated';
  return `Cancelled · ${kept} of ${total} sentence${total === 1 ? '' : 's'} kept`;
}

/** Where a translation of typed text is, for its status line (from the engine's events, see translate-route.ts). */
export interface TranslateProgress {
  /**
   * Waiting for the engine's first word on this leg (no loading: the model is open), loading onnxruntime,
   * opening a model, or translating sentences.
   */
  stage: 'waiting' | 'engine' | 'model' | 'translating';
  /** The languages of the model being opened (codes). */
  source?: string;
  target?: string;
  /** True on a route's leg into English, whose sentences are not shown. */
  pivot: boolean;
  /** Sentences of the shown translation finished, and in all (0 until the first is done). */
  done: number;
  total: number;
}

export const STARTING: TranslateProgress = { stage: 'waiting', pivot: false, done: 0, total: 0 };

export type ProgressEvent =
  | { type: 'leg'; pivot: boolean }
  | { type: 'loading'; stage: 'engine' | 'model' | 'opened'; source?: string; target?: string }
  | { type: 'finished'; done: number; total: number };

export function nextProgress(progress: TranslateProgress, event: ProgressEvent): TranslateProgress {
  switch (event.type) {
    case 'leg':
      return { ...progress, stage: 'waiting', pivot: event.pivot };
    case 'loading':
      return event.stage === 'opened'
        ? { ...progress, stage: 'translating' }
        : { ...progress, stage: event.stage, source: event.source, target: event.target };
    case 'finished':
      return { ...progress, stage: 'translating', done: event.done, total: event.total };
  }
}

/** "Starting the engine…", "Loading the English → Spanish model…", "Translating · 2 of 5 sentences…". */
export function progressText(progress: TranslateProgress): string {
  if (progress.stage === 'engine') return 'Starting the engine…';
  if (progress.stage === 'model') {
    const { source, target } = progress;
    return source && target
      ? `Loading the ${languageName(source)} → ${languageName(target)} model…`
      : 'Loading the model…';
  }
  if (progress.pivot) return 'Translating to English…';
  if (progress.stage === 'waiting') return 'Translating…';
  if (progress.done === 0 || progress.total <= 1) return 'Translating the first sentence…';
  return `Translating · ${progress.done} of ${progress.total} sentences…`;
}
