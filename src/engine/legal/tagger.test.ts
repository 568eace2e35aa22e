import { describe, expect, it } from 'vitest';
import { Featurizer, type FeaturizerConfig } from './featurize';
import type { TaggerConfig } from './model-config';
import { SentenceTagger, type SessionLike, type TensorFactory } from './tagger';

class FakeTensor {
  constructor(
    readonly type: string,
    readonly data: Int32Array | Float32Array,
    readonly dims: number[],
  ) {}
}

const featurizer: FeaturizerConfig = {
  version: 1,
  buckets: 1000,
  maxTokens: 64,
  charMin: 3,
  charMax: 4,
  wordBigrams: true,
};
const config: TaggerConfig = {
  modelId: 'test',
  modelType: 'hashed-ngram-bag',
  labels: ['A', 'B'],
  thresholds: [0.5, 0.9],
  input: { kind: 'hashed-ngrams', featurizer },
  inputIds: 'input_ids',
  inputMask: 'mask',
  output: 'probs',
  onnxFile: 'model.onnx',
};

/** Scores each row from what it was fed, so the test sees whether rows come back to the right texts. */
function rowScores(ids: number[]): [number, number] {
  return [ids.reduce((a, b) => a + b, 0) % 2 === 0 ? 0.75 : 0.25, ids.length / (ids.length + 1)];
}

function scoringSession(calls: { dims: number[] }[]): SessionLike {
  return {
    async run(feeds) {
      const ids = feeds.input_ids as FakeTensor;
      const mask = feeds.mask as FakeTensor;
      const [batch, width] = ids.dims as [number, number];
      calls.push({ dims: ids.dims });
      const probs = new Float32Array(batch * 2);
      for (let r = 0; r < batch; r++) {
        const row: number[] = [];
        for (let c = 0; c < width; c++)
          if (mask.data[r * width + c] === 1) row.push(ids.data[r * width + c] ?? -1);
        probs.set(rowScores(row), r * 2);
      }
      return { probs: { data: probs } };
    },
  };
}

describe('SentenceTagger', () => {
  const texts = [
    'We may terminate your account.',
    '',
    'Short.',
    'These terms are governed by the laws of Ireland.',
  ];

  it('pads per batch, keeps input order and applies one threshold per label', async () => {
    const calls: { dims: number[] }[] = [];
    const tagger = new SentenceTagger(
      scoringSession(calls),
      FakeTensor as unknown as TensorFactory,
      config,
      undefined,
      3,
    );
    const tags = await tagger.tagSentences(texts);
    const f = new Featurizer(featurizer);
    tags.forEach((t, i) => {
      const [a, b] = rowScores(f.ids(texts[i] ?? ''));
      expect(t.scores).toEqual({ A: Math.round(a * 1e4) / 1e4, B: Math.round(b * 1e4) / 1e4 });
      const expected = [a >= 0.5 ? 0 : -1, b >= 0.9 ? 1 : -1].filter((x) => x >= 0);
      expect(t.ids).toEqual(expected);
      expect(t.labels).toEqual(expected.map((id) => config.labels[id]));
    });
    // Two batches (3 + 1); the empty text is padded to width 1 rather than sent as a zero-width tensor.
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => (c.dims[1] ?? 0) >= 1)).toBe(true);
  });

  it('rejects a model whose output has the wrong shape', async () => {
    const session: SessionLike = { run: async () => ({ probs: { data: new Float32Array(1) } }) };
    const tagger = new SentenceTagger(session, FakeTensor as unknown as TensorFactory, config);
    await expect(tagger.tagSentences(['a b c'])).rejects.toThrow(/probs/);
  });

  it("decides a text by its language's thresholds where the model keeps a set for it", () => {
    const multilingual = new SentenceTagger(scoringSession([]), FakeTensor as unknown as TensorFactory, {
      ...config,
      thresholdsByLanguage: { de: [0.2, 0.95] },
    });
    const probs = new Float32Array([0.3, 0.92]);
    expect(multilingual.decide(probs).labels).toEqual(['B']);
    expect(multilingual.decide(probs, 'de').labels).toEqual(['A']);
    // A language without its own set, or none known, keeps the default thresholds.
    expect(multilingual.decide(probs, 'it').labels).toEqual(['B']);
    expect(multilingual.thresholdsFor('de')).toEqual([0.2, 0.95]);
    expect(multilingual.thresholdsFor(undefined)).toEqual([0.5, 0.9]);
  });
});
