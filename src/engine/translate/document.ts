import { abortError } from '../errors';
import { yieldIfBusy } from '../event-loop';
import type { GlossaryTerm, TranslateEvent } from '../types';
import type { CountPieces } from './names';
import { sentencePasses, translateWithPasses } from './passes';
import { ENDS_UNSPACED, spacesSentences } from './script';
import { confidenceOf } from './confidence';
import { fitClause, segmentText, type Piece } from './segment';

export interface SentenceTranslation {
  text: string;
  /** Tokens generated for it. */
  tokens: number;
  /** Mean log-probability the decoder gave its tokens (confidence.ts); absent when the model gave none. */
  confidence?: number;
}

/**
 * Translates a group of sentences (decoded together where the model allows), reporting each one's decoded
 * partial output, by its index in the group, as it grows.
 */
export type TranslateSentences = (
  sentences: readonly string[],
  onPartial: (index: number, text: string) => void,
) => Promise<SentenceTranslation[]>;

/** A sentence's translation and the decoder's confidence in it (absent when the model gave none). */
export interface RememberedTranslation {
  translation: string;
  confidence?: number;
}

/** Translations of sentences seen before (same model and options). */
export interface SentenceMemo {
  get(sentence: string): RememberedTranslation | undefined;
  set(sentence: string, remembered: RememberedTranslation): void;
}

export interface DocumentOptions {
  /** Source language, for sentence boundaries. */
  locale?: string;
  /** Target language, for the spacing and punctuation between translated sentences and clauses. */
  targetLocale?: string;
  translateSentences: TranslateSentences;
  /** Most sentences sent to `translateSentences` at once (1: one at a time). */
  groupSize?: number;
  /** Sentences of more words than this are translated clause by clause (the model's catalog entry says). */
  splitSentencesOverWords?: number;
  memo?: SentenceMemo;
  /** The model's vocabulary, for keeping rare names (names.ts); without it names are not checked. */
  countPieces?: CountPieces;
  /** The user's terms and their fixed translations (passes/glossary-pass.ts). */
  glossary?: readonly GlossaryTerm[];
  onEvent?: (event: TranslateEvent) => void;
  signal?: AbortSignal;
}

export interface DocumentTranslation {
  text: string;
  tokens: number;
}

/** Sentences decoded together by default: measured fastest per sentence on 2 cores (bench/translate.ts). */
export const DEFAULT_GROUP_SIZE = 8;

/**
 * The pieces from `start` that the next group covers, and the sentences in it still to translate (each once).
 * Translations the memo already has are copied into `known` now, so a memo that forgets meanwhile is harmless.
 */
function nextGroup(
  pieces: readonly Piece[],
  start: number,
  size: number,
  known: Map<string, RememberedTranslation>,
  memo?: SentenceMemo,
) {
  const sentences: string[] = [];
  let end = start;
  for (; end < pieces.length; end++) {
    const piece = pieces[end] as Piece;
    if (piece.kind !== 'sentence' || known.has(piece.text) || sentences.includes(piece.text)) continue;
    const remembered = memo?.get(piece.text);
    if (remembered !== undefined) {
      known.set(piece.text, remembered);
      continue;
    }
    if (sentences.length === size) break;
    sentences.push(piece.text);
  }
  return { end, sentences };
}

/** The source's space between two pieces, left out after a Chinese or Japanese translation (not a line break). */
function spaceAfter(written: string, space: string, targetLocale: string | undefined): string {
  if (spacesSentences(targetLocale) || /[\r\n]/u.test(space) || !ENDS_UNSPACED.test(written)) return space;
  return '';
}

/**
 * Translates sentence by sentence, in groups of consecutive sentences, and rebuilds the text around them with
 * its original spacing. Events come in document order: a group's sentences stream their tokens side by side,
 * then each is reported done.
 */
export async function translateDocument(
  text: string,
  options: DocumentOptions,
): Promise<DocumentTranslation> {
  const pieces = segmentText(text, options.locale, {
    splitSentencesOverWords: options.splitSentencesOverWords,
  });
  const total = pieces.filter((piece) => piece.kind !== 'space').length;
  const requested = options.groupSize;
  const size =
    requested !== undefined && Number.isFinite(requested)
      ? Math.max(1, Math.floor(requested))
      : DEFAULT_GROUP_SIZE;
  // Numbers, names and the glossary: each a pass over a sentence and its translation (passes/).
  const passes = sentencePasses(options);
  const output: string[] = [];
  const known = new Map<string, RememberedTranslation>();
  let done = 0;
  let tokens = 0;
  let start = 0;
  /** The source of the piece just written, unless a space followed it. */
  let previous: string | undefined;
  while (start < pieces.length) {
    await yieldIfBusy();
    if (options.signal?.aborted) throw abortError();
    const group = nextGroup(pieces, start, size, known, options.memo);
    if (group.sentences.length > 0) {
      // Each sentence's first segment in the group shows its partial output.
      const segmentOf = group.sentences.map((sentence) => {
        let segment = done;
        for (let index = start; index < group.end; index++) {
          const piece = pieces[index] as Piece;
          if (piece.kind !== 'space' && piece.text === sentence) return segment;
          if (piece.kind !== 'space') segment += 1;
        }
        return segment;
      });
      const repaired = await translateWithPasses(
        group.sentences,
        { passes, translateSentences: options.translateSentences, targetLocale: options.targetLocale },
        (index, partial) =>
          options.onEvent?.({ type: 'token', segment: segmentOf[index] as number, text: partial }),
      );
      tokens += repaired.tokens;
      group.sentences.forEach((sentence, index) => {
        const confidence = repaired.confidences[index];
        const remembered = {
          translation: repaired.translations[index] as string,
          ...(confidence === undefined ? {} : { confidence }),
        };
        known.set(sentence, remembered);
        options.memo?.set(sentence, remembered);
      });
    }
    for (let index = start; index < group.end; index++) {
      const piece = pieces[index] as Piece;
      if (piece.kind === 'space') {
        output.push(spaceAfter(output.at(-1) ?? '', piece.text, options.targetLocale));
        previous = undefined;
        continue;
      }
      const remembered = piece.kind === 'keep' ? undefined : known.get(piece.text);
      const translation =
        piece.kind === 'keep'
          ? piece.text
          : fitClause(piece, remembered?.translation as string, options.targetLocale);
      // Chinese sentences follow one another unspaced; their translations into a spaced language need one.
      if (previous && ENDS_UNSPACED.test(previous) && spacesSentences(options.targetLocale)) output.push(' ');
      previous = piece.text;
      output.push(translation);
      const segment = done;
      done += 1;
      options.onEvent?.({
        type: 'segment',
        segment,
        source: piece.text,
        translation,
        done,
        total,
        ...confidenceOf(remembered?.confidence),
      });
    }
    start = group.end;
  }
  return { text: output.join(''), tokens };
}
