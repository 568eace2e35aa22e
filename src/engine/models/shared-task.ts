/**
 * One running task per key, joined by any number of callers. Each caller gets its own events and its own
 * cancellation: a caller that aborts leaves at once, and the work stops only when every caller has left.
 */
import { abortError } from '../errors';

type Listener<E> = (event: E) => void;

interface Entry<T, E> {
  promise: Promise<T>;
  controller: AbortController;
  listeners: Set<Listener<E>>;
  callers: number;
}

export type TaskStart<T, E> = (emit: Listener<E>, signal: AbortSignal) => Promise<T>;

export class SharedTasks<T, E> {
  private readonly running = new Map<string, Entry<T, E>>();

  has(key: string): boolean {
    return this.running.has(key);
  }

  /** Joins the task under `key`, starting it when none runs. */
  join(key: string, start: TaskStart<T, E>, listener?: Listener<E>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError());
    const entry = this.running.get(key) ?? this.start(key, start);
    entry.callers++;
    if (listener) entry.listeners.add(listener);
    return new Promise<T>((resolve, reject) => {
      let left = false;
      const leave = () => {
        if (left) return false;
        left = true;
        entry.callers--;
        if (listener) entry.listeners.delete(listener);
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        if (entry.callers === 0) entry.controller.abort();
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (value) => leave() && resolve(value),
        (error: unknown) => leave() && reject(error),
      );
    });
  }

  /** Stops the task under `key` for every caller; settles once the task has wound down. */
  async cancel(key: string): Promise<void> {
    const entry = this.running.get(key);
    if (!entry) return;
    entry.controller.abort();
    await entry.promise.catch(() => undefined);
  }

  private start(key: string, start: TaskStart<T, E>): Entry<T, E> {
    const controller = new AbortController();
    const listeners = new Set<Listener<E>>();
    const emit = (event: E) => {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // A listener that throws (say, a released UI callback) must not break the task for the others.
        }
      }
    };
    const promise = Promise.resolve().then(() => start(emit, controller.signal));
    const entry: Entry<T, E> = { promise, controller, listeners, callers: 0 };
    const forget = () => {
      if (this.running.get(key) === entry) this.running.delete(key);
    };
    // An abandoned task keeps winding down while a new caller starts afresh under the same key.
    controller.signal.addEventListener('abort', forget, { once: true });
    // Every caller may have left; the outcome is then nobody's concern.
    promise.then(forget, forget);
    this.running.set(key, entry);
    return entry;
  }
}
