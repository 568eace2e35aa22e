/**
 * The smallest ONNX model (opset 13, y = Identity(x), float32 [1]). Opening a session of it starts
 * onnxruntime's WebAssembly runtime (fetch and compile the module, start its threads) and nothing else, so the
 * runtime can be started before any model is chosen. Made with
 * onnx.helper.make_graph([make_node('Identity', ['x'], ['y'])], ...).SerializeToString().
 */
const IDENTITY_MODEL_BASE64 =
  'CAg6OgoQCgF4EgF5IghJZGVudGl0eRIEd2FybVoPCgF4EgoKCAgBEgQKAggBYg8KAXkSCgoICAESBAoCCAFCBAoAEA0=';

export function identityModel(): Uint8Array {
  return Uint8Array.from(atob(IDENTITY_MODEL_BASE64), (char) => char.charCodeAt(0));
}
