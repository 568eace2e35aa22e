/**
 * The ModelRepository: catalog files fetched once, verified by size and SHA-256, kept in a ModelStore.
 *
 *   const repository = createModelRepository({ catalog, store: new CacheStorageStore(), fetch });
 *   await repository.download('opus-mt-en-es', (event) => console.log(event));
 *   const bytes = await repository.readFile('opus-mt-en-es', 'onnx/encoder_model_quantized.onnx');
 *
 * Cached files are hashed on their first read in a session and trusted afterwards, so a second open of a model
 * costs no hashing. Downloads of the same model or file share one transfer.
 */
import { LexletError, isAbortError } from '../errors';
import { availableBytes, quotaError, type ModelStore } from '../store/model-store';
import type { Catalog, CatalogModel, LoadProgress, ModelFile, ModelStatus, StorageInfo } from '../types';
import { throwIfAborted } from './abortable';
import { DEFAULT_RETRY, fetchVerifiedFile, type RetryPolicy } from './fetch-file';
import { ModelProgress } from './download-progress';
import { defaultClock, type Clock } from './progress';
import type { ModelRepository } from './repository';
import { sha256Hex } from './sha256';
import { SharedTasks } from './shared-task';

export interface ModelRepositoryOptions {
  catalog: Catalog;
  store: ModelStore;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  retry?: RetryPolicy;
  /** Least time between two progress events of one download (the last event of each file always goes out). */
  progressIntervalMs?: number;
  clock?: Clock;
}

export function createModelRepository(options: ModelRepositoryOptions): ModelRepository {
  return new StoredModelRepository(options);
}

/** What one file's transfer reports to whoever waits on it. */
type FileEvent =
  | { type: 'fetching' }
  | { type: 'bytes'; held: number; arrived: number }
  | { type: 'retry'; attempt: number; delayMs: number; reason: string };

