import type { ClauseContext } from './clause-context';
import { Featurizer } from './featurize';
import type { TaggerConfig } from './model-config';
import type { TextIds } from './text-ids';

/** The slice of an onnxruntime InferenceSession the tagger needs (web and node builds both fit). */
export interface SessionLike {
  run(feeds: Record<string, unknown>): Promise<Record<string, { data: unknown }>>;
}

/** onnxruntime's Tensor constructor, injected so the engine never imports onnxruntime itself. */
export type TensorFactory = new (
  type: 'int32' | 'float32',
  data: Int32Array | Float32Array,
  dims: number[],
) => unknown;

/** One sentence's result; the CLI prints exactly this shape per input line. */
export interface SentenceTags {
  labels: string[];
  ids: number[];
  scores: Record<string, number>;
}

const SCORE_DECIMALS = 1e4;

/**
 * Multi-label sentence tagger over either model family (hashed n-gram bag or Transformer encoder): text → ids,
 * pad into batches of similar length (less padding, same results), run, apply one threshold per label.
 */
export class SentenceTagger {
  private readonly textIds: TextIds;

  constructor(
    private readonly session: SessionLike,
    private readonly Tensor: TensorFactory,
    readonly config: TaggerConfig,
    textIds?: TextIds,
    private readonly batchSize = 64,
  ) {
    if (textIds) this.textIds = textIds;
    else if (config.input.kind === 'hashed-ngrams') this.textIds = new Featurizer(config.input.featurizer);
    else throw new Error(`A ${config.modelType} tagger needs its tokenizer.`);
  }

  /** The ids the model is fed for a text (hashed features or subword tokens). */
  ids(text: string): number[] {
    return this.textIds.ids(text);
  }

  /** Whether the model reads a clause's context (the heading above it, its paragraph's opening) too. */
  get readsContext(): boolean {
    return this.config.input.kind === 'hashed-ngrams' && this.config.input.featurizer.context === true;
  }

  /** The ids of a clause read in its context; the same as `ids()` for a model that takes no context. */
  idsInContext(text: string, context: ClauseContext): number[] {
    return this.textIds.idsInContext?.(text, context) ?? this.textIds.ids(text);
  }

  /** Label probabilities per text, in label order. */
  async probabilities(texts: readonly string[]): Promise<Float32Array[]> {
    return this.probabilitiesOfIds(texts.map((text) => this.textIds.ids(text)));
  }

  /** Label probabilities for texts already turned into ids by `ids()`. */
  async probabilitiesOfIds(idLists: readonly number[][]): Promise<Float32Array[]> {
    const items = idLists.map((ids, index) => ({ index, ids }));
    items.sort((a, b) => a.ids.length - b.ids.length);
    const result: Float32Array[] = new Array<Float32Array>(idLists.length);
    const n = this.config.labels.length;
    for (let b = 0; b < items.length; b += this.batchSize) {
      const batch = items.slice(b, b + this.batchSize);
      // Width ≥ 1 so a text without tokens still runs (it pools to zero and scores the bias).
      const width = Math.max(1, ...batch.map((item) => item.ids.length));
      const idData = new Int32Array(batch.length * width);
      // Pooling weights are computed inside the graph; the mask only marks real ids (1) against padding (0).
      const maskData = new Float32Array(batch.length * width);
      batch.forEach((item, row) => {
        idData.set(item.ids, row * width);
        maskData.fill(1, row * width, row * width + item.ids.length);
      });
      const outputs = await this.session.run({
        [this.config.inputIds]: new this.Tensor('int32', idData, [batch.length, width]),
        [this.config.inputMask]: new this.Tensor('float32', maskData, [batch.length, width]),
      });
      const probs = outputs[this.config.output]?.data;
      if (!(probs instanceof Float32Array) || probs.length !== batch.length * n) {
        throw new Error(`Tagging model returned no '${this.config.output}' of ${batch.length}×${n} floats.`);
      }
      batch.forEach((item, row) => {
        result[item.index] = probs.slice(row * n, (row + 1) * n);
      });
    }
    return result;
  }

  /** Tags texts; `languages[i]` (when known) picks text i's thresholds from a multilingual model's set. */
  async tagSentences(
    texts: readonly string[],
    languages: readonly (string | undefined)[] = [],
  ): Promise<SentenceTags[]> {
    const probs = await this.probabilities(texts);
    return probs.map((p, i) => this.decide(p, languages[i]));
  }

  /** The per-label thresholds for text in `language`: its own set where the model has one, else the default. */
  thresholdsFor(language?: string): number[] {
    return (language && this.config.thresholdsByLanguage?.[language]) || this.config.thresholds;
  }

  decide(probs: Float32Array, language?: string): SentenceTags {
    const { labels } = this.config;
    const thresholds = this.thresholdsFor(language);
    const tags: SentenceTags = { labels: [], ids: [], scores: {} };
    labels.forEach((label, i) => {
      const score = probs[i] ?? 0;
      tags.scores[label] = Math.round(score * SCORE_DECIMALS) / SCORE_DECIMALS;
      if (score >= (thresholds[i] ?? Infinity)) {
        tags.labels.push(label);
        tags.ids.push(i);
      }
    });
    return tags;
  }
}
