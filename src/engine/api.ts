import type {
  BackendInfo,
  BackendPreference,
  Catalog,
  LoadProgress,
  ModelStatus,
  StorageInfo,
  TranslateEvent,
  TranslateRequest,
  TranslateResult,
} from './types';

/**
 * What the worker exposes through Comlink. Callbacks arrive as Comlink proxies; cancellation is an
 * AbortSignal (the worker registers a Comlink transfer handler for it).
 */
export interface EngineApi {
  /** Loads and validates the catalog (relative model URLs resolve against catalogUrl). */
  loadCatalog(catalogUrl: string): Promise<Catalog>;
  getBackend(): Promise<BackendInfo>;
  setBackend(preference: BackendPreference): Promise<BackendInfo>;
  modelStatuses(): Promise<ModelStatus[]>;
  downloadModel(
    modelId: string,
    onProgress: (event: LoadProgress) => void,
    signal?: AbortSignal,
  ): Promise<ModelStatus>;
  deleteModel(modelId: string): Promise<ModelStatus>;
  storage(): Promise<StorageInfo>;
  translate(
    request: TranslateRequest,
    onEvent: (event: TranslateEvent) => void,
    signal?: AbortSignal,
  ): Promise<TranslateResult>;
  /** Cheap round trip used by the UI's watchdog to detect a hung worker. */
  ping(): Promise<number>;
}
