import type { Env, InferenceSession, Tensor } from 'onnxruntime-web';
import type { BackendName } from '../types';

/**
 * The part of an onnxruntime module the engine uses. onnxruntime-web and onnxruntime-node both satisfy it, so the
 * caller injects whichever build fits the host (and the engine never imports onnxruntime itself).
 */
export interface OrtModule {
  InferenceSession: typeof InferenceSession;
  Tensor: typeof Tensor;
  env: Env;
}

/**
 * Loads the onnxruntime build for a backend. In the browser one `onnxruntime-web/webgpu` module serves both
 * `webgpu` and `wasm`; it must be a dynamic `import()` (a static import hangs multi-threaded WASM in a worker).
 */
export type OrtLoader = (backend: BackendName) => Promise<OrtModule>;

export type OrtSession = InferenceSession;
export type OrtTensor = Tensor;
