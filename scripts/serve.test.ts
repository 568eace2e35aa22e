import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let workDir: string;
const servers: ChildProcess[] = [];

/** Starts scripts/serve.js on a free port and returns its base URL (from the line it prints). */
async function serve(args: string[]): Promise<string> {
  const child = spawn(
    process.execPath,
    ['scripts/serve.js', '--port', '0', '--dir', join(workDir, 'dist'), ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  servers.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/[^\s/]+\//u.exec(output);
      if (match) resolve(match[0]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve.js exited with ${code}: ${output}`)));
  });
}

const model = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'lexlet-serve-'));
  await mkdir(join(workDir, 'dist', 'assets'), { recursive: true });
  await mkdir(join(workDir, 'dist', 'models', 'm'), { recursive: true });
  await mkdir(join(workDir, 'fixtures', 'tiny'), { recursive: true });
  await writeFile(join(workDir, 'dist', 'index.html'), '<!doctype html><title>Lexlet</title>');
  await writeFile(join(workDir, 'dist', 'assets', 'ort.wasm'), new Uint8Array([0, 97, 115, 109]));
  await writeFile(join(workDir, 'dist', 'assets', 'ort.mjs'), 'export {};');
  await writeFile(join(workDir, 'dist', 'manifest.webmanifest'), '{}');
  await writeFile(join(workDir, 'dist', 'models', 'm', 'encoder.onnx'), model);
  await writeFile(join(workDir, 'dist', 'models', 'm', 'MODEL_CARD.md'), '# Model card\n');
  await writeFile(join(workDir, 'fixtures', 'catalog.json'), '{"version":1,"models":[]}');
  const remote = { baseUrl: 'https://huggingface.co/Xenova/opus-mt-en-de/resolve/main/' };
  await writeFile(
    join(workDir, 'dist', 'models', 'catalog.json'),
    JSON.stringify({ version: 1, models: [{ baseUrl: 'm/' }, remote] }),
  );
});

afterAll(async () => {
  for (const child of servers) child.kill();
  await rm(workDir, { recursive: true, force: true });
});

describe('scripts/serve.js', () => {
  it('sends COOP/COEP and the right MIME type on every response', async () => {
    const base = await serve([]);
    const expected: Record<string, string> = {
      '': 'text/html',
      'assets/ort.wasm': 'application/wasm',
      'assets/ort.mjs': 'text/javascript',
      'manifest.webmanifest': 'application/manifest+json',
      'models/m/encoder.onnx': 'application/octet-stream',
      'models/m/MODEL_CARD.md': 'text/markdown; charset=utf-8',
    };
    for (const [path, type] of Object.entries(expected)) {
      const response = await fetch(base + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toContain(type);
      expect(response.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(response.headers.get('cross-origin-embedder-policy'), path).toBe('require-corp');
    }
    const missing = await fetch(`${base}assets/missing.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  it('answers Range requests for model files with 206', async () => {
    const base = await serve([]);
    const partial = await fetch(`${base}models/m/encoder.onnx`, { headers: { Range: 'bytes=100-199' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(new Uint8Array(await partial.arrayBuffer())).toEqual(model.slice(100, 200));
    const tail = await fetch(`${base}models/m/encoder.onnx`, { headers: { Range: 'bytes=900-' } });
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(model.slice(900));
    const beyond = await fetch(`${base}models/m/encoder.onnx`, { headers: { Range: 'bytes=5000-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */1000');
  });

  it('falls back to index.html for app routes but not for missing files', async () => {
    const base = await serve([]);
    const route = await fetch(`${base}models?catalog=x`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Lexlet</title>');
    expect((await fetch(`${base}models/missing/model.onnx`)).status).toBe(404);
    expect((await fetch(`${base}..%2f..%2fetc%2fpasswd`)).status).not.toBe(200);
  });

  it('serves fixtures only with --fixtures', async () => {
    const plain = await serve([]);
    expect((await fetch(`${plain}fixtures/models/catalog.json`)).status).toBe(404);
    const withFixtures = await serve(['--fixtures', '--fixtures-dir', join(workDir, 'fixtures')]);
    const catalog = await fetch(`${withFixtures}fixtures/models/catalog.json`);
    expect(catalog.status).toBe(200);
    expect(catalog.headers.get('content-type')).toContain('application/json');
    expect(await catalog.json()).toEqual({ version: 1, models: [] });
    expect((await fetch(`${withFixtures}fixtures/models/%2e%2e/dist/index.html`)).status).not.toBe(200);
  });

  it("sends a Content-Security-Policy allowing only the app's scripts and its catalog's model hosts", async () => {
    const base = await serve(['--connect', 'https://models.example.org/some/path']);
    const policy = (await fetch(`${base}assets/ort.wasm`)).headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(policy).not.toContain(" 'unsafe-eval'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain(
      "connect-src 'self' https://*.hf.co https://*.huggingface.co https://huggingface.co https://models.example.org;",
    );
    expect(policy).toContain("frame-ancestors 'none'");
    // The page's own <meta> says the same, less what a <meta> cannot say.
    const page = await fetch(`${base}translate`);
    expect(page.headers.get('content-security-policy')).toBe(policy);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/u.exec(await page.text())?.[1];
    expect(meta).toBe(policy.replace("; frame-ancestors 'none'", ''));
    expect((await fetch(`${base}assets/missing.js`)).headers.get('content-security-policy')).toBe(policy);
    const withFixtures = await serve(['--fixtures', '--fixtures-dir', join(workDir, 'fixtures')]);
    const testPolicy = (await fetch(withFixtures)).headers.get('content-security-policy');
    expect(testPolicy).toContain(' http://127.0.0.1:*;');
  });
});
