import type { EngineApi } from '../../engine/api';
import type { BackendName, TranslateEvent } from '../../engine/types';

export interface RouteTranslation {
  text: string;
  tokens: number;
  seconds: number;
  backend: BackendName;
}

export interface RouteCallbacks {
  /** A step starts; `pivot` is true for the leg into English on a route via English. */
  onStep?: (pivot: boolean) => void;
  /** The final leg's sentences so far (finished or partial), indexed by sentence. */
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
): Promise<RouteTranslation> {
  let input = text;
  let tokens = 0;
  let seconds = 0;
  let backend: BackendName = 'wasm';
  for (const [index, modelId] of modelIds.entries()) {
    const last = index === modelIds.length - 1;
    callbacks.onStep?.(!last);
    const segments: string[] = [];
    const finished: string[] = [];
    const onEvent = (event: TranslateEvent) => {
      if (event.type === 'stats') return;
      if (event.type === 'segment')
        callbacks.onFraction?.((index + event.done / event.total) / modelIds.length);
      if (!last) return;
      segments[event.segment] = event.type === 'token' ? event.text : event.translation;
      callbacks.onSegments?.([...segments]);
      if (event.type !== 'segment') return;
      finished[event.segment] = event.translation;
      callbacks.onFinished?.([...finished], event.total);
    };
    const result = await engine.translate({ modelId, text: input }, onEvent, signal);
    input = result.text;
    tokens += result.tokens;
    seconds += result.seconds;
    backend = result.backend;
  }
  return { text: input, tokens, seconds, backend };
}
