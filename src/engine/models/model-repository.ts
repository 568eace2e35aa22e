/**
 * The ModelRepository: catalog files fetched once, verified by size and SHA-256, kept in a ModelStore.
 *
 *   const repository = createModelRepository({ catalog, store: new CacheStorageStore(), fetch });
 *   await repository.download('opus-mt-en-es', (event) => console.log(event));
 *   const bytes = await repository.readFile('opus-mt-en-es', 'onnx/encoder_model_quantized.onnx');
 *
 * Cached files are hashed on their first read in a session and trusted afterwards, so a second open of a model
 * costs no hashing. Downloads of the same model or file share one transfer.
 *
 * A remote model's catalog may leave a file's size or SHA-256 out. Such a file is sized by a HEAD request when
 * its download starts, checked against the host's SHA-256 ETag when one is readable, and otherwise trusted on
 * first use: the size and digest of the first download are recorded with the cached bytes and from then on
 * stand in for the catalog's, so a damaged or truncated copy is caught and downloaded again like a pinned one.
 */
import { LexletError, isAbortError } from '../errors';
import { availableBytes, quotaError, type FileRecord, type ModelStore } from '../store/model-store';
import type { Catalog, CatalogModel, LoadProgress, ModelFile, ModelStatus, StorageInfo } from '../types';
import { throwIfAborted } from './abortable';
import { DEFAULT_RETRY, fetchFile, probeSize, type FetchedFile, type RetryPolicy } from './fetch-file';
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
  | { type: 'size'; size: number | null }
  | { type: 'bytes'; held: number; arrived: number }
  | { type: 'retry'; attempt: number; delayMs: number; reason: string };

interface Obtained {
  bytes: Uint8Array;
  /** Taken when obtained: another caller sharing the transfer may hand `bytes` on (and detach them) first. */
  size: number;
  fromCache: boolean;
}

/** What a stored file must match: the catalog's pins, completed by the store's record for an unpinned file. */
interface Expected {
  size: number | null;
  sha256: string | null;
  /** Some of it comes from the record of the first download rather than the catalog. */
  recorded: boolean;
}

/** One file of a download, as found before the first byte moves. */
interface PlannedFile {
  file: ModelFile;
  url: string;
  expected: Expected;
  /** Stored byte length, or null when nothing is stored. */
  stored: number | null;
}

