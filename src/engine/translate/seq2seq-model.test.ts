import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNodeOrt } from '../../cli/node-ort';
import { Runtime } from '../runtime/runtime';
import type { BackendName } from '../types';
import type { SentenceTranslation } from './document';
import { decoderShape, generationSettings } from './generation-config';
import { search, type StepModel } from './search';
import { SentenceTranslator } from './sentence-translator';
import { Seq2SeqModel } from './seq2seq-model';
import { TextTokenizer } from './tokenizer';

const FIXTURE = fileURLToPath(new URL('../../../e2e/fixtures/models/tiny-en-es/', import.meta.url));
const json = (path: string) => JSON.parse(readFileSync(FIXTURE + path, 'utf8')) as Record<string, unknown>;

/** Runs every step of a decoder over the same prefix and returns the logits of each. */
async function logitsAlong<S>(model: StepModel<S>, tokens: number[]): Promise<Float32Array[]> {
  const all: Float32Array[] = [];
  let state: S | null = null;
  for (let length = 1; length <= tokens.length; length++) {
    const [step] = await model.step([{ tokens: tokens.slice(0, length), state }]);
    if (!step) throw new Error('no step');
    if (state !== null) model.release(state);
    state = step.state;
    all.push(step.logits);
  }
  if (state !== null) model.release(state);
  return all;
}

function maxDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  return max;
}

