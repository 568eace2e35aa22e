import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCatalog } from '../catalog';
import { LexletError } from '../errors';
import { MemoryStore } from '../store/memory-store';
import type { LoadProgress } from '../types';
import { createModelRepository, type ModelRepositoryOptions } from './model-repository';
import { FakeOrigin, describeFile, testBytes } from './test-support';

const CATALOG_URL = 'https://lexlet.example/models/catalog.json';
const BASE = 'https://lexlet.example/models/en-es/';
const CONFIG = new TextEncoder().encode('{"model_type":"marian"}');
const ENCODER = testBytes(25_000, 2);
const DECODER = testBytes(40_000, 3);

async function setup(options: Partial<ModelRepositoryOptions> = {}) {
  const files = [
    await describeFile('config.json', CONFIG),
    await describeFile('onnx/encoder_model.onnx', ENCODER),
    await describeFile('onnx/decoder_model_merged.onnx', DECODER),
  ];
  const common = {
    task: 'translation',
    source: 'en',
    target: 'es',
    license: 'CC-BY-4.0',
    attribution: 'OPUS-MT',
  };
  const catalog = parseCatalog(
    {
      version: 1,
      models: [
        { id: 'en-es', name: 'English → Spanish', baseUrl: 'en-es/', files, ...common },
        // A second entry sharing the config file, as a variant of one model would.
        { id: 'en-es-config', name: 'Config only', baseUrl: 'en-es/', files: files.slice(0, 1), ...common },
      ],
    },
    CATALOG_URL,
  );
  const origin = new FakeOrigin(1000)
    .serve(`${BASE}config.json`, CONFIG)
    .serve(`${BASE}onnx/encoder_model.onnx`, ENCODER)
    .serve(`${BASE}onnx/decoder_model_merged.onnx`, DECODER);
  const store = new MemoryStore();
  const retry = { attempts: 3, baseDelayMs: 1 };
  const repository = createModelRepository({ catalog, store, fetch: origin.fetch, retry, ...options });
  return { catalog, origin, store, repository, retry };
}

const offline: typeof fetch = async () => {
  throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND lexlet.example') });
};

