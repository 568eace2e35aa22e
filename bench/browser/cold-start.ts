/**
 * A cold start as the app's worker goes through it, with the model already in Cache Storage: load onnxruntime,
 * start its WebAssembly runtime (fetch, compile, threads), read and verify the model files, create the encoder
 * and decoder sessions, translate one sentence. Each phase ends with a mark.
 */
import type { Engine } from '../../src/engine/engine';
import type { ColdStartMark, ColdStartRequest } from './protocol';

/**
 * The smallest ONNX model (opset 13, y = Identity(x), float32 [1]): creating a session of it starts the
 * WebAssembly runtime and nothing else, which separates that cost from the model's own sessions. Made with
 * onnx.helper.make_graph([make_node('Identity', ['x'], ['y'])], ...).SerializeToString().
 */
const IDENTITY_MODEL =
  'CAg6OgoQCgF4EgF5IghJZGVudGl0eRIEd2FybVoPCgF4EgoKCAgBEgQKAggBYg8KAXkSCgoICAESBAoCCAFCBAoAEA0=';

export const now = () => performance.timeOrigin + performance.now();

export async function coldStart(
  engine: Engine,
  request: ColdStartRequest,
  workerStartedAt: number,
): Promise<{ marks: ColdStartMark[]; translation: string }> {
  const marks: ColdStartMark[] = [
    { name: 'worker created', at: request.workerCreatedAt },
    { name: 'worker started', at: workerStartedAt },
  ];
  const mark = (name: string) => marks.push({ name, at: now() });
  mark('request received');
  await engine.runtime.ort('wasm');
  mark('onnxruntime loaded');
  const identity = Uint8Array.from(atob(IDENTITY_MODEL), (char) => char.charCodeAt(0));
  await (await engine.runtime.createSession('wasm', identity)).release();
  mark('WebAssembly runtime started');
  await engine.loadCatalog(request.catalogUrl);
  mark('catalog loaded');
  // Cached: the files are read from Cache Storage and their hashes checked, nothing is downloaded.
  await engine.downloadModel(request.modelId, () => undefined);
  mark('model files checked');
  const translator = await engine.translator(request.modelId, 'wasm');
  mark('sessions created');
  const result = await translator.translate(request.sentence, { numBeams: 1 });
  mark('first sentence translated');
  return { marks, translation: result.text };
}
