import type { InferenceSession, Tensor } from 'onnxruntime-web';
import type { OrtModule } from '../runtime/ort';
import type { BackendName } from '../types';
import type { DecoderShape } from './generation-config';
import type { DecoderStep, Hypothesis, StepModel } from './search';
import type { SharedRun } from './shared-steps';

/** Cache tensors keyed by the `past_key_values.*` input they feed. */
export type KvCache = Record<string, Tensor>;

export interface EncodedInput {
  hiddenStates: Tensor;
  attentionMask: Tensor;
}

/** The self-attention cache of one decoder run: one row per hypothesis it advanced. */
class CacheBatch {
  private alive: number;

  constructor(
    readonly tensors: KvCache,
    readonly size: number,
  ) {
    this.alive = size;
  }

  releaseRow(): void {
    this.alive -= 1;
    if (this.alive === 0) disposeAll(Object.values(this.tensors));
  }
}

/** A hypothesis's decoder state: its row in the batch of the run that produced it. */
export interface CacheRow {
  batch: CacheBatch;
  row: number;
}

/** Decoder runs for several sentences' searches at once; `dispose` frees every tensor it holds. */
export interface SharedDecoder {
  run: SharedRun<CacheRow>;
  release(state: CacheRow): void;
  dispose(): void;
}

/** A step model for one encoded sentence; `dispose` frees the cross-attention cache it shares between steps. */
export interface SentenceDecoder extends StepModel<CacheRow> {
  dispose(): void;
}

interface BatchContext {
  hiddenStates: Tensor;
  attentionMask: Tensor;
  crossCache: KvCache | null;
}

const PAST_PREFIX = 'past_key_values.';

function presentName(pastName: string): string {
  return `present.${pastName.slice(PAST_PREFIX.length)}`;
}

function disposeAll(tensors: Iterable<Tensor>): void {
  for (const tensor of tensors) tensor.dispose();
}

/** Output names the decoder keeps on the GPU under WebGPU; derived from the config before the session exists. */
export function kvOutputNames(shape: DecoderShape): string[] {
  const names: string[] = [];
  for (let layer = 0; layer < shape.layers; layer++) {
    for (const part of ['decoder', 'encoder']) {
      names.push(`present.${layer}.${part}.key`, `present.${layer}.${part}.value`);
    }
  }
  return names;
}

type Rows = Float32Array | Uint16Array | BigInt64Array | Uint8Array;

/**
 * An encoder plus a decoder in the Optimum layout. With a merged decoder (`use_cache_branch`) it decodes
 * incrementally: step 1 gets empty past tensors and returns the cross-attention entries, which later steps reuse;
 * each later step feeds only the newest token and the previous self-attention cache. On CPU and WASM all running
 * hypotheses go through the decoder as one batch (cache rows regrouped on the CPU); on WebGPU the cache stays in
 * GPU buffers that cannot be regrouped cheaply, so hypotheses run one by one.
 */
export class Seq2SeqModel {
  /** Whether the decoder accepts a KV cache at all (a plain `decoder_model.onnx` does not). */
  readonly supportsCache: boolean;
  private readonly pastNames: string[];
  /** Runs go one at a time: onnxruntime-web does not support concurrent runs of one session, and overlapping requests
   * (a new translation while a cancelled one finishes its step) would otherwise do so. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ort: OrtModule,
    readonly backend: BackendName,
    private readonly encoder: InferenceSession,
    private readonly decoder: InferenceSession,
    private readonly shape: DecoderShape,
  ) {
    this.pastNames = decoder.inputNames.filter((name) => name.startsWith(PAST_PREFIX));
    this.supportsCache = this.pastNames.length > 0 && decoder.inputNames.includes('use_cache_branch');
  }

  async encode(ids: readonly number[]): Promise<EncodedInput> {
    const dims = [1, ids.length];
    const inputIds = new this.ort.Tensor('int64', BigInt64Array.from(ids, BigInt), dims);
    const attentionMask = new this.ort.Tensor('int64', new BigInt64Array(ids.length).fill(1n), dims);
    const feeds: Record<string, Tensor> = {};
    if (this.encoder.inputNames.includes('input_ids')) feeds.input_ids = inputIds;
    if (this.encoder.inputNames.includes('attention_mask')) feeds.attention_mask = attentionMask;
    const outputs = await this.exclusive(() => this.encoder.run(feeds));
    const outputName = this.encoder.outputNames.includes('last_hidden_state')
      ? 'last_hidden_state'
      : (this.encoder.outputNames[0] as string);
    for (const [name, tensor] of Object.entries(outputs)) if (name !== outputName) tensor.dispose();
    return { hiddenStates: outputs[outputName] as Tensor, attentionMask };
  }

  /**
   * Whether several sentences can share one decoder run: needs the KV cache and both attention masks, and CPU
   * tensors (rows of finished sentences are dropped from the cache on the CPU; WebGPU keeps it in GPU buffers).
   */
  get supportsBatching(): boolean {
    return (
      this.supportsCache &&
      this.backend !== 'webgpu' &&
      this.encoder.inputNames.includes('attention_mask') &&
      this.decoder.inputNames.includes('encoder_attention_mask')
    );
  }

