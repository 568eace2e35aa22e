import { LexletError } from '../errors';
import type { BackendName, ModelFile } from '../types';

export interface Seq2SeqFiles {
  encoder: string;
  decoder: string;
}

/**
 * Weight variants in order of preference. Quantized (q8) is the fastest on CPU and WASM; on WebGPU the q8 pattern
 * splits between CPU and GPU, so full precision goes first there. fp16 comes last: many adapters lack shader-f16.
 */
function variantOrder(backend: BackendName): string[] {
  return backend === 'webgpu' ? ['', '_quantized', '_q4', '_fp16'] : ['_quantized', '', '_q4', '_fp16'];
}

function find(paths: Set<string>, stem: string, suffix: string): string | undefined {
  return [`onnx/${stem}${suffix}.onnx`, `${stem}${suffix}.onnx`].find((path) => paths.has(path));
}

/** Picks the encoder/decoder pair the model offers for a backend, preferring a merged (KV-cache) decoder. */
export function chooseSeq2SeqFiles(files: readonly ModelFile[], backend: BackendName): Seq2SeqFiles {
  const paths = new Set(files.map((file) => file.path));
  for (const suffix of variantOrder(backend)) {
    const encoder = find(paths, 'encoder_model', suffix);
    const decoder = find(paths, 'decoder_model_merged', suffix) ?? find(paths, 'decoder_model', suffix);
    if (encoder && decoder) return { encoder, decoder };
  }
  throw new LexletError(
    'model-invalid',
    'The model has no ONNX encoder/decoder pair (expected onnx/encoder_model*.onnx and onnx/decoder_model_merged*.onnx).',
  );
}
