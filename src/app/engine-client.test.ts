import * as Comlink from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineApi } from '../engine/api';
import { LexletError } from '../engine/errors';
import type { TranslateResult } from '../engine/types';
import { EngineClient, RESTARTED_MESSAGE, type EngineClientEvent, type WorkerLike } from './engine-client';

interface FakeWorker extends WorkerLike {
  crash(message: string): void;
  terminated: boolean;
}

/** A "worker" that is one end of a MessageChannel, with the engine exposed on the other end. */
function fakeWorker(api: Partial<EngineApi>): FakeWorker {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(api, port1);
  const errors = new EventTarget();
  const worker: FakeWorker = {
    terminated: false,
    postMessage: (message: unknown, transfer?: Transferable[]) => port2.postMessage(message, transfer ?? []),
    start: () => port2.start(),
    addEventListener: (type: string, listener: EventListenerOrEventListenerObject) =>
      type === 'message' ? port2.addEventListener(type, listener) : errors.addEventListener(type, listener),
    removeEventListener: (type: string, listener: EventListenerOrEventListenerObject) =>
      type === 'message'
        ? port2.removeEventListener(type, listener)
        : errors.removeEventListener(type, listener),
    terminate() {
      worker.terminated = true;
      port1.close();
      port2.close();
    },
    crash(message) {
      errors.dispatchEvent(Object.assign(new Event('error'), { message }));
    },
  };
  return worker;
}

const result: TranslateResult = { text: 'hola', tokens: 2, seconds: 0.1, backend: 'wasm' };
const clients: EngineClient[] = [];

function makeClient(
  apis: Partial<EngineApi>[],
  options: { pingTimeoutMs?: number; maxRestarts?: number } = {},
) {
  const workers: FakeWorker[] = [];
  const prepare = vi.fn(async (engine: EngineApi) => {
    await engine.ping();
  });
  const client = new EngineClient({
    createWorker: () => {
      const worker = fakeWorker(apis[Math.min(workers.length, apis.length - 1)] ?? {});
      workers.push(worker);
      return worker;
    },
    prepare,
    pingIntervalMs: 20,
    pingTimeoutMs: options.pingTimeoutMs ?? 100,
    maxRestarts: options.maxRestarts ?? 3,
  });
  clients.push(client);
  const events: EngineClientEvent[] = [];
  client.onEvent((event) => events.push(event));
  return { client, workers, prepare, events };
}

const healthy = (): Partial<EngineApi> => ({
  ping: async () => Date.now(),
  translate: async (_request, onEvent) => {
    // As the engine worker does: the page has taken the events before the result is sent.
    await onEvent({ type: 'token', segment: 0, text: 'ho' });
    return result;
  },
});

const hanging = (): Partial<EngineApi> => ({
  ping: () => new Promise<number>(() => {}),
  translate: () => new Promise<TranslateResult>(() => {}),
});

afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
});

describe('EngineClient', () => {
  it('prepares the worker, then forwards calls and callbacks', async () => {
    const { client, prepare } = makeClient([healthy()]);
    const onEvent = vi.fn();
    await expect(client.engine.translate({ modelId: 'm', text: 'hello' }, onEvent)).resolves.toEqual(result);
    expect(prepare).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(onEvent).toHaveBeenCalledWith({ type: 'token', segment: 0, text: 'ho' }));
  });

  it('drops progress that arrives after the call has settled', async () => {
    const late: Partial<EngineApi> = {
      ping: async () => Date.now(),
      translate: async (_request, onEvent) => {
        setTimeout(() => onEvent({ type: 'token', segment: 0, text: 'stale' }), 20);
        return result;
      },
    };
    const { client } = makeClient([late]);
    const onEvent = vi.fn();
    await expect(client.engine.translate({ modelId: 'm', text: 'hello' }, onEvent)).resolves.toEqual(result);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('restarts a hung worker and fails the call in flight with a clear message', async () => {
    // The first worker answers the prepare ping, then hangs for good.
    let pings = 0;
    const hangsAfterPrepare: Partial<EngineApi> = {
      ping: () => (pings++ === 0 ? Promise.resolve(1) : new Promise<number>(() => {})),
      translate: () => new Promise<TranslateResult>(() => {}),
    };
    const { client, workers, prepare, events } = makeClient([hangsAfterPrepare, healthy()]);
    const inFlight = client.engine.translate({ modelId: 'm', text: 'hello' }, () => {});
    const error = await inFlight.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LexletError);
    expect((error as Error).message).toContain(RESTARTED_MESSAGE);
    expect(workers[0]?.terminated).toBe(true);
    expect(events.map((event) => event.type)).toContain('restarted');
    await expect(client.engine.translate({ modelId: 'm', text: 'hello' }, () => {})).resolves.toEqual(result);
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it('restarts a worker that reports an error event', async () => {
    const { client, workers, events } = makeClient([healthy()], { pingTimeoutMs: 10_000 });
    await client.engine.ping();
    workers[0]?.crash('boom');
    expect(events.filter((event) => event.type !== 'ready')).toEqual([
      { type: 'restarted', reason: 'worker error: boom' },
    ]);
    expect(workers).toHaveLength(2);
    await expect(client.engine.ping()).resolves.toBeTypeOf('number');
  });

  it('gives up after too many restarts and says so', async () => {
    const { client, events } = makeClient([hanging()], { pingTimeoutMs: 30, maxRestarts: 2 });
    await vi.waitFor(() => expect(events.some((event) => event.type === 'failed')).toBe(true), {
      timeout: 3000,
    });
    await expect(client.engine.ping()).rejects.toThrow(/could not be started/);
  });
});
