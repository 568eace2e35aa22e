#!/usr/bin/env node
// Serves the built app (dist/) the way Lexlet needs it: COOP/COEP on every response (WASM threads need
// cross-origin isolation), correct MIME types, HTTP Range for model files and an SPA fallback to index.html.
// Every response carries the Content-Security-Policy (scripts/csp.js); HTML gets it in its <meta> tag too.
// A file built with a .br or .gz copy beside it (scripts/precompress.js) is sent compressed to browsers that
// accept it (Content-Encoding, Vary: Accept-Encoding); byte ranges are always of the file itself.
//   node scripts/serve.js [--port 4173] [--host 127.0.0.1] [--dir dist] [--fixtures [--fixtures-dir DIR]]
//                         [--connect ORIGIN]...
// --fixtures also serves e2e/fixtures/models/ (or DIR) under /fixtures/models/ (browser tests only), and lets
// the app contact other ports of 127.0.0.1, where the tests stand in for remote model and catalog hosts.
// --connect lets the app contact ORIGIN too: the host of a catalog given with ?catalog=URL.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogOriginsOf, contentSecurityPolicy, withPolicyMeta } from './csp.js';
import { COMPRESSIBLE } from './precompress.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.model': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function parseArgs(argv) {
  const options = {
    port: 4173,
    host: '127.0.0.1',
    dir: join(root, 'dist'),
    fixtures: false,
    fixturesDir: join(root, 'e2e', 'fixtures', 'models'),
    connect: [],
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const next = argv[i + 1];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      i += 1;
      return next;
    };
    if (arg === '--port') options.port = Number(value());
    else if (arg === '--host') options.host = value();
    else if (arg === '--dir') options.dir = resolve(value());
    else if (arg === '--fixtures') options.fixtures = true;
    else if (arg === '--fixtures-dir') options.fixturesDir = resolve(value());
    else if (arg === '--connect') options.connect.push(originOf(value()));
    else
      throw new Error(
        `Unknown option ${arg}. Usage: serve.js [--port N] [--host H] [--dir D] [--fixtures] [--connect ORIGIN]`,
      );
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error('--port must be an integer between 0 and 65535');
  }
  return options;
}

function originOf(value) {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
  } catch {
    // reported below
  }
  throw new Error(`--connect needs an http(s) origin, e.g. https://models.example.org (got ${value})`);
}

/** The policy this server sends (header, and <meta>): the app, its catalog's model hosts and what options add. */
export function serverPolicy({ dir, fixtures, connect = [] }) {
  const origins = [...catalogOriginsOf(join(resolve(dir), 'models', 'catalog.json')), ...connect];
  if (fixtures) origins.push('http://127.0.0.1:*');
  const unique = [...new Set(origins)];
  return {
    header: contentSecurityPolicy({ connect: unique }),
    meta: contentSecurityPolicy({ connect: unique, meta: true }),
  };
}

/** Parses a single-range `Range: bytes=a-b` header; null when absent, 'invalid' when unsatisfiable. */
export function parseRange(header, size) {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/u.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return 'invalid';
  let start;
  let end;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'invalid';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start > end || start >= size) return 'invalid';
  return { start, end };
}

/** Encodings in the order the server prefers them, with the suffix of their precompressed copy. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
];

/** Whether an `Accept-Encoding` header accepts `name` (listed, or `*`, with a q above 0). */
export function accepts(header, name) {
  let star = false;
  for (const part of (header ?? '').split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/u.exec(param)?.[1]).find(Boolean);
    const wanted = q === undefined || Number(q) > 0;
    if (token.trim() === name) return wanted;
    if (token.trim() === '*') star = wanted;
  }
  return star;
}

/**
 * The precompressed copy of `file` to send for `acceptEncoding`, or null for the file itself. A copy older than
 * its file (the file rebuilt or edited since) is stale and never sent.
 */
async function precompressedCopy(file, acceptEncoding) {
  for (const encoding of ENCODINGS) {
    if (!accepts(acceptEncoding, encoding.name)) continue;
    const copy = await fileAt(file.path + encoding.suffix, false);
    if (copy && copy.mtime >= file.mtime) return { ...copy, encoding: encoding.name };
  }
  return null;
}

/** Resolves a URL path inside `base`, or null when it would escape it. */
function safeJoin(base, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = normalize(join(base, decoded));
  return path === base || path.startsWith(base + sep) ? path : null;
}

