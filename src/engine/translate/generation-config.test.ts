import { describe, expect, it } from 'vitest';
import { decoderShape, generationSettings, maxNewTokens } from './generation-config';

// Values as in Helsinki-NLP/opus-mt-en-es (Xenova/opus-mt-en-es) config.json and generation_config.json.
const marianConfig = {
  d_model: 512,
  decoder_attention_heads: 8,
  decoder_layers: 6,
  decoder_start_token_id: 65000,
  eos_token_id: 0,
  pad_token_id: 65000,
  max_length: 512,
  num_beams: 4,
  bad_words_ids: [[65000]],
};
const marianGeneration = { ...marianConfig, forced_eos_token_id: 0, renormalize_logits: true };

describe('generationSettings', () => {
  it('reads Marian defaults and bans pad', () => {
    const settings = generationSettings(marianConfig, marianGeneration);
    expect(settings).toMatchObject({
      decoderStartTokenId: 65000,
      eosTokenIds: [0],
      padTokenId: 65000,
      bannedTokenIds: [65000],
      numBeams: 4,
      lengthPenalty: 1,
      earlyStopping: false,
      noRepeatNgramSize: 0,
      renormalize: true,
      maxLength: 512,
    });
  });

  it('lets request options override the files', () => {
    const settings = generationSettings(marianConfig, marianGeneration, { numBeams: 1, lengthPenalty: 0.6 });
    expect(settings.numBeams).toBe(1);
    expect(settings.lengthPenalty).toBe(0.6);
  });

  it('prefers generation_config.json over config.json', () => {
    expect(generationSettings(marianConfig, { num_beams: 6 }).numBeams).toBe(6);
  });

  it('rejects a config without start or end tokens', () => {
    expect(() => generationSettings({}, {})).toThrow(/decoder_start_token_id/);
  });

  it('caps new tokens relative to the input and by max_length', () => {
    const settings = generationSettings(marianConfig, marianGeneration);
    expect(maxNewTokens(settings, 10)).toBe(30);
    expect(maxNewTokens(settings, 400)).toBe(511);
    expect(maxNewTokens({ ...settings, maxLengthFactor: 1.5, maxLengthOffset: 0 }, 3)).toBe(5);
  });
});

describe('decoderShape', () => {
  it('derives the head size', () => {
    expect(decoderShape(marianConfig)).toEqual({ layers: 6, heads: 8, headDim: 64 });
  });
  it('rejects a config without geometry', () => {
    expect(() => decoderShape({ d_model: 512 })).toThrow(/decoder_attention_heads/);
  });
});
