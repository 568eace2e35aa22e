import { abortError } from '../../engine/errors';
import type { BackendName } from '../../engine/types';
import type { RouteTranslation } from './translate-route';

/** Translates one paragraph; reports partial output and the share done (0–1) as it goes. */
export type TranslateParagraph = (
  paragraph: string,
  onPartial: (text: string) => void,
  onFraction: (fraction: number) => void,
) => Promise<RouteTranslation>;

export interface ParagraphCallbacks {
  onStart?: (index: number) => void;
  onPartial?: (index: number, text: string) => void;
  onFraction?: (index: number, fraction: number) => void;
  onDone: (index: number, translation: string) => void;
}

export interface ParagraphsSummary {
  translated: number;
  tokens: number;
  seconds: number;
  /** Null when every paragraph was already translated. */
  backend: BackendName | null;
}

/**
 * Translates, in order, the paragraphs that have no translation yet, so a cancelled or failed run resumes where
 * it stopped. One call per paragraph keeps results and progress flowing paragraph by paragraph.
 */
export async function translateParagraphs(
  paragraphs: readonly string[],
  existing: readonly (string | undefined)[],
  translate: TranslateParagraph,
  callbacks: ParagraphCallbacks,
  signal?: AbortSignal,
): Promise<ParagraphsSummary> {
  const summary: ParagraphsSummary = { translated: 0, tokens: 0, seconds: 0, backend: null };
  for (const [index, paragraph] of paragraphs.entries()) {
    if (existing[index] !== undefined) continue;
    if (signal?.aborted) throw abortError();
    callbacks.onStart?.(index);
    const result = await translate(
      paragraph,
      (text) => callbacks.onPartial?.(index, text),
      (fraction) => callbacks.onFraction?.(index, fraction),
    );
    callbacks.onDone(index, result.text);
    summary.translated += 1;
    summary.tokens += result.tokens;
    summary.seconds += result.seconds;
    summary.backend = result.backend;
  }
  return summary;
}
