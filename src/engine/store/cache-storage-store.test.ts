import { describe, expect, it } from 'vitest';
import { LexletError } from '../errors';
import { CacheStorageStore, MODEL_CACHE_NAME, type StorageManagerLike } from './cache-storage-store';

/** Enough of Cache Storage for the store, with a byte quota like the browser's. */
class FakeCache {
  readonly entries = new Map<string, { body: Uint8Array; headers: Headers }>();
  constructor(private readonly quotaBytes: number) {}

  private used(): number {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.body.byteLength;
    return total;
  }

  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    const entry = this.entries.get(String(request));
    return entry && new Response(entry.body.slice(), { headers: entry.headers });
  }

  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    const body = new Uint8Array(await response.arrayBuffer());
    if (this.used() + body.byteLength > this.quotaBytes) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.entries.set(String(request), { body, headers: response.headers });
  }

  async delete(request: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(String(request));
  }

  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}

function setup(quotaBytes = 1_000_000, storageManager: StorageManagerLike | null = null) {
  const cache = new FakeCache(quotaBytes);
  const opened: string[] = [];
  const caches = {
    open: async (name: string) => {
      opened.push(name);
      return cache as unknown as Cache;
    },
  } as CacheStorage;
  return { cache, opened, store: new CacheStorageStore({ caches, storageManager }) };
}

describe('CacheStorageStore', () => {
  it('keeps each file as a Response under its URL with a content-length', async () => {
    const { cache, opened, store } = setup();
    const url = 'https://huggingface.co/Xenova/opus-mt-en-de/resolve/main/onnx/encoder_model.onnx';
    await store.put(url, new Uint8Array([4, 5, 6, 7]));
    expect(opened).toEqual([MODEL_CACHE_NAME]);
    expect(cache.entries.get(url)?.headers.get('content-length')).toBe('4');
    expect(await store.get(url)).toEqual(new Uint8Array([4, 5, 6, 7]));
    expect(await store.size(url)).toBe(4);
    expect(await store.get(`${url}.missing`)).toBeNull();
    expect(await store.keys('https://huggingface.co/Xenova/')).toEqual([url]);
    expect(await store.keys('https://other.example/')).toEqual([]);
    expect(await store.delete(url)).toBe(true);
    expect(await store.size(url)).toBeNull();
  });

  it('keeps a record in the same Response as the bytes', async () => {
    const { store } = setup();
    const url = 'https://huggingface.co/Xenova/m/resolve/main/tokenizer.json';
    const record = { size: 4, sha256: 'd'.repeat(64) };
    await store.put(url, new Uint8Array([1, 2, 3, 4]), record);
    expect(await store.record(url)).toEqual(record);
    await store.put(url, new Uint8Array([1, 2]));
    expect(await store.record(url)).toBeNull();
    expect(await store.record(`${url}.missing`)).toBeNull();
    await store.put(url, new Uint8Array([1, 2, 3, 4]), record);
    await store.delete(url);
    expect(await store.record(url)).toBeNull();
  });

  it('turns QuotaExceededError into a quota error that says what is needed and what is left', async () => {
    const storageManager: StorageManagerLike = {
      estimate: async () => ({ usage: 9_000_000, quota: 10_000_000 }),
      persisted: async () => false,
    };
    const { store } = setup(1000, storageManager);
    const error = await store
      .put('https://a.example/m/decoder.onnx', new Uint8Array(5_500_000))
      .catch((e) => e);
    expect(error).toBeInstanceOf(LexletError);
    expect(error).toMatchObject({ code: 'quota' });
    expect(error.message).toBe(
      'Not enough storage to save decoder.onnx: it needs 5.5 MB but only 1.0 MB is available (9.0 MB used of 10 MB). Delete a model or free up disk space, then try again.',
    );
  });

  it('reports usage, quota and persistence, and asks to persist only where the platform allows', async () => {
    let persisted = false;
    const windowStorage: StorageManagerLike = {
      estimate: async () => ({ usage: 123, quota: 10_700_000_000 }),
      persisted: async () => persisted,
      persist: async () => (persisted = true),
    };
    const { store } = setup(1000, windowStorage);
    expect(await store.storage()).toEqual({ usage: 123, quota: 10_700_000_000, persisted: false });
    expect(await store.persist()).toBe(true);
    expect((await store.storage()).persisted).toBe(true);

    // Workers have no persist(): the store reports the current state instead of failing.
    const workerStorage: StorageManagerLike = { estimate: async () => ({}), persisted: async () => false };
    const inWorker = setup(1000, workerStorage).store;
    expect(await inWorker.persist()).toBe(false);
    expect(await inWorker.storage()).toEqual({ usage: null, quota: null, persisted: false });
    expect(await setup(1000, null).store.storage()).toEqual({ usage: null, quota: null, persisted: null });
  });
});
