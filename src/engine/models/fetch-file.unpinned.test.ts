/** fetchFile on files the catalog does not pin: size and digest come from the host or are learned. */
import { describe, expect, it } from 'vitest';
import { LexletError } from '../errors';
import { etagSha256, fetchFile, probeSize, type FileDownload } from './fetch-file';
import { sha256Hex } from './sha256';
import { FakeOrigin, testBytes, type Fault, type ServeOptions } from './test-support';

const URL_ = 'https://huggingface.example/Xenova/m/resolve/main/onnx/encoder.onnx';
const FILE = testBytes(10_500, 11);
const OTHER_VERSION = testBytes(9_000, 12);

interface Run {
  origin: FakeOrigin;
  held: number[];
  sizes: (number | null)[];
  reasons: string[];
  job: FileDownload;
}

function setup(options: ServeOptions = {}, faults: Fault[] = [], overrides: Partial<FileDownload> = {}): Run {
  const origin = new FakeOrigin(1000).serve(URL_, FILE, options).failNext(...faults);
  const run: Run = { origin, held: [], sizes: [], reasons: [], job: undefined as unknown as FileDownload };
  run.job = {
    url: URL_,
    label: 'm/onnx/encoder.onnx',
    size: null,
    sha256: null,
    fetch: origin.fetch,
    retry: { attempts: 3, baseDelayMs: 1 },
    onBytes: (held) => run.held.push(held),
    onSize: (size) => run.sizes.push(size),
    onRetry: (_attempt, _delayMs, reason) => run.reasons.push(reason),
    ...overrides,
  };
  return run;
}

function ranges(origin: FakeOrigin): (string | null)[] {
  return origin.requests.map((request) => request.range);
}

async function failure(promise: Promise<unknown>): Promise<LexletError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LexletError);
  return error as LexletError;
}

