/**
 * A remote model whose catalog pins no sizes or digests, the way the Hugging Face entries are listed: the fixture
 * model is served from another origin (CORS, like huggingface.co), the catalog from a third, and the app must
 * size, download, verify or record, cache and run it exactly as the Node engine does.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { formatBytes } from '../src/app/format';
import { expectedBackend, FIXTURE_MODEL_ID, translate } from './app';
import { expectedTranslation } from './expected-translation';

const MODEL_DIR = fileURLToPath(new URL('fixtures/models/tiny-en-es/', import.meta.url));
const MODEL_ID = 'fixture-remote-tiny-en-es';
const FILES = [
  'config.json',
  'generation_config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'onnx/encoder_model_quantized.onnx',
  'onnx/decoder_model_merged_quantized.onnx',
];
const BUNDLED_CATALOG = fileURLToPath(new URL('fixtures/models/catalog.json', import.meta.url));
const INPUT = 'The cat is on the table.';
/** What the Models page must show once the host has told the sizes. */
const TOTAL_TEXT = formatBytes(FILES.reduce((sum, path) => sum + statSync(join(MODEL_DIR, path)).size, 0));

interface HostOptions {
  /** Answer HEAD with the size (as Hugging Face does) or refuse it. */
  head: boolean;
  /** Send Content-Length, or stream bodies chunked so only their end tells the size. */
  contentLength: boolean;
  /** X-Linked-ETag for the .onnx files: their SHA-256 (as for LFS files on Hugging Face), or a wrong one. */
  linkedEtag: 'sha256' | 'wrong';
  /**
   * Also list a bundled model for the same pair, first, as the real catalog lists its models: the app's fixture,
   * served beside the catalog (same origin, as the app serves its own models).
   */
  withBundled?: boolean;
}

interface Hosts {
  catalogUrl: string;
  /** Where the model's files are served, e.g. http://127.0.0.1:41234. */
  modelOrigin: string;
  requests: { method: string; path: string }[];
  close(): Promise<void>;
  closeModelHost(): Promise<void>;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, X-Linked-ETag, Content-Range, Content-Length',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Serves the fixture model's files with CORS from one port and a catalog listing them, unpinned, from another. */
async function startHosts(options: HostOptions): Promise<Hosts> {
  const requests: Hosts['requests'] = [];
  const modelHost = await listen((request, response) => {
    const path = relative(
      '/tiny-en-es',
      decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname),
    );
    requests.push({ method: request.method ?? 'GET', path });
    if (!FILES.includes(path)) {
      response.writeHead(404, CORS).end();
      return;
    }
    const bytes = readFileSync(join(MODEL_DIR, path));
    const headers: Record<string, string | number> = { ...CORS, 'Content-Type': 'application/octet-stream' };
    if (path.endsWith('.onnx')) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      headers['X-Linked-ETag'] = `"${options.linkedEtag === 'sha256' ? sha256 : 'f'.repeat(64)}"`;
    }
    if (options.contentLength) headers['Content-Length'] = bytes.length;
    if (request.method === 'HEAD') {
      response.writeHead(options.head ? 200 : 405, headers).end();
      return;
    }
    response.writeHead(200, headers);
    // Several writes a little apart: a body that arrives in pieces, as over a real connection.
    const pieces = [bytes.subarray(0, bytes.length >> 1), bytes.subarray(bytes.length >> 1)];
    pieces.forEach((piece, index) => setTimeout(() => response.write(piece), 100 * index));
    setTimeout(() => response.end(), 100 * pieces.length);
  });
  const baseUrl = `http://127.0.0.1:${portOf(modelHost)}/tiny-en-es/`;
  const bundled = (JSON.parse(readFileSync(BUNDLED_CATALOG, 'utf8')) as { models: { id: string }[] }).models
    .filter((model) => model.id === FIXTURE_MODEL_ID)
    .map((model) => ({ ...model, baseUrl: 'bundled/tiny-en-es/' }));
  const catalog = {
    version: 1,
    models: [
      ...(options.withBundled ? bundled : []),
      {
        id: MODEL_ID,
        name: 'Tiny en→es remote test fixture (not a translator)',
        task: 'translation',
        source: 'en',
        target: 'es',
        baseUrl,
        remote: true,
        fixture: true,
        files: FILES.map((path) => ({ path })),
        license: 'CC-BY-2.0 (training sentences from Tatoeba via manythings.org/anki)',
        attribution: 'Trained by lexlet_mt.fixture on a slice of Tatoeba',
      },
    ],
  };
  const catalogHost = await listen((request, response) => {
    const path = relative('/bundled/tiny-en-es', new URL(request.url ?? '/', 'http://x').pathname);
    if (FILES.includes(path)) {
      response.writeHead(200, CORS).end(readFileSync(join(MODEL_DIR, path)));
      return;
    }
    response.writeHead(200, { ...CORS, 'Content-Type': 'application/json' }).end(JSON.stringify(catalog));
  });
  let modelHostOpen = true;
  const closeModelHost = async () => {
    if (modelHostOpen) await closeServer(modelHost);
    modelHostOpen = false;
  };
  return {
    catalogUrl: `http://127.0.0.1:${portOf(catalogHost)}/catalog.json`,
    modelOrigin: `http://127.0.0.1:${portOf(modelHost)}`,
    requests,
    closeModelHost,
    close: async () => {
      await closeModelHost();
      await closeServer(catalogHost);
    },
  };
}