async function fileAt(path, directoryIndex = true) {
  try {
    const info = await stat(path);
    if (info.isFile()) return { path, size: info.size, mtime: info.mtime };
    if (info.isDirectory() && directoryIndex) return fileAt(join(path, 'index.html'));
  } catch {
    // Missing: the caller decides between 404 and the SPA fallback.
  }
  return null;
}

export function createLexletServer({ dir, fixtures, fixturesDir, connect }) {
  const distDir = resolve(dir);
  const policy = serverPolicy({ dir, fixtures, connect });
  const send = (response, status, headers, body) => {
    response.writeHead(status, {
      ...ISOLATION_HEADERS,
      'Content-Security-Policy': policy.header,
      ...headers,
    });
    response.end(body);
  };

  return createServer(async (request, response) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        send(response, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }, 'Method not allowed');
        return;
      }
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      const inFixtures = pathname.startsWith('/fixtures/models/');
      if (pathname.startsWith('/fixtures/') && !(fixtures && inFixtures)) {
        send(response, 404, { 'Content-Type': 'text/plain' }, 'Not found');
        return;
      }
      const path = inFixtures
        ? safeJoin(fixturesDir, pathname.slice('/fixtures/models'.length))
        : safeJoin(distDir, pathname);
      if (!path) {
        send(response, 400, { 'Content-Type': 'text/plain' }, 'Bad path');
        return;
      }
      let file = await fileAt(path);
      // Client-side routes (/models, /about) get the app; missing assets and data files get a real 404.
      const isRoute = !inFixtures && !pathname.startsWith('/models/') && extname(pathname) === '';
      if (!file && isRoute) file = await fileAt(join(distDir, 'index.html'));
      if (!file) {
        send(response, 404, { 'Content-Type': 'text/plain' }, 'Not found');
        return;
      }

      const type = MIME_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
      const isHtml = type.startsWith('text/html');
      const headers = {
        'Content-Type': type,
        'Accept-Ranges': 'bytes',
        'Last-Modified': file.mtime.toUTCString(),
        // Hashed assets never change; HTML, the service worker and the catalog must be revalidated.
        'Cache-Control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      if (isHtml) {
        // The page's <meta> policy must match the header, or the stricter of the two would win.
        const html = Buffer.from(withPolicyMeta(await readFile(file.path, 'utf8'), policy.meta));
        headers['Content-Length'] = String(html.length);
        send(response, 200, headers, request.method === 'HEAD' ? undefined : html);
        return;
      }
      const compressible = COMPRESSIBLE.has(extname(file.path).toLowerCase());
      if (compressible) headers.Vary = 'Accept-Encoding';
      const copy =
        compressible && !request.headers.range
          ? await precompressedCopy(file, request.headers['accept-encoding'])
          : null;
      if (copy) {
        headers['Content-Encoding'] = copy.encoding;
        headers['Content-Length'] = String(copy.size);
        response.writeHead(200, {
          ...ISOLATION_HEADERS,
          'Content-Security-Policy': policy.header,
          ...headers,
        });
        if (request.method === 'HEAD') {
          response.end();
          return;
        }
        const stream = createReadStream(copy.path);
        stream.on('error', () => response.destroy());
        stream.pipe(response);
        return;
      }
      const range = parseRange(request.headers.range, file.size);
      if (range === 'invalid') {
        send(response, 416, { 'Content-Range': `bytes */${file.size}`, 'Content-Type': 'text/plain' });
        return;
      }
      const { start, end } = range ?? { start: 0, end: file.size - 1 };
      const status = range ? 206 : 200;
      if (range) headers['Content-Range'] = `bytes ${start}-${end}/${file.size}`;
      headers['Content-Length'] = String(file.size === 0 ? 0 : end - start + 1);
      response.writeHead(status, {
        ...ISOLATION_HEADERS,
        'Content-Security-Policy': policy.header,
        ...headers,
      });
      if (request.method === 'HEAD' || file.size === 0) {
        response.end();
        return;
      }
      const stream = createReadStream(file.path, { start, end });
      stream.on('error', () => response.destroy());
      stream.pipe(response);
    } catch (error) {
      if (!response.headersSent) send(response, 500, { 'Content-Type': 'text/plain' }, 'Internal error');
      else response.destroy();
      console.error(error);
    }
  });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  const server = createLexletServer(options);
  server.on('error', (error) => {
    console.error(`Cannot serve on ${options.host}:${options.port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(options.port, options.host, () => {
    const { port } = server.address();
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    console.log(
      `Lexlet is served at http://${host}:${port}/${options.fixtures ? ' (with test fixtures)' : ''}`,
    );
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
}