describe.skipIf(!existsSync(FIXTURE))('Seq2SeqModel on the tiny en→es fixture', () => {
  const models: Partial<Record<BackendName, Seq2SeqModel>> = {};
  const config = existsSync(FIXTURE) ? json('config.json') : {};
  const generationConfig = existsSync(FIXTURE) ? json('generation_config.json') : {};
  let tokenizer: TextTokenizer;

  beforeAll(async () => {
    tokenizer = new TextTokenizer(json('tokenizer.json'), json('tokenizer_config.json'));
    const runtime = new Runtime(loadNodeOrt, { nativeCpu: true });
    for (const backend of ['cpu', 'wasm'] as const) {
      const open = async (path: string) => runtime.createSession(backend, readFileSync(FIXTURE + path));
      models[backend] = new Seq2SeqModel(
        await runtime.ort(backend),
        backend,
        await open('onnx/encoder_model_quantized.onnx'),
        await open('onnx/decoder_model_merged_quantized.onnx'),
        decoderShape(config),
      );
    }
  }, 60_000);

  afterAll(async () => {
    for (const model of Object.values(models)) await model.dispose();
  });

  it.each(['cpu', 'wasm'] as const)('KV-cache decoding equals full re-decoding (%s)', async (backend) => {
    const model = models[backend] as Seq2SeqModel;
    expect(model.supportsCache).toBe(true);
    const settings = generationSettings(config, generationConfig);
    const encoded = await model.encode(tokenizer.encode('The cat sleeps on the sofa.'));
    const cached = model.sentenceDecoder(encoded, true);
    const uncached = model.sentenceDecoder(encoded, false);
    try {
      for (const numBeams of [1, 4]) {
        const options = {
          startTokenId: settings.decoderStartTokenId,
          eosTokenIds: settings.eosTokenIds,
          bannedTokenIds: settings.bannedTokenIds,
          numBeams,
          lengthPenalty: settings.lengthPenalty,
          earlyStopping: false,
          maxNewTokens: 24,
        };
        const withCache = await search(cached, options);
        const withoutCache = await search(uncached, options);
        expect(withCache.tokens.length).toBeGreaterThan(0);
        expect(withCache.tokens).toEqual(withoutCache.tokens);
        expect(withCache.score).toBeCloseTo(withoutCache.score, 3);
      }
      const prefix = [settings.decoderStartTokenId, ...tokenizer.encode('El gato duerme').slice(0, -1)];
      const a = await logitsAlong(cached, prefix);
      const b = await logitsAlong(uncached, prefix);
      for (let step = 0; step < prefix.length; step++) {
        expect(maxDifference(a[step] as Float32Array, b[step] as Float32Array)).toBeLessThan(1e-3);
      }
    } finally {
      cached.dispose();
      uncached.dispose();
      model.releaseEncoded(encoded);
    }
  });

  it.each(['cpu', 'wasm'] as const)(
    'batched hypotheses in any order match decoding each alone (%s)',
    async (backend) => {
      const model = models[backend] as Seq2SeqModel;
      const start = generationSettings(config, generationConfig).decoderStartTokenId;
      const words = tokenizer.encode('cat dog sofa').slice(0, 3);
      const [x, y, z] = words as [number, number, number];
      const prefixes = [
        [start, x, y, z],
        [start, z, x, x],
        [start, y, y, x],
      ];
      const encoded = await model.encode(tokenizer.encode('The cat sleeps on the sofa.'));
      const cached = model.sentenceDecoder(encoded, true);
      const uncached = model.sentenceDecoder(encoded, false);
      try {
        const [root] = await cached.step([{ tokens: [start], state: null }]);
        // Step 2 branches one state three ways; steps 3 and 4 feed the rows back in a rotated order.
        let order = [0, 1, 2];
        let states = (
          await cached.step(
            prefixes.map((prefix) => ({ tokens: prefix.slice(0, 2), state: root?.state ?? null })),
          )
        ).map((step) => step.state);
        if (root) cached.release(root.state);
        let last: Float32Array[] = [];
        for (const length of [3, 4]) {
          order = [order[2], order[0], order[1]] as number[];
          const steps = await cached.step(
            order.map((index) => ({
              tokens: (prefixes[index] as number[]).slice(0, length),
              state: states[index] ?? null,
            })),
          );
          for (const state of states) if (state) cached.release(state);
          const reordered: typeof states = [];
          last = [];
          order.forEach((index, row) => {
            reordered[index] = (steps[row] as (typeof steps)[number]).state;
            last[index] = (steps[row] as (typeof steps)[number]).logits;
          });
          states = reordered;
        }
        for (const state of states) cached.release(state);
        for (const [index, prefix] of prefixes.entries()) {
          const [alone] = await uncached.step([{ tokens: prefix, state: null }]);
          expect(maxDifference(last[index] as Float32Array, alone?.logits as Float32Array)).toBeLessThan(
            1e-3,
          );
          if (alone) uncached.release(alone.state);
        }
      } finally {
        cached.dispose();
        uncached.dispose();
        model.releaseEncoded(encoded);
      }
    },
  );

  it('cpu and wasm agree on the translation', async () => {
    const sentence = 'I would like a cup of coffee.';
    const translate = (backend: BackendName) =>
      new SentenceTranslator(tokenizer, models[backend] as Seq2SeqModel, config, generationConfig).translate(
        sentence,
        { numBeams: 1 },
      );
    const [cpu, wasm] = await Promise.all([translate('cpu'), translate('wasm')]);
    expect(cpu.text).toBe(wasm.text);
    expect(cpu.text).not.toMatch(/<pad>|<\/s>|<unk>/);
  });

  it('streams growing partial text and stops when cancelled', async () => {
    const translator = new SentenceTranslator(
      tokenizer,
      models.cpu as Seq2SeqModel,
      config,
      generationConfig,
    );
    const partials: string[] = [];
    const result = await translator.translate('Good morning, my friend.', { numBeams: 1 }, (text) =>
      partials.push(text),
    );
    expect(partials.length).toBeGreaterThan(0);
    expect(result.text.startsWith((partials[0] ?? '').trim())).toBe(true);

    const controller = new AbortController();
    let steps = 0;
    const cancelled = translator.translate(
      'Good morning, my friend.',
      { numBeams: 4 },
      () => {
        steps++;
        controller.abort();
      },
      controller.signal,
    );
    await expect(cancelled).rejects.toMatchObject({ code: 'aborted' });
    expect(steps).toBe(1);
  });

  it.each(['cpu', 'wasm'] as const)(
    'decodes sentences of different lengths together exactly as one at a time (%s)',
    async (backend) => {
      const translator = new SentenceTranslator(
        tokenizer,
        models[backend] as Seq2SeqModel,
        config,
        generationConfig,
      );
      expect((models[backend] as Seq2SeqModel).supportsBatching).toBe(true);
      const sentences = [
        'The cat sleeps on the sofa.',
        'Hi.',
        'I would like a cup of coffee, please, and a glass of water.',
        'Where is the station?',
        'Hi.',
      ];
      for (const numBeams of [1, 4]) {
        const alone: SentenceTranslation[] = [];
        for (const sentence of sentences) alone.push(await translator.translate(sentence, { numBeams }));
        const partials = new Set<number>();
        const together = await translator.translateBatch(sentences, { numBeams }, (index) =>
          partials.add(index),
        );
        // The same tokens; their scores agree to rounding (a padded batch sums in another order).
        const withoutScore = (results: readonly SentenceTranslation[]) =>
          results.map(({ text, tokens }) => ({ text, tokens }));
        expect(withoutScore(together)).toEqual(withoutScore(alone));
        together.forEach((result, i) =>
          expect(result.confidence).toBeCloseTo(alone[i]?.confidence ?? NaN, 5),
        );
        expect(partials.size).toBeGreaterThan(1);
      }
    },
  );

  it('translates a line far longer than its window in pieces, with nothing cut by the model limit', async () => {
    const translator = new SentenceTranslator(
      tokenizer,
      models.cpu as Seq2SeqModel,
      config,
      generationConfig,
    );
    const words = 'the cat sleeps on a red chair and the dog eats bread in the house'.split(' ');
    const line = Array.from({ length: 600 }, (_, i) => words[(i * 7) % words.length]).join(' ');
    // The fixture's max_length of 32 used to cap a line of any length at 31 tokens.
    const limit = (generationConfig.max_length as number) - 1;
    const partials: string[] = [];
    const result = await translator.translate(line, { numBeams: 1 }, (text) => partials.push(text));
    expect(result.tokens).toBeGreaterThan(10 * limit);
    expect(result.text.split(/\s+/u).length).toBeGreaterThan(600 * 0.3);
    // Later pieces stream after the translation of the earlier ones.
    expect(partials.at(-1)?.length).toBeGreaterThan(result.text.length / 2);
    const [batched] = await translator.translateBatch([line], { numBeams: 1 });
    expect(batched).toEqual(result);
  });

  it('stops decoding a group when cancelled', async () => {
    const translator = new SentenceTranslator(
      tokenizer,
      models.wasm as Seq2SeqModel,
      config,
      generationConfig,
    );
    const controller = new AbortController();
    let partials = 0;
    const cancelled = translator.translateBatch(
      ['Good morning, my friend.', 'The cat sleeps on the sofa.'],
      { numBeams: 4 },
      () => {
        partials++;
        controller.abort();
      },
      controller.signal,
    );
    await expect(cancelled).rejects.toMatchObject({ code: 'aborted' });
    // Both sentences report their first step from the same run, then neither takes another.
    expect(partials).toBeLessThanOrEqual(2);
    // The model is still usable afterwards.
    const after = await translator.translateBatch(['Hi.', 'Where is the station?'], { numBeams: 1 });
    expect(after).toHaveLength(2);
  });
});
