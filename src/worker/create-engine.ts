/// <reference lib="webworker" />
import webgpuBuildWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { Engine, type EngineOptions } from '../engine/engine';
import { createBrowserModelRepository } from '../engine/models/browser-repository';
import type { GpuLike } from '../engine/runtime/backend-choice';
import type { OrtLoader, OrtModule } from '../engine/runtime/ort';
import { createOrtLoader } from '../engine/runtime/ort-build';
import { keepWebGpuBuild } from './webgpu-build-cache';

declare const self: DedicatedWorkerGlobalScope;

let keeping: Promise<void> | null = null;

/**
 * Keeps onnxruntime-web's WebGPU build in Cache Storage (it is not precached), so that WebGPU also starts
 * offline; once per worker. A failure is left to onnxruntime's own fetch, which then falls back to WASM.
 */
function keepWebGpuBuildOnce(): Promise<void> {
  if (!('caches' in self)) return Promise.resolve();
  keeping ??= keepWebGpuBuild(new URL(webgpuBuildWasm, self.location.href).href, caches).catch(() => {
    keeping = null;
  });
  return keeping;
}

async function importWebGpuBuild(): Promise<OrtModule> {
  const [ort] = await Promise.all([
    import('onnxruntime-web/webgpu') as Promise<OrtModule>,
    keepWebGpuBuildOnce(),
  ]);
  return ort;
}

/**
 * A browser that will use WebGPU keeps its build from the first visit on, before any model is downloaded, so
 * that it is there when the browser goes offline; a browser on WASM never downloads it.
 */
export async function keepBuildForBackend(engine: Engine): Promise<void> {
  if ((await engine.getBackend()).active === 'webgpu') await keepWebGpuBuildOnce();
}

/**
 * onnxruntime for the worker: the WASM-only build serves WASM, the WebGPU build only WebGPU (ort-build.ts).
 * Imported dynamically: a static import would load it into this entry, which its pthread workers also load, and
 * multi-threaded WASM then hangs.
 */
export function workerOrtLoader(): OrtLoader {
  return createOrtLoader({
    webgpu: importWebGpuBuild,
    wasm: () => import('onnxruntime-web/wasm') as Promise<OrtModule>,
  });
}

/** The engine as the app's worker runs it, in a dedicated worker. */
export function createWorkerEngine(options: Partial<EngineOptions> = {}): Engine {
  return new Engine({
    loadOrt: workerOrtLoader(),
    // Model files are verified and kept in Cache Storage.
    repository: (catalogUrl) => createBrowserModelRepository(catalogUrl),
    environment: {
      gpu: 'gpu' in navigator ? (navigator.gpu as GpuLike) : null,
      crossOriginIsolated: self.crossOriginIsolated,
    },
    ...options,
  });
}