  /** Encodes sentences together, right-padded with `padId`; the mask marks the padding. */
  async encodeBatch(rows: readonly (readonly number[])[], padId: number): Promise<EncodedInput> {
    const width = Math.max(1, ...rows.map((ids) => ids.length));
    const ids = new BigInt64Array(rows.length * width).fill(BigInt(padId));
    const mask = new BigInt64Array(rows.length * width);
    rows.forEach((row, index) => {
      row.forEach((id, position) => (ids[index * width + position] = BigInt(id)));
      mask.fill(1n, index * width, index * width + row.length);
    });
    const dims = [rows.length, width];
    const attentionMask = new this.ort.Tensor('int64', mask, dims);
    const outputs = await this.exclusive(() =>
      this.encoder.run({ input_ids: new this.ort.Tensor('int64', ids, dims), attention_mask: attentionMask }),
    );
    const outputName = this.encoder.outputNames.includes('last_hidden_state')
      ? 'last_hidden_state'
      : (this.encoder.outputNames[0] as string);
    for (const [name, tensor] of Object.entries(outputs)) if (name !== outputName) tensor.dispose();
    return { hiddenStates: outputs[outputName] as Tensor, attentionMask };
  }

  /**
   * Decoder runs shared by the searches of the sentences of an `encodeBatch` result (it takes ownership of it):
   * each run gathers, per hypothesis, its sentence's encoder states, mask and cross-attention entries (from the
   * first run) and its own self-attention cache, on the CPU.
   */
  sharedDecoder(encoded: EncodedInput): SharedDecoder {
    let crossCache: KvCache | null = null;
    /** Row of each sentence in `crossCache`. */
    const crossRow = new Map<number, number>();
    let tiled: { key: string; context: BatchContext; owned: boolean } | null = null;
    const sentences = encoded.hiddenStates.dims[0] as number;

    const disposeTiled = () => {
      if (tiled?.owned) {
        disposeAll([tiled.context.hiddenStates, ...Object.values(tiled.context.crossCache ?? {})]);
      }
      tiled = null;
    };
    const contextFor = (rowSentence: readonly number[]): BatchContext => {
      const key = rowSentence.join(',');
      if (tiled && tiled.key === key && (!crossCache || tiled.context.crossCache)) return tiled.context;
      disposeTiled();
      const identity =
        !crossCache && rowSentence.length === sentences && rowSentence.every((s, i) => s === i);
      const pick = (tensor: Tensor, rowOf: (sentence: number) => number) =>
        this.takeRows(rowSentence.map((sentence) => ({ tensor, row: rowOf(sentence) })));
      const context: BatchContext = identity
        ? { ...encoded, crossCache: null }
        : {
            hiddenStates: pick(encoded.hiddenStates, (sentence) => sentence),
            attentionMask: pick(encoded.attentionMask, (sentence) => sentence),
            crossCache:
              crossCache &&
              this.mapCache(crossCache, (tensor) =>
                pick(tensor, (sentence) => crossRow.get(sentence) as number),
              ),
          };
      tiled = { key, context, owned: !identity };
      return context;
    };

    const run: SharedRun<CacheRow> = async (steps) => {
      const hypotheses = steps.flatMap((step) => step.hypotheses);
      const rowSentence = steps.flatMap((step) => step.hypotheses.map(() => step.member));
      const first = hypotheses[0]?.state == null;
      const context = contextFor(rowSentence);
      const feeds = this.decoderFeeds(
        hypotheses.map(({ tokens }) => tokens.slice(-1)),
        context,
        !first,
      );
      if (!first) {
        const past = this.gatherPast(hypotheses);
        for (const name of this.pastNames) {
          feeds[name] = (name.includes('.encoder.') ? context.crossCache : past)?.[name] as Tensor;
        }
      }
      const fetches = ['logits'];
      for (const name of this.pastNames)
        if (first || name.includes('.decoder.')) fetches.push(presentName(name));
      const outputs = await this.exclusive(() => this.decoder.run(feeds, fetches));

      const perRow = this.lastLogits(outputs, hypotheses.length);
      const { self, cross } = this.splitPresent(outputs, first);
      if (cross) {
        crossCache = cross;
        rowSentence.forEach((sentence, row) => crossRow.set(sentence, row));
      }
      const produced = new CacheBatch(self, hypotheses.length);
      let row = 0;
      return steps.map((step) =>
        step.hypotheses.map(() => {
          const state = { batch: produced, row };
          const logits = perRow[row] as Float32Array;
          row += 1;
          return { logits, state };
        }),
      );
    };

    let disposed = false;
    return {
      run,
      release: (state) => state.batch.releaseRow(),
      dispose: () => {
        if (disposed) return;
        disposed = true;
        disposeTiled();
        disposeAll([encoded.hiddenStates, ...Object.values(crossCache ?? {})]);
        crossCache = null;
      },
    };
  }

