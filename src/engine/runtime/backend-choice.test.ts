import { describe, expect, it } from 'vitest';
import { chooseBackend, describeAdapter, type GpuLike } from './backend-choice';

const swiftshader: GpuLike = {
  requestAdapter: async () => ({
    info: { vendor: 'google', architecture: 'swiftshader' },
    isFallbackAdapter: true,
  }),
};
const hardware: GpuLike = {
  requestAdapter: async () => ({
    info: { vendor: 'nvidia', architecture: 'ampere', isFallbackAdapter: false },
  }),
};
const softwareInInfo: GpuLike = {
  requestAdapter: async () => ({
    info: { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true },
  }),
};
const noAdapter: GpuLike = { requestAdapter: async () => null };
const broken: GpuLike = {
  requestAdapter: async () => {
    throw new Error('adapter request rejected');
  },
};

describe('chooseBackend', () => {
  it('uses WebGPU when an adapter exists and names it', async () => {
    expect(await chooseBackend('auto', { gpu: hardware, crossOriginIsolated: true })).toEqual({
      active: 'webgpu',
      preference: 'auto',
      reason: 'WebGPU — nvidia ampere',
      adapter: 'nvidia ampere',
      wasmThreads: 2,
    });
  });

  it('leaves a software fallback adapter to WASM on Auto, and uses it when WebGPU is chosen', async () => {
    // Older browsers flag it on the adapter, newer ones in its info.
    for (const gpu of [swiftshader, softwareInInfo]) {
      expect(await chooseBackend('auto', { gpu, crossOriginIsolated: true })).toEqual({
        active: 'wasm',
        preference: 'auto',
        reason: 'WASM — WebGPU here is a software fallback (google swiftshader), slower than WASM',
        wasmThreads: 2,
      });
      expect(await chooseBackend('webgpu', { gpu, crossOriginIsolated: true })).toEqual({
        active: 'webgpu',
        preference: 'webgpu',
        reason: 'WebGPU — google swiftshader (fallback)',
        adapter: 'google swiftshader (fallback)',
        wasmThreads: 2,
      });
    }
  });

  it.each([
    [{ gpu: noAdapter }, 'WASM — no WebGPU adapter'],
    [{}, 'WASM — WebGPU not supported here'],
    [{ gpu: broken }, 'WASM — WebGPU failed: adapter request rejected'],
  ])('falls back to WASM with a reason', async (environment, reason) => {
    const info = await chooseBackend('webgpu', environment);
    expect(info.active).toBe('wasm');
    expect(info.reason).toBe(reason);
    expect(info.wasmThreads).toBe(1);
  });

  it('honours an explicit WASM choice even with a GPU', async () => {
    const info = await chooseBackend('wasm', { gpu: swiftshader, crossOriginIsolated: true });
    expect(info).toMatchObject({ active: 'wasm', reason: 'WASM — chosen in settings', wasmThreads: 2 });
  });

  it('uses the native CPU backend in Node unless WASM is asked for', async () => {
    expect((await chooseBackend('auto', { nativeCpu: true })).active).toBe('cpu');
    expect((await chooseBackend('wasm', { nativeCpu: true, wasmThreads: 4 })).wasmThreads).toBe(4);
  });
});

describe('describeAdapter', () => {
  it('falls back to other fields', () => {
    expect(describeAdapter({ info: { vendor: 'nvidia', architecture: '', description: 'RTX' } })).toBe(
      'nvidia RTX',
    );
    expect(describeAdapter({})).toBe('unknown adapter');
  });
});
