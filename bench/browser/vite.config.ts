import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** Where the page serves onnxruntime's WebAssembly files for Transformers.js (see transformersOrtFiles). */
export const TRANSFORMERS_ORT_DIR = 'transformers-ort';

/**
 * Transformers.js imports its own onnxruntime-web (a newer build than Lexlet's) and fetches that build's
 * WebAssembly from a CDN unless told otherwise: the page serves the files of the version it bundles.
 */
function transformersOrtFiles(): Plugin {
  const dist = new URL(
    '../../node_modules/@huggingface/transformers/node_modules/onnxruntime-web/dist/',
    import.meta.url,
  );
  return {
    name: 'transformers-ort-files',
    generateBundle() {
      for (const name of ['ort-wasm-simd-threaded.asyncify.mjs', 'ort-wasm-simd-threaded.asyncify.wasm']) {
        this.emitFile({
          type: 'asset',
          fileName: `${TRANSFORMERS_ORT_DIR}/${name}`,
          source: readFileSync(fileURLToPath(new URL(name, dist))),
        });
      }
    },
  };
}

/** Builds the benchmark page into dist-bench/, with the bundled models (public/) beside it. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: fileURLToPath(new URL('../../public', import.meta.url)),
  base: './',
  worker: { format: 'es' },
  plugins: [transformersOrtFiles()],
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../dist-bench', import.meta.url)),
    emptyOutDir: true,
  },
  logLevel: 'warn',
});
