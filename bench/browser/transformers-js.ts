/**
 * Transformers.js `pipeline('translation')` in the page's worker, on the same model files Lexlet serves, never
 * from the network: the model from the page's own models folder, onnxruntime's WebAssembly files from the page
 * (Transformers.js would otherwise fetch them from a CDN). Imported only when the comparison runs: its
 * onnxruntime is its own (its WebGPU build), beside the one Lexlet's engine uses.
 */
import type { CompareRequest } from './protocol';

interface OnnxWasmEnv {
  wasmPaths?: unknown;
  numThreads?: number;
}

type Translate = (text: string, options: Record<string, unknown>) => Promise<{ translation_text: string }[]>;

export interface PageTransformersJs {
  /** onnxruntime-web's version as Transformers.js reports it, and the threads its WebAssembly runs. */
  runtime: string;
  translate(sentence: string): Promise<string>;
  dispose(): Promise<void>;
}

export async function openTransformersJs(
  request: CompareRequest,
  threads: number,
): Promise<PageTransformersJs> {
  const { env, pipeline } = await import('@huggingface/transformers');
  env.localModelPath = request.modelsUrl;
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  // Model and runtime are read from the page's server each time, not kept in another cache.
  env.useBrowserCache = false;
  (env as { useWasmCache?: boolean }).useWasmCache = false;
  const wasm = (env.backends.onnx as { wasm?: OnnxWasmEnv }).wasm;
  if (!wasm) throw new Error('Transformers.js has no onnxruntime WebAssembly backend here.');
  wasm.wasmPaths = request.transformersWasm;
  // Its default is half the cores, at most 4: one thread on two cores. Lexlet uses 2 when cross-origin isolated.
  wasm.numThreads = threads;
  // The quantized files Lexlet ships: encoder_model_quantized.onnx, decoder_model_merged_quantized.onnx.
  const translator = await pipeline('translation', request.modelId, { dtype: 'q8', device: 'wasm' });
  const translate = translator as unknown as Translate;
  const versions = (env.backends.onnx as { versions?: { web?: string } }).versions;
  return {
    runtime: `onnxruntime-web ${versions?.web ?? '?'}, ${wasm.numThreads} threads`,
    async translate(sentence) {
      const [result] = await translate(sentence, { num_beams: 1, do_sample: false });
      return result?.translation_text ?? '';
    },
    dispose: () => translator.dispose(),
  };
}