describe('fetchFile without a pinned size or digest', () => {
  it('takes the size from Content-Length and returns the digest for the caller to record', async () => {
    const { job, held, sizes } = setup();
    const fetched = await fetchFile(job);
    expect(fetched.bytes).toEqual(FILE);
    expect(fetched).toMatchObject({ sha256: await sha256Hex(FILE), checkedAgainst: null });
    expect(sizes).toEqual([FILE.byteLength]);
    expect([...held].sort((a, b) => a - b)).toEqual(held);
    expect(held.at(-1)).toBe(FILE.byteLength);
  });

  it('takes the size from the end of the stream when no Content-Length comes', async () => {
    const { job, sizes } = setup({ contentLength: false });
    const fetched = await fetchFile(job);
    expect(fetched.bytes).toEqual(FILE);
    expect(sizes).toEqual([null]);
  });

  it('accepts a compressed body longer than its Content-Length, whose header counted encoded bytes', async () => {
    const sizes: (number | null)[] = [];
    const compressedLength = 4_000;
    const fetched = await fetchFile({
      url: URL_,
      label: 'm/tokenizer.json',
      size: null,
      sha256: null,
      fetch: async () =>
        new Response(FILE.slice(), { headers: { 'content-length': String(compressedLength) } }),
      onSize: (size) => sizes.push(size),
    });
    expect(fetched.bytes).toEqual(FILE);
    expect(sizes).toEqual([compressedLength, null]);
  });

  it('checks the bytes against a SHA-256 ETag and fails clearly when they differ', async () => {
    const etag = `"${await sha256Hex(FILE)}"`;
    expect(await fetchFile(setup({ etag }).job)).toMatchObject({ checkedAgainst: 'etag' });

    const corrupt = FILE.slice();
    corrupt[99] = (corrupt[99] ?? 0) ^ 1;
    const bad = setup({ etag }, [
      { kind: 'replace', bytes: corrupt },
      { kind: 'replace', bytes: corrupt },
    ]);
    const error = await failure(fetchFile(bad.job));
    expect(error.code).toBe('integrity');
    expect(error.message).toContain('(from the server’s ETag)');
    expect(bad.origin.requests).toHaveLength(2);
  });

  it('reads the digest from X-Linked-ETag but not from weak, short or redirected ETags', async () => {
    const sha = await sha256Hex(FILE);
    const response = (headers: Record<string, string>, redirected = false) => {
      const answer = new Response(null, { headers });
      Object.defineProperty(answer, 'redirected', { value: redirected });
      return answer;
    };
    expect(etagSha256(response({ 'x-linked-etag': `"${sha.toUpperCase()}"` }))).toBe(sha);
    expect(etagSha256(response({ etag: `"${sha}"` }))).toBe(sha);
    expect(etagSha256(response({ 'x-linked-etag': sha }, true))).toBe(sha);
    expect(etagSha256(response({ etag: `"${sha}"` }, true))).toBeNull();
    expect(etagSha256(response({ etag: `W/"${sha}"` }))).toBeNull();
    expect(etagSha256(response({ etag: `"${'a'.repeat(40)}"` }))).toBeNull();
    expect(await fetchFile(setup({ linkedEtag: sha }).job)).toMatchObject({ checkedAgainst: 'etag' });
  });

  it.each<[string, ServeOptions]>([
    ['an ETag', { etag: '"v1"' }],
    ['Last-Modified', { lastModified: 'Tue, 01 Jul 2025 10:00:00 GMT' }],
  ])('resumes when %s names the version', async (_name, options) => {
    const { job, origin, reasons } = setup(options, [{ kind: 'truncate', at: 4000 }]);
    expect((await fetchFile(job)).bytes).toEqual(FILE);
    expect(ranges(origin)).toEqual([null, 'bytes=4000-']);
    expect(reasons[0]).toContain('resuming at byte 4000');
  });

  it('starts over instead of resuming when the server names no version', async () => {
    const { job, origin, held, reasons } = setup({}, [{ kind: 'truncate', at: 4000 }]);
    expect((await fetchFile(job)).bytes).toEqual(FILE);
    expect(ranges(origin)).toEqual([null, null]);
    expect(reasons[0]).toContain('starting over');
    expect(held).toContain(0);
  });

  it('never resumes a file whose size is unknown', async () => {
    const { job, origin } = setup({ etag: '"v1"', contentLength: false }, [{ kind: 'break', at: 3000 }]);
    expect((await fetchFile(job)).bytes).toEqual(FILE);
    expect(ranges(origin)).toEqual([null, null]);
  });

  it('starts over when the resumed response is another version, and keeps that version whole', async () => {
    const run = setup({ etag: '"v1"' }, [{ kind: 'truncate', at: 4000 }]);
    const fetched = await fetchFile({
      ...run.job,
      onRetry: (_attempt, _delayMs, reason) => {
        run.reasons.push(reason);
        // A new upload lands between the cut and the resume.
        run.origin.serve(URL_, OTHER_VERSION, { etag: '"v2"' });
      },
    });
    expect(fetched.bytes).toEqual(OTHER_VERSION);
    expect(ranges(run.origin)).toEqual([null, 'bytes=4000-', null]);
    expect(run.reasons[1]).toContain('could not resume');
    expect(run.sizes).toEqual([FILE.byteLength, OTHER_VERSION.byteLength]);
  });

  it('still enforces a pinned size when only the digest is left out', async () => {
    const longer = testBytes(FILE.byteLength + 5, 3);
    const { job } = setup({}, [
      { kind: 'replace', bytes: longer },
      { kind: 'replace', bytes: longer },
    ]);
    const error = await failure(fetchFile({ ...job, size: FILE.byteLength }));
    expect(error.message).toContain(`more than the expected ${FILE.byteLength} bytes`);
  });
});

describe('probeSize', () => {
  it('reads the size from a HEAD request', async () => {
    const { origin } = setup();
    expect(await probeSize(URL_, origin.fetch)).toBe(FILE.byteLength);
    expect(origin.requests).toEqual([{ method: 'HEAD', url: URL_, range: null }]);
  });

  it('returns null when the host refuses HEAD, hides the length or cannot be reached', async () => {
    expect(await probeSize(URL_, setup({ head: false }).origin.fetch)).toBeNull();
    expect(await probeSize(URL_, setup({ contentLength: false }).origin.fetch)).toBeNull();
    const offline: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await probeSize(URL_, offline)).toBeNull();
  });

  it('passes a cancellation on', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(probeSize(URL_, setup().origin.fetch, controller.signal));
    expect(error.code).toBe('aborted');
  });
});
