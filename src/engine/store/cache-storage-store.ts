/**
 * Browser store on Cache Storage (available in windows, workers and service workers). Each file is one Response
 * keyed by its URL, with a content-length header so sizes are known without reading bodies, and the file's
 * record (if any) in its own header, so bytes and record are written and removed as one.
 *
 *   const store = new CacheStorageStore(); // caches and navigator.storage of the current global
 */
import type { StorageInfo } from '../types';
import { fileNameOf, quotaError, validRecord, type FileRecord, type ModelStore } from './model-store';

export const MODEL_CACHE_NAME = 'lexlet-models-v1';
/** Response header that carries the SHA-256 recorded on a file's first download. */
const RECORD_SHA256_HEADER = 'x-lexlet-recorded-sha256';

/** The parts of StorageManager the store uses; `persist` exists only on the main thread. */
export interface StorageManagerLike {
  estimate(): Promise<{ usage?: number; quota?: number }>;
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
}

export interface CacheStorageStoreOptions {
  caches?: CacheStorage;
  storageManager?: StorageManagerLike | null;
  cacheName?: string;
}

function isQuotaError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message));
}

export class CacheStorageStore implements ModelStore {
  private readonly caches: CacheStorage;
  private readonly storageManager: StorageManagerLike | null;
  private readonly cacheName: string;
  private opened: Promise<Cache> | null = null;

  constructor(options: CacheStorageStoreOptions = {}) {
    this.caches = options.caches ?? globalThis.caches;
    this.storageManager =
      options.storageManager !== undefined ? options.storageManager : (globalThis.navigator?.storage ?? null);
    this.cacheName = options.cacheName ?? MODEL_CACHE_NAME;
  }

  private cache(): Promise<Cache> {
    this.opened ??= this.caches.open(this.cacheName);
    return this.opened;
  }

  async get(key: string): Promise<Uint8Array | null> {
    const response = await (await this.cache()).match(key);
    return response ? new Uint8Array(await response.arrayBuffer()) : null;
  }

  async size(key: string): Promise<number | null> {
    const response = await (await this.cache()).match(key);
    if (!response) return null;
    const length = Number(response.headers.get('content-length'));
    if (Number.isSafeInteger(length) && length >= 0 && response.headers.has('content-length')) {
      void response.body?.cancel().catch(() => undefined);
      return length;
    }
    return (await response.arrayBuffer()).byteLength;
  }

  async put(key: string, bytes: Uint8Array, record?: FileRecord): Promise<void> {
    const headers: Record<string, string> = {
      'content-type': 'application/octet-stream',
      'content-length': String(bytes.byteLength),
    };
    if (record) headers[RECORD_SHA256_HEADER] = record.sha256;
    const response = new Response(bytes as Uint8Array<ArrayBuffer>, { headers });
    try {
      await (await this.cache()).put(key, response);
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      throw quotaError(fileNameOf(key), bytes.byteLength, await this.storage().catch(() => null), error);
    }
  }

  async record(key: string): Promise<FileRecord | null> {
    const response = await (await this.cache()).match(key);
    if (!response) return null;
    void response.body?.cancel().catch(() => undefined);
    const sha256 = response.headers.get(RECORD_SHA256_HEADER);
    if (sha256 === null) return null;
    // The record's size is the stored length: they were written together.
    return validRecord({ size: Number(response.headers.get('content-length')), sha256 });
  }

  async delete(key: string): Promise<boolean> {
    return (await this.cache()).delete(key);
  }

  async keys(prefix = ''): Promise<string[]> {
    const requests = await (await this.cache()).keys();
    return requests.map((request) => request.url).filter((url) => url.startsWith(prefix));
  }

  async storage(): Promise<StorageInfo> {
    if (!this.storageManager) return { usage: null, quota: null, persisted: null };
    const [estimate, persisted] = await Promise.all([
      this.storageManager.estimate(),
      this.storageManager.persisted?.() ?? Promise.resolve(null),
    ]);
    return { usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted };
  }

  async persist(): Promise<boolean> {
    // StorageManager.persist() is window-only; inside a worker the page has to ask.
    if (!this.storageManager?.persist) return (await this.storageManager?.persisted?.()) ?? false;
    return this.storageManager.persist();
  }
}
