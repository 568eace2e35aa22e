import type { BackendInfo, BackendPreference } from '../types';

/** The slice of `GPUAdapterInfo` used to describe an adapter. */
export interface GpuAdapterLike {
  info?: {
    vendor?: string;
    architecture?: string;
    device?: string;
    description?: string;
    isFallbackAdapter?: boolean;
  };
  /** Older browsers; newer ones report it in `info`. */
  isFallbackAdapter?: boolean;
}

/** The slice of `navigator.gpu` used to probe for WebGPU. */
export interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

/** What the host offers; the worker fills it from `navigator` and `self`, the CLI from Node. */
export interface RuntimeEnvironment {
  /** `navigator.gpu` where it exists. */
  gpu?: GpuLike | null;
  /** `self.crossOriginIsolated`: WASM threads need SharedArrayBuffer. */
  crossOriginIsolated?: boolean;
  /** Node with onnxruntime-node: `auto` then means the native CPU backend. */
  nativeCpu?: boolean;
  /** Overrides the WASM thread count derived from `crossOriginIsolated`. */
  wasmThreads?: number;
}

export function wasmThreadCount(environment: RuntimeEnvironment): number {
  return environment.wasmThreads ?? (environment.crossOriginIsolated ? 2 : 1);
}

/** Whether the browser reports the adapter as a software fallback (no GPU behind it). */
export function isFallbackAdapter(adapter: GpuAdapterLike): boolean {
  return adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
}

function adapterName(adapter: GpuAdapterLike): string {
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture || info.device || info.description]
    .filter((part) => part && part.trim())
    .join(' ');
  return name || 'unknown adapter';
}

export function describeAdapter(adapter: GpuAdapterLike): string {
  const name = adapterName(adapter);
  return isFallbackAdapter(adapter) ? `${name} (fallback)` : name;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Decides which backend new sessions use, with the reason shown to the user. */
export async function chooseBackend(
  preference: BackendPreference,
  environment: RuntimeEnvironment,
): Promise<BackendInfo> {
  const wasmThreads = wasmThreadCount(environment);
  const wasm = (reason: string): BackendInfo => ({ active: 'wasm', preference, reason, wasmThreads });

  if (preference === 'wasm') return wasm('WASM — chosen in settings');
  if (environment.nativeCpu && preference === 'auto') {
    return { active: 'cpu', preference, reason: 'CPU — onnxruntime-node', wasmThreads };
  }
  if (!environment.gpu) return wasm('WASM — WebGPU not supported here');

  let adapter: GpuAdapterLike | null;
  try {
    adapter = await environment.gpu.requestAdapter();
  } catch (error) {
    return wasm(`WASM — WebGPU failed: ${errorText(error)}`);
  }
  if (!adapter) return wasm('WASM — no WebGPU adapter');
  // A software adapter (SwiftShader in headless Chromium) ran 30–150× slower than WASM: Auto leaves it alone, and
  // only a user who chooses WebGPU in the settings gets it.
  if (preference === 'auto' && isFallbackAdapter(adapter)) {
    return wasm(`WASM — WebGPU here is a software fallback (${adapterName(adapter)}), slower than WASM`);
  }
  const description = describeAdapter(adapter);
  return {
    active: 'webgpu',
    preference,
    reason: `WebGPU — ${description}`,
    wasmThreads,
    adapter: description,
  };
}
