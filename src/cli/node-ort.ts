import type { OrtModule } from '../engine/runtime/ort';
import type { BackendName } from '../engine/types';

/** onnxruntime-node for `cpu`; onnxruntime-web's WebAssembly build (its Node entry) otherwise. */
export async function loadNodeOrt(backend: BackendName): Promise<OrtModule> {
  const ort = backend === 'cpu' ? await import('onnxruntime-node') : await import('onnxruntime-web');
  return (ort as { default?: OrtModule }).default ?? (ort as unknown as OrtModule);
}
