import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { largestProbabilityGap, nodeTagger } from './node-tagger.test-support';

interface Expected {
  model_dir: string;
  cases: { text: string; gold: number[]; ids: number[]; probs: number[] }[];
}

// Ids and probabilities of the float PyTorch model, written by training/lexlet_legal/export_encoder.py.
const expected = JSON.parse(
  readFileSync(new URL('./__fixtures__/lexlet-unfair-tos-encoder-expected.json', import.meta.url), 'utf8'),
) as Expected;
const encoderTagger = () => nodeTagger(expected.model_dir);

describe('UNFAIR-ToS Transformer-encoder model on onnxruntime-node', () => {
  it('feeds the model the ids the training code fed it', async () => {
    const tagger = await encoderTagger();
    expect(tagger.config.modelType).toBe('transformer-encoder');
    for (const c of expected.cases) expect(tagger.ids(c.text), c.text).toEqual(c.ids);
  });

  it('reproduces the training-side probabilities with int8 weights (within 0.03)', async () => {
    expect(await largestProbabilityGap(await encoderTagger(), expected.cases)).toBeLessThan(0.03);
  });

  it('cuts a text longer than its positions and still scores it', async () => {
    const tagger = await encoderTagger();
    const long = 'We may terminate your account at any time without notice. '.repeat(40);
    const ids = tagger.ids(long);
    expect(ids.length).toBe(128);
    expect(ids[ids.length - 1]).toBe(1);
    const [probs] = await tagger.probabilities([long]);
    expect(probs?.every((p) => p >= 0 && p <= 1)).toBe(true);
  });
});
