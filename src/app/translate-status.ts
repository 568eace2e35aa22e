import type { BackendName } from '../engine/types';

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
