import { LexletError } from '../errors';
import { featureIds, type FeatureSpec } from './features';

/** The language identifier as shipped in public/models/lexlet-langid/langid.json (see its MODEL_CARD.md). */
export interface LanguageModel {
  languages: readonly string[];
  features: FeatureSpec;
  /** Score of a language = scale × the integer sum of its weights over the text's feature ids. */
  scale: number;
  /** Below this confidence a text is called ambiguous (chosen on dev). */
  threshold: number;
  /** int8 weights, bucket-major: bucket b, language c at b × languages + c. */
  weights: Int8Array;
}

function fail(reason: string): never {
  throw new LexletError('model-invalid', `The language identification model is not valid: ${reason}.`);
}

function decodeBase64(text: string): Int8Array {
  const binary = atob(text);
  const bytes = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = (binary.charCodeAt(i) << 24) >> 24;
  return bytes;
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

/** Checks and decodes the model file's JSON. */
export function parseLanguageModel(json: unknown): LanguageModel {
  if (typeof json !== 'object' || json === null) fail('not a JSON object');
  const obj = json as Record<string, unknown>;
  if (obj.format !== 'lexlet-langid' || obj.version !== 1) fail('unknown format or version');
  const features = obj.features as Record<string, unknown> | undefined;
  if (features?.version !== 1 || features.hash !== 'fnv1a32-utf8') fail('unknown feature version');
  const { buckets, max_n: maxN, han_max_n: hanMaxN, max_tokens: maxTokens } = features;
  if (![buckets, maxN, hanMaxN, maxTokens].every(isCount)) fail('feature sizes must be positive integers');
  const languages = obj.languages;
  if (!Array.isArray(languages) || languages.length < 2 || !languages.every((l) => typeof l === 'string'))
    fail('it needs at least two languages');
  const { scale, threshold, weights } = obj;
  if (typeof scale !== 'number' || !(scale > 0)) fail('scale must be a positive number');
  if (typeof threshold !== 'number' || threshold < 0 || threshold > 1) fail('threshold must be within 0–1');
  if (typeof weights !== 'string') fail('weights are missing');
  const decoded = decodeBase64(weights);
  if (decoded.length !== (buckets as number) * languages.length)
    fail(`${decoded.length} weights for ${buckets as number} buckets × ${languages.length} languages`);
  return {
    languages: languages as string[],
    features: {
      buckets: buckets as number,
      maxN: maxN as number,
      hanMaxN: hanMaxN as number,
      maxTokens: maxTokens as number,
    },
    scale,
    threshold,
    weights: decoded,
  };
}

/** Integer weight sums per language over the text's features, in the model's language order. */
export function rawScores(model: LanguageModel, ids: readonly number[]): number[] {
  const count = model.languages.length;
  const sums = new Array<number>(count).fill(0);
  for (const id of ids) {
    const row = id * count;
    for (let c = 0; c < count; c++) sums[c] = (sums[c] as number) + (model.weights[row + c] as number);
  }
  return sums;
}

/** Softmax of scale × sums, computed as training's model.probabilities does. */
export function probabilities(sums: readonly number[], scale: number): number[] {
  const scores = sums.map((sum) => sum * scale);
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

export { featureIds };
