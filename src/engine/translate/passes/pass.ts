import type { Piece } from '../segment';

/** What `restore` answers when what the pass protected did not come through the model. */
export const RETRY = Symbol('retry');
export type Retry = typeof RETRY;

/** A sentence as a pass prepared it for the model, and how to undo that in the model's translation. */
export interface Prepared {
  /** What the model translates in place of the sentence. */
  text: string;
  /** The translation of `text` as a translation of the sentence, or RETRY when a stand-in did not survive. */
  restore(translation: string): string | Retry;
  /** A partial translation of `text` as shown while it streams (no checks: it is replaced when done). */
  preview?(partial: string): string;
}

export interface PrepareOptions {
  /** 0 for the first try; each retry of the same sentence asks for the next (a pass may vary its stand-ins). */
  attempt: number;
  /** For `on-loss` passes: the translation that lost what the pass protects. */
  translation?: string;
}

/**
 * One concern of translating a sentence (its numbers, its rare names, the user's glossary), as a step around the
 * model. `always` passes prepare every sentence before its first translation; `on-loss` passes look at each
 * translation and translate again only the sentences that lost what they protect. Either way a pass tries
 * `prepare` (attempt 0, 1, … until it returns undefined), then its `cut`, then leaves the sentence as it was.
 */
export interface SentencePass {
  readonly name: string;
  readonly runs: 'always' | 'on-loss';
  /** Whether `translation` keeps what the pass protects in `source` (checked by `on-loss` passes). */
  keeps?(source: string, translation: string): boolean | Promise<boolean>;
  /** The source as the model should see it, or undefined when the pass has no (further) way to. */
  prepare(source: string, options: PrepareOptions): Prepared | undefined | Promise<Prepared | undefined>;
  /**
   * The last resort: the source cut into pieces whose `sentence` pieces are translated apart and whose `keep`
   * pieces are written as they are; undefined when there is nothing to cut around.
   */
  cut?(source: string): Piece[] | undefined;
}
