import type {
  BackendInfo,
  BackendPreference,
  Catalog,
  DocumentTags,
  LoadProgress,
  ModelStatus,
  StorageInfo,
  TagDocumentRequest,
  TagProgress,
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
  /**
   * Tags a document's clauses with a tagging model (fetched if not on the device yet): the model's decision as `spans` with
   * offsets into `request.text`, key facts, and `candidates` when a floor is asked for. Progress counts clauses.
   */
  tagDocument(
    request: TagDocumentRequest,
    onProgress: (event: TagProgress) => void,
    signal?: AbortSignal,
  ): Promise<DocumentTags>;
  /**
   * Opens a downloaded translation model on the active backend ahead of its first translation (while the user
   * types), so that translation does not wait for its sessions. Never downloads; resolves once the model is open
   * or could not be opened (its first translation then says why).
   */
  openModel(modelId: string): Promise<void>;
  /** Cheap round trip used by the UI's watchdog to detect a hung worker. */
  ping(): Promise<number>;
}
