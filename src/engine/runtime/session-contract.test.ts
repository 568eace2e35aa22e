import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadNodeOrt } from '../../cli/node-ort';
import { LexletError } from '../errors';
import { ENCODER_PATH, HTML_PAGE, TAGGER_GRAPH } from './broken-model.test-support';
import { Runtime } from './runtime';

const ENCODER = readFileSync(
  new URL(`../../../e2e/fixtures/models/tiny-en-es/${ENCODER_PATH}`, import.meta.url),
);
const ENCODER_NAMES = {
  label: 'm/onnx/encoder_model.onnx',
  inputs: ['input_ids', 'attention_mask'],
  outputs: [],
};

async function failure(promise: Promise<unknown>): Promise<LexletError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof LexletError)) throw new Error(`expected a LexletError, got ${String(error)}`);
  return error;
}

describe('Runtime sessions with a contract', () => {
  const runtime = new Runtime(loadNodeOrt, { nativeCpu: true });

  it('opens a model that offers the names it is asked for', async () => {
    const session = await runtime.createSession('cpu', ENCODER, [], 'all', ENCODER_NAMES);
    expect(session.inputNames).toEqual(['input_ids', 'attention_mask']);
    await session.release();
  });

  it('refuses bytes that are not an ONNX model, naming the file, before onnxruntime reads them', async () => {
    let loaded = false;
    const watching = new Runtime(
      async (backend) => {
        loaded = true;
        return loadNodeOrt(backend);
      },
      { nativeCpu: true },
    );
    const error = await failure(watching.createSession('cpu', HTML_PAGE, [], 'all', ENCODER_NAMES));
    expect(error.code).toBe('model-invalid');
    expect(error.message).toBe(
      'm/onnx/encoder_model.onnx is not an ONNX model: it is text, beginning “<!DOCTYPE html>…”.',
    );
    expect(loaded).toBe(false);
  });

  it('refuses a model whose inputs are not the ones it will be fed, naming both sides', async () => {
    const error = await failure(
      runtime.createSession('cpu', readFileSync(TAGGER_GRAPH), [], 'all', ENCODER_NAMES),
    );
    expect(error.code).toBe('model-invalid');
    expect(error.message).toBe(
      'm/onnx/encoder_model.onnx is not the graph this model needs: it takes input_ids, mask but needs input_ids, attention_mask. The model list may name the wrong file.',
    );
    const outputs = await failure(
      runtime.createSession('cpu', ENCODER, [], 'all', { ...ENCODER_NAMES, outputs: ['logits'] }),
    );
    expect(outputs.message).toContain('it gives last_hidden_state but must give logits');
  });

  it('does not move to WASM for a model that is wrong', async () => {
    const gpu = { requestAdapter: async () => ({ info: { vendor: 'acme', architecture: 'x1' } }) };
    const onGpu = new Runtime(loadNodeOrt, { gpu });
    expect((await onGpu.backend()).active).toBe('webgpu');
    const wrong = new LexletError('model-invalid', 'x.onnx is not an ONNX model: the file is empty.');
    expect(await onGpu.fallBack('webgpu', wrong)).toBe(false);
    expect((await onGpu.backend()).active).toBe('webgpu');
    expect(await onGpu.fallBack('webgpu', new Error('shader compilation failed'))).toBe(true);
    expect((await onGpu.backend()).active).toBe('wasm');
  });
});
