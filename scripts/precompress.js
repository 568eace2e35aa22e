// Brotli and gzip copies of the built app shell (file.br, file.gz beside each file), written once at build time so
// that scripts/serve.js sends them with Content-Encoding instead of compressing on every request. The largest
// file, onnxruntime's WebAssembly build, shrinks about fourfold. Model files are left alone: the model loader
// fetches them by byte range and checks their hashes.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Types worth compressing (images are compressed already). */
export const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.wasm',
  '.svg',
  '.json',
  '.webmanifest',
]);

/** Folders of the build that are never precompressed. */
const SKIPPED = ['models', 'fixtures'];

/** Below this, compressing saves less than the headers it costs. */
const MIN_BYTES = 1024;

async function* files(dir, base = dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.includes(relative(base, path).split(sep)[0])) yield* files(path, base);
    } else if (entry.isFile()) yield path;
  }
}

/**
 * Writes `.br` and `.gz` beside every compressible file of `dir` (a fresh build); a copy that would not be smaller
 * is not written. Returns the bytes before and after, per encoding.
 */
export async function precompress(dir) {
  const totals = { identity: 0, br: 0, gzip: 0 };
  for await (const path of files(dir)) {
    if (!COMPRESSIBLE.has(extname(path).toLowerCase())) continue;
    const info = await stat(path);
    if (info.size < MIN_BYTES) continue;
    const bytes = await readFile(path);
    totals.identity += bytes.length;
    // Every build pays for this. On onnxruntime's 26.8 MB WebAssembly build (2 busy cores): brotli 9 gives 4.61 MB
    // in 19 s, 7 gives 4.74 MB in 8 s, 5 gives 4.96 MB in 2.4 s; gzip (the fallback) 9 gives 6.61 MB in 4.4 s,
    // 6 gives 6.67 MB in 1.1 s.
    const [br, gz] = await Promise.all([
      brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 7,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          [constants.BROTLI_PARAM_LGWIN]: 24,
        },
      }),
      gzipAsync(bytes, { level: 6 }),
    ]);
    for (const [suffix, data, key] of [
      ['.br', br, 'br'],
      ['.gz', gz, 'gzip'],
    ]) {
      const kept = data.length < bytes.length;
      if (kept) await writeFile(path + suffix, data);
      totals[key] += kept ? data.length : bytes.length;
    }
  }
  return totals;
}

/** Vite plugin: precompresses the build after everything else (the service worker included) is written. */
export function precompressPlugin() {
  let outDir = 'dist';
  return {
    name: 'lexlet-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        await precompress(outDir);
      },
    },
  };
}
