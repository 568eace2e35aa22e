/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import type { EngineApi } from '../engine/api';
import { Engine } from '../engine/engine';
import { createBrowserModelRepository } from '../engine/models/browser-repository';
import type { GpuLike } from '../engine/runtime/backend-choice';
import type { OrtModule } from '../engine/runtime/ort';
import { registerTransferHandlers } from './comlink-transfer';

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
  const engine = new Engine({
    // Dynamic import: a static one would load onnxruntime into this entry, which its pthread workers also
    // load, and multi-threaded WASM then hangs. One build serves WebGPU and WASM.
    loadOrt: () => import('onnxruntime-web/webgpu') as Promise<OrtModule>,
    // Model files are verified and kept in Cache Storage.
    repository: (catalogUrl) => createBrowserModelRepository(catalogUrl),
    environment: {
      gpu: 'gpu' in navigator ? (navigator.gpu as GpuLike) : null,
      crossOriginIsolated: self.crossOriginIsolated,
    },
  });

  const api: EngineApi = {
    loadCatalog: (url) => engine.loadCatalog(url),
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
    ping: () => engine.ping(),
  };
  Comlink.expose(api);
}

// onnxruntime's pthread workers are named "em-pthread…"; they must never run the engine entry.
if (!self.name?.startsWith('em-pthread')) exposeEngine();
