/**
 * Downloads one catalog file and returns its bytes only once their length and SHA-256 match the catalog.
 * A body that ends early resumes with `Range: bytes=N-`; failed requests retry with exponential backoff;
 * a digest mismatch discards everything and downloads once more before giving up.
 */
import { LexletError, isAbortError } from '../errors';
import { delay, raceAbort, throwIfAborted } from './abortable';
import { sha256Hex } from './sha256';

export interface RetryPolicy {
  /** Requests in a row that may fail without receiving a byte before the download gives up. */
  attempts: number;
  /** Wait before the first retry; doubles on each further one. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500 };

export interface FileDownload {
  url: string;
  /** How messages name the file, e.g. "opus-mt-en-es/onnx/encoder_model.onnx". */
  label: string;
  size: number;
  sha256: string;
  fetch: typeof fetch;
  signal?: AbortSignal;
  retry?: RetryPolicy;
  /** Called as bytes arrive: `held` bytes of the file are in hand (it drops to 0 when a download restarts). */
  onBytes?: (held: number, arrived: number) => void;
  onRetry?: (attempt: number, delayMs: number, reason: string) => void;
}

/** A failure worth another request: dropped connection, short body, 5xx, 408 or 429. */
class TransientError extends Error {
  constructor(
    message: string,
    readonly truncated = false,
  ) {
    super(message);
  }
}

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node's fetch hides the useful part ("ECONNRESET") in the cause.
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

/** First byte offset of a Content-Range header ("bytes 100-999/1000"), or null when absent or unreadable. */
function rangeStart(response: Response): number | null {
  const match = /^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '');
  return match ? Number(match[1]) : null;
}

interface Received {
  bytes: Uint8Array;
  /** Requests made, counting from the first of this download. */
  requests: number;
  /** The server sent more than the catalog size; the extra bytes were not kept. */
  oversize: boolean;
}

async function receive(job: FileDownload, firstRequest: number): Promise<Received> {
  const { url, label, size, signal } = job;
  const { attempts, baseDelayMs } = job.retry ?? DEFAULT_RETRY;
  // A plain call: browsers reject fetch invoked as a method of another object.
  const fetchImpl = job.fetch;
  const buffer = new Uint8Array(size);
  let held = 0;
  let failures = 0;

  for (let request = firstRequest; ; request++) {
    throwIfAborted(signal);
    const resumedFrom = held;
    try {
      const headers: Record<string, string> = held > 0 ? { Range: `bytes=${held}-` } : {};
      // no-store: the bytes go to our own cache, and a re-fetch after a bad digest must reach the server.
      const response = await raceAbort(fetchImpl(url, { headers, signal, cache: 'no-store' }), signal);
      const resumes = held > 0 && response.status === 206 && (rangeStart(response) ?? held) === held;
      if (held > 0 && (response.status === 416 || (response.status === 206 && !resumes))) {
        // A range we cannot use: drop what we hold and start over.
        void response.body?.cancel().catch(() => undefined);
        held = 0;
        job.onBytes?.(0, 0);
        throw new TransientError(`the server could not resume (HTTP ${response.status})`);
      }
      if (!response.ok) {
        void response.body?.cancel().catch(() => undefined);
        const problem = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
        if (RETRYABLE_STATUS.has(response.status)) throw new TransientError(problem);
        throw new LexletError('network', `Could not download ${label}: ${problem} from ${url}`);
      }
      if (held > 0 && !resumes) {
        // The server ignored the Range header and sent the whole file: start over.
        held = 0;
        job.onBytes?.(0, 0);
      }
      const reader = response.body?.getReader();
      let finished = false;
      try {
        while (true) {
          const chunk = reader
            ? await raceAbort(reader.read(), signal)
            : await raceAbort(
                response
                  .arrayBuffer()
                  .then((body) => ({ done: false as const, value: new Uint8Array(body) })),
                signal,
              );
          if (chunk.done) break;
          if (held + chunk.value.byteLength > size) {
            buffer.set(chunk.value.subarray(0, size - held), held);
            return { bytes: buffer, oversize: true, requests: request };
          }
          buffer.set(chunk.value, held);
          held += chunk.value.byteLength;
          job.onBytes?.(held, chunk.value.byteLength);
          if (!reader) break;
        }
        finished = true;
      } finally {
        if (!finished) void reader?.cancel().catch(() => undefined);
      }
      if (held === size) return { bytes: buffer, oversize: false, requests: request };
      throw new TransientError(`the connection closed after ${held} of ${size} bytes`, true);
    } catch (error) {
      if (signal?.aborted || isAbortError(error)) {
        throw new LexletError('aborted', 'Cancelled.', { cause: error });
      }
      if (error instanceof LexletError) throw error;
      const reason = describe(error);
      // Progress resets the count: a flaky link that keeps delivering should keep resuming.
      failures = held > resumedFrom ? 0 : failures + 1;
      if (failures >= attempts) {
        const truncated = error instanceof TransientError && error.truncated;
        throw new LexletError(
          truncated ? 'truncated' : 'network',
          `Could not download ${label} after ${attempts} attempts: ${reason}`,
          { cause: error },
        );
      }
      const delayMs = failures === 0 ? 0 : baseDelayMs * 2 ** (failures - 1);
      const next = held > 0 ? `; resuming at byte ${held}` : '';
      job.onRetry?.(request + 1, delayMs, `${reason}${next}`);
      await delay(delayMs, signal);
    }
  }
}

/** Bytes of the file, verified against the catalog's size and SHA-256. */
export async function fetchVerifiedFile(job: FileDownload): Promise<Uint8Array> {
  let problem = '';
  let requests = 0;
  for (let round = 1; round <= 2; round++) {
    if (round === 2) job.onRetry?.(requests + 1, 0, `${problem}; downloading again`);
    const received = await receive(job, requests + 1);
    requests = received.requests;
    if (received.oversize) {
      problem = `the server sent more than the expected ${job.size} bytes`;
      continue;
    }
    const actual = await sha256Hex(received.bytes);
    if (actual === job.sha256) return received.bytes;
    problem = `SHA-256 is ${actual}, expected ${job.sha256}`;
  }
  throw new LexletError('integrity', `${job.label} failed its integrity check twice: ${problem}.`);
}