interface Obtained {
  bytes: Uint8Array;
  fromCache: boolean;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class StoredModelRepository implements ModelRepository {
  readonly catalog: Catalog;
  private readonly store: ModelStore;
  private readonly fetch: typeof fetch;
  private readonly retry: RetryPolicy;
  private readonly progressIntervalMs: number;
  private readonly clock: Clock;
  private readonly downloads = new SharedTasks<void, LoadProgress>();
  private readonly transfers = new SharedTasks<Obtained, FileEvent>();
  /** URL → SHA-256 of stored files already verified in this session. */
  private readonly verified = new Map<string, string>();
  /** Model id → why its last download failed. */
  private readonly failures = new Map<string, string>();
  private persistenceRequested = false;

  constructor(options: ModelRepositoryOptions) {
    this.catalog = options.catalog;
    this.store = options.store;
    const fetchImpl = options.fetch ?? globalThis.fetch;
    // Called as a plain function: browsers reject fetch invoked as a method of another object.
    this.fetch = (input, init) => fetchImpl(input, init);
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.progressIntervalMs = options.progressIntervalMs ?? 100;
    this.clock = options.clock ?? defaultClock;
  }

  model(modelId: string): CatalogModel {
    const model = this.catalog.models.find((candidate) => candidate.id === modelId);
    if (!model) throw new LexletError('model-unknown', `There is no model "${modelId}" in the catalog.`);
    return model;
  }

  async status(modelId: string): Promise<ModelStatus> {
    const model = this.model(modelId);
    const sizes = await Promise.all(model.files.map((file) => this.store.size(this.urlOf(model, file))));
    let cachedBytes = 0;
    let totalBytes = 0;
    model.files.forEach((file, index) => {
      totalBytes += file.size;
      if (sizes[index] === file.size) cachedBytes += file.size;
    });
    const error = this.failures.get(modelId);
    const state = this.downloads.has(modelId)
      ? 'downloading'
      : cachedBytes === totalBytes
        ? 'ready'
        : error !== undefined
          ? 'failed'
          : 'absent';
    const status: ModelStatus = { id: modelId, state, cachedBytes, totalBytes };
    if (state === 'failed') status.error = error;
    return status;
  }

  statuses(): Promise<ModelStatus[]> {
    return Promise.all(this.catalog.models.map((model) => this.status(model.id)));
  }

  async download(
    modelId: string,
    onProgress?: (event: LoadProgress) => void,
    signal?: AbortSignal,
  ): Promise<ModelStatus> {
    const model = this.model(modelId);
    await this.downloads.join(
      modelId,
      (emit, shared) => this.downloadFiles(model, emit, shared),
      onProgress,
      signal,
    );
    return this.status(modelId);
  }

  async readFile(modelId: string, path: string, signal?: AbortSignal): Promise<Uint8Array> {
    const model = this.model(modelId);
    const file = model.files.find((candidate) => candidate.path === path);
    if (!file) throw new LexletError('model-invalid', `${model.name} has no file ${path} in the catalog.`);
    const url = this.urlOf(model, file);
    if (this.verified.get(url) === file.sha256) {
      const bytes = await this.store.get(url);
      if (bytes?.byteLength === file.size) return bytes;
      this.verified.delete(url);
    }
    const obtained = await this.transfers.join(
      url,
      (emit, shared) => this.obtain(model, file, url, emit, shared),
      undefined,
      signal,
    );
    return obtained.bytes;
  }

  async delete(modelId: string): Promise<ModelStatus> {
    const model = this.model(modelId);
    await this.downloads.cancel(modelId);
    const ownUrls = model.files.map((file) => this.urlOf(model, file));
    // Files from an earlier catalog version under the same folder go too, but never files another model uses.
    const usedElsewhere = new Set(
      this.catalog.models
        .filter((other) => other.id !== modelId)
        .flatMap((other) => other.files.map((file) => this.urlOf(other, file))),
    );
    const candidates = new Set([...ownUrls, ...(await this.store.keys(model.baseUrl))]);
    for (const url of candidates) {
      if (usedElsewhere.has(url) || this.store.readsInPlace?.(url)) continue;
      this.verified.delete(url);
      await this.store.delete(url);
    }
    this.failures.delete(modelId);
    return this.status(modelId);
  }

  storage(): Promise<StorageInfo> {
    return this.store.storage();
  }

  private urlOf(model: CatalogModel, file: ModelFile): string {
    return new URL(file.path, model.baseUrl).href;
  }

  private async isVerifiedInStore(url: string, file: ModelFile): Promise<boolean> {
    return this.verified.get(url) === file.sha256 && (await this.store.size(url)) === file.size;
  }

  private async downloadFiles(
    model: CatalogModel,
    emit: (event: LoadProgress) => void,
    signal: AbortSignal,
  ): Promise<void> {
    this.failures.delete(model.id);
    const total = model.files.reduce((sum, file) => sum + file.size, 0);
    const progress = new ModelProgress(model.id, total, emit, this.progressIntervalMs, this.clock);
    try {
      await this.checkRoom(model);
      for (const file of model.files) {
        throwIfAborted(signal);
        const url = this.urlOf(model, file);
        const fileProgress = progress.file(file.path, file.size);
        let fromCache = true;
        if (!(await this.isVerifiedInStore(url, file))) {
          const onFileEvent = (event: FileEvent) => {
            if (event.type === 'fetching') fileProgress.start();
            else if (event.type === 'bytes') fileProgress.bytes(event.held, event.arrived);
            else if (event.type === 'retry') fileProgress.retry(event.attempt, event.delayMs, event.reason);
          };
          const obtain = (fileEmit: (event: FileEvent) => void, shared: AbortSignal) =>
            this.obtain(model, file, url, fileEmit, shared);
          ({ fromCache } = await this.transfers.join(url, obtain, onFileEvent, signal));
        }
        fileProgress.done(fromCache);
      }
      progress.ready();
    } catch (error) {
      if (!isAbortError(error)) this.failures.set(model.id, messageOf(error));
      throw error;
    }
  }

  /** Fails before the first byte when the store already says the missing files cannot fit. */
  private async checkRoom(model: CatalogModel): Promise<void> {
    const sizes = await Promise.all(model.files.map((file) => this.store.size(this.urlOf(model, file))));
    const needed = model.files.reduce(
      (sum, file, index) =>
        sizes[index] === file.size || this.store.readsInPlace?.(this.urlOf(model, file))
          ? sum
          : sum + file.size,
      0,
    );
    if (needed === 0) return;
    const info = await this.store.storage().catch(() => null);
    const free = availableBytes(info);
    if (free !== null && needed > free) throw quotaError(model.name, needed, info);
  }

  /** Verified bytes of one file: from the store when they still match the catalog, else from the network. */
  private async obtain(
    model: CatalogModel,
    file: ModelFile,
    url: string,
    emit: (event: FileEvent) => void,
    signal: AbortSignal,
  ): Promise<Obtained> {
    const label = `${model.id}/${file.path}`;
    const inPlace = this.store.readsInPlace?.(url) ?? false;
    const cached = await this.store.get(url);
    if (cached) {
      const actual = cached.byteLength === file.size ? await sha256Hex(cached) : null;
      if (actual === file.sha256) {
        this.verified.set(url, file.sha256);
        return { bytes: cached, fromCache: true };
      }
      const problem = actual
        ? `SHA-256 is ${actual}, expected ${file.sha256}`
        : `it has ${cached.byteLength} bytes, expected ${file.size}`;
      if (inPlace)
        throw new LexletError('integrity', `${label} at ${url} does not match the catalog: ${problem}.`);
      // A damaged or outdated copy: drop it and download again.
      await this.store.delete(url);
    } else if (inPlace) {
      throw new LexletError('model-invalid', `${label} is missing: nothing at ${url}.`);
    }
    throwIfAborted(signal);
    emit({ type: 'fetching' });
    this.requestPersistence();
    const bytes = await fetchVerifiedFile({
      url,
      label,
      size: file.size,
      sha256: file.sha256,
      fetch: this.fetch,
      signal,
      retry: this.retry,
      onBytes: (held, arrived) => emit({ type: 'bytes', held, arrived }),
      onRetry: (attempt, delayMs, reason) => emit({ type: 'retry', attempt, delayMs, reason }),
    });
    throwIfAborted(signal);
    await this.store.put(url, bytes);
    this.verified.set(url, file.sha256);
    return { bytes, fromCache: false };
  }

  /** Once, on the first download: ask the platform to keep our storage under pressure. */
  private requestPersistence(): void {
    if (this.persistenceRequested) return;
    this.persistenceRequested = true;
    void this.store.persist?.().catch(() => undefined);
  }
}