function isPinned(file: ModelFile): boolean {
  return file.size !== null && file.sha256 !== null;
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
    const files = await this.plan(model);
    let cachedBytes = 0;
    let totalBytes: number | null = 0;
    let complete = true;
    for (const { expected, stored } of files) {
      const size = expected.size;
      if (size !== null && expected.sha256 !== null && stored === size) cachedBytes += size;
      else complete = false;
      totalBytes = size === null || totalBytes === null ? null : totalBytes + size;
    }
    const error = this.failures.get(modelId);
    const state = this.downloads.has(modelId)
      ? 'downloading'
      : complete
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
    const verified = this.verified.get(url);
    if (verified !== undefined) {
      const expected = await this.expected(url, file);
      if (verified === expected.sha256) {
        const bytes = await this.store.get(url);
        if (bytes && (expected.size === null || bytes.byteLength === expected.size)) return bytes;
      }
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

  /** The catalog's pins, completed by the record of an unpinned file's first download when it agrees with them. */
  private async expected(url: string, file: ModelFile): Promise<Expected> {
    const pinned: Expected = { size: file.size, sha256: file.sha256, recorded: false };
    if (isPinned(file)) return pinned;
    const record = await this.store.record(url);
    const agrees =
      record !== null &&
      (file.size === null || record.size === file.size) &&
      (file.sha256 === null || record.sha256 === file.sha256);
    return agrees ? { size: record.size, sha256: record.sha256, recorded: true } : pinned;
  }

  private plan(model: CatalogModel): Promise<PlannedFile[]> {
    return Promise.all(
      model.files.map(async (file) => {
        const url = this.urlOf(model, file);
        const [expected, stored] = await Promise.all([this.expected(url, file), this.store.size(url)]);
        return { file, url, expected, stored };
      }),
    );
  }

  /** Size of the file when it is stored and was verified in this session, else null. */
  private async verifiedSize(url: string, expected: Expected): Promise<number | null> {
    if (expected.sha256 === null || this.verified.get(url) !== expected.sha256) return null;
    const stored = await this.store.size(url);
    return stored !== null && (expected.size === null || stored === expected.size) ? stored : null;
  }

  private async downloadFiles(
    model: CatalogModel,
    emit: (event: LoadProgress) => void,
    signal: AbortSignal,
  ): Promise<void> {
    this.failures.delete(model.id);
    try {
      const files = await this.plan(model);
      // Sizes neither the catalog nor a record tells come from the host, so the total is known from the start.
      const sizes = await Promise.all(
        files.map(({ url, expected }) =>
          expected.size !== null || this.store.readsInPlace?.(url)
            ? expected.size
            : probeSize(url, this.fetch, signal),
        ),
      );
      const progress = new ModelProgress(model.id, sizes, emit, this.progressIntervalMs, this.clock);
      await this.checkRoom(model, files, sizes);
      for (const [index, { file, url, expected }] of files.entries()) {
        throwIfAborted(signal);
        const fileProgress = progress.file(index, file.path);
        let size = await this.verifiedSize(url, expected);
        let fromCache = true;
        if (size === null) {
          const onFileEvent = (event: FileEvent) => {
            if (event.type === 'fetching') fileProgress.start();
            else if (event.type === 'size') fileProgress.size(event.size);
            else if (event.type === 'bytes') fileProgress.bytes(event.held, event.arrived);
            else if (event.type === 'retry') fileProgress.retry(event.attempt, event.delayMs, event.reason);
          };
          const obtain = (fileEmit: (event: FileEvent) => void, shared: AbortSignal) =>
            this.obtain(model, file, url, fileEmit, shared);
          ({ fromCache, size } = await this.transfers.join(url, obtain, onFileEvent, signal));
        }
        fileProgress.done(fromCache, size);
      }
      progress.ready();
    } catch (error) {
      if (!isAbortError(error)) this.failures.set(model.id, messageOf(error));
      throw error;
    }
  }

  /** Fails before the first byte when the store already says the missing files cannot fit. */
  private async checkRoom(
    model: CatalogModel,
    files: PlannedFile[],
    sizes: (number | null)[],
  ): Promise<void> {
    // A file of unknown size counts as nothing here: the store's own quota error catches it later.
    const needed = files.reduce(
      (sum, { url, expected, stored }, index) =>
        (expected.size !== null && stored === expected.size) || this.store.readsInPlace?.(url)
          ? sum
          : sum + (sizes[index] ?? 0),
      0,
    );
    if (needed === 0) return;
    const info = await this.store.storage().catch(() => null);
    const free = availableBytes(info);
    if (free !== null && needed > free) throw quotaError(model.name, needed, info);
  }

  /** Why cached bytes cannot be used, or null when they match what is expected. */
  private async cachedProblem(cached: Uint8Array, expected: Expected): Promise<string | null> {
    if (expected.sha256 === null) return 'no SHA-256 is known to check it against';
    if (expected.size !== null && cached.byteLength !== expected.size) {
      return `it has ${cached.byteLength} bytes, expected ${expected.size}`;
    }
    const actual = await sha256Hex(cached);
    return actual === expected.sha256 ? null : `SHA-256 is ${actual}, expected ${expected.sha256}`;
  }

  /** Verified bytes of one file: from the store when they still match what is expected, else from the network. */
  private async obtain(
    model: CatalogModel,
    file: ModelFile,
    url: string,
    emit: (event: FileEvent) => void,
    signal: AbortSignal,
  ): Promise<Obtained> {
    const label = `${model.id}/${file.path}`;
    const inPlace = this.store.readsInPlace?.(url) ?? false;
    const expected = await this.expected(url, file);
    const cached = await this.store.get(url);
    if (cached) {
      const problem = await this.cachedProblem(cached, expected);
      if (problem === null && expected.sha256 !== null) {
        this.verified.set(url, expected.sha256);
        return { bytes: cached, size: cached.byteLength, fromCache: true };
      }
      if (inPlace)
        throw new LexletError('integrity', `${label} at ${url} does not match the catalog: ${problem}.`);
      // A damaged, truncated or outdated copy: drop it and download again.
      await this.store.delete(url);
    } else if (inPlace) {
      throw new LexletError('model-invalid', `${label} is missing: nothing at ${url}.`);
    }
    throwIfAborted(signal);
    emit({ type: 'fetching' });
    this.requestPersistence();
    const fetched = await this.fetchChecked(label, url, expected, emit, signal);
    throwIfAborted(signal);
    const record: FileRecord | undefined = isPinned(file)
      ? undefined
      : { size: fetched.bytes.byteLength, sha256: fetched.sha256 };
    await this.store.put(url, fetched.bytes, record);
    this.verified.set(url, fetched.sha256);
    return { bytes: fetched.bytes, size: fetched.bytes.byteLength, fromCache: false };
  }

  private async fetchChecked(
    label: string,
    url: string,
    expected: Expected,
    emit: (event: FileEvent) => void,
    signal: AbortSignal,
  ): Promise<FetchedFile> {
    try {
      return await fetchFile({
        url,
        label,
        size: expected.size,
        sha256: expected.sha256,
        fetch: this.fetch,
        signal,
        retry: this.retry,
        onBytes: (held, arrived) => emit({ type: 'bytes', held, arrived }),
        onSize: (size) => emit({ type: 'size', size }),
        onRetry: (attempt, delayMs, reason) => emit({ type: 'retry', attempt, delayMs, reason }),
      });
    } catch (error) {
      if (!expected.recorded || !(error instanceof LexletError) || error.code !== 'integrity') throw error;
      // The host now serves another version than the one first downloaded; mixing versions is not safe.
      throw new LexletError(
        'integrity',
        `${label} on the server is no longer the version first downloaded (${error.message}) Delete the model and download it again to use the new version.`,
        { cause: error },
      );
    }
  }

  /** Once, on the first download: ask the platform to keep our storage under pressure. */
  private requestPersistence(): void {
    if (this.persistenceRequested) return;
    this.persistenceRequested = true;
    void this.store.persist?.().catch(() => undefined);
  }
}