function progressEvents(events: LoadProgress[]) {
  return events.filter(
    (event): event is Extract<LoadProgress, { status: 'progress' }> => event.status === 'progress',
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ModelRepository', () => {
  it('downloads every file with monotonic progress that ends at the total', async () => {
    const { repository, store } = await setup({ progressIntervalMs: 0 });
    expect(await repository.status('en-es')).toEqual({
      id: 'en-es',
      state: 'absent',
      cachedBytes: 0,
      totalBytes: CONFIG.length + ENCODER.length + DECODER.length,
    });
    const events: LoadProgress[] = [];
    const status = await repository.download('en-es', (event) => events.push(event));
    const total = CONFIG.length + ENCODER.length + DECODER.length;
    expect(status).toEqual({ id: 'en-es', state: 'ready', cachedBytes: total, totalBytes: total });
    expect(events.map((event) => event.status).filter((kind) => kind !== 'progress')).toEqual([
      'initiate',
      'done',
      'initiate',
      'done',
      'initiate',
      'done',
      'ready',
    ]);
    const progress = progressEvents(events);
    const loaded = progress.map((event) => event.loaded);
    expect([...loaded].sort((a, b) => a - b)).toEqual(loaded);
    expect(progress.at(-1)).toMatchObject({ loaded: total, total, fileLoaded: DECODER.length });
    expect(progress.every((event) => event.fileLoaded <= event.fileTotal && event.total === total)).toBe(
      true,
    );
    expect(events.filter((event) => event.status === 'done').every((event) => !event.fromCache)).toBe(true);
    expect(await store.keys()).toHaveLength(3);
  });

  it('throttles progress events but always reports the end of each file', async () => {
    // A clock that never moves: only the forced end-of-file events pass the throttle.
    const { repository } = await setup({ clock: () => 0 });
    const events: LoadProgress[] = [];
    await repository.download('en-es', (event) => events.push(event));
    expect(progressEvents(events).map((event) => event.fileLoaded)).toEqual([
      CONFIG.length,
      ENCODER.length,
      DECODER.length,
    ]);
  });

  it('reports a rate from the recent window, and an ETA only once it is stable', async () => {
    let now = 0;
    // Each reading of the clock is 40 ms later: a steady 1000 bytes per chunk, about 8 s in all.
    const { repository } = await setup({ clock: () => (now += 40), progressIntervalMs: 0 });
    const events: LoadProgress[] = [];
    const times: number[] = [];
    await repository.download('en-es', (event) => {
      events.push(event);
      times.push(now);
    });
    const progress = events.flatMap((event, index) =>
      event.status === 'progress' ? [{ ...event, at: times[index] ?? 0 }] : [],
    );
    const middle = progress.find((event) => event.file === 'onnx/decoder_model_merged.onnx');
    expect(middle?.rate).toBeGreaterThan(5_000);
    expect(progress.filter((event) => event.at < 2000).every((event) => event.etaSeconds === null)).toBe(
      true,
    );
    expect(progress.some((event) => (event.etaSeconds ?? 0) > 0)).toBe(true);
  });

  it('keeps progress monotonic and emits retry events through a resume and a restart', async () => {
    const { repository, origin } = await setup({ progressIntervalMs: 0 });
    origin.failOn(`${BASE}onnx/encoder_model.onnx`, { kind: 'truncate', at: 5000 }, { kind: 'ignore-range' });
    const events: LoadProgress[] = [];
    await repository.download('en-es', (event) => events.push(event));
    const loaded = progressEvents(events).map((event) => event.loaded);
    expect([...loaded].sort((a, b) => a - b)).toEqual(loaded);
    expect(events.filter((event) => event.status === 'retry')).toEqual([
      expect.objectContaining({ file: 'onnx/encoder_model.onnx', attempt: 2, delayMs: 0 }),
    ]);
    expect(origin.requests.map((request) => request.range)).toEqual([null, null, 'bytes=5000-', null]);
    // The restart sent the encoder again from byte 0, yet the bar never moved back.
    const encoder = progressEvents(events).filter((event) => event.file === 'onnx/encoder_model.onnx');
    expect(encoder.map((event) => event.fileLoaded)).toContain(5000);
    expect(encoder.at(-1)?.fileLoaded).toBe(ENCODER.length);
  });

  it('reuses cached files offline, hashing each only on its first read', async () => {
    const { catalog, repository, store } = await setup();
    await repository.download('en-es');
    const restarted = createModelRepository({ catalog, store, fetch: offline });
    const digest = vi.spyOn(crypto.subtle, 'digest');
    const first = await restarted.readFile('en-es', 'onnx/encoder_model.onnx');
    expect(Buffer.from(first).equals(ENCODER)).toBe(true);
    expect(digest).toHaveBeenCalledTimes(1);
    await restarted.readFile('en-es', 'onnx/encoder_model.onnx');
    expect(digest).toHaveBeenCalledTimes(1);

    const events: LoadProgress[] = [];
    expect((await restarted.download('en-es', (event) => events.push(event))).state).toBe('ready');
    expect(events.filter((event) => event.status === 'done').map((event) => event.fromCache)).toEqual([
      true,
      true,
      true,
    ]);
    expect(events.some((event) => event.status === 'initiate')).toBe(false);
    expect(progressEvents(events).at(-1)?.loaded).toBe(CONFIG.length + ENCODER.length + DECODER.length);
  });

  it('replaces a cached file whose bytes no longer match the catalog', async () => {
    const { catalog, repository, store, origin } = await setup();
    await repository.download('en-es');
    const url = `${BASE}onnx/decoder_model_merged.onnx`;
    const damaged = DECODER.slice();
    damaged[0] = (damaged[0] ?? 0) ^ 1;
    await store.put(url, damaged);

    const offlineRepository = createModelRepository({
      catalog,
      store,
      fetch: offline,
      retry: { attempts: 1, baseDelayMs: 1 },
    });
    await expect(offlineRepository.readFile('en-es', 'onnx/decoder_model_merged.onnx')).rejects.toMatchObject(
      {
        code: 'unreachable',
      },
    );
    expect(await store.get(url)).toBeNull();

    await store.put(url, damaged);
    const requestsBefore = origin.requests.length;
    const fresh = createModelRepository({ catalog, store, fetch: origin.fetch });
    const bytes = await fresh.readFile('en-es', 'onnx/decoder_model_merged.onnx');
    expect(Buffer.from(bytes).equals(DECODER)).toBe(true);
    expect(origin.requests.length - requestsBefore).toBe(1);
    expect(Buffer.from((await store.get(url)) ?? []).equals(DECODER)).toBe(true);
  });

  it('shares one transfer between concurrent downloads of the same model', async () => {
    const { repository, origin } = await setup();
    const first: LoadProgress[] = [];
    const second: LoadProgress[] = [];
    const [a, b] = await Promise.all([
      repository.download('en-es', (event) => first.push(event)),
      repository.download('en-es', (event) => second.push(event)),
    ]);
    expect(a.state).toBe('ready');
    expect(b.state).toBe('ready');
    expect(origin.requests).toHaveLength(3);
    expect(first.at(-1)).toEqual({ status: 'ready', modelId: 'en-es' });
    expect(second.at(-1)).toEqual({ status: 'ready', modelId: 'en-es' });
  });

  it('shares one transfer between readFile calls of the same file', async () => {
    const { repository, origin } = await setup();
    await Promise.all([
      repository.readFile('en-es', 'onnx/encoder_model.onnx'),
      repository.readFile('en-es', 'onnx/encoder_model.onnx'),
    ]);
    expect(origin.requests).toHaveLength(1);
  });

  it('cancels a download at once, reports it as absent and not failed', async () => {
    const { repository, origin } = await setup();
    origin.failNext({ kind: 'stall' });
    const controller = new AbortController();
    const pending = repository.download('en-es', () => undefined, controller.signal);
    await vi.waitFor(() => expect(origin.requests).toHaveLength(1));
    expect((await repository.status('en-es')).state).toBe('downloading');
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    expect(await repository.status('en-es')).toMatchObject({ state: 'absent', cachedBytes: 0 });
    expect(origin.requests).toHaveLength(1);
  });

  it('records why a download failed', async () => {
    const { repository, origin } = await setup();
    origin.failNext({ kind: 'status', status: 403 });
    await expect(repository.download('en-es')).rejects.toBeInstanceOf(LexletError);
    const status = await repository.status('en-es');
    expect(status.state).toBe('failed');
    expect(status.error).toContain('HTTP 403');
    expect((await repository.download('en-es')).state).toBe('ready');
  });

  it('reports a full store as a quota error', async () => {
    const { repository, store } = await setup();
    vi.spyOn(store, 'put').mockRejectedValue(
      new LexletError('quota', 'Not enough storage to save config.json'),
    );
    await expect(repository.download('en-es')).rejects.toMatchObject({ code: 'quota' });
    expect((await repository.status('en-es')).state).toBe('failed');
  });

  it('refuses to start a download the store says cannot fit', async () => {
    const { repository, store, origin } = await setup();
    vi.spyOn(store, 'storage').mockResolvedValue({ usage: 990_000, quota: 1_000_000, persisted: false });
    const error = await repository.download('en-es').catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      code: 'quota',
      message:
        'Not enough storage to save English → Spanish: it needs 65 KB but only 10 KB is available (990 KB used of 1.0 MB). Delete a model or free up disk space, then try again.',
    });
    expect(origin.requests).toHaveLength(0);
  });

  it('asks for persistent storage once, on the first download', async () => {
    const { repository, store } = await setup();
    const persist = vi.fn(async () => true);
    Object.assign(store, { persist });
    await repository.download('en-es');
    await repository.download('en-es-config');
    await repository.readFile('en-es', 'config.json');
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('deletes a model but keeps files another model still uses', async () => {
    const { repository, store } = await setup();
    await repository.download('en-es');
    await store.put(`${BASE}onnx/old_encoder.onnx`, new Uint8Array([1, 2, 3]));
    const status = await repository.delete('en-es');
    // config.json stays: the other entry needs it.
    expect(status).toMatchObject({ state: 'absent', cachedBytes: CONFIG.length });
    expect(await store.keys()).toEqual([`${BASE}config.json`]);
    expect((await repository.status('en-es-config')).state).toBe('ready');
  });

  it('lists statuses and rejects unknown models and files', async () => {
    const { repository } = await setup();
    await repository.download('en-es-config');
    expect((await repository.statuses()).map((status) => [status.id, status.state])).toEqual([
      ['en-es', 'absent'],
      ['en-es-config', 'ready'],
    ]);
    expect(() => repository.model('nope')).toThrow(expect.objectContaining({ code: 'model-unknown' }));
    await expect(repository.readFile('en-es', 'missing.json')).rejects.toMatchObject({
      code: 'model-invalid',
    });
  });
});