  releaseEncoded(encoded: EncodedInput): void {
    encoded.hiddenStates.dispose();
  }

  /** Step model over one encoded sentence; `useCache: false` re-feeds the whole prefix every step. */
  sentenceDecoder(encoded: EncodedInput, useCache = this.supportsCache): SentenceDecoder {
    const incremental = useCache && this.supportsCache;
    const batched = this.backend !== 'webgpu';
    let crossCache: KvCache | null = null;
    const contexts = new Map<number, BatchContext>();

    const context = (size: number): BatchContext => {
      if (size === 1) return { ...encoded, crossCache };
      let tiled = contexts.get(size);
      if (!tiled || (crossCache && !tiled.crossCache)) {
        tiled = {
          hiddenStates: this.repeatRows(encoded.hiddenStates, size),
          attentionMask: this.repeatRows(encoded.attentionMask, size),
          crossCache: crossCache && this.mapCache(crossCache, (tensor) => this.repeatRows(tensor, size)),
        };
        contexts.set(size, tiled);
      }
      return tiled;
    };

    const run = async (hypotheses: readonly Hypothesis<CacheRow>[]): Promise<DecoderStep<CacheRow>[]> => {
      const size = hypotheses.length;
      const first = !incremental || hypotheses[0]?.state == null;
      const rows = hypotheses.map(({ tokens }) => (incremental ? tokens.slice(-1) : tokens));
      const batch = context(size);
      const feeds = this.decoderFeeds(rows, batch, !first);
      if (!first) {
        const past = this.gatherPast(hypotheses);
        for (const name of this.pastNames) {
          feeds[name] = (name.includes('.encoder.') ? batch.crossCache : past)?.[name] as Tensor;
        }
      }
      const fetches = ['logits'];
      if (incremental) {
        for (const name of this.pastNames)
          if (first || name.includes('.decoder.')) fetches.push(presentName(name));
      }
      const outputs = await this.exclusive(() => this.decoder.run(feeds, fetches));

      const perRow = this.lastLogits(outputs, size);
      const { self, cross } = this.splitPresent(outputs, first && size === 1);
      if (cross) crossCache = cross;
      const produced = new CacheBatch(self, size);
      return perRow.map((rowLogits, row) => ({ logits: rowLogits, state: { batch: produced, row } }));
    };

    return {
      step: async (hypotheses) => {
        if (batched || hypotheses.length <= 1) return run(hypotheses);
        const results: DecoderStep<CacheRow>[] = [];
        for (const hypothesis of hypotheses) results.push(...(await run([hypothesis])));
        return results;
      },
      release: (state) => state.batch.releaseRow(),
      dispose: () => {
        if (crossCache) disposeAll(Object.values(crossCache));
        crossCache = null;
        for (const tiled of contexts.values()) {
          disposeAll([tiled.hiddenStates, tiled.attentionMask, ...Object.values(tiled.crossCache ?? {})]);
        }
        contexts.clear();
      },
    };
  }

  /**
   * Next-token logits of each row (the last position): views of the output's own array, which is a JS copy
   * of the result on every backend (logits never stay on the GPU), so it outlives the tensor, which is freed.
   */
  private lastLogits(outputs: InferenceSession.OnnxValueMapType, rows: number): Float32Array[] {
    const logits = outputs.logits as Tensor;
    const vocab = logits.dims[2] as number;
    const length = logits.dims[1] as number;
    const data = logits.data as Float32Array;
    const perRow = Array.from({ length: rows }, (_, row) =>
      data.subarray((row * length + length - 1) * vocab, (row * length + length) * vocab),
    );
    logits.dispose();
    return perRow;
  }

