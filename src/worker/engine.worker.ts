/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import type { EngineApi } from '../engine/api';
import { registerTransferHandlers } from './comlink-transfer';
import { createWorkerEngine, keepBuildForBackend } from './create-engine';

declare const self: DedicatedWorkerGlobalScope;

type Callback<T> = ((value: T) => void) & Partial<Comlink.ProxyMethods>;

/** How long a result may wait for the page to take the events sent before it. */
const EVENT_FLUSH_MS = 1_000;

/**
 * Calls `work` with the page's callback, then releases the callback's MessagePort (Comlink keeps it open).
 * Events travel on the callback's own port and the result on the worker's, which keep no order between them:
 * the result waits until the page has taken the last event, so no late progress overwrites a finished state.
 */
async function withReleasedCallback<T, R>(
  callback: Callback<T>,
  work: (call: (value: T) => void) => Promise<R>,
) {
  let lastEvent: Promise<unknown> = Promise.resolve();
  try {
    // Fire and forget: a slow page must never stall inference while it renders progress.
    const result = await work((value) => {
      lastEvent = Promise.resolve(callback(value)).catch(() => undefined);
    });
    await Promise.race([lastEvent, new Promise((resolve) => setTimeout(resolve, EVENT_FLUSH_MS))]);
    return result;
  } finally {
    callback[Comlink.releaseProxy]?.();
  }
}

function exposeEngine(): void {
  registerTransferHandlers();
  const engine = createWorkerEngine();

  const api: EngineApi = {
    // The page loads the catalog once the backend setting is known: onnxruntime starts then, rather than when
    // the first translation asks for it.
    loadCatalog: async (url) => {
      const catalog = await engine.loadCatalog(url);
      void engine.warmUp();
      void keepBuildForBackend(engine).catch(() => undefined);
      return catalog;
    },
    getBackend: () => engine.getBackend(),
    setBackend: (preference) => engine.setBackend(preference),
    modelStatuses: () => engine.modelStatuses(),
    downloadModel: (modelId, onProgress, signal) =>
      withReleasedCallback(onProgress, (call) => engine.downloadModel(modelId, call, signal)),
    deleteModel: (modelId) => engine.deleteModel(modelId),
    storage: () => engine.storage(),
    translate: (request, onEvent, signal) =>
      withReleasedCallback(onEvent, (call) => engine.translate(request, call, signal)),
    tagDocument: (request, onProgress, signal) =>
      withReleasedCallback(onProgress, (call) => engine.tagDocument(request, call, signal)),
    openModel: (modelId) => engine.openModel(modelId),
    ping: () => engine.ping(),
  };
  Comlink.expose(api);
}

// onnxruntime's pthread workers are named "em-pthread…"; they must never run the engine entry.
if (!self.name?.startsWith('em-pthread')) exposeEngine();
