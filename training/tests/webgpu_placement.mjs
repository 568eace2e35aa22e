// Reports how onnxruntime-web's WebGPU build places the nodes of ONNX files (WebGPU vs CPU), in headless
// Chromium (SwiftShader WebGPU). Quantized formats whose ops WebGPU lacks show up as extra CPU nodes.
//
//   node training/tests/webgpu_placement.mjs MODEL.onnx [MODEL.onnx ...]     (paths inside the repository)
//
// Prints one JSON line: [{ model, ok, placed: { WebGpuExecutionProvider: n, CPUExecutionProvider: m } }].
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const models = process.argv.slice(2).map((p) => `/${relative(root, resolve(p))}`);
const types = { '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

const server = http.createServer(async (request, response) => {
  const url = decodeURIComponent((request.url ?? '/').split('?')[0]);
  try {
    const body = url === '/' ? '<!doctype html><title>placement</title>' : await readFile(join(root, url));
    response.writeHead(200, {
      'Content-Type': url === '/' ? 'text/html' : (types[extname(url)] ?? 'application/octet-stream'),
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    response.end(body);
  } catch {
    response.writeHead(404);
    response.end();
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--enable-unsafe-webgpu',
  ],
});
try {
  const page = await browser.newPage();
  const placements = [];
  page.on('console', (message) => {
    const match = /Node\(s\) placed on \[(\w+)\]\. Number of nodes: (\d+)/.exec(message.text());
    if (match) placements.at(-1)[match[1]] = Number(match[2]);
  });
  await page.exposeFunction('startModel', () => placements.push({}));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const results = await page.evaluate(async (paths) => {
    const ort = await import('/node_modules/onnxruntime-web/dist/ort.webgpu.min.mjs');
    ort.env.logLevel = 'verbose';
    ort.env.wasm.numThreads = 1;
    const out = [];
    for (const model of paths) {
      await window.startModel();
      try {
        const session = await ort.InferenceSession.create(model, {
          executionProviders: ['webgpu'],
          logSeverityLevel: 0,
        });
        await session.release();
        out.push({ model, ok: true });
      } catch (error) {
        out.push({ model, ok: false, error: String(error) });
      }
    }
    return out;
  }, models);
  console.log(JSON.stringify(results.map((result, i) => ({ ...result, placed: placements[i] }))));
} finally {
  await browser.close();
  server.close();
}
