import { expect, test } from '@playwright/test';
import { FIXTURE_MODEL_ID, expectedBackend, openApp, translate, downloadFromOffer } from './app';
import { expectedTranslation } from './expected-translation';

interface Manifest {
  name?: string;
  icons?: { src: string; sizes: string; type?: string; purpose?: string }[];
}

/** Waits until a service worker is active and controls this page. */
async function waitForServiceWorker(page: import('@playwright/test').Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

test('is installable: manifest with name and icons, and an active service worker controls the page', async ({
  page,
  request,
}) => {
  await openApp(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = (await (await request.get(new URL(href ?? '', page.url()).href)).json()) as Manifest;
  expect(manifest.name).toBe('Lexlet');
  const sizes = (manifest.icons ?? []).map(
    (icon) => `${icon.sizes}${icon.purpose ? ` ${icon.purpose}` : ''}`,
  );
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512', '512x512 maskable']));
  for (const icon of manifest.icons ?? []) {
    const response = await request.get(new URL(icon.src, new URL(href ?? '', page.url())).href);
    expect(response.headers()['content-type']).toBe('image/png');
  }
  await waitForServiceWorker(page);
  // A worker that claims the page during its activate event controls it while still 'activating'.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
});

test('works offline after the first visit, cross-origin isolated, with the cached model', async ({
  page,
  context,
}, testInfo) => {
  const input = 'I like to read books.';
  await openApp(page);
  await waitForServiceWorker(page);
  await downloadFromOffer(page);

  await context.setOffline(true);
  const reloaded = await page.reload();
  // Answered by the service worker from its cache, with the isolation headers put back.
  expect(reloaded?.fromServiceWorker()).toBe(true);
  expect(reloaded?.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  expect(reloaded?.headers()['cross-origin-opener-policy']).toBe('same-origin');
  await expect(page.getByTestId('backend-chip')).toHaveAttribute('data-backend', expectedBackend(testInfo));
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByTestId('download-offer')).toBeHidden();
  const output = await translate(page, input);
  expect(output).toBe(await expectedTranslation(input));
  await page.getByTestId('nav-models').click();
  await expect(page.getByTestId(`model-${FIXTURE_MODEL_ID}`).getByTestId('model-status')).toHaveText('Ready');
  await context.setOffline(false);
});

/** Every URL in Cache Storage, by cache. */
async function cachedUrls(page: import('@playwright/test').Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const byCache: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      byCache[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
    }
    return byCache;
  });
}

const WEBGPU_BUILD = /ort-wasm-simd-threaded\.asyncify[^/]*\.wasm(\?|$)/u;
const WASM_BUILD = /ort-wasm-simd-threaded-[^/.]*\.wasm(\?|$)/u;

test("downloads onnxruntime's WebGPU build only where WebGPU is used, and keeps it for offline use", async ({
  page,
}, testInfo) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await openApp(page);
  await waitForServiceWorker(page);
  await downloadFromOffer(page);
  const input = 'I like to read books.';
  expect(await translate(page, input)).toBe(await expectedTranslation(input));

  const cached = await cachedUrls(page);
  const all = Object.values(cached).flat();
  // The WASM-only build is precached for every visitor: WASM is where any backend falls back to.
  expect(all.some((url) => WASM_BUILD.test(url))).toBe(true);
  if (expectedBackend(testInfo) === 'webgpu') {
    expect((cached['lexlet-onnxruntime-webgpu'] ?? []).filter((url) => WEBGPU_BUILD.test(url))).toHaveLength(
      1,
    );
  } else {
    expect(all.filter((url) => WEBGPU_BUILD.test(url))).toEqual([]);
    expect(requested.filter((url) => WEBGPU_BUILD.test(url))).toEqual([]);
  }
});
