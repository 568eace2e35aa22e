import { describe, expect, it } from 'vitest';
import { LexletError } from '../errors';
import { fetchVerifiedFile, type FileDownload } from './fetch-file';
import { sha256Hex } from './sha256';
import { FakeOrigin, testBytes, type Fault } from './test-support';

const URL_ = 'https://models.example/m/onnx/encoder.onnx';
const FILE = testBytes(10_500);

interface Run {
  origin: FakeOrigin;
  retries: { attempt: number; delayMs: number; reason: string }[];
  held: number[];
  job: FileDownload;
}

async function setup(faults: Fault[] = [], overrides: Partial<FileDownload> = {}): Promise<Run> {
  const origin = new FakeOrigin(1000).serve(URL_, FILE).failNext(...faults);
  const retries: Run['retries'] = [];
  const held: number[] = [];
  const job: FileDownload = {
    url: URL_,
    label: 'm/onnx/encoder.onnx',
    size: FILE.byteLength,
    sha256: await sha256Hex(FILE),
    fetch: origin.fetch,
    retry: { attempts: 4, baseDelayMs: 5 },
    onBytes: (bytes) => held.push(bytes),
    onRetry: (attempt, delayMs, reason) => retries.push({ attempt, delayMs, reason }),
    ...overrides,
  };
  return { origin, retries, held, job };
}

async function failure(promise: Promise<unknown>): Promise<LexletError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LexletError);
  return error as LexletError;
}

