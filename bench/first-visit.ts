/**
 * Bytes of a first visit: the app built as `npm start` builds it, opened in a fresh headless Chromium profile
 * until its service worker has precached the shell and the network is quiet, counted on the server's sockets
 * (headers included). Twice, the visits alternating: with the precompressed copies the server sends to browsers
 * that accept them, and with every file sent as it is (a server that ignores Accept-Encoding). First, the size of
 * the JavaScript the page runs before it loads anything lazily.
 *
 *   node --import tsx bench/first-visit.ts [--visits 2] [--skip-build]
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { createLexletServer } from '../scripts/serve.js';
import { formatTable } from './measure';
import { writeResults } from './write-results';
import { median } from './measure';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist-bench/first-visit');
const { values } = parseArgs({
  options: {
    visits: { type: 'string', default: '2' },
    'skip-build': { type: 'boolean', default: false },
  },
});

/** Quiet this long after the service worker is active: the visit is over. */
const QUIET_MS = 3000;

if (!values['skip-build']) {
  await build({
    configFile: join(root, 'vite.config.ts'),
    build: { outDir, emptyOutDir: true },
    logLevel: 'warn',
  });
}

interface Visit {
  bytes: number;
  requests: number;
  largest: { path: string; bytes: number; encoding: string };
}

/** Serves the build (precompressed copies used or not), counting what goes out, for one visit. */
async function visit(precompressed: boolean): Promise<Visit> {
  const lexlet = createLexletServer({ dir: outDir, fixtures: false, fixturesDir: outDir, connect: [] });
  const handle = lexlet.listeners('request')[0] as (
    request: IncomingMessage,
    response: ServerResponse,
  ) => void;
  const sockets: Socket[] = [];
  let requests = 0;
  let lastActivity = performance.now();
  let largest = { path: '', bytes: 0, encoding: '' };
  const server = createServer((request, response) => {
    requests += 1;
    lastActivity = performance.now();
    if (!precompressed) delete request.headers['accept-encoding'];
    // The server passes its headers to writeHead, which getHeader() cannot read back: note them on the way.
    let sentHeaders: OutgoingHttpHeaders = {};
    const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
    response.writeHead = ((...args: unknown[]) => {
      const headers = args.find((arg) => typeof arg === 'object' && arg !== null && !Array.isArray(arg));
      if (headers) sentHeaders = headers as OutgoingHttpHeaders;
      return writeHead(...args);
    }) as ServerResponse['writeHead'];
    response.on('finish', () => {
      lastActivity = performance.now();
      const bytes = Number(sentHeaders['Content-Length'] ?? 0);
      if (bytes > largest.bytes) {
        const encoding = String(sentHeaders['Content-Encoding'] ?? 'identity');
        largest = { path: request.url ?? '', bytes, encoding };
      }
    });
    handle(request, response);
  });
  server.on('connection', (socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    while (performance.now() - lastActivity < QUIET_MS)
      await new Promise((resolve) => setTimeout(resolve, 250));
  } finally {
    await browser.close();
    server.close();
  }
  return { bytes: sockets.reduce((sum, socket) => sum + socket.bytesWritten, 0), requests, largest };
}

/**
 * The JavaScript a page load runs before anything is loaded lazily: the module scripts and module preloads that
 * index.html names (the rest, onnxruntime and the document readers included, is imported on demand).
 */
function initialScripts(): { path: string; bytes: number; gzipBytes: number }[] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const tags = html.match(/<(?:script[^>]*type="module"|link[^>]*rel="modulepreload")[^>]*>/gu) ?? [];
  return tags.flatMap((tag) => {
    const path = /(?:src|href)="\/?([^"]+)"/u.exec(tag)?.[1];
    if (!path) return [];
    const bytes = readFileSync(join(outDir, path));
    return [{ path, bytes: bytes.length, gzipBytes: gzipSync(bytes).length }];
  });
}

const scripts = initialScripts();
const kB = (bytes: number) => (bytes / 1000).toFixed(1);
console.log(
  `Initial app JavaScript: ${kB(scripts.reduce((sum, script) => sum + script.gzipBytes, 0))} kB gzip ` +
    `(${kB(scripts.reduce((sum, script) => sum + script.bytes, 0))} kB) in ${scripts.map((script) => script.path).join(', ')}\n`,
);

const visits = Math.max(1, Number(values.visits));
const results: Record<'precompressed' | 'identity', Visit[]> = { precompressed: [], identity: [] };
for (let round = 0; round < visits; round++) {
  results.precompressed.push(await visit(true));
  results.identity.push(await visit(false));
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
console.log(
  `First visit, fresh profile, until the service worker is active and ${QUIET_MS / 1000} s of quiet`,
);
console.log(
  formatTable(
    ['server', 'MB sent (median)', 'each visit', 'requests', 'largest response'],
    (['precompressed', 'identity'] as const).map((mode) => {
      const list = results[mode];
      const last = list.at(-1) as Visit;
      return [
        mode === 'precompressed' ? 'precompressed .br/.gz' : 'files as they are',
        mb(median(list.map((one) => one.bytes))),
        list.map((one) => mb(one.bytes)).join(' '),
        String(last.requests),
        `${last.largest.path} ${mb(last.largest.bytes)} MB (${last.largest.encoding})`,
      ];
    }),
  ),
);
console.log(
  `\nWritten to ${writeResults('first-visit', { initialScripts: scripts, quietMs: QUIET_MS, visits: results })}`,
);
process.exit(0);
