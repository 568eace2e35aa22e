import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { catalogOriginsOf, contentSecurityPolicy, withPolicyMeta } from './scripts/csp.js';
import { precompressPlugin } from './scripts/precompress.js';

/** The hosts the bundled catalog downloads remote models from: the only ones besides the app it may contact. */
const catalogHosts = catalogOriginsOf('public/models/catalog.json');

/**
 * The language detector (a few hundred kB) ships with the app: precached with the shell, so "Detect language"
 * works offline from the first visit, and fetched again only when its content changes.
 */
const languageModel = 'models/lexlet-langid/langid.json';
const languageModelRevision = createHash('sha256')
  .update(readFileSync(`public/${languageModel}`))
  .digest('hex')
  .slice(0, 16);

/**
 * WASM threads need SharedArrayBuffer, which needs cross-origin isolation; the headers must be on every
 * response (the worker script and the .wasm too, or the module worker never starts).
 */
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Serves `.wasm` as application/wasm in dev and preview so streaming compilation works. */
function wasmMimeType(): Plugin {
  const middleware = (
    request: { url?: string },
    response: { setHeader(name: string, value: string): void },
    next: () => void,
  ) => {
    if (request.url?.split('?')[0]?.endsWith('.wasm')) response.setHeader('Content-Type', 'application/wasm');
    next();
  };
  return {
    name: 'lexlet-wasm-mime-type',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

/** The built index.html carries the policy too, so it holds on a host that sends no header. */
function policyMeta(): Plugin {
  return {
    name: 'lexlet-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      withPolicyMeta(html, contentSecurityPolicy({ connect: catalogHosts, meta: true })),
  };
}

export default defineConfig({
  plugins: [
    react(),
    wasmMimeType(),
    policyMeta(),
    VitePWA({
      // A custom service worker: Workbox's generated one would serve precached pages without COOP/COEP.
      strategies: 'injectManifest',
      srcDir: 'src/worker',
      filename: 'service-worker.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Lexlet',
        short_name: 'Lexlet',
        description: 'Private, offline translation that runs entirely on your device.',
        theme_color: '#1f4e79',
        background_color: '#f7f8fa',
        display: 'standalone',
        start_url: '.',
        scope: '.',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // The app shell plus onnxruntime's WASM-only build, so the engine starts offline. Model files are cached
        // by the model loader (with integrity checks), never by the service worker. The manifest and its icons
        // are added by the plugin itself.
        globPatterns: ['**/*.{html,js,mjs,css,wasm,svg,ico}'],
        globIgnores: [
          'models/**',
          'fixtures/**',
          // onnxruntime's WebGPU build (26.8 MB): kept by the engine worker when it chooses WebGPU (webgpu-build-cache.ts).
          '**/ort-wasm-simd-threaded.asyncify*.wasm',
          // OpenCC's Simplified → Traditional tables (0.4 MB br): kept on first use (chinese-tables-cache.ts).
          '**/cn2t-*.js',
        ],
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
        additionalManifestEntries: [{ url: languageModel, revision: languageModelRevision }],
      },
      devOptions: { enabled: false },
    }),
    // Last: .br/.gz copies of the shell, the service worker included, for scripts/serve.js to send.
    precompressPlugin(),
  ],
  server: {
    headers: {
      ...crossOriginIsolation,
      'Content-Security-Policy': contentSecurityPolicy({ connect: catalogHosts, dev: true }),
    },
  },
  preview: {
    headers: {
      ...crossOriginIsolation,
      'Content-Security-Policy': contentSecurityPolicy({ connect: catalogHosts }),
    },
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  build: { target: 'es2022' },
});
