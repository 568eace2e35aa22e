import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LexletError } from '../errors';
import { featureIds, featureStrings, fnv1a32, tokenize } from './features';
import { parseLanguageModel, probabilities, rawScores } from './model';
import { SHIPPED_MODEL_URL, shippedModel } from './test-model.test-support';

interface ParityCase {
  text: string;
  ids: number[];
  sums: number[];
  probabilities: number[] | null;
}

// Written by training/lexlet_langid/train.py from the Python features and the shipped weights.
const fixture = JSON.parse(
  readFileSync(new URL('./__fixtures__/langid-parity.json', import.meta.url), 'utf8'),
) as ParityCase[];

describe('language identifier features and scores', () => {
  const model = shippedModel();

  it('gives the ids, integer scores and probabilities training gives on fixed texts', () => {
    expect(fixture.length).toBeGreaterThan(5);
    for (const item of fixture) {
      const ids = featureIds(item.text, model.features);
      expect(ids, item.text).toEqual(item.ids);
      expect(rawScores(model, ids), item.text).toEqual(item.sums);
      if (item.probabilities === null) continue;
      probabilities(item.sums, model.scale).forEach((p, i) =>
        expect(p).toBeCloseTo(item.probabilities?.[i] as number, 12),
      );
    }
  });

  it('hashes, tokenizes and pads as the specification says', () => {
    expect(fnv1a32(new TextEncoder().encode('foobar'))).toBe(0xbf9cf968);
    expect(tokenize('Use Excel打开文件 now, 42!', 10)).toEqual(['use', 'excel', '打开文件', 'now']);
    expect(featureStrings(['ab', '我们'], { buckets: 97, maxN: 3, hanMaxN: 2, maxTokens: 10 })).toEqual([
      'a',
      'b',
      ' a',
      'ab',
      'b ',
      ' ab',
      'ab ',
      '我',
      '们',
      '我们',
    ]);
  });

  it('is a small file', () => {
    expect(statSync(SHIPPED_MODEL_URL).size).toBeLessThanOrEqual(1_000_000);
  });

  it('rejects a malformed model file with a specific reason', () => {
    const good = JSON.parse(readFileSync(SHIPPED_MODEL_URL, 'utf8')) as Record<string, unknown>;
    expect(() => parseLanguageModel(null)).toThrow(LexletError);
    expect(() => parseLanguageModel({ ...good, format: 'other' })).toThrow(/unknown format/u);
    expect(() => parseLanguageModel({ ...good, threshold: 2 })).toThrow(/threshold/u);
    expect(() => parseLanguageModel({ ...good, weights: 'AAAA' })).toThrow(/3 weights for 65536 buckets/u);
  });
});
