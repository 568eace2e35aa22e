import type { Catalog, CatalogModel, LoadProgress, ModelStatus, StorageInfo } from '../types';

/**
 * The one place that knows where model bytes come from: fetches catalog files, verifies size and SHA-256,
 * stores them (Cache Storage in the browser, the file system in Node) and hands verified bytes to the runtime.
 */
export interface ModelRepository {
  readonly catalog: Catalog;
  model(modelId: string): CatalogModel;
  status(modelId: string): Promise<ModelStatus>;
  statuses(): Promise<ModelStatus[]>;
  /** Makes every file of the model available locally (no-op for what is already cached and valid). */
  download(
    modelId: string,
    onProgress?: (event: LoadProgress) => void,
    signal?: AbortSignal,
  ): Promise<ModelStatus>;
  /** Verified bytes of one file; downloads it first if needed. */
  readFile(modelId: string, path: string, signal?: AbortSignal): Promise<Uint8Array>;
  delete(modelId: string): Promise<ModelStatus>;
  storage(): Promise<StorageInfo>;
}
