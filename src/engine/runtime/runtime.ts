import { LexletError, isAbortError } from '../errors';
import type { BackendInfo, BackendName, BackendPreference } from '../types';
import { chooseBackend, errorText, wasmThreadCount, type RuntimeEnvironment } from './backend-choice';
import { identityModel } from './identity-model';
import type { OrtLoader, OrtModule, OrtSession } from './ort';
import { checkOnnxBytes, checkSessionNames, type SessionContract } from './session-contract';

interface DeviceLike {
  lost?: Promise<{ message?: string; reason?: string }>;
}

/**
 * onnxruntime destroys its WebGPU device itself once the last WebGPU session is released (a model refused when
 * its session opens, or deleted), and makes a new one for the next session. That loss is no fault of WebGPU.
 */
const RELEASED_BY_ONNXRUNTIME = 'destroyed';

export type BackendListener = (info: BackendInfo) => void;

/**
 * The only owner of onnxruntime: picks the backend, configures the runtime, creates sessions from verified
 * bytes and moves from WebGPU to WASM when WebGPU fails (session creation, a run, or a lost device).
 */
export class Runtime {
  private info: Promise<BackendInfo> | null = null;
  private readonly modules = new Map<BackendName, Promise<OrtModule>>();
  private readonly started = new Map<BackendName, Promise<OrtModule>>();
  private creating: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<BackendListener>();
  private watchingDevice = false;

  constructor(
    private readonly loadOrt: OrtLoader,
    private readonly environment: RuntimeEnvironment,
    private preference: BackendPreference = 'auto',
  ) {}

  backend(): Promise<BackendInfo> {
    this.info ??= chooseBackend(this.preference, this.environment);
    return this.info;
  }

  async setPreference(preference: BackendPreference): Promise<BackendInfo> {
    this.preference = preference;
    this.info = chooseBackend(preference, this.environment);
    const info = await this.info;
    this.notify(info);
    return info;
  }

