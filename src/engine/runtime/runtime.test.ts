import { describe, expect, it } from 'vitest';
import { LexletError, abortError } from '../errors';
import type { BackendInfo, BackendName } from '../types';
import type { GpuLike } from './backend-choice';
import type { OrtModule } from './ort';
import { Runtime } from './runtime';

const gpu: GpuLike = { requestAdapter: async () => ({ info: { vendor: 'acme', architecture: 'x1' } }) };

/** An onnxruntime stand-in that records session options and can refuse WebGPU sessions. */
function fakeOrt(
  options: { webgpuCreateFails?: boolean; lost?: Promise<{ message: string; reason?: string }> } = {},
) {
  const created: { backend: string; options: Record<string, unknown> }[] = [];
  const module = {
    env: {
      wasm: { numThreads: 0 },
      webgpu: { device: Promise.resolve({ lost: options.lost ?? new Promise(() => {}) }) },
    },
    Tensor: function Tensor() {},
    InferenceSession: {
      create: async (_bytes: Uint8Array, sessionOptions: { executionProviders: string[] }) => {
        const backend = sessionOptions.executionProviders[0] as string;
        if (backend === 'webgpu' && options.webgpuCreateFails) throw new Error('shader compilation failed');
        created.push({ backend, options: sessionOptions as unknown as Record<string, unknown> });
        return { backend };
      },
    },
  };
  return { module: module as unknown as OrtModule, created, env: module.env };
}

describe('Runtime', () => {
  it('sets WASM threads before the first session and keeps KV outputs on the GPU', async () => {
    const ort = fakeOrt();
    const runtime = new Runtime(async () => ort.module, { gpu, crossOriginIsolated: true });
    await runtime.createSession('webgpu', new Uint8Array(), ['present.0.decoder.key']);
    expect(ort.env.wasm.numThreads).toBe(2);
    // Each backend's runtime starts with its own one-node session, before the model's.
    expect(ort.created.map((session) => session.options.graphOptimizationLevel)).toEqual([undefined, 'all']);
    expect(ort.created[1]?.options.preferredOutputLocation).toEqual({
      'present.0.decoder.key': 'gpu-buffer',
    });
    await runtime.createSession('wasm', new Uint8Array(), ['present.0.decoder.key']);
    expect(ort.created[3]?.options.preferredOutputLocation).toBeUndefined();
  });

  it('retries failed WebGPU work once on WASM and says why', async () => {
    const ort = fakeOrt({ webgpuCreateFails: true });
    const runtime = new Runtime(async () => ort.module, { gpu });
    const changes: BackendInfo[] = [];
    runtime.onChange((info) => changes.push(info));
    expect((await runtime.backend()).active).toBe('webgpu');
    const tried: BackendName[] = [];
    const session = await runtime.withFallback(async (backend) => {
      tried.push(backend);
      return runtime.createSession(backend, new Uint8Array());
    });
    expect(tried).toEqual(['webgpu', 'wasm']);
    expect(session).toEqual({ backend: 'wasm' });
    const info = await runtime.backend();
    expect(info).toMatchObject({ active: 'wasm', reason: 'WASM — WebGPU failed: shader compilation failed' });
    expect(changes.map((change) => change.active)).toEqual(['wasm']);
  });

  it('does not retry failures on WASM, nor cancellations', async () => {
    const runtime = new Runtime(async () => fakeOrt().module, { gpu });
    let attempts = 0;
    const cancelled = runtime.withFallback(async () => {
      attempts++;
      throw abortError();
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'aborted' });
    expect(attempts).toBe(1);
    expect((await runtime.backend()).active).toBe('webgpu');

    await runtime.setPreference('wasm');
    const failing = runtime.withFallback(async () => {
      attempts++;
      throw new LexletError('model-invalid', 'broken');
    });
    await expect(failing).rejects.toThrow('broken');
    expect(attempts).toBe(2);
  });

  it('moves to WASM when the GPU device is lost', async () => {
    let loseDevice: (info: { message: string }) => void = () => {};
    const ort = fakeOrt({ lost: new Promise((resolve) => (loseDevice = resolve)) });
    const runtime = new Runtime(async () => ort.module, { gpu });
    const lost = new Promise<BackendInfo>((resolve) => runtime.onChange(resolve));
    await runtime.createSession('webgpu', new Uint8Array());
    loseDevice({ message: 'driver reset' });
    expect(await lost).toMatchObject({
      active: 'wasm',
      reason: 'WASM — WebGPU failed: GPU device lost: driver reset',
    });
  });

  it('stays on WebGPU when onnxruntime destroys the device after its last session, and watches the next device', async () => {
    let destroy: (info: { message: string; reason: string }) => void = () => {};
    const ort = fakeOrt({ lost: new Promise((resolve) => (destroy = resolve)) });
    const runtime = new Runtime(async () => ort.module, { gpu });
    const changes: BackendInfo[] = [];
    runtime.onChange((info) => changes.push(info));
    await runtime.createSession('webgpu', new Uint8Array());
    destroy({ message: 'Device was destroyed.', reason: 'destroyed' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(changes).toEqual([]);
    expect((await runtime.backend()).active).toBe('webgpu');

    // The device made for the next session is watched: losing it is a fault.
    let loseNext: (info: { message: string; reason: string }) => void = () => {};
    ort.env.webgpu.device = Promise.resolve({ lost: new Promise((resolve) => (loseNext = resolve)) });
    await runtime.createSession('webgpu', new Uint8Array());
    const lost = new Promise<BackendInfo>((resolve) => runtime.onChange(resolve));
    loseNext({ message: 'driver reset', reason: 'unknown' });
    expect(await lost).toMatchObject({
      active: 'wasm',
      reason: 'WASM — WebGPU failed: GPU device lost: driver reset',
    });
  });

  it('loads each runtime module once but retries a failed load', async () => {
    let loads = 0;
    const runtime = new Runtime(async () => {
      loads++;
      if (loads === 1) throw new Error('network');
      return fakeOrt().module;
    }, {});
    await expect(runtime.ort('wasm')).rejects.toThrow('network');
    await runtime.ort('wasm');
    await runtime.ort('wasm');
    expect(loads).toBe(2);
  });

  it('starts the runtime once per backend with a tiny session it keeps open, and tries again after a failure', async () => {
    const ort = fakeOrt({ webgpuCreateFails: true });
    const runtime = new Runtime(async () => ort.module, { gpu, crossOriginIsolated: true });
    await expect(runtime.start('webgpu')).rejects.toThrow('shader compilation failed');
    await runtime.start('wasm');
    await runtime.start('wasm');
    expect(ort.created.map((session) => session.backend)).toEqual(['wasm']);
    expect(ort.env.wasm.numThreads).toBe(2);
    await expect(runtime.start('webgpu')).rejects.toThrow('shader compilation failed');
  });

  it('creates browser sessions one at a time, as the WebGPU build requires', async () => {
    let creating = 0;
    let most = 0;
    const ort = fakeOrt();
    const create = ort.module.InferenceSession.create.bind(ort.module.InferenceSession);
    ort.module.InferenceSession.create = (async (...args: Parameters<typeof create>) => {
      most = Math.max(most, ++creating);
      await new Promise((resolve) => setTimeout(resolve, 5));
      creating--;
      return create(...args);
    }) as typeof create;
    const runtime = new Runtime(async () => ort.module, { gpu });
    await Promise.all([
      runtime.createSession('webgpu', new Uint8Array()),
      runtime.createSession('webgpu', new Uint8Array()),
      runtime.start('webgpu'),
    ]);
    expect(most).toBe(1);
    expect(ort.created).toHaveLength(3);
  });
});