let hosts: Hosts | null = null;

test.afterEach(async () => {
  await hosts?.close();
  hosts = null;
});

async function openWith(page: Page, catalogUrl: string, path: string): Promise<void> {
  await page.goto(`${path}?catalog=${encodeURIComponent(catalogUrl)}`);
  await expect(page.getByTestId('backend-chip')).not.toHaveAttribute('data-backend', '');
}

/** Fails the test if any text on the page shows a number gone wrong. */
async function expectNoBrokenNumbers(page: Page): Promise<void> {
  expect(await page.locator('body').innerText()).not.toMatch(/NaN|Infinity|undefined/u);
}

test('downloads an unpinned remote model from the Models page, then translates offline as Node does', async ({
  page,
}, testInfo) => {
  hosts = await startHosts({ head: true, contentLength: true, linkedEtag: 'sha256' });
  await openWith(page, hosts.catalogUrl, '/models');
  const row = page.getByTestId(`model-${MODEL_ID}`);
  await expect(row.getByTestId('fixture-badge')).toHaveText('test fixture');
  await expect(row.getByTestId('remote-badge')).toHaveText(
    /^Downloads from 127\.0\.0\.1:\d+ — needs internet the first time$/u,
  );
  await expect(row.getByTestId('model-size')).toHaveText('size shown when the download starts');
  await expect(row.getByTestId('model-status')).toHaveText('Not downloaded');

  await row.getByTestId('download-model').click();
  // The HEAD answers give the total before the first byte, so the row shows a real percentage and size.
  await expect(row.getByTestId('model-status')).toContainText(/Downloading \d+%/u);
  await expect(row.getByTestId('model-size')).toHaveText(TOTAL_TEXT);
  await expectNoBrokenNumbers(page);
  await expect(row.getByTestId('model-status')).toHaveText('Ready', { timeout: 120_000 });
  // The recorded sizes keep the total known after the download.
  await expect(row.getByTestId('model-size')).toHaveText(TOTAL_TEXT);
  // Every file came from the model host (a dropped connection may make one come twice).
  const gets = hosts.requests.filter((request) => request.method === 'GET').map((request) => request.path);
  expect([...new Set(gets)].sort()).toEqual([...FILES].sort());
  expect(hosts.requests.filter((request) => request.method === 'HEAD')).toHaveLength(FILES.length);

  await page.getByTestId('nav-translate').click();
  const output = await translate(page, INPUT);
  expect(output).toBe(await expectedTranslation(INPUT));
  await expect(page.getByTestId('translate-status')).toHaveAttribute(
    'data-backend',
    expectedBackend(testInfo),
  );

  // The model host goes away: the cached, recorded files are all the app needs now.
  await hosts.closeModelHost();
  await page.reload();
  await expect(page.getByTestId('download-offer')).toBeHidden();
  expect(await translate(page, 'The dog sleeps.')).toBe(await expectedTranslation('The dog sleeps.'));
});

test('offers a remote model of unknown size on the Translate page and shows bytes, not a made-up percentage', async ({
  page,
}) => {
  // No HEAD and chunked bodies: the size is unknown until each body ends.
  hosts = await startHosts({ head: false, contentLength: false, linkedEtag: 'sha256' });
  await openWith(page, hosts.catalogUrl, '/');
  const offer = page.getByTestId('download-offer-button');
  await expect(offer).toHaveText(
    'Download Tiny en→es remote test fixture (not a translator) — from the internet, size shown when the download starts',
  );
  await page.getByTestId('source-text').fill(INPUT);
  await offer.click();
  await expect(page.getByTestId('download-offer-status')).toContainText(/Downloading…/u);
  await expect(page.getByTestId('download-offer-status')).not.toContainText('%');
  // An indeterminate bar: no value at all rather than a made-up 0%.
  await expect(page.getByTestId('download-progress')).toHaveClass(/indeterminate/u);
  await expect(page.getByTestId('download-progress')).not.toHaveAttribute('aria-valuenow');
  await expectNoBrokenNumbers(page);
  // The offer translates once the model is ready.
  await expect(page.getByTestId('download-offer')).toBeHidden({ timeout: 120_000 });
  await expect(page.getByTestId('translate-status')).toHaveAttribute('data-state', 'done', {
    timeout: 150_000,
  });
  expect((await page.getByTestId('output').textContent()) ?? '').toBe(await expectedTranslation(INPUT));
});

