import { LexletError, abortError, isAbortError } from '../errors';

/** Throws LexletError('aborted') when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/**
 * Settles with `promise` or rejects with LexletError('aborted') as soon as the signal fires, whichever comes
 * first; a stalled stream or a fetch that ignores its signal cannot hold up cancellation.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(abortError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted || isAbortError(error) ? toAbortError(error) : error);
      },
    );
  });
}

function toAbortError(error: unknown): LexletError {
  return error instanceof LexletError && error.code === 'aborted'
    ? error
    : new LexletError('aborted', 'Cancelled.', { cause: error });
}

/** Waits `ms`, or rejects with LexletError('aborted') at once when the signal fires. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return raceAbort(waited, signal).finally(() => clearTimeout(timer));
}
