/**
 * A remote model whose catalog pins no sizes or digests, downloaded by the repository from a real HTTP server on
 * 127.0.0.1 into the file store: sizes from HEAD and the responses, trust on first use, damaged copies caught.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCatalog } from '../catalog';
import { FsStore } from '../store/fs-store';
import type { LoadProgress } from '../types';
import { createModelRepository } from './model-repository';
import { sha256Hex } from './sha256';
import { testBytes } from './test-support';

const CONFIG = new TextEncoder().encode('{"model_type":"marian"}');
const ENCODER = testBytes(120_000, 21);
const DECODER = testBytes(90_000, 22);
const MODEL_ID = 'Xenova/opus-mt-en-es';
const ENCODER_PATH = 'onnx/encoder_model_quantized.onnx';

interface Served {
  bytes: Uint8Array;
  etag?: string;
}

interface ServerOptions {
  /** Answer HEAD with the size (default) or refuse it. */
  head?: boolean;
  /** Send Content-Length (default) or stream the body chunked. */
  contentLength?: boolean;
}

let dir: string;
let server: Server | null = null;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lexlet-unpinned-'));
});

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
  await rm(dir, { recursive: true, force: true });
});

async function setup(options: ServerOptions = {}) {
  const files = new Map<string, Served>([
    ['config.json', { bytes: CONFIG }],
    [ENCODER_PATH, { bytes: ENCODER }],
    ['onnx/decoder_model_merged_quantized.onnx', { bytes: DECODER }],
  ]);
  const requests: { method: string; path: string; range: string | null }[] = [];
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/m\//, '');
    requests.push({ method: request.method ?? 'GET', path, range: request.headers.range ?? null });
    const file = files.get(path);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    const headers: Record<string, string | number> = file.etag ? { etag: file.etag } : {};
    if (options.contentLength !== false) headers['content-length'] = file.bytes.length;
    if (request.method === 'HEAD') {
      response.writeHead(options.head === false ? 405 : 200, headers).end();
      return;
    }
    response.writeHead(200, headers);
    // Two writes, so a chunked body really arrives in pieces.
    const half = Math.floor(file.bytes.length / 2);
    response.write(file.bytes.subarray(0, half));
    response.end(file.bytes.subarray(half));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/m/`;
  const catalog = parseCatalog(
    {
      version: 1,
      models: [
        {
          id: MODEL_ID,
          name: 'English → Spanish (OPUS-MT, Hugging Face)',
          task: 'translation',
          source: 'en',
          target: 'es',
          baseUrl,
          remote: true,
          files: [...files.keys()].map((path) => ({ path })),
          license: 'CC-BY-4.0',
          attribution: 'Helsinki-NLP OPUS-MT',
        },
      ],
    },
    'http://lexlet.test/models/catalog.json',
  );
  const store = new FsStore({ root: join(dir, 'cache') });
  const open = () =>
    createModelRepository({
      catalog,
      store,
      fetch,
      retry: { attempts: 2, baseDelayMs: 1 },
      progressIntervalMs: 0,
    });
  const total = CONFIG.length + ENCODER.length + DECODER.length;
  return { files, requests, baseUrl, store, open, total };
}

function progressEvents(events: LoadProgress[]) {
  return events.filter(
    (event): event is Extract<LoadProgress, { status: 'progress' }> => event.status === 'progress',
  );
}

/** Every number an event carries is finite and not negative: nothing a UI could turn into NaN or Infinity. */
function expectSaneNumbers(events: LoadProgress[]) {
  for (const event of events) {
    for (const value of Object.values(event)) {
      if (typeof value === 'number') expect(Number.isFinite(value) && value >= 0).toBe(true);
    }
  }
}

describe('an unpinned remote model', () => {
  it('is sized by HEAD when its download starts, then recorded on first use', async () => {
    const { open, store, baseUrl, total, requests } = await setup();
    const repository = open();
    expect(await repository.status(MODEL_ID)).toEqual({
      id: MODEL_ID,
      state: 'absent',
      cachedBytes: 0,
      totalBytes: null,
    });

    const events: LoadProgress[] = [];
    const status = await repository.download(MODEL_ID, (event) => events.push(event));
    expect(status).toEqual({ id: MODEL_ID, state: 'ready', cachedBytes: total, totalBytes: total });
    expectSaneNumbers(events);
    const progress = progressEvents(events);
    // The HEAD answers came before the first byte, so every event knows the whole model's size.
    expect(progress.every((event) => event.total === total && event.fileLoaded <= event.fileTotal)).toBe(
      true,
    );
    const loaded = progress.map((event) => event.loaded);
    expect([...loaded].sort((a, b) => a - b)).toEqual(loaded);
    expect(progress.at(-1)).toMatchObject({ loaded: total, etaSeconds: 0 });
    expect(requests.filter((request) => request.method === 'HEAD')).toHaveLength(3);

    expect(await store.record(`${baseUrl}${ENCODER_PATH}`)).toEqual({
      size: ENCODER.length,
      sha256: await sha256Hex(ENCODER),
    });
    // A new session knows the size from the records, offline.
    expect((await open().status(MODEL_ID)).totalBytes).toBe(total);
  });

  it('reports an unknown total as 0 with no ETA until the responses tell the sizes', async () => {
    const { open, total } = await setup({ head: false, contentLength: false });
    const events: LoadProgress[] = [];
    await open().download(MODEL_ID, (event) => events.push(event));
    expectSaneNumbers(events);
    const initiate = events.filter((event) => event.status === 'initiate');
    expect(initiate.map((event) => event.total)).toEqual([0, 0, 0]);
    const progress = progressEvents(events);
    const beforeLast = progress.filter((event) => event.file !== 'onnx/decoder_model_merged_quantized.onnx');
    expect(beforeLast.length).toBeGreaterThan(0);
    expect(beforeLast.every((event) => event.total === 0 && event.etaSeconds === null)).toBe(true);
    // Once the last file is complete every size is known.
    expect(progress.at(-1)).toMatchObject({ loaded: total, total });
    const loaded = progress.map((event) => event.loaded);
    expect([...loaded].sort((a, b) => a - b)).toEqual(loaded);
  });

  it.each([
    ['damaged', (bytes: Uint8Array) => bytes.map((byte, index) => (index === 500 ? byte ^ 1 : byte))],
    ['truncated', (bytes: Uint8Array) => bytes.slice(0, 70_000)],
  ])('catches a %s cached copy and downloads it again', async (_kind, spoil) => {
    const { open, store, baseUrl, requests } = await setup();
    await open().download(MODEL_ID);
    const url = `${baseUrl}${ENCODER_PATH}`;
    // Spoil the bytes on disk behind the store's back; the record beside them stays.
    await writeFile(store.pathOf(url), spoil(ENCODER));

    const fresh = open();
    if (_kind === 'truncated') expect((await fresh.status(MODEL_ID)).state).toBe('absent');
    const before = requests.length;
    const bytes = await fresh.readFile(MODEL_ID, ENCODER_PATH);
    expect(Buffer.from(bytes).equals(ENCODER)).toBe(true);
    expect(requests.slice(before)).toEqual([{ method: 'GET', path: ENCODER_PATH, range: null }]);
    expect(Buffer.from((await store.get(url)) ?? []).equals(ENCODER)).toBe(true);
    expect((await fresh.status(MODEL_ID)).state).toBe('ready');
  });

  it('re-downloads a file cached without a record, since nothing vouches for it', async () => {
    const { open, store, baseUrl, requests } = await setup();
    const url = `${baseUrl}${ENCODER_PATH}`;
    await store.put(url, ENCODER);
    const repository = open();
    expect((await repository.status(MODEL_ID)).cachedBytes).toBe(0);
    await repository.readFile(MODEL_ID, ENCODER_PATH);
    expect(requests.filter((request) => request.method === 'GET')).toHaveLength(1);
    expect(await store.record(url)).toEqual({ size: ENCODER.length, sha256: await sha256Hex(ENCODER) });
  });

  it('refuses to mix in a new upstream version until the model is deleted', async () => {
    const { open, store, baseUrl, files } = await setup();
    await open().download(MODEL_ID);
    const url = `${baseUrl}${ENCODER_PATH}`;
    const newVersion = testBytes(ENCODER.length, 99);
    files.set(ENCODER_PATH, { bytes: newVersion });
    await writeFile(store.pathOf(url), ENCODER.slice(0, 10));

    const repository = open();
    const error = await repository.readFile(MODEL_ID, ENCODER_PATH).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      code: 'integrity',
      message: expect.stringContaining('Delete the model and download it again'),
    });

    await repository.delete(MODEL_ID);
    expect(await store.record(url)).toBeNull();
    expect((await repository.download(MODEL_ID)).state).toBe('ready');
    expect(await store.record(url)).toEqual({ size: newVersion.length, sha256: await sha256Hex(newVersion) });
  });

  it('verifies against a SHA-256 ETag and records it', async () => {
    const { open, store, baseUrl, files } = await setup();
    files.set(ENCODER_PATH, { bytes: ENCODER, etag: `"${await sha256Hex(DECODER)}"` });
    const error = await open()
      .download(MODEL_ID)
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'integrity', message: expect.stringContaining('ETag') });
    expect(await store.get(`${baseUrl}${ENCODER_PATH}`)).toBeNull();

    files.set(ENCODER_PATH, { bytes: ENCODER, etag: `"${await sha256Hex(ENCODER)}"` });
    expect((await open().download(MODEL_ID)).state).toBe('ready');
    expect((await store.record(`${baseUrl}${ENCODER_PATH}`))?.sha256).toBe(await sha256Hex(ENCODER));
  });
});
