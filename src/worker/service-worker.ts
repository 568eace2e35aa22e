/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  addPlugins,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { withIsolationHeaders } from './isolation-headers';
import { chineseTables, isChineseTablesChunk } from './chinese-tables-cache';
import { WEBGPU_BUILD_CACHE, isWebGpuBuildWasm } from './webgpu-build-cache';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

// Precached responses lose nothing in Cache Storage, but a page whose HTML or worker arrives without COOP/COEP
// is no longer cross-origin isolated (no WASM threads) — so every answer from the cache gets the headers again.
const isolationPlugin = {
  handlerWillRespond: async ({ response }: { response: Response }) => withIsolationHeaders(response),
};
addPlugins([isolationPlugin]);

// The app shell and onnxruntime's WASM-only build. Model files are not here: the model loader caches and verifies
// them.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// onnxruntime's WebGPU build is not precached (a browser without WebGPU never needs it): the engine worker keeps
// it in its own cache when it chooses WebGPU, and it is answered from there, offline too.
registerRoute(
  ({ url, request }) => request.method === 'GET' && isWebGpuBuildWasm(url.pathname),
  async ({ request }) =>
    withIsolationHeaders(
      (await caches.match(request, { cacheName: WEBGPU_BUILD_CACHE })) ?? (await fetch(request)),
    ),
);

// OpenCC's tables for writing Chinese in Traditional characters are not precached either: kept on first use.
registerRoute(
  ({ url, request }) => request.method === 'GET' && isChineseTablesChunk(url.pathname),
  async ({ request }) => withIsolationHeaders(await chineseTables(request, caches)),
);

// Client-side routes (/models, /about) load the cached index.html; model and fixture files go to the network.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/(models|fixtures)\//u],
  }),
);

// Model catalogs: the newest when online, the last one seen when offline (the app cannot start without one).
registerRoute(
  ({ url, request }) => request.method === 'GET' && url.pathname.endsWith('/catalog.json'),
  new NetworkFirst({ cacheName: 'lexlet-catalogs', networkTimeoutSeconds: 5, plugins: [isolationPlugin] }),
);

// Control the open page as soon as this worker activates (first visit, or after "Reload" on an update), so the
// engine worker and onnxruntime's files it loads next are answered from the cache when offline.
clientsClaim();

// The page asks for this when the user accepts "Update available — Reload" (registerType 'prompt').
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
