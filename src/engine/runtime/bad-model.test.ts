import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadNodeOrt } from '../../cli/node-ort';
import { Engine } from '../engine';
import { LexletError } from '../errors';
import { createNodeModelRepository } from '../models/node-repository';
import {
  ENCODER_PATH,
  HTML_PAGE,
  TAGGER_GRAPH,
  TRANSLATOR_ID,
  catalogWithReplacedFile,
  noiseBytes,
} from './broken-model.test-support';

async function translationError(engine: Engine, modelId: string): Promise<LexletError> {
  const error = await engine
    .translate({ modelId, text: 'The cat sleeps.' }, () => {})
    .then(
      () => null,
      (caught: unknown) => caught,
    );
  if (!(error instanceof LexletError)) throw new Error(`expected a LexletError, got ${String(error)}`);
  return error;
}

describe('A catalog file that is not the model it claims to be', () => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.dispose());

  const open = async (catalog: string) => {
    engine = new Engine({
      loadOrt: loadNodeOrt,
      repository: createNodeModelRepository,
      environment: { nativeCpu: true },
    });
    await engine.loadCatalog(catalog);
    return engine;
  };

  it('an HTML page or noise in place of the encoder fails naming the model and file, and other models still translate', async () => {
    for (const bytes of [HTML_PAGE, noiseBytes(145_333)]) {
      const engine = await open(catalogWithReplacedFile(ENCODER_PATH, bytes));
      const error = await translationError(engine, 'broken-en-es');
      expect(error.code).toBe('model-invalid');
      expect(error.message).toMatch(
        /^broken-en-es\/onnx\/encoder_model_quantized\.onnx is not an ONNX model: /u,
      );
      const good = await engine.translate({ modelId: TRANSLATOR_ID, text: 'The cat sleeps.' }, () => {});
      expect(good.text.trim()).not.toBe('');
      await engine.dispose();
    }
  }, 60_000);

  it('an encoder whose inputs are not what a translation model takes is refused before anything is decoded', async () => {
    const engine = await open(catalogWithReplacedFile(ENCODER_PATH, readFileSync(TAGGER_GRAPH)));
    const tokens: unknown[] = [];
    const error = await engine
      .translate({ modelId: 'broken-en-es', text: 'The cat sleeps.' }, (event) => {
        if (event.type === 'token') tokens.push(event);
      })
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(LexletError);
    expect((error as LexletError).code).toBe('model-invalid');
    expect((error as LexletError).message).toBe(
      'broken-en-es/onnx/encoder_model_quantized.onnx is not the graph this model needs: it takes input_ids, mask but needs input_ids, attention_mask. The model list may name the wrong file.',
    );
    expect(tokens).toEqual([]);
  }, 60_000);

  it('a tagger whose graph lacks the inputs its config.json declares is refused when it opens, naming both sides', async () => {
    const configPath = new URL(
      '../../../e2e/fixtures/models/lexlet-unfair-tos-encoder/config.json',
      import.meta.url,
    );
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as {
      onnx: { inputs: Record<string, string> };
    };
    config.onnx.inputs.ids = 'token_ids';
    const bytes = new TextEncoder().encode(JSON.stringify(config));
    const engine = await open(catalogWithReplacedFile('config.json', bytes, 'lexlet-unfair-tos-encoder'));
    const error = await engine.tagger('broken-lexlet-unfair-tos-encoder').then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(LexletError);
    expect((error as LexletError).message).toBe(
      'broken-lexlet-unfair-tos-encoder/model.onnx is not the graph this model needs: it takes input_ids, mask but needs token_ids, mask. The model list may name the wrong file.',
    );
    expect((await engine.tagger('lexlet-unfair-tos-encoder')).config.labels.length).toBeGreaterThan(0);
  }, 60_000);
});
