import { abortError } from '../errors';
import { yieldIfBusy } from '../event-loop';
import type { TranslateEvent } from '../types';
import { segmentText } from './segment';

export interface SentenceTranslation {
  text: string;
  /** Tokens generated for it. */
  tokens: number;
}

/** Translates one sentence, reporting the decoded partial output as it grows. */
export type TranslateSentence = (
  sentence: string,
  onPartial: (text: string) => void,
) => Promise<SentenceTranslation>;

/** Translations of sentences seen before (same model and options). */
export interface SentenceMemo {
  get(sentence: string): string | undefined;
  set(sentence: string, translation: string): void;
}

export interface DocumentOptions {
  /** Source language, for sentence boundaries. */
  locale?: string;
  translateSentence: TranslateSentence;
  memo?: SentenceMemo;
  onEvent?: (event: TranslateEvent) => void;
  signal?: AbortSignal;
}

export interface DocumentTranslation {
  text: string;
  tokens: number;
}

/** Translates sentence by sentence and rebuilds the text around them with its original spacing. */
export async function translateDocument(
  text: string,
  options: DocumentOptions,
): Promise<DocumentTranslation> {
  const pieces = segmentText(text, options.locale);
  const total = pieces.filter((piece) => piece.kind !== 'space').length;
  const output: string[] = [];
  let done = 0;
  let tokens = 0;
  for (const piece of pieces) {
    if (piece.kind === 'space') {
      output.push(piece.text);
      continue;
    }
    await yieldIfBusy();
    if (options.signal?.aborted) throw abortError();
    const segment = done;
    let translation = piece.kind === 'keep' ? piece.text : options.memo?.get(piece.text);
    if (translation === undefined) {
      const result = await options.translateSentence(piece.text, (partial) =>
        options.onEvent?.({ type: 'token', segment, text: partial }),
      );
      // A translation never adds line breaks: callers rely on lines mapping one to one.
      translation = result.text.replace(/\s*[\r\n]+\s*/gu, ' ');
      tokens += result.tokens;
      options.memo?.set(piece.text, translation);
    }
    output.push(translation);
    done += 1;
    options.onEvent?.({ type: 'segment', segment, source: piece.text, translation, done, total });
  }
  return { text: output.join(''), tokens };
}