  /**
   * A run's `present.*` outputs as the self-attention cache and, when `keepCross`, the cross-attention entries
   * later steps reuse (otherwise freed: they are only recomputed copies).
   */
  private splitPresent(
    outputs: InferenceSession.OnnxValueMapType,
    keepCross: boolean,
  ): { self: KvCache; cross: KvCache | null } {
    const self: KvCache = {};
    let cross: KvCache | null = null;
    for (const name of this.pastNames) {
      const tensor = outputs[presentName(name)];
      if (!tensor) continue;
      if (!name.includes('.encoder.')) self[name] = tensor;
      else if (keepCross) (cross ??= {})[name] = tensor;
      else tensor.dispose();
    }
    return { self, cross };
  }

  async dispose(): Promise<void> {
    await this.queue.catch(() => undefined);
    await Promise.allSettled([this.encoder.release(), this.decoder.release()]);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private decoderFeeds(rows: readonly (readonly number[])[], batch: BatchContext, useCacheBranch: boolean) {
    const names = this.decoder.inputNames;
    const length = rows[0]?.length ?? 0;
    const ids = BigInt64Array.from(rows.flat(), BigInt);
    const feeds: Record<string, Tensor> = {
      input_ids: new this.ort.Tensor('int64', ids, [rows.length, length]),
    };
    if (names.includes('encoder_attention_mask')) feeds.encoder_attention_mask = batch.attentionMask;
    if (names.includes('encoder_hidden_states')) feeds.encoder_hidden_states = batch.hiddenStates;
    if (names.includes('use_cache_branch')) {
      feeds.use_cache_branch = new this.ort.Tensor('bool', new Uint8Array([useCacheBranch ? 1 : 0]), [1]);
    }
    if (!useCacheBranch) for (const name of this.pastNames) feeds[name] = this.emptyPast(name, rows.length);
    return feeds;
  }

  /** The self-attention cache for these hypotheses, in their order (no copy when it already is). */
  private gatherPast(hypotheses: readonly Hypothesis<CacheRow>[]): KvCache {
    const states = hypotheses.map((hypothesis) => hypothesis.state as CacheRow);
    const source = states[0]?.batch;
    if (
      source &&
      source.size === states.length &&
      states.every((state, row) => state.batch === source && state.row === row)
    ) {
      return source.tensors;
    }
    const gathered: KvCache = {};
    for (const name of this.pastNames) {
      if (name.includes('.encoder.')) continue;
      gathered[name] = this.takeRows(
        states.map((state) => ({ tensor: state.batch.tensors[name] as Tensor, row: state.row })),
      );
    }
    return gathered;
  }

  private repeatRows(tensor: Tensor, size: number): Tensor {
    return this.takeRows(Array.from({ length: size }, () => ({ tensor, row: 0 })));
  }

  /** A tensor made of the given rows (axis 0) of CPU tensors of the same shape. */
  private takeRows(rows: { tensor: Tensor; row: number }[]): Tensor {
    const first = (rows[0] as { tensor: Tensor }).tensor;
    const rowSize = first.size / (first.dims[0] as number);
    const Data = (first.data as Rows).constructor as new (length: number) => Rows;
    const out = new Data(rows.length * rowSize);
    rows.forEach(({ tensor, row }, index) => {
      const data = tensor.data as Rows;
      (out as Float32Array).set(
        (data as Float32Array).subarray(row * rowSize, (row + 1) * rowSize),
        index * rowSize,
      );
    });
    return new this.ort.Tensor(first.type as 'float32', out as Float32Array, [
      rows.length,
      ...first.dims.slice(1),
    ]);
  }

  private mapCache(cache: KvCache, transform: (tensor: Tensor) => Tensor): KvCache {
    return Object.fromEntries(Object.entries(cache).map(([name, tensor]) => [name, transform(tensor)]));
  }

  private emptyPast(name: string, batch: number): Tensor {
    const metadata = this.decoder.inputMetadata?.find((entry) => entry.name === name);
    const declared = metadata?.isTensor ? metadata.shape : [];
    const heads = typeof declared[1] === 'number' ? declared[1] : this.shape.heads;
    const headDim = typeof declared[3] === 'number' ? declared[3] : this.shape.headDim;
    const dims = [batch, heads, 0, headDim];
    return metadata?.isTensor && metadata.type === 'float16'
      ? new this.ort.Tensor('float16', new Uint16Array(0), dims)
      : new this.ort.Tensor('float32', new Float32Array(0), dims);
  }
}