describe('fetchVerifiedFile', () => {
  it('streams the body, reports growing byte counts and returns verified bytes', async () => {
    const { origin, held, job } = await setup();
    const bytes = await fetchVerifiedFile(job);
    expect(bytes).toEqual(FILE);
    expect(origin.requests).toEqual([{ method: 'GET', url: URL_, range: null }]);
    expect(held.length).toBe(11);
    expect(held.at(-1)).toBe(FILE.byteLength);
    expect([...held].sort((a, b) => a - b)).toEqual(held);
  });

  it('resumes a truncated body with a Range request and assembles the right bytes', async () => {
    const { origin, retries, job } = await setup([{ kind: 'truncate', at: 4000 }]);
    expect(await fetchVerifiedFile(job)).toEqual(FILE);
    expect(origin.requests.map((request) => request.range)).toEqual([null, 'bytes=4000-']);
    // Bytes arrived before the cut, so the resume goes out at once.
    expect(retries).toEqual([
      {
        attempt: 2,
        delayMs: 0,
        reason: expect.stringContaining('closed after 4000 of 10500 bytes; resuming at byte 4000'),
      },
    ]);
  });

  it('resumes a body whose stream errors midway', async () => {
    const { origin, job } = await setup([
      { kind: 'break', at: 2500 },
      { kind: 'break', at: 3000 },
    ]);
    expect(await fetchVerifiedFile(job)).toEqual(FILE);
    expect(origin.requests.map((request) => request.range)).toEqual([null, 'bytes=2500-', 'bytes=5500-']);
  });

  it('starts over when the server ignores Range and answers 200', async () => {
    const { origin, held, job } = await setup([{ kind: 'truncate', at: 6000 }, { kind: 'ignore-range' }]);
    expect(await fetchVerifiedFile(job)).toEqual(FILE);
    expect(origin.requests.map((request) => request.range)).toEqual([null, 'bytes=6000-']);
    // The count went back to zero when the full body started again.
    expect(held).toContain(0);
    expect(held.at(-1)).toBe(FILE.byteLength);
  });

  it('starts over when a 206 starts somewhere else than asked', async () => {
    const { origin, job } = await setup([
      { kind: 'truncate', at: 3000 },
      { kind: 'wrong-range', start: 100 },
    ]);
    expect(await fetchVerifiedFile(job)).toEqual(FILE);
    expect(origin.requests.map((request) => request.range)).toEqual([null, 'bytes=3000-', null]);
  });

  it('retries network errors and 5xx with exponential backoff', async () => {
    const { origin, retries, job } = await setup([
      { kind: 'refuse' },
      { kind: 'status', status: 503 },
      { kind: 'refuse' },
    ]);
    expect(await fetchVerifiedFile(job)).toEqual(FILE);
    expect(origin.requests).toHaveLength(4);
    expect(retries.map(({ attempt, delayMs }) => [attempt, delayMs])).toEqual([
      [2, 5],
      [3, 10],
      [4, 20],
    ]);
    expect(retries[0]?.reason).toContain('ECONNREFUSED');
    expect(retries[1]?.reason).toContain('HTTP 503');
  });

  it('keeps a host that answers, if only with 503s, a network error rather than unreachable', async () => {
    const busy: Fault = { kind: 'status', status: 503 };
    const { job } = await setup([busy, busy, busy, busy]);
    const error = await failure(fetchVerifiedFile(job));
    expect(error.code).toBe('network');
    expect(error.message).toContain('HTTP 503');
  });

  it('gives up after the last attempt, calling a host that never answered unreachable', async () => {
    const refuse: Fault = { kind: 'refuse' };
    const { origin, job } = await setup([refuse, refuse, refuse, refuse]);
    const error = await failure(fetchVerifiedFile(job));
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain('Could not download m/onnx/encoder.onnx after 4 attempts');
    expect(origin.requests).toHaveLength(4);
  });

  it('calls a body that keeps stopping at the same byte truncated', async () => {
    const cut: Fault = { kind: 'truncate', at: 0 };
    const { job } = await setup([{ kind: 'truncate', at: 5000 }, cut, cut, cut, cut]);
    const error = await failure(fetchVerifiedFile(job));
    expect(error.code).toBe('truncated');
  });

  it('does not retry a 404', async () => {
    const { origin, job } = await setup([], { url: 'https://models.example/m/missing.onnx' });
    const error = await failure(fetchVerifiedFile(job));
    expect(error.code).toBe('network');
    expect(error.message).toContain('HTTP 404 Not Found from https://models.example/m/missing.onnx');
    expect(origin.requests).toHaveLength(1);
  });

  it('downloads again after a digest mismatch and succeeds once the server is fixed', async () => {
    const corrupt = FILE.slice();
    corrupt[1234] = (corrupt[1234] ?? 0) ^ 0xff;
    const { origin, retries, job } = await setup([{ kind: 'replace', bytes: corrupt }]);
    expect(await fetchVerifiedFile(job)).toEqual(FILE);
    expect(origin.requests).toHaveLength(2);
    expect(retries.at(-1)?.reason).toMatch(
      /SHA-256 is [0-9a-f]{64}, expected [0-9a-f]{64}; downloading again/,
    );
  });

  it('fails with both digests and the file name when the bytes stay wrong', async () => {
    const corrupt = testBytes(FILE.byteLength, 99);
    const { origin, job } = await setup([
      { kind: 'replace', bytes: corrupt },
      { kind: 'replace', bytes: corrupt },
    ]);
    const error = await failure(fetchVerifiedFile(job));
    expect(error.code).toBe('integrity');
    expect(error.message).toBe(
      `m/onnx/encoder.onnx failed its integrity check twice: SHA-256 is ${await sha256Hex(corrupt)}, expected ${job.sha256}.`,
    );
    expect(origin.requests).toHaveLength(2);
  });

  it('rejects a body longer than the catalog size', async () => {
    const longer = new Uint8Array(FILE.byteLength + 10);
    longer.set(FILE);
    const { job } = await setup([
      { kind: 'replace', bytes: longer },
      { kind: 'replace', bytes: longer },
    ]);
    const error = await failure(fetchVerifiedFile(job));
    expect(error.code).toBe('integrity');
    expect(error.message).toContain('more than the expected 10500 bytes');
  });

  it('cancels a stalled body at once', async () => {
    const controller = new AbortController();
    const { job } = await setup([{ kind: 'stall' }], { signal: controller.signal });
    const pending = fetchVerifiedFile(job);
    setTimeout(() => controller.abort(), 20);
    const started = performance.now();
    const error = await failure(pending);
    expect(error.code).toBe('aborted');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('cancels during the backoff wait without another request', async () => {
    const controller = new AbortController();
    const { origin, job } = await setup([{ kind: 'refuse' }], {
      signal: controller.signal,
      retry: { attempts: 4, baseDelayMs: 60_000 },
      onRetry: () => controller.abort(),
    });
    const error = await failure(fetchVerifiedFile(job));
    expect(error.code).toBe('aborted');
    expect(origin.requests).toHaveLength(1);
  });
});
