import * as Comlink from 'comlink';
import type { EngineApi } from '../engine/api';
import { LexletError } from '../engine/errors';
import { registerTransferHandlers } from '../worker/comlink-transfer';

/** What the client needs of a Worker; a test can hand in one end of a MessageChannel instead. */
export interface WorkerLike extends Comlink.Endpoint {
  terminate(): void;
}

export interface EngineClientOptions {
  createWorker: () => WorkerLike;
  /** Applies the app's state (catalog, backend setting) to a freshly started worker. */
  prepare: (engine: EngineApi) => Promise<void>;
  /** How often the watchdog pings the worker. */
  pingIntervalMs?: number;
  /** A ping unanswered for this long means the worker hangs. Long enough for a model session to load. */
  pingTimeoutMs?: number;
  /** More restarts than this within `restartWindowMs` means the engine cannot run here; stop retrying. */
  maxRestarts?: number;
  restartWindowMs?: number;
}

export type EngineClientEvent =
  { type: 'restarted'; reason: string } | { type: 'failed'; reason: string } | { type: 'ready' };

export const RESTARTED_MESSAGE = 'The engine stopped responding and was restarted';

/**
 * Owns the engine worker: wraps it with Comlink, forwards EngineApi calls, and watches it. When the worker
 * crashes (an `error` event) or hangs (a ping goes unanswered), it is terminated and started again; calls in
 * flight fail with a clear message instead of waiting forever.
 */
export class EngineClient {
  /** The engine as the UI uses it: plain callbacks and AbortSignals, like a local object. */
  readonly engine: EngineApi;

  private worker: WorkerLike | null = null;
  private remote: Comlink.Remote<EngineApi> | null = null;
  private ready: Promise<void> = Promise.resolve();
  /** Rejects every call still waiting on the current worker; replaced on each start. */
  private rejectInFlight: (error: LexletError) => void = () => {};
  private crashed: Promise<never> = new Promise<never>(() => {});
  private readonly listeners = new Set<(event: EngineClientEvent) => void>();
  private readonly restartTimes: number[] = [];
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private pinging = false;
  private stopped = false;
  private failure: LexletError | null = null;
  private readonly options: Required<EngineClientOptions>;

  constructor(options: EngineClientOptions) {
    registerTransferHandlers();
    this.options = {
      pingIntervalMs: 4_000,
      pingTimeoutMs: 20_000,
      maxRestarts: 3,
      restartWindowMs: 60_000,
      ...options,
    };
    this.engine = this.createFacade();
    this.start();
    this.watchdog = setInterval(() => void this.checkAlive(), this.options.pingIntervalMs);
  }

