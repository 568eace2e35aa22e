/**
 * Hashed word/char n-gram features, byte-for-byte the same as training/lexlet_legal/hashing.py (the parity test
 * proves it on a shared fixture). Spec v1:
 *  1. NFKC, then full Unicode lower-casing.
 *  2. Tokens: maximal runs of letters or numbers; the first `maxTokens` are kept.
 *  3. Features in order, duplicates kept: "w|tok" per token; "b|a b" per adjacent pair; "c|g" for each code-point
 *     n-gram g (charMin ≤ n ≤ charMax) of "<tok>", per token, n ascending then position ascending.
 *  4. Id: FNV-1a 32-bit over the feature's UTF-8 bytes, modulo `buckets`.
 *  5. With `context` (clause taggers), a clause's context (`clause-context.ts`) adds, after its own features,
 *     "h|tok" and "hb|a b" for the first CONTEXT_TOKENS tokens of the heading above it, then "l|tok" and "lb|a b"
 *     for those of its paragraph's opening, then "p|tok" for the first PREVIOUS_TOKENS tokens of the clause before it.
 */

import type { ClauseContext } from './clause-context';

export interface FeaturizerConfig {
  version: 1;
  buckets: number;
  maxTokens: number;
  charMin: number;
  charMax: number;
  wordBigrams: boolean;
  /** Spec step 5: the model was trained on clauses with their context. */
  context?: boolean;
}

/** The model config stores the featurizer in snake_case, as written by the training code. */
export interface FeaturizerJson {
  version: number;
  normalization: string;
  lowercase: boolean;
  hash: string;
  buckets: number;
  max_tokens: number;
  char_min: number;
  char_max: number;
  word_bigrams: boolean;
  context?: boolean;
}

const TOKEN_RE = /[\p{L}\p{N}]+/gu;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const utf8 = new TextEncoder();

export function featurizerFromJson(json: FeaturizerJson): FeaturizerConfig {
  if (
    json.version !== 1 ||
    json.normalization !== 'NFKC' ||
    !json.lowercase ||
    json.hash !== 'fnv1a32-utf8'
  ) {
    throw new Error(`Unsupported featurizer (version ${json.version}, ${json.normalization}, ${json.hash}).`);
  }
  return {
    version: 1,
    buckets: json.buckets,
    maxTokens: json.max_tokens,
    charMin: json.char_min,
    charMax: json.char_max,
    wordBigrams: json.word_bigrams,
    context: json.context === true,
  };
}

export function fnv1a32(bytes: Uint8Array): number {
  let hash = FNV_OFFSET;
  for (const byte of bytes) {
    hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
  }
  return hash >>> 0;
}

export function tokenize(text: string, maxTokens: number): string[] {
  const tokens = text.normalize('NFKC').toLowerCase().match(TOKEN_RE) ?? [];
  return tokens.slice(0, maxTokens);
}

export function featureStrings(tokens: readonly string[], config: FeaturizerConfig): string[] {
  const features = tokens.map((t) => `w|${t}`);
  if (config.wordBigrams) {
    for (let i = 0; i + 1 < tokens.length; i++) features.push(`b|${tokens[i]} ${tokens[i + 1]}`);
  }
  if (config.charMin > 0 && config.charMax >= config.charMin) {
    for (const token of tokens) {
      // Code points, not UTF-16 units, so astral characters count once as in Python.
      const chars = Array.from(`<${token}>`);
      for (let n = config.charMin; n <= config.charMax; n++) {
        for (let i = 0; i + n <= chars.length; i++) features.push(`c|${chars.slice(i, i + n).join('')}`);
      }
    }
  }
  return features;
}

const CONTEXT_TOKENS = 16;
const PREVIOUS_TOKENS = 24;

export function contextFeatureStrings(context: ClauseContext): string[] {
  const features: string[] = [];
  for (const [prefix, text] of [
    ['h', context.heading],
    ['l', context.lead],
  ] as const) {
    const tokens = tokenize(text, CONTEXT_TOKENS);
    features.push(...tokens.map((t) => `${prefix}|${t}`));
    for (let i = 0; i + 1 < tokens.length; i++) features.push(`${prefix}b|${tokens[i]} ${tokens[i + 1]}`);
  }
  features.push(...tokenize(context.previous, PREVIOUS_TOKENS).map((t) => `p|${t}`));
  return features;
}

/** Text → bucket ids. Keeps a bounded cache of feature hashes: legal text repeats its n-grams constantly. */
export class Featurizer {
  private readonly cache = new Map<string, number>();

  constructor(
    readonly config: FeaturizerConfig,
    private readonly cacheLimit = 200_000,
  ) {}

  featureId(feature: string): number {
    let id = this.cache.get(feature);
    if (id === undefined) {
      id = fnv1a32(utf8.encode(feature)) % this.config.buckets;
      if (this.cache.size >= this.cacheLimit) this.cache.clear();
      this.cache.set(feature, id);
    }
    return id;
  }

  ids(text: string): number[] {
    return featureStrings(tokenize(text, this.config.maxTokens), this.config).map((f) => this.featureId(f));
  }

  /** A clause's ids with its context's (spec step 5); the clause alone when the model takes no context. */
  idsInContext(text: string, context: ClauseContext): number[] {
    const own = this.ids(text);
    if (!this.config.context) return own;
    return [...own, ...contextFeatureStrings(context).map((f) => this.featureId(f))];
  }
}
