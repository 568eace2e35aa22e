/** fetchVerifiedFile against a real HTTP server on 127.0.0.1 and Node's own fetch. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchFile, fetchVerifiedFile } from './fetch-file';
import { sha256Hex } from './sha256';
import { testBytes } from './test-support';

const FILE = testBytes(300_000, 7);

type Handler = (request: IncomingMessage, response: ServerResponse, index: number) => void;

let server: Server | null = null;

async function listen(handler: Handler): Promise<{ url: string; ranges: (string | null)[] }> {
  const ranges: (string | null)[] = [];
  server = createServer((request, response) => {
    ranges.push(request.headers.range ?? null);
    handler(request, response, ranges.length - 1);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/models/m/onnx/model.onnx`, ranges };
}

/**
 * Serves FILE, honouring `Range: bytes=N-`; optionally drops the connection after `cutAfter` body bytes and
 * sends extra headers (validators).
 */
function serveFile(
  request: IncomingMessage,
  response: ServerResponse,
  cutAfter?: number,
  extra: Record<string, string> = {},
) {
  const match = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
  const start = match ? Number(match[1]) : 0;
  const body = FILE.subarray(start);
  const headers: Record<string, string | number> = { 'content-length': body.length, ...extra };
  if (match) headers['content-range'] = `bytes ${start}-${FILE.length - 1}/${FILE.length}`;
  response.writeHead(match ? 206 : 200, headers);
  if (cutAfter === undefined) {
    response.end(body);
    return;
  }
  response.write(body.subarray(0, cutAfter), () => {
    // Let the bytes leave before the connection dies, as when a mobile link drops.
    setTimeout(() => response.socket?.destroy(), 50);
  });
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

describe('fetchVerifiedFile over HTTP', () => {
  it('resumes with Range after the connection drops midway', async () => {
    const { url, ranges } = await listen((request, response, index) =>
      serveFile(request, response, index === 0 ? 120_000 : undefined),
    );
    const retries: string[] = [];
    const bytes = await fetchVerifiedFile({
      url,
      label: 'm/onnx/model.onnx',
      size: FILE.byteLength,
      sha256: await sha256Hex(FILE),
      fetch,
      retry: { attempts: 3, baseDelayMs: 10 },
      onRetry: (_attempt, _delay, reason) => retries.push(reason),
    });
    expect(ranges[0]).toBeNull();
    expect(ranges[1]).toMatch(/^bytes=\d+-$/);
    // Node may hand over less than was written before the socket died, but never more.
    const resumedAt = Number(/\d+/.exec(ranges[1] ?? '')?.[0]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(120_000);
    expect(ranges).toHaveLength(2);
    expect(retries[0]).toContain(`resuming at byte ${resumedAt}`);
    expect(Buffer.from(bytes).equals(FILE)).toBe(true);
  });

  it('starts over from byte 0 when the server ignores Range', async () => {
    const { url, ranges } = await listen((_request, response, index) => {
      response.writeHead(200, { 'content-length': FILE.length });
      if (index === 0)
        response.write(FILE.subarray(0, 50_000), () => setTimeout(() => response.socket?.destroy(), 50));
      else response.end(FILE);
    });
    const bytes = await fetchVerifiedFile({
      url,
      label: 'm/onnx/model.onnx',
      size: FILE.byteLength,
      sha256: await sha256Hex(FILE),
      fetch,
      retry: { attempts: 3, baseDelayMs: 10 },
    });
    expect(ranges).toHaveLength(2);
    expect(ranges[1]).toMatch(/^bytes=\d+-$/);
    expect(Buffer.from(bytes).equals(FILE)).toBe(true);
  });

  it('retries a refused connection and then reports the host as unreachable', async () => {
    const { url } = await listen((request, response) => serveFile(request, response));
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = null;
    const delays: number[] = [];
    const error = await fetchVerifiedFile({
      url,
      label: 'm/onnx/model.onnx',
      size: FILE.byteLength,
      sha256: await sha256Hex(FILE),
      fetch,
      retry: { attempts: 3, baseDelayMs: 10 },
      onRetry: (_attempt, delayMs) => delays.push(delayMs),
    }).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'unreachable', message: expect.stringContaining('ECONNREFUSED') });
    expect(delays).toEqual([10, 20]);
  });

  it('resumes an unpinned file whose ETag stays the same, and learns its digest', async () => {
    const { url, ranges } = await listen((request, response, index) =>
      serveFile(request, response, index === 0 ? 100_000 : undefined, { etag: '"blob-1"' }),
    );
    const fetched = await fetchFile({
      url,
      label: 'm/onnx/model.onnx',
      size: null,
      sha256: null,
      fetch,
      retry: { attempts: 3, baseDelayMs: 10 },
    });
    expect(ranges[0]).toBeNull();
    expect(ranges[1]).toMatch(/^bytes=\d+-$/);
    expect(Buffer.from(fetched.bytes).equals(FILE)).toBe(true);
    expect(fetched).toMatchObject({ sha256: await sha256Hex(FILE), checkedAgainst: null });
  });

  it('downloads an unpinned file again from byte 0 when the server names no version', async () => {
    const { url, ranges } = await listen((request, response, index) =>
      serveFile(request, response, index === 0 ? 100_000 : undefined),
    );
    const fetched = await fetchFile({
      url,
      label: 'm/onnx/model.onnx',
      size: null,
      sha256: null,
      fetch,
      retry: { attempts: 3, baseDelayMs: 10 },
    });
    expect(ranges).toEqual([null, null]);
    expect(Buffer.from(fetched.bytes).equals(FILE)).toBe(true);
  });

  it('takes a gzip body whose Content-Length counts compressed bytes', async () => {
    const text = new TextEncoder().encode(
      JSON.stringify({ vocab: Array.from({ length: 5000 }, (_, i) => i) }),
    );
    const compressed = gzipSync(text);
    const { url } = await listen((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip', 'content-length': compressed.length });
      response.end(compressed);
    });
    const sizes: (number | null)[] = [];
    const fetched = await fetchFile({
      url,
      label: 'm/tokenizer.json',
      size: null,
      sha256: null,
      fetch,
      onSize: (size) => sizes.push(size),
    });
    expect(Buffer.from(fetched.bytes).equals(Buffer.from(text))).toBe(true);
    expect(sizes).toEqual([compressed.length, null]);
  });
});
