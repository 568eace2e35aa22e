import { describe, expect, it, vi } from 'vitest';
import { parseCatalog } from '../catalog';
import { MemoryStore } from '../store/memory-store';
import { createModelRepository } from './model-repository';
import { FakeOrigin, describeFile, testBytes } from './test-support';

const CATALOG_URL = 'https://lexlet.example/models/catalog.json';
const BASE = 'https://lexlet.example/models/en-es/';
const CONFIG = new TextEncoder().encode('{"model_type":"marian"}');
const ENCODER = testBytes(25_000, 2);
const DECODER = testBytes(40_000, 3);
const DECODER_URL = `${BASE}onnx/decoder_model_merged.onnx`;

async function catalog() {
  const files = [
    await describeFile('config.json', CONFIG),
    await describeFile('onnx/encoder_model.onnx', ENCODER),
    await describeFile('onnx/decoder_model_merged.onnx', DECODER),
  ];
  return parseCatalog(
    {
      version: 1,
      models: [
        {
          id: 'en-es',
          name: 'English → Spanish',
          task: 'translation',
          source: 'en',
          target: 'es',
          baseUrl: 'en-es/',
          files,
          license: 'CC-BY-4.0',
          attribution: 'OPUS-MT',
        },
      ],
    },
    CATALOG_URL,
  );
}

function origin() {
  return new FakeOrigin(1000)
    .serve(`${BASE}config.json`, CONFIG)
    .serve(`${BASE}onnx/encoder_model.onnx`, ENCODER)
    .serve(DECODER_URL, DECODER);
}

describe('A download cut off by a reload', () => {
  it('leaves only whole, verified files; the next visit shows the model as not downloaded and finishes it', async () => {
    const store = new MemoryStore();
    const models = await catalog();
    const server = origin();
    // The decoder's body starts, then stops arriving: the page is reloaded while it is in flight.
    server.failOn(DECODER_URL, { kind: 'stall' });
    const firstVisit = createModelRepository({ catalog: models, store, fetch: server.fetch });
    const reload = new AbortController();
    const pending = firstVisit.download('en-es', () => undefined, reload.signal);
    await vi.waitFor(() => expect(server.requests.some((request) => request.url === DECODER_URL)).toBe(true));
    reload.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });

    expect((await store.keys()).sort()).toEqual([`${BASE}config.json`, `${BASE}onnx/encoder_model.onnx`]);
    expect(await store.get(DECODER_URL)).toBeNull();

    const requestsBefore = server.requests.length;
    const nextVisit = createModelRepository({ catalog: models, store, fetch: server.fetch });
    expect(await nextVisit.status('en-es')).toEqual({
      id: 'en-es',
      state: 'absent',
      cachedBytes: CONFIG.length + ENCODER.length,
      totalBytes: CONFIG.length + ENCODER.length + DECODER.length,
    });
    expect((await nextVisit.download('en-es')).state).toBe('ready');
    // Only the file that was cut off is fetched again.
    expect(server.requests.slice(requestsBefore).map((request) => request.url)).toEqual([DECODER_URL]);
    expect(
      Buffer.from(await nextVisit.readFile('en-es', 'onnx/decoder_model_merged.onnx')).equals(DECODER),
    ).toBe(true);
  });

  it('never takes a partial file found in the store for the whole one', async () => {
    const store = new MemoryStore();
    const models = await catalog();
    const server = origin();
    await store.put(DECODER_URL, DECODER.subarray(0, 12_000));
    const repository = createModelRepository({ catalog: models, store, fetch: server.fetch });
    expect((await repository.status('en-es')).state).toBe('absent');

    const bytes = await repository.readFile('en-es', 'onnx/decoder_model_merged.onnx');
    expect(Buffer.from(bytes).equals(DECODER)).toBe(true);
    expect(server.requests.map((request) => request.url)).toEqual([DECODER_URL]);
    expect(Buffer.from((await store.get(DECODER_URL)) ?? []).equals(DECODER)).toBe(true);
  });
});