  /** Called with the new BackendInfo whenever the active backend may have changed. */
  onChange(listener: BackendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  ort(backend: BackendName): Promise<OrtModule> {
    let module = this.modules.get(backend);
    if (!module) {
      module = this.loadOrt(backend).then((ort) => this.configure(ort, backend));
      // A failed load may succeed later (e.g. a flaky network for the wasm binary), so don't cache failures.
      module.catch(() => this.modules.delete(backend));
      this.modules.set(backend, module);
    }
    return module;
  }

  /**
   * onnxruntime for `backend` with its runtime running: in the browser the WebAssembly module fetched and
   * compiled and its threads started (half a second to a second and a half on two cores), which otherwise
   * happens inside the first model's session. A tiny session does it, and stays open: under WebGPU, releasing
   * the last session would also destroy the device that the model's sessions are about to need.
   */
  start(backend: BackendName): Promise<OrtModule> {
    let started = this.started.get(backend);
    if (!started) {
      started = this.ort(backend).then(async (ort) => {
        if (backend !== 'cpu') {
          await this.oneAtATime(backend, () =>
            ort.InferenceSession.create(identityModel(), { executionProviders: [backend] }),
          );
        }
        return ort;
      });
      started.catch(() => this.started.delete(backend));
      this.started.set(backend, started);
    }
    return started;
  }

  /**
   * Creates a session from model bytes; `gpuOutputs` stay on the GPU under WebGPU (e.g. the KV cache).
   * `optimization` 'basic' suits graphs with nothing for the extended passes to fuse but large constants, where
   * those passes cost seconds at load (the taggers' hashed embedding tables).
   * With a `contract`, bytes that are not an ONNX model and a session without the inputs and outputs the caller
   * needs are refused with a 'model-invalid' error naming the file.
   */
  async createSession(
    backend: BackendName,
    bytes: Uint8Array,
    gpuOutputs: readonly string[] = [],
    optimization: 'basic' | 'all' = 'all',
    contract?: SessionContract,
  ): Promise<OrtSession> {
    if (contract) checkOnnxBytes(bytes, contract.label);
    const ort = await this.start(backend);
    const session = await this.oneAtATime(backend, () =>
      ort.InferenceSession.create(bytes, {
        executionProviders: [backend],
        graphOptimizationLevel: optimization,
        // Spinning threads wait for work by burning CPU; on a busy machine (or beside a browser) that halves
        // throughput of the small per-token decoder runs, measured on onnxruntime-node.
        ...(backend === 'cpu' ? { extra: { session: { intra_op: { allow_spinning: '0' } } } } : {}),
        ...(backend === 'webgpu' && gpuOutputs.length > 0
          ? {
              preferredOutputLocation: Object.fromEntries(
                gpuOutputs.map((name) => [name, 'gpu-buffer' as const]),
              ),
            }
          : {}),
      }),
    );
    if (backend === 'webgpu') void this.watchDevice(ort);
    if (contract) {
      try {
        checkSessionNames(session, contract);
      } catch (error) {
        await session.release().catch(() => undefined);
        throw error;
      }
    }
    return session;
  }

  /**
   * Moves new work from WebGPU to WASM after `error` on `backend`.
   * Returns true when the caller should retry its work (on the backend now active).
   */
  async fallBack(backend: BackendName, error: unknown): Promise<boolean> {
    // A model that is wrong is as wrong on WASM: moving would only hide the real message behind a second one.
    const modelInvalid = error instanceof LexletError && error.code === 'model-invalid';
    if (backend !== 'webgpu' || isAbortError(error) || modelInvalid) return false;
    const current = await this.backend();
    if (current.active === 'webgpu') {
      const info: BackendInfo = {
        active: 'wasm',
        preference: current.preference,
        reason: `WASM — WebGPU failed: ${errorText(error)}`,
        wasmThreads: wasmThreadCount(this.environment),
      };
      this.info = Promise.resolve(info);
      this.notify(info);
    }
    return true;
  }

  /** Runs `work` on the active backend; after a WebGPU failure, retries it once on WASM. */
  async withFallback<T>(work: (backend: BackendName) => Promise<T>): Promise<T> {
    const { active } = await this.backend();
    try {
      return await work(active);
    } catch (error) {
      if (!(await this.fallBack(active, error))) throw error;
      const { active: retryBackend } = await this.backend();
      return work(retryBackend);
    }
  }

  private configure(ort: OrtModule, backend: BackendName): OrtModule {
    if (backend !== 'cpu') {
      // Must be set before the first session; threads need cross-origin isolation in browsers.
      ort.env.wasm.numThreads = wasmThreadCount(this.environment);
    }
    return ort;
  }

  /**
   * Runs session creations in the browser one after another, the runtime's own first session before them all:
   * onnxruntime's WebGPU build refuses a session while another is being created ("another WebGPU EP inference
   * session is being created"), as models open ahead of use, and side by side. On WASM a creation holds the
   * worker's thread anyway, so nothing is lost there.
   */
  private oneAtATime<T>(backend: BackendName, create: () => Promise<T>): Promise<T> {
    if (backend === 'cpu') return create();
    const created = this.creating.then(create);
    this.creating = created.catch(() => undefined);
    return created;
  }

  private async watchDevice(ort: OrtModule): Promise<void> {
    if (this.watchingDevice) return;
    this.watchingDevice = true;
    try {
      const device = (await ort.env.webgpu.device) as DeviceLike | undefined;
      const lost = await device?.lost;
      if (lost) {
        // The next WebGPU session brings a new device, watched when it is created.
        this.watchingDevice = false;
        if (lost.reason === RELEASED_BY_ONNXRUNTIME) return;
        await this.fallBack('webgpu', new Error(`GPU device lost${lost.message ? `: ${lost.message}` : ''}`));
      }
    } catch {
      this.watchingDevice = false;
    }
  }

  private notify(info: BackendInfo): void {
    for (const listener of this.listeners) listener(info);
  }
}
