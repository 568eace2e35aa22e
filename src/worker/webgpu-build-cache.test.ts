import { describe, expect, it } from 'vitest';
import { WEBGPU_BUILD_CACHE, isWebGpuBuildWasm, keepWebGpuBuild } from './webgpu-build-cache';

/** A Cache Storage stand-in that records what it downloads. */
function fakeCaches(stored: string[] = []) {
  const urls = new Set(stored);
  const downloaded: string[] = [];
  const opened: string[] = [];
  const cache = {
    keys: async () => [...urls].map((url) => ({ url }) as Request),
    delete: async (request: Request) => urls.delete(request.url),
    add: async (url: string) => {
      downloaded.push(url);
      urls.add(url);
    },
  };
  const storage = {
    open: async (name: string) => {
      opened.push(name);
      return cache;
    },
  } as unknown as CacheStorage;
  return { storage, urls, downloaded, opened };
}

const current = 'https://lexlet.test/assets/ort-wasm-simd-threaded.asyncify-B2x.wasm';
const earlier = 'https://lexlet.test/assets/ort-wasm-simd-threaded.asyncify-A1y.wasm';

describe('the WebGPU build cache', () => {
  it('recognizes the WebGPU build and nothing else', () => {
    expect(isWebGpuBuildWasm('/assets/ort-wasm-simd-threaded.asyncify-B2x.wasm')).toBe(true);
    expect(isWebGpuBuildWasm('/ort-wasm-simd-threaded.asyncify.wasm')).toBe(true);
    expect(isWebGpuBuildWasm('/assets/ort-wasm-simd-threaded-C3z.wasm')).toBe(false);
    expect(isWebGpuBuildWasm('/assets/ort-wasm-simd-threaded.asyncify-B2x.mjs')).toBe(false);
  });

  it('downloads the build once, then finds it', async () => {
    const caches = fakeCaches();
    await keepWebGpuBuild(current, caches.storage);
    await keepWebGpuBuild(current, caches.storage);
    expect(caches.downloaded).toEqual([current]);
    expect(caches.opened).toEqual([WEBGPU_BUILD_CACHE, WEBGPU_BUILD_CACHE]);
  });

  it("drops an earlier version's build", async () => {
    const caches = fakeCaches([earlier]);
    await keepWebGpuBuild(current, caches.storage);
    expect([...caches.urls]).toEqual([current]);
  });
});
