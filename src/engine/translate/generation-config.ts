import { LexletError } from '../errors';
import type { GenerationOptions } from '../types';

/** Everything decoding needs, merged from config.json, generation_config.json and per-request options. */
export interface GenerationSettings {
  decoderStartTokenId: number;
  eosTokenIds: number[];
  padTokenId: number | null;
  /** Tokens never generated (pad, bad_words_ids of length 1). */
  bannedTokenIds: number[];
  numBeams: number;
  lengthPenalty: number;
  earlyStopping: boolean;
  noRepeatNgramSize: number;
  /** Scores renormalised after banning tokens (`renormalize_logits`). */
  renormalize: boolean;
  /** Cap on new tokens = factor * input tokens + offset, never above maxLength. */
  maxLengthFactor: number;
  maxLengthOffset: number;
  maxLength: number;
}

/** Decoder geometry needed to build empty KV-cache tensors. */
export interface DecoderShape {
  layers: number;
  heads: number;
  headDim: number;
}

type Json = Record<string, unknown>;

const DEFAULT_MAX_LENGTH_FACTOR = 2;
const DEFAULT_MAX_LENGTH_OFFSET = 10;
const DEFAULT_MAX_LENGTH = 512;

function numberField(source: Json, key: string): number | undefined {
  const value = source[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function tokenIds(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.filter((id): id is number => typeof id === 'number');
  return [];
}

function first<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((value) => value !== undefined);
}

export function generationSettings(
  config: Json,
  generationConfig: Json,
  options: GenerationOptions = {},
): GenerationSettings {
  const decoderStartTokenId = first(
    numberField(generationConfig, 'decoder_start_token_id'),
    numberField(config, 'decoder_start_token_id'),
  );
  const eosTokenIds = tokenIds(generationConfig.eos_token_id ?? config.eos_token_id);
  if (decoderStartTokenId === undefined || eosTokenIds.length === 0) {
    throw new LexletError('model-invalid', 'The model config lacks decoder_start_token_id or eos_token_id.');
  }
  const padTokenId =
    first(numberField(generationConfig, 'pad_token_id'), numberField(config, 'pad_token_id')) ?? null;
  const badWords = (generationConfig.bad_words_ids ?? config.bad_words_ids) as unknown;
  const singleBadWords = Array.isArray(badWords)
    ? badWords
        .filter((ids): ids is number[] => Array.isArray(ids) && ids.length === 1)
        .map((ids) => ids[0] as number)
    : [];
  const banned = new Set<number>(singleBadWords);
  if (padTokenId !== null) banned.add(padTokenId);
  for (const eos of eosTokenIds) banned.delete(eos);

  const numBeams = Math.max(
    1,
    Math.floor(
      options.numBeams ??
        first(numberField(generationConfig, 'num_beams'), numberField(config, 'num_beams')) ??
        1,
    ),
  );
  return {
    decoderStartTokenId,
    eosTokenIds,
    padTokenId,
    bannedTokenIds: [...banned],
    numBeams,
    lengthPenalty:
      options.lengthPenalty ??
      first(numberField(generationConfig, 'length_penalty'), numberField(config, 'length_penalty')) ??
      1,
    earlyStopping: Boolean(generationConfig.early_stopping ?? config.early_stopping ?? false),
    noRepeatNgramSize:
      first(
        numberField(generationConfig, 'no_repeat_ngram_size'),
        numberField(config, 'no_repeat_ngram_size'),
      ) ?? 0,
    renormalize: Boolean(generationConfig.renormalize_logits ?? config.renormalize_logits ?? false),
    maxLengthFactor: options.maxLengthFactor ?? DEFAULT_MAX_LENGTH_FACTOR,
    maxLengthOffset: options.maxLengthOffset ?? DEFAULT_MAX_LENGTH_OFFSET,
    maxLength:
      first(numberField(generationConfig, 'max_length'), numberField(config, 'max_length')) ??
      DEFAULT_MAX_LENGTH,
  };
}

export function maxNewTokens(settings: GenerationSettings, inputTokens: number): number {
  const relative = Math.ceil(settings.maxLengthFactor * inputTokens + settings.maxLengthOffset);
  // max_length counts the decoder start token.
  return Math.max(1, Math.min(relative, settings.maxLength - 1));
}

export function decoderShape(config: Json): DecoderShape {
  const dModel = numberField(config, 'd_model') ?? numberField(config, 'hidden_size');
  const heads = numberField(config, 'decoder_attention_heads') ?? numberField(config, 'num_attention_heads');
  const layers = numberField(config, 'decoder_layers') ?? numberField(config, 'num_hidden_layers');
  if (!dModel || !heads || !layers) {
    throw new LexletError(
      'model-invalid',
      'The model config lacks d_model, decoder_attention_heads or decoder_layers.',
    );
  }
  return { layers, heads, headDim: dModel / heads };
}
