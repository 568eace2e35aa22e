import type { BackendName, GenerationOptions } from '../types';
import { generationSettings, maxNewTokens, type GenerationSettings } from './generation-config';
import type { SentenceTranslation } from './document';
import { search, type SearchOptions } from './search';
import { SharedSteps } from './shared-steps';
import type { Seq2SeqModel } from './seq2seq-model';
import type { TextTokenizer } from './tokenizer';

type Json = Record<string, unknown>;

const DEFAULT_MAX_INPUT_TOKENS = 512;

/** Tokenize → encode → search → detokenize for one sentence of one model. */
export class SentenceTranslator {
  private readonly maxInputTokens: number;

  constructor(
    private readonly tokenizer: TextTokenizer,
    private readonly model: Seq2SeqModel,
    private readonly config: Json,
    private readonly generationConfig: Json,
  ) {
    const positions = config.max_position_embeddings;
    this.maxInputTokens = typeof positions === 'number' ? positions : DEFAULT_MAX_INPUT_TOKENS;
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
    if (ids.length > this.maxInputTokens) return this.translateInHalves(sentence, options, onPartial, signal);
    const tokens = await this.generate(ids, options, onPartial, signal);
    return { text: this.tokenizer.decode(tokens).trim(), tokens: tokens.length };
  }

  /** Token ids the model generates for `ids` (EOS and start token excluded). */
  async generate(
    ids: readonly number[],
    options: GenerationOptions = {},
    onPartial?: (text: string) => void,
    signal?: AbortSignal,
    useCache?: boolean,
  ): Promise<number[]> {
    const settings = this.settings(options);
    const encoded = await this.model.encode(ids);
    const decoder = this.model.sentenceDecoder(encoded, useCache);
    try {
      const result = await search(decoder, {
        ...this.searchOptions(settings, ids.length, signal),
        onStep: onPartial ? (tokens) => onPartial(this.tokenizer.decode(tokens)) : undefined,
      });
      return result.tokens;
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
    const together = ids.flatMap((row, index) => (row.length <= this.maxInputTokens ? [index] : []));
    const results: (SentenceTranslation | undefined)[] = new Array(sentences.length);
    if (this.model.supportsBatching && together.length > 1) {
      const tokens = await this.generateTogether(
        together.map((index) => ids[index] as number[]),
        this.settings(options),
        signal,
        (row, generated) => onPartial?.(together[row] as number, this.tokenizer.decode(generated)),
      );
      together.forEach((index, row) => {
        const generated = tokens[row] as number[];
        results[index] = { text: this.tokenizer.decode(generated).trim(), tokens: generated.length };
      });
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
  ): Promise<number[][]> {
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
            return result.tokens;
          } finally {
            shared.leave(index);
          }
        }),
      );
      const failed = searches.find((outcome) => outcome.status === 'rejected');
      if (failed) throw failed.reason;
      return searches.map((outcome) => (outcome as PromiseFulfilledResult<number[]>).value);
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

  /** Inputs longer than the model's positions are split at the middle space and translated in parts. */
  private async translateInHalves(
    sentence: string,
    options: GenerationOptions,
    onPartial: ((text: string) => void) | undefined,
    signal: AbortSignal | undefined,
  ): Promise<SentenceTranslation> {
    const words = sentence.split(/(\s+)/u);
    const middle = Math.max(1, Math.floor(words.length / 4) * 2);
    const cut = words.length > 2 ? words.slice(0, middle).join('').length : Math.floor(sentence.length / 2);
    const first = await this.translate(sentence.slice(0, cut).trim(), options, onPartial, signal);
    const second = await this.translate(sentence.slice(cut).trim(), options, onPartial, signal);
    return { text: `${first.text} ${second.text}`, tokens: first.tokens + second.tokens };
  }
}
