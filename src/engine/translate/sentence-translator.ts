import type { BackendName, GenerationOptions } from '../types';
import { generationSettings, maxNewTokens, type GenerationSettings } from './generation-config';
import type { SentenceTranslation } from './document';
import { search, type SearchOptions } from './search';
import { SharedSteps } from './shared-steps';
import type { Seq2SeqModel } from './seq2seq-model';
import type { TextTokenizer } from './tokenizer';
import { halve, lostLength } from './window';

type Json = Record<string, unknown>;

const DEFAULT_MAX_INPUT_TOKENS = 512;

/** Tokens a search chose and the mean log-probability the decoder gave them. */
interface Generated {
  tokens: number[];
  confidence: number;
}

/** Tokenize → encode → search → detokenize for one sentence of one model. */
export class SentenceTranslator {
  /** The longest input translated in one go: within the model's positions and its output limit. */
  private readonly inputWindow: number;

  constructor(
    private readonly tokenizer: TextTokenizer,
    private readonly model: Seq2SeqModel,
    private readonly config: Json,
    private readonly generationConfig: Json,
  ) {
    const positions = config.max_position_embeddings;
    const maxInputTokens = typeof positions === 'number' ? positions : DEFAULT_MAX_INPUT_TOKENS;
    // A translation is about as long as its source, so a source longer than the output limit cannot fit.
    this.inputWindow = Math.min(maxInputTokens, generationSettings(config, generationConfig).maxLength - 1);
  }

  get backend(): BackendName {
    return this.model.backend;
  }

  /** Tokens each word takes in this model's vocabulary (names.ts tells rare names by it). */
  countPieces(words: readonly string[]): number[] {
    return words.map((word) => this.tokenizer.countPieces(word));
  }

  settings(options?: GenerationOptions): GenerationSettings {
    return generationSettings(this.config, this.generationConfig, options);
  }

  async translate(
    sentence: string,
    options: GenerationOptions = {},
    onPartial?: (text: string) => void,
    signal?: AbortSignal,
  ): Promise<SentenceTranslation> {
    const ids = this.tokenizer.encode(sentence);
    if (ids.length > this.inputWindow) {
      const split = await this.translateInHalves(sentence, options, onPartial, signal);
      if (split) return split;
    }
    const generated = await this.generateScored(ids, options, onPartial, signal);
    return this.checked(sentence, ids.length, generated, options, onPartial, signal);
  }

  /**
   * The translation of `sentence` from its generated `tokens`, unless they lost part of it (window.ts): then
   * its halves translated apart, when that gives more.
   */
  private async checked(
    sentence: string,
    sourceTokens: number,
    { tokens, confidence }: Generated,
    options: GenerationOptions,
    onPartial: ((text: string) => void) | undefined,
    signal: AbortSignal | undefined,
  ): Promise<SentenceTranslation> {
    const whole = { text: this.tokenizer.decode(tokens).trim(), tokens: tokens.length, confidence };
    const settings = this.settings(options);
    const check = {
      sourceTokens,
      outputTokens: tokens.length,
      budget: maxNewTokens(settings, sourceTokens),
      modelLimit: settings.maxLength - 1,
    };
    if (!lostLength(check)) return whole;
    const split = await this.translateInHalves(sentence, options, onPartial, signal);
    return split && split.tokens > whole.tokens ? split : whole;
  }

  /** Token ids the model generates for `ids` (EOS and start token excluded). */
  async generate(
    ids: readonly number[],
    options: GenerationOptions = {},
    onPartial?: (text: string) => void,
    signal?: AbortSignal,
    useCache?: boolean,
  ): Promise<number[]> {
    return (await this.generateScored(ids, options, onPartial, signal, useCache)).tokens;
  }

  private async generateScored(
    ids: readonly number[],
    options: GenerationOptions = {},
    onPartial?: (text: string) => void,
    signal?: AbortSignal,
    useCache?: boolean,
  ): Promise<Generated> {
    const settings = this.settings(options);
    const encoded = await this.model.encode(ids);
    const decoder = this.model.sentenceDecoder(encoded, useCache);
    try {
      const result = await search(decoder, {
        ...this.searchOptions(settings, ids.length, signal),
        onStep: onPartial ? (tokens) => onPartial(this.tokenizer.decode(tokens)) : undefined,
      });
      return { tokens: result.tokens, confidence: result.meanLogProb };
    } finally {
      decoder.dispose();
      this.model.releaseEncoded(encoded);
    }
  }

