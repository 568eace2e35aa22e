/**
 * Test-only helpers: an in-process origin whose `fetch` serves byte arrays as streamed Responses, honours
 * `Range: bytes=N-` and HEAD, sends the validators it is told to, and misbehaves on request (short bodies,
 * broken streams, ignored ranges, errors).
 */
import { sha256Hex } from './sha256';

export type Fault =
  /** fetch() itself rejects, as on a refused connection. */
  | { kind: 'refuse' }
  /** The body ends cleanly after `at` bytes of this response. */
  | { kind: 'truncate'; at: number }
  /** The body stream errors after `at` bytes of this response. */
  | { kind: 'break'; at: number }
  /** Answers with this status and no useful body. */
  | { kind: 'status'; status: number }
  /** Sends the whole file with 200 whatever the Range header says. */
  | { kind: 'ignore-range' }
  /** Sends 206 with a Content-Range that starts at `start` instead of the requested offset. */
  | { kind: 'wrong-range'; start: number }
  /** Sends these bytes instead of the file. */
  | { kind: 'replace'; bytes: Uint8Array }
  /** Headers arrive, then the body never delivers a byte. */
  | { kind: 'stall' };

export interface RecordedRequest {
  method: string;
  url: string;
  range: string | null;
}

/** How the origin answers for one file, beyond its bytes. */
export interface ServeOptions {
  /** Sent as ETag (quote it yourself, as servers do). */
  etag?: string;
  /** Sent as X-Linked-ETag, as Hugging Face does for LFS files. */
  linkedEtag?: string;
  lastModified?: string;
  /** False: no Content-Length (a chunked body), so only the end of the stream tells the size. */
  contentLength?: boolean;
  /** False: HEAD is refused with 405. */
  head?: boolean;
}

/** Deterministic pseudo-random bytes, so files are not trivially periodic. */
export function testBytes(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

export async function describeFile(path: string, bytes: Uint8Array) {
  return { path, size: bytes.byteLength, sha256: await sha256Hex(bytes) };
}

function chunkedStream(
  bytes: Uint8Array,
  chunkSize: number,
  stopAt: number,
  ending: 'close' | 'error' | 'stall',
) {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= stopAt) {
        if (ending === 'stall') return new Promise<void>(() => undefined);
        if (ending === 'error') controller.error(new TypeError('network connection lost'));
        else controller.close();
        return;
      }
      const end = Math.min(offset + chunkSize, stopAt);
      controller.enqueue(bytes.slice(offset, end));
      offset = end;
    },
  });
}

export class FakeOrigin {
  readonly requests: RecordedRequest[] = [];
  private readonly files = new Map<string, { bytes: Uint8Array; options: ServeOptions }>();
  private readonly faults: Fault[] = [];
  private readonly faultsByUrl = new Map<string, Fault[]>();

  constructor(private readonly chunkSize = 1000) {}

  /** Serves `bytes` at `url` from now on (serving again replaces the file, as a new upload would). */
  serve(url: string, bytes: Uint8Array, options: ServeOptions = {}): this {
    this.files.set(url, { bytes, options });
    return this;
  }

  /** Faults applied to the next requests, one each, in order. */
  failNext(...faults: Fault[]): this {
    this.faults.push(...faults);
    return this;
  }

  /** Faults applied to the next requests for `url`, before any from failNext. */
  failOn(url: string, ...faults: Fault[]): this {
    this.faultsByUrl.set(url, [...(this.faultsByUrl.get(url) ?? []), ...faults]);
    return this;
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const range = new Headers(init?.headers).get('range');
    const method = init?.method ?? 'GET';
    this.requests.push({ method, url, range });
    if (init?.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const served = this.files.get(url);
    const options = served?.options ?? {};
    if (method === 'HEAD') {
      if (!served) return new Response(null, { status: 404 });
      if (options.head === false) return new Response(null, { status: 405 });
      const headers = this.validators(options);
      if (options.contentLength !== false) headers['content-length'] = String(served.bytes.length);
      return new Response(null, { status: 200, headers });
    }
    const fault = this.faultsByUrl.get(url)?.shift() ?? this.faults.shift();
    if (fault?.kind === 'refuse')
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    if (fault?.kind === 'status') return new Response('unavailable', { status: fault.status });
    const file = fault?.kind === 'replace' ? fault.bytes : served?.bytes;
    if (!file) return new Response('not found', { status: 404, statusText: 'Not Found' });

    const match = /^bytes=(\d+)-$/.exec(range ?? '');
    const honourRange = match !== null && fault?.kind !== 'ignore-range';
    const start = honourRange ? (fault?.kind === 'wrong-range' ? fault.start : Number(match[1])) : 0;
    const body = file.subarray(start);
    const stopAt =
      fault?.kind === 'truncate' || fault?.kind === 'break' ? Math.min(fault.at, body.length) : body.length;
    const ending = fault?.kind === 'break' ? 'error' : fault?.kind === 'stall' ? 'stall' : 'close';
    const headers: Record<string, string> = this.validators(options);
    if (options.contentLength !== false) headers['content-length'] = String(body.length);
    if (honourRange) headers['content-range'] = `bytes ${start}-${file.length - 1}/${file.length}`;
    const stream = chunkedStream(body, this.chunkSize, fault?.kind === 'stall' ? 0 : stopAt, ending);
    return new Response(stream, { status: honourRange ? 206 : 200, headers });
  };

  private validators(options: ServeOptions): Record<string, string> {
    const headers: Record<string, string> = {};
    if (options.etag) headers.etag = options.etag;
    if (options.linkedEtag) headers['x-linked-etag'] = options.linkedEtag;
    if (options.lastModified) headers['last-modified'] = options.lastModified;
    return headers;
  }
}
