/**
 * onnxruntime-web's WebGPU build (26.8 MB of WebAssembly) is not in the service worker's precache, so that a
 * browser without WebGPU never downloads it. The engine worker keeps it here when it first chooses WebGPU, and
 * the service worker answers from here, so WebGPU keeps working offline after that.
 */
export const WEBGPU_BUILD_CACHE = 'lexlet-onnxruntime-webgpu';

/** The WebGPU build's WebAssembly, as Vite emits it (`ort-wasm-simd-threaded.asyncify-HASH.wasm`). */
export function isWebGpuBuildWasm(pathname: string): boolean {
  return /\/ort-wasm-simd-threaded\.asyncify[^/]*\.wasm$/u.test(pathname);
}

/**
 * Puts the build at `url` (absolute) in the cache unless it is there already, and drops the copies of earlier app
 * versions (each version's file has another hashed name). A failure here is left to onnxruntime's own fetch.
 */
export async function keepWebGpuBuild(url: string, storage: CacheStorage): Promise<void> {
  const cache = await storage.open(WEBGPU_BUILD_CACHE);
  let present = false;
  for (const request of await cache.keys()) {
    if (request.url === url) present = true;
    else await cache.delete(request);
  }
  if (!present) await cache.add(url);
}
