/**
 * Downloads one catalog file and returns its bytes only once their length and SHA-256 match what is expected.
 * A body that ends early resumes with `Range: bytes=N-`; failed requests retry with exponential backoff;
 * a digest mismatch discards everything and downloads once more before giving up.
 *
 * Unpinned files (a remote model whose catalog leaves size or SHA-256 out) take what the catalog does not say
 * from the response: the size from Content-Range or Content-Length, the digest from a SHA-256 ETag when the host
 * sends one and CORS lets us read it. Without such an ETag the digest of what arrived is returned for the caller
 * to record. Such a transfer resumes only when its size is known and the server names the version it sends (an
 * ETag or Last-Modified that must stay the same); otherwise it starts over, so two versions are never spliced.
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
  /** Exact size, or null to take it from the response. */
  size: number | null;
  /** Expected SHA-256, or null to check a SHA-256 ETag if there is one and else accept what arrives. */
  sha256: string | null;
  fetch: typeof fetch;
  signal?: AbortSignal;
  retry?: RetryPolicy;
  /** Called as bytes arrive: `held` bytes of the file are in hand (it drops to 0 when a download restarts). */
  onBytes?: (held: number, arrived: number) => void;
  /**
   * For an unpinned size: called when a response tells the file's size, and with null when the told size proves
   * wrong (a compressed body is longer than its Content-Length).
   */
  onSize?: (size: number | null) => void;
  onRetry?: (attempt: number, delayMs: number, reason: string) => void;
}

export interface FetchedFile {
  bytes: Uint8Array;
  /** SHA-256 of `bytes`. */
  sha256: string;
  /** What the digest was checked against; null when nothing vouched for it (trust on first use). */
  checkedAgainst: 'catalog' | 'etag' | null;
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

/** Complete length from a Content-Range header ("bytes 100-999/1000" → 1000), or null when absent or "*". */
function rangeTotal(response: Response): number | null {
  const match = /^bytes (?:\d+-\d+|\*)\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
  return match ? Number(match[1]) : null;
}

function contentLength(response: Response): number | null {
  const header = response.headers.get('content-length');
  const length = header === null || !/^\d+$/.test(header.trim()) ? NaN : Number(header);
  return Number.isSafeInteger(length) ? length : null;
}

/**
 * The SHA-256 the host vouches for: Hugging Face sends an LFS file's digest as X-Linked-ETag, and as the ETag of
 * a response it serves itself. After a redirect the ETag is the CDN's own and may be anything, so it only counts
 * when the response was not redirected. Weak ETags make no byte-exact claim and never count.
 */
export function etagSha256(response: Response): string | null {
  const candidates = [response.headers.get('x-linked-etag')];
  if (!response.redirected) candidates.push(response.headers.get('etag'));
  for (const value of candidates) {
    const match = /^"?([0-9a-fA-F]{64})"?$/.exec(value?.trim() ?? '');
    if (match?.[1]) return match[1].toLowerCase();
  }
  return null;
}

/** What names the version a response carries: a strong ETag, else Last-Modified, else null. */
function validatorOf(response: Response): string | null {
  const etag = response.headers.get('etag');
  if (etag && !etag.startsWith('W/')) return `etag ${etag}`;
  const modified = response.headers.get('last-modified');
  return modified ? `modified ${modified}` : null;
}

/**
 * Size from a HEAD request, so progress and the room check know an unpinned file's size before its transfer
 * starts. Best effort: null when the host refuses HEAD, hides the length or cannot be reached.
 */
export async function probeSize(
  url: string,
  fetchImpl: typeof fetch,
  signal?: AbortSignal,
): Promise<number | null> {
  try {
    const response = await raceAbort(fetchImpl(url, { method: 'HEAD', signal, cache: 'no-store' }), signal);
    void response.body?.cancel().catch(() => undefined);
    return response.ok ? contentLength(response) : null;
  } catch (error) {
    if (signal?.aborted || isAbortError(error))
      throw new LexletError('aborted', 'Cancelled.', { cause: error });
    return null;
  }
}

/** Bytes of one transfer: a fixed buffer when the size is known, a growing one otherwise. */
class ByteSink {
  private buffer: Uint8Array;
  length = 0;

