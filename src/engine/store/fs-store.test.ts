import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FsStore, defaultCacheRoot } from './fs-store';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lexlet-fs-store-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('defaultCacheRoot', () => {
  it('honours XDG_CACHE_HOME and falls back to ~/.cache', () => {
    expect(defaultCacheRoot({ XDG_CACHE_HOME: '/var/cache/me' })).toBe('/var/cache/me/lexlet/models');
    // The XDG spec says relative values are invalid and must be ignored.
    expect(defaultCacheRoot({ XDG_CACHE_HOME: 'relative' })).toMatch(/\/\.cache\/lexlet\/models$/);
    expect(defaultCacheRoot({})).toMatch(/\/\.cache\/lexlet\/models$/);
  });
});

describe('FsStore', () => {
  it('stores downloads in a readable layout and gives back exactly the keys it was given', async () => {
    const store = new FsStore({ root: join(dir, 'cache') });
    const keys = [
      'https://huggingface.co/Xenova/opus-mt-en-de/resolve/main/onnx/encoder_model.onnx',
      'http://127.0.0.1:8080/models/en%20es/config.json',
      'https://cdn.example/a%2Fb/c@d.json',
    ];
    for (const [index, key] of keys.entries()) await store.put(key, new Uint8Array([index, 1, 2]));
    expect(
      await readFile(
        join(dir, 'cache/https/huggingface.co/Xenova/opus-mt-en-de/resolve/main/onnx/encoder_model.onnx'),
      ),
    ).toEqual(Buffer.from([0, 1, 2]));
    expect((await store.keys()).sort()).toEqual([...keys].sort());
    expect(await store.keys('https://huggingface.co/Xenova/')).toEqual([keys[0]]);
    expect(await store.get(keys[1] ?? '')).toEqual(new Uint8Array([1, 1, 2]));
    expect(await store.size(keys[2] ?? '')).toBe(3);
    expect(await store.delete(keys[0] ?? '')).toBe(true);
    expect(await store.delete(keys[0] ?? '')).toBe(false);
    expect(await store.get(keys[0] ?? '')).toBeNull();
    expect(await store.size(keys[0] ?? '')).toBeNull();
  });

  it('never lets a key escape the cache folder', () => {
    const store = new FsStore({ root: '/cache' });
    expect(store.pathOf('https://evil.example/a/%2E%2E/%2E%2E/etc/passwd')).toBe(
      '/cache/https/evil.example/etc/passwd',
    );
    expect(store.pathOf('https://evil.example/a/..%2F..%2Fetc')).toBe(
      '/cache/https/evil.example/a/..%252F..%252Fetc',
    );
    expect(() => store.pathOf('https://evil.example/a?b=1')).toThrow(/query/);
  });

  it('replaces files atomically and leaves no partial files behind', async () => {
    const store = new FsStore({ root: dir });
    const key = 'https://cdn.example/m/model.onnx';
    await store.put(key, new Uint8Array(10));
    await store.put(key, new Uint8Array(20));
    expect(await store.size(key)).toBe(20);
    expect(await readdir(join(dir, 'https/cdn.example/m'))).toEqual(['model.onnx']);
  });

  it('keeps a record beside its file, out of the key list, replaced and removed with the file', async () => {
    const store = new FsStore({ root: dir });
    const key = 'https://huggingface.co/Xenova/m/resolve/main/onnx/model.onnx';
    const record = { size: 3, sha256: 'c'.repeat(64) };
    await store.put(key, new Uint8Array([1, 2, 3]), record);
    expect(await store.record(key)).toEqual(record);
    expect(await readdir(join(dir, 'https/huggingface.co/Xenova/m/resolve/main/onnx'))).toEqual([
      'model.onnx',
      'model.onnx#record.json',
    ]);
    expect(await store.keys()).toEqual([key]);
    expect((await store.storage()).usage).toBe(3);

    // New bytes without a record must not inherit the old one.
    await store.put(key, new Uint8Array([4, 5]));
    expect(await store.record(key)).toBeNull();
    await store.put(key, new Uint8Array([1, 2, 3]), record);
    await writeFile(`${store.pathOf(key)}#record.json`, '{"size":3,"sha256":"not hex"}');
    expect(await store.record(key)).toBeNull();
    expect(await store.delete(key)).toBe(true);
    expect(await readdir(dir)).toEqual([]);
    expect(await store.record(key)).toBeNull();
  });

  it('reads file: URLs in place and never writes or deletes them', async () => {
    const path = join(dir, 'bundled.onnx');
    await writeFile(path, Buffer.from([7, 8, 9]));
    const store = new FsStore({ root: join(dir, 'cache') });
    const key = pathToFileURL(path).href;
    expect(store.readsInPlace(key)).toBe(true);
    expect(store.readsInPlace('https://cdn.example/x')).toBe(false);
    expect(await store.get(key)).toEqual(new Uint8Array([7, 8, 9]));
    expect(await store.size(key)).toBe(3);
    expect(await store.record(key)).toBeNull();
    expect(await store.delete(key)).toBe(false);
    await expect(store.put(key, new Uint8Array(1))).rejects.toMatchObject({ code: 'model-invalid' });
    expect(await readFile(path)).toEqual(Buffer.from([7, 8, 9]));
    expect(await store.keys()).toEqual([]);
  });

  it('reports what the cache holds and the free disk space', async () => {
    const store = new FsStore({ root: join(dir, 'not-yet-created') });
    const empty = await store.storage();
    expect(empty.usage).toBe(0);
    expect(empty.quota).toBeGreaterThan(0);
    await store.put('https://cdn.example/m/a.bin', new Uint8Array(1500));
    const info = await store.storage();
    expect(info.usage).toBe(1500);
    expect(info.persisted).toBe(true);
  });
});
