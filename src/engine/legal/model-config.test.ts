import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTaggerConfig } from './model-config';

const root = new URL('../../../', import.meta.url).pathname;
const hashed = JSON.parse(
  readFileSync(`${root}public/models/lexlet-unfair-tos/config.json`, 'utf8'),
) as Record<string, unknown>;
const encoder = {
  ...hashed,
  model_type: 'transformer-encoder',
  featurizer: undefined,
  tokenizer: { file: 'tokenizer.json', max_length: 128 },
};

describe('parseTaggerConfig', () => {
  it('reads the hashed family with its featurizer', () => {
    const config = parseTaggerConfig(hashed);
    expect(config.input.kind).toBe('hashed-ngrams');
    expect(config.labels).toHaveLength(8);
  });

  it('reads the encoder family with its tokenizer', () => {
    const config = parseTaggerConfig(encoder);
    expect(config.input).toEqual({ kind: 'tokenizer', file: 'tokenizer.json', maxLength: 128 });
    expect(config.modelType).toBe('transformer-encoder');
  });

  it('reads document rules, one gate and rank limit per label', () => {
    const gate = Array.from({ length: 8 }, (_, i) => i / 10);
    const topK = [1, null, 2, null, null, 3, null, 5];
    const config = parseTaggerConfig({ ...hashed, document_rules: { gate, top_k: topK } });
    expect(config.documentRules).toEqual({ gates: gate, topK });
    expect(parseTaggerConfig(hashed).documentRules).toBeUndefined();
  });

  it('refuses document rules that do not fit the labels', () => {
    const rules = (gate: unknown[], topK: unknown[]) => ({
      ...hashed,
      document_rules: { gate, top_k: topK },
    });
    const nulls = Array<null>(8).fill(null);
    expect(() => parseTaggerConfig(rules([0.5], nulls))).toThrow(/document rules do not match/);
    expect(() => parseTaggerConfig(rules([...Array<number>(7).fill(0.5), 1.5], nulls))).toThrow(/gate/);
    expect(() => parseTaggerConfig(rules(Array<number>(8).fill(0.5), [...nulls.slice(1), 0]))).toThrow(
      /rank limit/,
    );
  });

  it('reads per-language thresholds and refuses sets that do not fit the labels', () => {
    const de = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
    expect(parseTaggerConfig({ ...hashed, thresholds_by_language: { de } }).thresholdsByLanguage).toEqual({
      de,
    });
    expect(parseTaggerConfig(hashed).thresholdsByLanguage).toBeUndefined();
    const withSets = (sets: unknown) => ({ ...hashed, thresholds_by_language: sets });
    expect(() => parseTaggerConfig(withSets({ de: [0.5] }))).toThrow(/thresholds for de do not match labels/);
    expect(() => parseTaggerConfig(withSets({ de: [...de.slice(1), 2] }))).toThrow(/not in \[0, 1\]/);
    expect(() => parseTaggerConfig(withSets({ German: de }))).toThrow(/no language code "German"/);
    expect(() => parseTaggerConfig(withSets([de]))).toThrow(/not an object/);
  });

  it('refuses configs that would tag wrongly or not at all', () => {
    expect(() => parseTaggerConfig({ ...hashed, model_type: 'svm' })).toThrow(/unknown model_type svm/);
    expect(() => parseTaggerConfig({ ...hashed, thresholds: [0.5] })).toThrow(/thresholds do not match/);
    expect(() => parseTaggerConfig({ ...encoder, tokenizer: undefined })).toThrow(
      /tokenizer section missing/,
    );
    expect(() => parseTaggerConfig({ ...encoder, tokenizer: { file: 't.json', max_length: 0 } })).toThrow(
      /max_length/,
    );
    expect(() => parseTaggerConfig({ ...hashed, featurizer: undefined })).toThrow(
      /featurizer section missing/,
    );
  });
});
