import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FsStore } from '../store/fs-store';
import type { LoadProgress } from '../types';
import { createModelRepository } from './model-repository';
import { createNodeModelRepository, toCatalogUrl } from './node-repository';
import { describeFile, testBytes } from './test-support';

const CONFIG = new TextEncoder().encode('{"model_type":"marian"}');
const ENCODER = testBytes(50_000, 5);

let dir: string;
let server: Server | null = null;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lexlet-node-repo-'));
});

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
  await rm(dir, { recursive: true, force: true });
});

/** public/models-like folder: catalog.json and one model beside it. */
async function writeBundle(root: string) {
  await mkdir(join(root, 'en-es', 'onnx'), { recursive: true });
  await writeFile(join(root, 'en-es', 'config.json'), CONFIG);
  await writeFile(join(root, 'en-es', 'onnx', 'encoder_model.onnx'), ENCODER);
  const catalog = {
    version: 1,
    models: [
      {
        id: 'en-es',
        name: 'English → Spanish',
        task: 'translation',
        source: 'en',
        target: 'es',
        baseUrl: 'en-es/',
        files: [
          await describeFile('config.json', CONFIG),
          await describeFile('onnx/encoder_model.onnx', ENCODER),
        ],
        license: 'CC-BY-4.0',
        attribution: 'OPUS-MT',
      },
    ],
  };
  await writeFile(join(root, 'catalog.json'), JSON.stringify(catalog));
}

describe('createNodeModelRepository', () => {
  it('turns paths into file URLs and leaves URLs alone', () => {
    expect(toCatalogUrl('/opt/lexlet/public/models/catalog.json')).toBe(
      'file:///opt/lexlet/public/models/catalog.json',
    );
    expect(toCatalogUrl('https://lexlet.example/models/catalog.json')).toBe(
      'https://lexlet.example/models/catalog.json',
    );
  });

  it('reads bundled models in place, verified, without copying them', async () => {
    const bundle = join(dir, 'public', 'models');
    const cacheDir = join(dir, 'cache');
    await writeBundle(bundle);
    const repository = await createNodeModelRepository(join(bundle, 'catalog.json'), {
      cacheDir,
      fetch: async () => {
        throw new Error('bundled models must not touch the network');
      },
    });
    expect(repository.model('en-es').baseUrl).toBe(pathToFileURL(join(bundle, 'en-es')).href + '/');
    expect((await repository.status('en-es')).state).toBe('ready');
    const events: LoadProgress[] = [];
    await repository.download('en-es', (event) => events.push(event));
    expect(events.filter((event) => event.status === 'done').every((event) => event.fromCache)).toBe(true);
    expect(Buffer.from(await repository.readFile('en-es', 'onnx/encoder_model.onnx')).equals(ENCODER)).toBe(
      true,
    );
    await expect(readdir(cacheDir)).rejects.toMatchObject({ code: 'ENOENT' });
    // Deleting a bundled model must leave the bundle alone.
    expect((await repository.delete('en-es')).state).toBe('ready');
  });

  it('refuses a damaged bundled file with both digests and keeps it for inspection', async () => {
    const bundle = join(dir, 'models');
    await writeBundle(bundle);
    const path = join(bundle, 'en-es', 'onnx', 'encoder_model.onnx');
    const damaged = ENCODER.slice();
    damaged[10] = (damaged[10] ?? 0) ^ 0x80;
    await writeFile(path, damaged);
    const repository = await createNodeModelRepository(join(bundle, 'catalog.json'), {
      cacheDir: join(dir, 'c'),
    });
    const error = await repository
      .readFile('en-es', 'onnx/encoder_model.onnx')
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      code: 'integrity',
      message: expect.stringMatching(
        /^en-es\/onnx\/encoder_model\.onnx at file:.* SHA-256 is [0-9a-f]{64}, expected/,
      ),
    });
    expect(await readdir(join(bundle, 'en-es', 'onnx'))).toEqual(['encoder_model.onnx']);

    await rm(path);
    expect(await repository.status('en-es')).toMatchObject({ state: 'absent', cachedBytes: CONFIG.length });
    await expect(repository.readFile('en-es', 'onnx/encoder_model.onnx')).rejects.toMatchObject({
      code: 'model-invalid',
    });
  });

  it('caches remote models under the cache folder and reads them again offline', async () => {
    const bundle = join(dir, 'served');
    await writeBundle(bundle);
    server = createServer((request, response) => {
      readFile(join(bundle, (request.url ?? '').replace(/^\/models\//, ''))).then(
        (body) => response.writeHead(200, { 'content-length': body.length }).end(body),
        () => response.writeHead(404).end(),
      );
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const cacheDir = join(dir, 'cache');
    const repository = await createNodeModelRepository(`http://127.0.0.1:${port}/models/catalog.json`, {
      cacheDir,
    });
    expect((await repository.download('en-es')).state).toBe('ready');
    const cachedFolder = join(cacheDir, 'http', `127.0.0.1%3A${port}`, 'models', 'en-es');
    expect((await readdir(cachedFolder)).sort()).toEqual(['config.json', 'onnx']);

    const offline = createModelRepository({
      catalog: repository.catalog,
      store: new FsStore({ root: cacheDir }),
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    expect((await offline.status('en-es')).state).toBe('ready');
    expect(Buffer.from(await offline.readFile('en-es', 'onnx/encoder_model.onnx')).equals(ENCODER)).toBe(
      true,
    );
    expect((await offline.delete('en-es')).state).toBe('absent');
    // Emptied folders go too, up to the cache root.
    await expect(readdir(join(cacheDir, 'http'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(cacheDir)).toEqual([]);
  });
});
