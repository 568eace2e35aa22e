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
