import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from './precompress.js';
import { accepts, createLexletServer } from './serve.js';

let workDir: string;
let base: string;
let close: () => void;
const wasm = new Uint8Array(64 * 1024).map((_, i) => (i * 7) % 13);
const model = Uint8Array.from({ length: 4096 }, (_, i) => i % 3);
const serviceWorker = 'self.addEventListener("install", () => self.skipWaiting());\n'.repeat(100);

/** A raw GET (Node's fetch would decode the body and hide the encoding). */
async function get(path: string, headers: Record<string, string>) {
  const { request } = await import('node:http');
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      request(`${base}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
        .on('error', reject)
        .end();
    },
  );
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'lexlet-precompressed-'));
  const dist = join(workDir, 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await mkdir(join(dist, 'models', 'm'), { recursive: true });
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>Lexlet</title>');
  await writeFile(join(dist, 'assets', 'ort.wasm'), wasm);
  await writeFile(join(dist, 'assets', 'tiny.js'), 'export {};');
  await writeFile(join(dist, 'service-worker.js'), serviceWorker);
  await writeFile(join(dist, 'assets', 'edited.css'), 'body { color: red; }\n'.repeat(200));
  await writeFile(join(dist, 'models', 'm', 'model.onnx'), model);
  await writeFile(join(dist, 'models', 'catalog.json'), JSON.stringify({ version: 1, models: [] }));
  await precompress(dist);
  // Edited after the build: its copies are older than the file and must not be sent.
  await writeFile(join(dist, 'assets', 'edited.css'), 'body { color: blue; }\n'.repeat(200));
  const later = new Date(Date.now() + 60_000);
  await utimes(join(dist, 'assets', 'edited.css'), later, later);
  const server = createLexletServer({ dir: dist, fixtures: false, fixturesDir: workDir, connect: [] });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  close = () => server.close();
});

afterAll(async () => {
  close();
  await rm(workDir, { recursive: true, force: true });
});

describe('precompressed files', () => {
  it('are written beside the shell only: not for model files, not for files too small to gain', async () => {
    const dist = join(workDir, 'dist');
    expect((await readFile(join(dist, 'assets', 'ort.wasm.br'))).length).toBeLessThan(wasm.length / 10);
    await expect(readFile(join(dist, 'assets', 'tiny.js.br'))).rejects.toThrow();
    await expect(readFile(join(dist, 'models', 'm', 'model.onnx.br'))).rejects.toThrow();
  });

  it('are sent with Content-Encoding and Vary to browsers that accept them, brotli first', async () => {
    const br = await get('assets/ort.wasm', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(br.headers['content-type']).toBe('application/wasm');
    expect(br.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(new Uint8Array(brotliDecompressSync(br.body))).toEqual(wasm);

    const gz = await get('assets/ort.wasm', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(new Uint8Array(gunzipSync(gz.body))).toEqual(wasm);
  });

  it('are not sent to clients that refuse them, nor for a byte range', async () => {
    const identity = await get('assets/ort.wasm', { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers['vary']).toBe('Accept-Encoding');
    expect(new Uint8Array(identity.body)).toEqual(wasm);
    const none = await get('assets/ort.wasm', {});
    expect(none.headers['content-encoding']).toBeUndefined();
    const range = await get('assets/ort.wasm', { 'Accept-Encoding': 'br', Range: 'bytes=10-19' });
    expect(range.status).toBe(206);
    expect(range.headers['content-encoding']).toBeUndefined();
    expect(new Uint8Array(range.body)).toEqual(wasm.slice(10, 20));
  });

  it('keep the security headers, and the service worker is still revalidated on every visit', async () => {
    const wasmResponse = await get('assets/ort.wasm', { 'Accept-Encoding': 'br' });
    expect(wasmResponse.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(wasmResponse.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(wasmResponse.headers['content-security-policy']).toContain("script-src 'self'");
    expect(wasmResponse.headers['cache-control']).toContain('immutable');

    const worker = await get('service-worker.js', { 'Accept-Encoding': 'gzip, br' });
    expect(worker.headers['content-encoding']).toBe('br');
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect(worker.headers['content-type']).toMatch(/javascript/u);
    expect(worker.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(brotliDecompressSync(worker.body).toString()).toBe(serviceWorker);
  });

  it('are not sent when older than their file', async () => {
    const edited = await get('assets/edited.css', { 'Accept-Encoding': 'br, gzip' });
    expect(edited.headers['content-encoding']).toBeUndefined();
    expect(edited.body.toString()).toContain('color: blue');
  });

  it('reads Accept-Encoding with its q values and wildcard', () => {
    expect(accepts('gzip, br', 'br')).toBe(true);
    expect(accepts('gzip;q=1.0, br;q=0', 'br')).toBe(false);
    expect(accepts('*', 'gzip')).toBe(true);
    expect(accepts('*;q=0', 'gzip')).toBe(false);
    expect(accepts(undefined, 'gzip')).toBe(false);
  });
});