  onEvent(listener: (event: EngineClientEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts a new worker now, e.g. after the user fixed what made it fail. */
  restart(reason: string): void {
    if (this.stopped) return;
    const now = Date.now();
    this.restartTimes.push(now);
    while (
      this.restartTimes.length > 0 &&
      now - (this.restartTimes[0] ?? now) > this.options.restartWindowMs
    ) {
      this.restartTimes.shift();
    }
    this.teardown(new LexletError('backend', `${RESTARTED_MESSAGE}. Please try again.`));
    if (this.restartTimes.length > this.options.maxRestarts) {
      this.failure = new LexletError(
        'backend',
        `The engine could not be started (${reason}). Reload the page to retry.`,
      );
      this.emit({ type: 'failed', reason });
      return;
    }
    this.start();
    this.emit({ type: 'restarted', reason });
  }

  dispose(): void {
    this.stopped = true;
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.teardown(new LexletError('aborted', 'The engine was closed.'));
  }

  private start(): void {
    const worker = this.options.createWorker();
    const crash = (event: Event) => {
      if (this.worker !== worker) return;
      const message = (event as ErrorEvent).message;
      this.restart(message ? `worker error: ${message}` : 'worker error');
    };
    worker.addEventListener('error', crash);
    worker.addEventListener('messageerror', crash);
    this.worker = worker;
    this.failure = null;
    const remote = Comlink.wrap<EngineApi>(worker);
    this.remote = remote;
    this.crashed = new Promise<never>((_, reject) => {
      this.rejectInFlight = reject;
    });
    // Nobody may be waiting when it rejects; the rejection is still delivered to every call that is.
    this.crashed.catch(() => {});
    this.ready = this.race(this.options.prepare(this.wrapRemote(remote))).then(() =>
      this.emit({ type: 'ready' }),
    );
    this.ready.catch(() => {});
  }

  private teardown(error: LexletError): void {
    this.rejectInFlight(error);
    this.remote?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
    this.pinging = false;
  }

  private async checkAlive(): Promise<void> {
    const remote = this.remote;
    if (!remote || this.pinging || this.stopped) return;
    this.pinging = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.options.pingTimeoutMs);
    });
    try {
      const outcome = await Promise.race([remote.ping(), timeout]);
      if (outcome === 'timeout' && this.remote === remote) {
        this.restart(`no answer for ${Math.round(this.options.pingTimeoutMs / 1000)} s`);
      }
    } catch {
      // The worker went away while pinging; its error event or teardown handles that.
    } finally {
      clearTimeout(timer);
      if (this.remote === remote) this.pinging = false;
    }
  }

  /** Settles with `work`, or rejects as soon as the current worker is torn down. */
  private race<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.crashed]);
  }

  /** The remote with Comlink's conventions hidden: callbacks become proxies (the worker releases them). */
  private wrapRemote(remote: Comlink.Remote<EngineApi>): EngineApi {
    const withCallback = async <A extends unknown[], R>(
      callback: (...args: A) => void,
      call: (proxied: (...args: A) => void) => Promise<R>,
    ): Promise<R> => {
      // Progress that arrives after the call has settled is stale: it must not overwrite a finished state.
      let settled = false;
      const proxied = Comlink.proxy((...args: A) => {
        if (!settled) callback(...args);
      });
      try {
        return await this.race(call(proxied));
      } finally {
        settled = true;
      }
    };
    return {
      loadCatalog: (url) => this.race(remote.loadCatalog(url)),
      getBackend: () => this.race(remote.getBackend()),
      setBackend: (preference) => this.race(remote.setBackend(preference)),
      modelStatuses: () => this.race(remote.modelStatuses()),
      downloadModel: (modelId, onProgress, signal) =>
        withCallback(onProgress, (proxied) => remote.downloadModel(modelId, proxied, signal)),
      deleteModel: (modelId) => this.race(remote.deleteModel(modelId)),
      storage: () => this.race(remote.storage()),
      translate: (request, onEvent, signal) =>
        withCallback(onEvent, (proxied) => remote.translate(request, proxied, signal)),
      tagDocument: (request, onProgress, signal) =>
        withCallback(onProgress, (proxied) => remote.tagDocument(request, proxied, signal)),
      openModel: (modelId) => this.race(remote.openModel(modelId)),
      ping: () => this.race(remote.ping()),
    };
  }

  /** Every call waits until the worker is prepared (catalog loaded), so callers never see a half-ready engine. */
  private createFacade(): EngineApi {
    const call = async <R>(work: (engine: EngineApi) => Promise<R>): Promise<R> => {
      if (this.failure) throw this.failure;
      await this.ready;
      const remote = this.remote;
      if (!remote) throw this.failure ?? new LexletError('backend', 'The engine is not running.');
      return work(this.wrapRemote(remote));
    };
    return {
      loadCatalog: (url) => call((engine) => engine.loadCatalog(url)),
      getBackend: () => call((engine) => engine.getBackend()),
      setBackend: (preference) => call((engine) => engine.setBackend(preference)),
      modelStatuses: () => call((engine) => engine.modelStatuses()),
      downloadModel: (modelId, onProgress, signal) =>
        call((engine) => engine.downloadModel(modelId, onProgress, signal)),
      deleteModel: (modelId) => call((engine) => engine.deleteModel(modelId)),
      storage: () => call((engine) => engine.storage()),
      translate: (request, onEvent, signal) => call((engine) => engine.translate(request, onEvent, signal)),
      tagDocument: (request, onProgress, signal) =>
        call((engine) => engine.tagDocument(request, onProgress, signal)),
      openModel: (modelId) => call((engine) => engine.openModel(modelId)),
      ping: () => call((engine) => engine.ping()),
    };
  }

  private emit(event: EngineClientEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
