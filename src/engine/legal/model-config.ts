import { LexletError } from '../errors';
import { featurizerFromJson, type FeaturizerConfig, type FeaturizerJson } from './featurize';

/** config.json of a hashed n-gram tagger (written by training/lexlet_legal/export_onnx.py). */
export interface TaggerModelJson {
  model_type: 'hashed-ngram-bag';
  task: string;
  model_id: string;
  version: number;
  labels: string[];
  thresholds: number[];
  featurizer: FeaturizerJson;
  onnx: { file: string; inputs: { ids: string; mask: string }; output: string; ids_dtype: 'int32' };
}

export interface TaggerConfig {
  modelId: string;
  labels: string[];
  thresholds: number[];
  featurizer: FeaturizerConfig;
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
  if (c.model_type !== 'hashed-ngram-bag') return fail(`unknown model_type ${String(c.model_type)}`);
  if (!Array.isArray(c.labels) || c.labels.length === 0) return fail('no labels');
  if (!Array.isArray(c.thresholds) || c.thresholds.length !== c.labels.length) {
    return fail('thresholds do not match labels');
  }
  if (!c.featurizer || !c.onnx) return fail('featurizer or onnx section missing');
  let featurizer: FeaturizerConfig;
  try {
    featurizer = featurizerFromJson(c.featurizer);
  } catch (cause) {
    throw new LexletError('model-invalid', `The tagging model's featurizer is not supported.`, { cause });
  }
  return {
    modelId: c.model_id ?? 'unknown',
    labels: c.labels,
    thresholds: c.thresholds,
    featurizer,
    inputIds: c.onnx.inputs.ids,
    inputMask: c.onnx.inputs.mask,
    output: c.onnx.output,
    onnxFile: c.onnx.file,
  };
}