test('refuses files that do not match the SHA-256 the host vouches for', async ({ page }) => {
  hosts = await startHosts({ head: true, contentLength: true, linkedEtag: 'wrong' });
  await openWith(page, hosts.catalogUrl, '/models');
  const row = page.getByTestId(`model-${MODEL_ID}`);
  await row.getByTestId('download-model').click();
  await expect(row.getByTestId('model-error')).toContainText('failed its integrity check twice', {
    timeout: 120_000,
  });
  await expect(row.getByTestId('model-error')).toContainText('ETag');
  await expect(row).not.toHaveAttribute('data-state', 'ready');
});

test('lets the user pick which model translates a pair, and remembers the pick', async ({ page }) => {
  hosts = await startHosts({ head: true, contentLength: true, linkedEtag: 'sha256', withBundled: true });
  await openWith(page, hosts.catalogUrl, '/');
  const choice = page.getByTestId('model-choice');
  // The bundled model is the default; the remote one says where it comes from.
  await expect(choice).toHaveValue(FIXTURE_MODEL_ID);
  await expect(choice.locator('option')).toHaveText([
    'Tiny en→es test fixture (not a translator) · bundled with Lexlet',
    /^Tiny en→es remote test fixture \(not a translator\) · from 127\.0\.0\.1:\d+, needs internet once$/u,
  ]);
  await expect(page.getByTestId('download-offer-button')).toContainText('Tiny en→es test fixture');

  await choice.selectOption(MODEL_ID);
  await expect(page.getByTestId('download-offer-button')).toContainText('Tiny en→es remote test fixture');
  await page.reload();
  await expect(page.getByTestId('model-choice')).toHaveValue(MODEL_ID);

  // The pick is used: the remote model downloads and translates as Node does.
  await page.getByTestId('source-text').fill(INPUT);
  await page.getByTestId('download-offer-button').click();
  await expect(page.getByTestId('translate-status')).toHaveAttribute('data-state', 'done', {
    timeout: 150_000,
  });
  expect((await page.getByTestId('output').textContent()) ?? '').toBe(await expectedTranslation(INPUT));
  expect(hosts.requests.some((request) => request.method === 'GET')).toBe(true);
  await expect(page.getByTestId('model-choice').locator('option').nth(1)).toHaveText(
    'Tiny en→es remote test fixture (not a translator) · on this device',
  );
});

test('says plainly when a remote model host cannot be reached, offers the bundled model, and falls back to it next visit', async ({
  page,
}) => {
  hosts = await startHosts({ head: true, contentLength: true, linkedEtag: 'sha256', withBundled: true });
  // Every request to the model host fails as if the network were down; its port is closed too, for any request
  // the route does not see.
  await page.context().route(`${hosts.modelOrigin}/**`, (route) => route.abort('internetdisconnected'));
  await hosts.closeModelHost();
  await openWith(page, hosts.catalogUrl, '/');
  await page.getByTestId('model-choice').selectOption(MODEL_ID);
  await page.getByTestId('download-offer-button').click();
  const error = page.getByTestId('download-error');
  await expect(error).toContainText(
    /^Could not reach 127\.0\.0\.1:\d+ to download Tiny en→es remote test fixture \(not a translator\)\. Check your connection, or use the bundled model\./u,
    { timeout: 60_000 },
  );
  await expect(error).not.toContainText(/attempts|config\.json|Failed to fetch/u);

  // The next visit does not pick the unreachable model again, and says why.
  await page.reload();
  await expect(page.getByTestId('model-choice')).toHaveValue(FIXTURE_MODEL_ID);
  await expect(page.getByTestId('model-fallback')).toHaveText(
    /^Using the bundled model \(Tiny en→es test fixture \(not a translator\)\): 127\.0\.0\.1:\d+ could not be reached last time for Tiny en→es remote test fixture \(not a translator\)\.$/u,
  );

  // Picking it again is the user's call; when it fails again, one click goes back to the bundled model.
  await page.getByTestId('model-choice').selectOption(MODEL_ID);
  await page.getByTestId('download-offer-button').click();
  await page.getByTestId('use-bundled-model').click({ timeout: 60_000 });
  await expect(page.getByTestId('model-choice')).toHaveValue(FIXTURE_MODEL_ID);
  await expect(page.getByTestId('download-offer-button')).toHaveText(/^Download Tiny en→es test fixture/u);
  await expect(page.getByTestId('download-error')).toBeHidden();
});