  constructor(private readonly fixed: number | null) {
    this.buffer = new Uint8Array(fixed ?? 64 * 1024);
  }

  /** Room for `size` bytes in all (a hint from Content-Length); a fixed sink keeps its size. */
  reserve(size: number): void {
    if (this.fixed === null && size > this.buffer.length) this.grow(size);
  }

  append(chunk: Uint8Array): void {
    const end = this.length + chunk.byteLength;
    if (end > this.buffer.length) this.grow(Math.max(end, this.buffer.length * 2));
    this.buffer.set(chunk, this.length);
    this.length = end;
  }

  reset(): void {
    this.length = 0;
  }

  bytes(): Uint8Array {
    return this.length === this.buffer.length ? this.buffer : this.buffer.slice(0, this.length);
  }

  private grow(capacity: number): void {
    const next = new Uint8Array(capacity);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}

interface Received {
  bytes: Uint8Array;
  /** Requests made, counting from the first of this download. */
  requests: number;
  /** The server sent more than `expected` bytes; the extra bytes were not kept. */
  oversize: boolean;
  expected: number | null;
  /** The SHA-256 the host vouched for in the response that started the bytes, if any. */
  etagSha256: string | null;
}

async function receive(job: FileDownload, firstRequest: number): Promise<Received> {
  const { url, label, signal } = job;
  const { attempts, baseDelayMs } = job.retry ?? DEFAULT_RETRY;
  // A plain call: browsers reject fetch invoked as a method of another object.
  const fetchImpl = job.fetch;
  const sink = new ByteSink(job.size);
  /** The size this transfer must reach; learned from the response when the catalog does not pin it. */
  let expected = job.size;
  /** `expected` came from a Content-Length, which counts encoded bytes when the body is compressed. */
  let expectedIsHint = false;
  let validator: string | null = null;
  let vouched: string | null = null;
  let furthest = 0;
  let failures = 0;

  const restart = () => {
    sink.reset();
    job.onBytes?.(0, 0);
  };
  // Splicing onto a held prefix needs a known size and proof that both halves are one version: the catalog's
  // digest (checked at the end) or a validator the resumed response must repeat.
  const resumable = () => sink.length > 0 && expected !== null && (job.sha256 !== null || validator !== null);

  for (let request = firstRequest; ; request++) {
    throwIfAborted(signal);
    const furthestBefore = furthest;
    try {
      if (sink.length > 0 && !resumable()) restart();
      const held = sink.length;
      const headers: Record<string, string> = held > 0 ? { Range: `bytes=${held}-` } : {};
      // no-store: the bytes go to our own cache, and a re-fetch after a bad digest must reach the server.
      const response = await raceAbort(fetchImpl(url, { headers, signal, cache: 'no-store' }), signal);
      if (held > 0 && response.status === 206) {
        const total = rangeTotal(response);
        const version = validatorOf(response);
        const resumes =
          (rangeStart(response) ?? held) === held &&
          (total === null || expected === null || total === expected) &&
          (validator === null || version === validator);
        if (!resumes) {
          // A range of something else (another offset, another version): drop what we hold and start over.
          void response.body?.cancel().catch(() => undefined);
          restart();
          throw new TransientError('the server could not resume (HTTP 206 for another range or version)');
        }
      } else if (held > 0 && response.status === 416) {
        void response.body?.cancel().catch(() => undefined);
        restart();
        throw new TransientError('the server could not resume (HTTP 416)');
      }
      if (!response.ok) {
        void response.body?.cancel().catch(() => undefined);
        const problem = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
        if (RETRYABLE_STATUS.has(response.status)) throw new TransientError(problem);
        throw new LexletError('network', `Could not download ${label}: ${problem} from ${url}`);
      }
      // The server ignored the Range header and sent the whole file: start over.
      if (held > 0 && response.status !== 206) restart();
      if (sink.length === 0) {
        // The response that starts the bytes decides which version of the file they are.
        validator = validatorOf(response);
        vouched = etagSha256(response);
        if (job.size === null) {
          const told = response.status === 206 ? rangeTotal(response) : contentLength(response);
          expected = told;
          expectedIsHint = response.status !== 206 && told !== null;
          if (told !== null) sink.reserve(told);
          job.onSize?.(told);
        }
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
          if (expected !== null && sink.length + chunk.value.byteLength > expected) {
            if (!expectedIsHint) {
              return {
                bytes: sink.bytes(),
                oversize: true,
                expected,
                requests: request,
                etagSha256: vouched,
              };
            }
            // More bytes than Content-Length: the body was compressed and the header counted encoded bytes.
            expected = null;
            expectedIsHint = false;
            job.onSize?.(null);
          }
          sink.append(chunk.value);
          furthest = Math.max(furthest, sink.length);
          job.onBytes?.(sink.length, chunk.value.byteLength);
          if (!reader) break;
        }
        finished = true;
      } finally {
        if (!finished) void reader?.cancel().catch(() => undefined);
      }
      // Without a known size a clean end is the end; the transport reports a connection that broke.
      if (expected === null || sink.length === expected) {
        return { bytes: sink.bytes(), oversize: false, expected, requests: request, etagSha256: vouched };
      }
      throw new TransientError(`the connection closed after ${sink.length} of ${expected} bytes`, true);
    } catch (error) {
      if (signal?.aborted || isAbortError(error)) {
        throw new LexletError('aborted', 'Cancelled.', { cause: error });
      }
      if (error instanceof LexletError) throw error;
      const reason = describe(error);
      // Getting further than ever before resets the count: a flaky link that keeps delivering should keep going.
      failures = furthest > furthestBefore ? 0 : failures + 1;
      if (failures >= attempts) {
        const truncated = error instanceof TransientError && error.truncated;
        // fetch itself failing, with not one byte ever received, means the host never answered.
        const unreachable = !(error instanceof TransientError) && furthest === 0;
        throw new LexletError(
          truncated ? 'truncated' : unreachable ? 'unreachable' : 'network',
          `Could not download ${label} after ${attempts} attempts: ${reason}`,
          { cause: error },
        );
      }
      const delayMs = failures === 0 ? 0 : baseDelayMs * 2 ** (failures - 1);
      const next =
        sink.length === 0 ? '' : resumable() ? `; resuming at byte ${sink.length}` : '; starting over';
      job.onRetry?.(request + 1, delayMs, `${reason}${next}`);
      await delay(delayMs, signal);
    }
  }
}

/**
 * Bytes of the file with their SHA-256, checked against the expected digest: the catalog's, else a SHA-256 ETag
 * from the host; with neither, the digest is returned unchecked for the caller to record.
 */
export async function fetchFile(job: FileDownload): Promise<FetchedFile> {
  let problem = '';
  let requests = 0;
  for (let round = 1; round <= 2; round++) {
    if (round === 2) job.onRetry?.(requests + 1, 0, `${problem}; downloading again`);
    const received = await receive(job, requests + 1);
    requests = received.requests;
    if (received.oversize) {
      problem = `the server sent more than the expected ${received.expected} bytes`;
      continue;
    }
    const actual = await sha256Hex(received.bytes);
    const expected = job.sha256 ?? received.etagSha256;
    const checkedAgainst = job.sha256 !== null ? 'catalog' : received.etagSha256 !== null ? 'etag' : null;
    if (expected === null || actual === expected) {
      return { bytes: received.bytes, sha256: actual, checkedAgainst };
    }
    const source = checkedAgainst === 'etag' ? ' (from the server’s ETag)' : '';
    problem = `SHA-256 is ${actual}, expected ${expected}${source}`;
  }
  throw new LexletError('integrity', `${job.label} failed its integrity check twice: ${problem}.`);
}

/** Bytes of the file, verified against the catalog's size and SHA-256 (or learned as fetchFile describes). */
export async function fetchVerifiedFile(job: FileDownload): Promise<Uint8Array> {
  return (await fetchFile(job)).bytes;
}
