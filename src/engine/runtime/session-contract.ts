import { LexletError } from '../errors';
import { onnxProblem } from './onnx-bytes';

/**
 * What the caller will feed a session and read from it, and how messages name the file
 * (e.g. "opus-mt-en-es/onnx/encoder_model.onnx"). A model that does not offer these names is refused when its
 * session opens, before anything is decoded with it.
 */
export interface SessionContract {
  label: string;
  inputs: readonly string[];
  outputs: readonly string[];
}

/** The names a session offers; onnxruntime-web and -node sessions both have them. */
export interface SessionNames {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
}

const list = (names: readonly string[]) => (names.length > 0 ? names.join(', ') : 'none');

/** Refuses bytes that are not an ONNX model, naming the file. */
export function checkOnnxBytes(bytes: Uint8Array, label: string): void {
  const problem = onnxProblem(bytes);
  if (problem !== null) throw new LexletError('model-invalid', `${label} is not an ONNX model: ${problem}.`);
}

/** Refuses a session whose inputs or outputs lack what the contract needs, naming both sides. */
export function checkSessionNames(session: SessionNames, contract: SessionContract): void {
  const missingInputs = contract.inputs.filter((name) => !session.inputNames.includes(name));
  const missingOutputs = contract.outputs.filter((name) => !session.outputNames.includes(name));
  if (missingInputs.length === 0 && missingOutputs.length === 0) return;
  const parts: string[] = [];
  if (missingInputs.length > 0)
    parts.push(`it takes ${list(session.inputNames)} but needs ${list(contract.inputs)}`);
  if (missingOutputs.length > 0)
    parts.push(`it gives ${list(session.outputNames)} but must give ${list(contract.outputs)}`);
  throw new LexletError(
    'model-invalid',
    `${contract.label} is not the graph this model needs: ${parts.join('; ')}. The model list may name the wrong file.`,
  );
}
