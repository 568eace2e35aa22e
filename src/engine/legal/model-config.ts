import { LexletError } from '../errors';
import { featurizerFromJson, type FeaturizerConfig, type FeaturizerJson } from './featurize';

/** config.json of a sentence tagger, as written by training/lexlet_legal/export_onnx.py or export_encoder.py. */
export interface TaggerModelJson {
  model_type: 'hashed-ngram-bag' | 'transformer-encoder';
  task: string;
  model_id: string;
  version: number;
  labels: string[];
  thresholds: number[];
  /**
   * Multilingual taggers: per-label thresholds for text in a given language (ISO 639-1), chosen on that
   * language's cross-validation scores; `thresholds` serves every other language.
   */
  thresholds_by_language?: Record<string, number[]>;
  /** Contract taggers: per-label rules over a whole document (training/lexlet_legal/document_rules.py). */
  document_rules?: { gate: number[]; top_k: (number | null)[] };
  /** hashed-ngram-bag only */
  featurizer?: FeaturizerJson;
  /** transformer-encoder only */
  tokenizer?: { file: string; max_length: number };
  onnx: { file: string; inputs: { ids: string; mask: string }; output: string; ids_dtype: 'int32' };
}

/**
 * How a text becomes the graph's input ids: both families take padded int32 ids and a 0/1 mask and return
 * probabilities, so the tagger only swaps this step.
 */
export type TaggerInput =
  | { kind: 'hashed-ngrams'; featurizer: FeaturizerConfig }
  | { kind: 'tokenizer'; file: string; maxLength: number };

/**
 * How a document-level tagger decides label j over a whole document: nothing unless some clause scores at least
 * `gates[j]`; then clauses over the label's threshold, at most the `topK[j]` best (null: no limit).
 */
export interface DocumentRules {
  gates: number[];
  topK: (number | null)[];
}

export interface TaggerConfig {
  modelId: string;
  modelType: TaggerModelJson['model_type'];
  labels: string[];
  thresholds: number[];
  thresholdsByLanguage?: Record<string, number[]>;
  documentRules?: DocumentRules;
  input: TaggerInput;
  inputIds: string;
  inputMask: string;
  output: string;
  onnxFile: string;
}

/** Validates config.json so a mismatched or truncated model fails loudly at load, not with wrong tags later. */
export function parseTaggerConfig(json: unknown): TaggerConfig {
  const c = json as Partial<TaggerModelJson> | null;
  const fail = (why: string): never => {
    throw new LexletError('model-invalid', `The tagging model's config.json is not usable: ${why}.`);
  };
  if (!c || typeof c !== 'object') return fail('not an object');
  if (c.model_type !== 'hashed-ngram-bag' && c.model_type !== 'transformer-encoder') {
    return fail(`unknown model_type ${String(c.model_type)}`);
  }
  if (!Array.isArray(c.labels) || c.labels.length === 0) return fail('no labels');
  if (!Array.isArray(c.thresholds) || c.thresholds.length !== c.labels.length) {
    return fail('thresholds do not match labels');
  }
  const thresholdsByLanguage = c.thresholds_by_language
    ? parseLanguageThresholds(c.thresholds_by_language, c.labels.length, fail)
    : undefined;
  if (!c.onnx) return fail('onnx section missing');
  const documentRules = c.document_rules
    ? parseDocumentRules(c.document_rules, c.labels.length, fail)
    : undefined;
  return {
    modelId: c.model_id ?? 'unknown',
    modelType: c.model_type,
    labels: c.labels,
    thresholds: c.thresholds,
    ...(thresholdsByLanguage ? { thresholdsByLanguage } : {}),
    ...(documentRules ? { documentRules } : {}),
    input:
      c.model_type === 'hashed-ngram-bag'
        ? hashedInput(c.featurizer, fail)
        : tokenizerInput(c.tokenizer, fail),
    inputIds: c.onnx.inputs.ids,
    inputMask: c.onnx.inputs.mask,
    output: c.onnx.output,
    onnxFile: c.onnx.file,
  };
}

function hashedInput(json: FeaturizerJson | undefined, fail: (why: string) => never): TaggerInput {
  if (!json) return fail('featurizer section missing');
  try {
    return { kind: 'hashed-ngrams', featurizer: featurizerFromJson(json) };
  } catch (cause) {
    throw new LexletError('model-invalid', `The tagging model's featurizer is not supported.`, { cause });
  }
}

function tokenizerInput(json: TaggerModelJson['tokenizer'], fail: (why: string) => never): TaggerInput {
  if (!json || typeof json.file !== 'string') return fail('tokenizer section missing');
  if (!Number.isInteger(json.max_length) || json.max_length < 2) return fail('tokenizer max_length invalid');
  return { kind: 'tokenizer', file: json.file, maxLength: json.max_length };
}

function parseDocumentRules(
  json: NonNullable<TaggerModelJson['document_rules']>,
  labelCount: number,
  fail: (why: string) => never,
): DocumentRules {
  const { gate, top_k: topK } = json;
  if (!Array.isArray(gate) || gate.length !== labelCount) return fail('document rules do not match labels');
  if (!Array.isArray(topK) || topK.length !== labelCount) return fail('document rules do not match labels');
  if (!gate.every((g) => typeof g === 'number' && g >= 0 && g <= 1))
    return fail('a document gate is not in [0, 1]');
  if (!topK.every((k) => k === null || (Number.isInteger(k) && k > 0))) {
    return fail('a document rank limit is not a positive integer');
  }
  return { gates: gate, topK };
}

function parseLanguageThresholds(
  json: unknown,
  labelCount: number,
  fail: (why: string) => never,
): Record<string, number[]> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('thresholds_by_language is not an object');
  }
  const out: Record<string, number[]> = {};
  for (const [language, values] of Object.entries(json as Record<string, unknown>)) {
    if (!/^[a-z]{2}$/.test(language))
      return fail(`thresholds_by_language has no language code "${language}"`);
    if (!Array.isArray(values) || values.length !== labelCount) {
      return fail(`thresholds for ${language} do not match labels`);
    }
    if (!values.every((v) => typeof v === 'number' && v >= 0 && v <= 1)) {
      return fail(`a threshold for ${language} is not in [0, 1]`);
    }
    out[language] = values as number[];
  }
  return out;
}