  /**
   * Translates several sentences, decoding them together when the model allows it (CPU or WASM): each decoder
   * run advances every sentence's hypotheses at once, which costs little more than advancing one sentence's.
   * The output is what `translate` gives for each sentence alone. Otherwise, and for sentences too long for the
   * model, one at a time.
   */
  async translateBatch(
    sentences: readonly string[],
    options: GenerationOptions = {},
    onPartial?: (index: number, text: string) => void,
    signal?: AbortSignal,
  ): Promise<SentenceTranslation[]> {
    const ids = sentences.map((sentence) => this.tokenizer.encode(sentence));
    const together = ids.flatMap((row, index) => (row.length <= this.inputWindow ? [index] : []));
    const results: (SentenceTranslation | undefined)[] = new Array(sentences.length);
    if (this.model.supportsBatching && together.length > 1) {
      const generatedRows = await this.generateTogether(
        together.map((index) => ids[index] as number[]),
        this.settings(options),
        signal,
        (row, generated) => onPartial?.(together[row] as number, this.tokenizer.decode(generated)),
      );
      for (const [row, index] of together.entries()) {
        const onOne = onPartial && ((text: string) => onPartial(index, text));
        const source = ids[index] as number[];
        const generated = generatedRows[row] as Generated;
        results[index] = await this.checked(
          sentences[index] as string,
          source.length,
          generated,
          options,
          onOne,
          signal,
        );
      }
    }
    for (const [index, sentence] of sentences.entries()) {
      results[index] ??= await this.translate(
        sentence,
        options,
        onPartial && ((text) => onPartial(index, text)),
        signal,
      );
    }
    return results as SentenceTranslation[];
  }

  private async generateTogether(
    ids: readonly number[][],
    settings: GenerationSettings,
    signal: AbortSignal | undefined,
    onStep: (row: number, tokens: readonly number[]) => void,
  ): Promise<Generated[]> {
    const decoder = this.model.sharedDecoder(await this.model.encodeBatch(ids, settings.padTokenId ?? 0));
    const shared = new SharedSteps(ids.length, decoder.run, decoder.release);
    try {
      const searches = await Promise.allSettled(
        ids.map(async (row, index) => {
          try {
            const result = await search(shared.member(index), {
              ...this.searchOptions(settings, row.length, signal),
              onStep: (tokens) => onStep(index, tokens),
            });
            return { tokens: result.tokens, confidence: result.meanLogProb };
          } finally {
            shared.leave(index);
          }
        }),
      );
      const failed = searches.find((outcome) => outcome.status === 'rejected');
      if (failed) throw failed.reason;
      return searches.map((outcome) => (outcome as PromiseFulfilledResult<Generated>).value);
    } finally {
      decoder.dispose();
    }
  }

  private searchOptions(
    settings: GenerationSettings,
    inputLength: number,
    signal?: AbortSignal,
  ): SearchOptions {
    return {
      startTokenId: settings.decoderStartTokenId,
      eosTokenIds: settings.eosTokenIds,
      bannedTokenIds: settings.bannedTokenIds,
      numBeams: settings.numBeams,
      lengthPenalty: settings.lengthPenalty,
      earlyStopping: settings.earlyStopping,
      noRepeatNgramSize: settings.noRepeatNgramSize,
      renormalize: settings.renormalize,
      maxNewTokens: maxNewTokens(settings, inputLength),
      signal,
    };
  }

  dispose(): Promise<void> {
    return this.model.dispose();
  }

  /**
   * Text too long for one go, cut in two (window.ts) and each half translated, as often as it takes; undefined
   * when it cannot be cut. The second half's partial output streams after the first half's translation.
   */
  private async translateInHalves(
    sentence: string,
    options: GenerationOptions,
    onPartial: ((text: string) => void) | undefined,
    signal: AbortSignal | undefined,
  ): Promise<SentenceTranslation | undefined> {
    const halves = halve(sentence);
    if (!halves) return undefined;
    const first = await this.translate(halves[0], options, onPartial, signal);
    const afterFirst = onPartial && ((text: string) => onPartial(`${first.text} ${text}`));
    const second = await this.translate(halves[1], options, afterFirst, signal);
    // A sentence is as sure as its less sure half.
    const confidence = Math.min(first.confidence ?? -Infinity, second.confidence ?? -Infinity);
    return {
      text: `${first.text} ${second.text}`.trim(),
      tokens: first.tokens + second.tokens,
      ...(Number.isFinite(confidence) ? { confidence } : {}),
    };
  }
}
