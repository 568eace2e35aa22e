import type { EngineApi } from '../../engine/api';
import { glossaryForLeg } from '../../engine/translate/glossary/route-glossary';
import type { BackendName, GlossaryTerm, TranslateEvent } from '../../engine/types';
import { readingOrder } from '../reading-order';

export interface RouteTranslation {
  text: string;
  tokens: number;
  seconds: number;
  backend: BackendName;
  /** The final leg's sentences, as written in `text`, whose translation the model was unsure of. */
  unsure?: readonly string[];
}

export interface RouteCallbacks {
  /** A step starts; `pivot` is true for the leg into English on a route via English. */
  onStep?: (pivot: boolean) => void;
  /** A model is being opened before its first sentence (see TranslateEvent `loading`). */
  onLoading?: (stage: 'engine' | 'model' | 'opened', modelId: string) => void;
  /** What to show of the final leg so far, in reading order (reading-order.ts): one entry per sentence. */
  onSegments?: (segments: readonly string[]) => void;
  /** Share of the whole route done, 0–1, by finished sentences. */
  onFraction?: (fraction: number) => void;
  /**
   * The final leg's finished sentences so far and how many it has in all. Sentences finish in order, so these are
   * the start of the translation: what a cancelled run can keep.
   */
  onFinished?: (sentences: readonly string[], total: number) => void;
}

/**
 * Translates `text` through the models of a route in turn (one model, or two via English): each leg's output is
 * the next leg's input. Only the final leg's sentences are streamed, since only they are in the target language.
 */
export async function translateAlongRoute(
  engine: Pick<EngineApi, 'translate'>,
  modelIds: readonly string[],
  text: string,
  callbacks: RouteCallbacks = {},
  signal?: AbortSignal,
  /** The pair's glossary (source term → target term), applied along the whole route. */
  glossary: readonly GlossaryTerm[] = [],
  /** The written form of the target language (zh-TW: Traditional characters), for the final leg. */
  targetLocale?: string,
): Promise<RouteTranslation> {
  let input = text;
  let tokens = 0;
  let seconds = 0;
  let backend: BackendName = 'wasm';
  const unsure: string[] = [];
  for (const [index, modelId] of modelIds.entries()) {
    const last = index === modelIds.length - 1;
    callbacks.onStep?.(!last);
    const partial: string[] = [];
    const finished: string[] = [];
    let shown = '';
    const onEvent = (event: TranslateEvent) => {
      if (event.type === 'stats') return;
      if (event.type === 'loading') {
        callbacks.onLoading?.(event.stage, event.modelId);
        return;
      }
      if (event.type === 'segment')
        callbacks.onFraction?.((index + event.done / event.total) / modelIds.length);
      if (!last) return;
      if (event.type === 'segment' && event.unsure) unsure.push(event.translation);
      if (event.type === 'token') partial[event.segment] = event.text;
      else finished[event.segment] = event.translation;
      const visible = readingOrder(finished, partial);
      // Unchanged when a later sentence advanced: nothing new to show.
      if (visible.join('\u0000') !== shown) {
        shown = visible.join('\u0000');
        callbacks.onSegments?.(visible);
      }
      if (event.type !== 'segment') return;
      callbacks.onFinished?.([...finished], event.total);
    };
    const terms = glossary.length > 0 ? { glossary: glossaryForLeg(glossary, index) } : {};
    const written = last && targetLocale ? { targetLocale } : {};
    const result = await engine.translate({ modelId, text: input, ...terms, ...written }, onEvent, signal);
    input = result.text;
    tokens += result.tokens;
    seconds += result.seconds;
    backend = result.backend;
  }
  return { text: input, tokens, seconds, backend, ...(unsure.length > 0 ? { unsure } : {}) };
}
