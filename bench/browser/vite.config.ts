import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Builds the benchmark page into dist-bench/, with the bundled models (public/) beside it. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: fileURLToPath(new URL('../../public', import.meta.url)),
  base: './',
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../dist-bench', import.meta.url)),
    emptyOutDir: true,
  },
  logLevel: 'warn',
});