describe('ModelRepository with an unpinned remote model', () => {
  const HUB = 'https://hub.example/Xenova/en-es/resolve/main/';

  function unpinned(store = new MemoryStore()) {
    const catalog = parseCatalog(
      {
        version: 1,
        models: [
          {
            id: 'Xenova/en-es',
            name: 'English → Spanish (hub)',
            task: 'translation',
            source: 'en',
            target: 'es',
            baseUrl: HUB,
            remote: true,
            files: [{ path: 'config.json' }, { path: 'onnx/encoder_model.onnx' }],
            license: 'CC-BY-4.0',
            attribution: 'OPUS-MT',
          },
        ],
      },
      CATALOG_URL,
    );
    const origin = new FakeOrigin(1000)
      .serve(`${HUB}config.json`, CONFIG)
      .serve(`${HUB}onnx/encoder_model.onnx`, ENCODER, { etag: '"v1"' });
    const repository = createModelRepository({ catalog, store, fetch: origin.fetch, progressIntervalMs: 0 });
    return { origin, store, repository };
  }

  it('checks the room for sizes told by HEAD before the first byte', async () => {
    const { repository, store, origin } = unpinned();
    vi.spyOn(store, 'storage').mockResolvedValue({ usage: 990_000, quota: 1_000_000, persisted: false });
    await expect(repository.download('Xenova/en-es')).rejects.toMatchObject({
      code: 'quota',
      message: expect.stringContaining('it needs 25 KB but only 10 KB is available'),
    });
    expect(origin.requests.map((request) => request.method)).toEqual(['HEAD', 'HEAD']);
  });

  it('records what it trusted on first use and reads it back without asking the host again', async () => {
    const { repository, store, origin } = unpinned();
    await repository.download('Xenova/en-es');
    const { size, sha256 } = await describeFile('config.json', CONFIG);
    expect(await store.record(`${HUB}config.json`)).toEqual({ size, sha256 });
    const requests = origin.requests.length;
    const bytes = await repository.readFile('Xenova/en-es', 'onnx/encoder_model.onnx');
    expect(Buffer.from(bytes).equals(ENCODER)).toBe(true);
    expect(origin.requests).toHaveLength(requests);
    // A cached model needs no probe either.
    await repository.download('Xenova/en-es');
    expect(origin.requests).toHaveLength(requests);
  });
});
