/**
 * Faults and awkward input the app must ride out: a reload in the middle of a download, model files that are not
 * the model they claim to be, empty text, mixed scripts, a pair with no model, a crash of the engine worker, and a
 * cancelled review. In each case nothing the user typed or got back is lost.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { formatBytes } from '../src/app/format';
import { HTML_PAGE, TAGGER_GRAPH } from '../src/engine/runtime/broken-model.test-support';
import { MODEL_CACHE_NAME } from '../src/engine/store/cache-storage-store';
import {
  FIXTURE_MODEL_ID,
  downloadFromOffer,
  engineWorker,
  expectedBackend,
  openApp,
  translate,
} from './app';
import { expectedTranslation } from './expected-translation';

const INPUT = 'The cat is on the table.';
const MODEL_DIR = '/fixtures/models/tiny-en-es/';
const ENCODER = 'onnx/encoder_model_quantized.onnx';
const DECODER = 'onnx/decoder_model_merged_quantized.onnx';
const RESTARTED = 'The engine stopped responding and was restarted';
const TERMS = readFileSync(new URL('fixtures/review/terms-of-service.txt', import.meta.url), 'utf8');

interface CatalogFile {
  path: string;
  size: number;
  sha256: string;
}
interface CatalogEntry {
  id: string;
  files: CatalogFile[];
}
const CATALOG = JSON.parse(
  readFileSync(new URL('fixtures/models/catalog.json', import.meta.url), 'utf8'),
) as { models: CatalogEntry[] };
const TINY = CATALOG.models.find((model) => model.id === FIXTURE_MODEL_ID) as CatalogEntry;

/** Matches a path exactly: a glob would also match the page itself, whose query names the catalog. */
function atPath(path: string): (url: URL) => boolean {
  return (url) => url.pathname === path;
}

/** URL and byte length of every file in the model cache, and whether its bytes hash to `sha256`. */
async function cachedFiles(page: Page): Promise<{ url: string; size: number; sha256: string }[]> {
  return page.evaluate(async (cacheName) => {
    const cache = await caches.open(cacheName);
    const hex = (buffer: ArrayBuffer) =>
      [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return Promise.all(
      (await cache.keys()).map(async (request) => {
        const bytes = await ((await cache.match(request)) as Response).arrayBuffer();
        return {
          url: new URL(request.url).pathname,
          size: bytes.byteLength,
          sha256: hex(await crypto.subtle.digest('SHA-256', bytes)),
        };
      }),
    );
  }, MODEL_CACHE_NAME);
}

test('a reload in the middle of a model download keeps only whole files, and the download then finishes and translates', async ({
  page,
}) => {
  // The decoder (the last file) does not arrive until the page has been reloaded.
  let holdDecoder = true;
  await page.route(atPath(`${MODEL_DIR}${DECODER}`), async (route) => {
    while (holdDecoder) await new Promise((resolve) => setTimeout(resolve, 100));
    // The request of the page that was reloaded is gone by now.
    await route.fallback().catch(() => undefined);
  });
  await openApp(page, '/models');
  const row = page.getByTestId(`model-${FIXTURE_MODEL_ID}`);
  await row.getByTestId('download-model').click();
  await expect
    .poll(async () => (await cachedFiles(page)).map((file) => file.url))
    .toContain(`${MODEL_DIR}${ENCODER}`);
  await page.reload();

  // Every file in the cache is whole and verified; the one cut off is not there at all.
  const before = TINY.files.filter((file) => file.path !== DECODER);
  const cached = await cachedFiles(page);
  expect(cached.map((file) => file.url).sort()).toEqual(
    before.map((file) => `${MODEL_DIR}${file.path}`).sort(),
  );
  for (const file of before) {
    expect(cached.find((entry) => entry.url === `${MODEL_DIR}${file.path}`)).toMatchObject({
      size: file.size,
      sha256: file.sha256,
    });
  }
  const partly = before.reduce((sum, file) => sum + file.size, 0);
  await expect(row.getByTestId('model-status')).toHaveText(`Partly downloaded (${formatBytes(partly)})`);
  await expect(row).toHaveAttribute('data-state', 'absent');

  holdDecoder = false;
  await page.getByTestId('nav-translate').click();
  await downloadFromOffer(page);
  expect(await translate(page, INPUT)).toBe(await expectedTranslation(INPUT));
});

test('once the first model is stored, the page asks the browser once to keep its storage', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const calls: number[] = [];
    Object.assign(window, { persistCalls: calls });
    const persist = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => {
      calls.push(Date.now());
      return persist();
    };
  });
  const persistCalls = () =>
    page.evaluate(() => (window as unknown as { persistCalls: number[] }).persistCalls.length);
  await openApp(page, '/models');
  await expect(page.getByTestId(`model-${FIXTURE_MODEL_ID}`).getByTestId('model-status')).toHaveText(
    'Not downloaded',
  );
  expect(await persistCalls()).toBe(0);

  await page.getByTestId('nav-translate').click();
  await downloadFromOffer(page);
  await expect.poll(persistCalls).toBe(1);
  await translate(page, INPUT);
  await page.getByTestId('nav-models').click();
  await expect(page.getByTestId(`model-${FIXTURE_MODEL_ID}`).getByTestId('model-status')).toHaveText('Ready');
  expect(await persistCalls()).toBe(1);
});

/**
 * Serves `bytes` as the fixture's encoder, with a catalog entry pinned to them (so the download checks pass), and
 * checks that translating fails with `message`, the text, backend and worker stay, and a review still runs.
 */
async function expectRefusedEncoder(page: Page, testInfo: TestInfo, bytes: Uint8Array, message: string) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await page.route(atPath('/fixtures/models/catalog.json'), async (route) => {
    const response = await route.fetch();
    const catalog = (await response.json()) as { models: CatalogEntry[] };
    for (const file of catalog.models.find((model) => model.id === FIXTURE_MODEL_ID)?.files ?? []) {
      if (file.path === ENCODER) Object.assign(file, { size: bytes.byteLength, sha256 });
    }
    await route.fulfill({ response, json: catalog });
  });
  await page.route(atPath(`${MODEL_DIR}${ENCODER}`), (route) =>
    route.fulfill({ body: Buffer.from(bytes), contentType: 'application/octet-stream' }),
  );
  await openApp(page);
  await page.getByTestId('source-text').fill(INPUT);
  // With text typed, the offer downloads the model and translates.
  await page.getByTestId('download-offer-button').click();
  const error = page.getByTestId('translate-error');
  await expect(error).toContainText(message, { timeout: 120_000 });
  await expect(error).toContainText('Delete the model on the Models page and download it again.');
  await expect(page.getByTestId('source-text')).toHaveValue(INPUT);
  // A wrong model is not a WebGPU failure: the backend stays, and the worker was not restarted.
  await expect(page.getByTestId('backend-chip')).toHaveAttribute('data-backend', expectedBackend(testInfo));
  await expect(page.getByTestId('engine-notice')).toHaveCount(0);

  // The rest of the app works: a review runs to the end.
  await page.getByTestId('nav-review').click();
  await page.getByTestId('review-text').fill(TERMS);
  await page.getByTestId('review-button').click();
  await expect(page.getByTestId('review-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
}

test('an encoder file that is an HTML page, with a catalog entry that matches its bytes, fails naming the model and file, and the app goes on', async ({
  page,
}, testInfo) => {
  await expectRefusedEncoder(
    page,
    testInfo,
    HTML_PAGE,
    `${FIXTURE_MODEL_ID}/${ENCODER} is not an ONNX model: it is text, beginning “<!DOCTYPE html>…”.`,
  );
});

test('an encoder file that is a graph with other inputs, with a catalog entry that matches its bytes, fails naming the model and file, and the app goes on', async ({
  page,
}, testInfo) => {
  await expectRefusedEncoder(
    page,
    testInfo,
    readFileSync(TAGGER_GRAPH),
    `${FIXTURE_MODEL_ID}/${ENCODER} is not the graph this model needs: it takes input_ids, mask but needs input_ids, attention_mask.`,
  );
});

test('empty and whitespace-only text: Translate and Review do nothing, fail nothing, and keep the text', async ({
  page,
}) => {
  const blank = '   \n\t  \n ';
  await openApp(page);
  await downloadFromOffer(page);
  await page.getByTestId('source-text').fill(blank);
  await expect(page.getByTestId('translate-button')).toBeDisabled();
  await page.getByTestId('source-text').press('Control+Enter');
  await expect(page.getByTestId('translate-status')).toHaveAttribute('data-state', 'idle');
  await expect(page.getByTestId('output')).toHaveText('');
  await expect(page.getByTestId('translate-error')).toHaveCount(0);

  await page.getByTestId('nav-review').click();
  await page.getByTestId('review-text').fill(blank);
  await expect(page.getByTestId('review-button')).toBeDisabled();
  await page.getByTestId('review-text').press('Control+Enter');
  await expect(page.getByTestId('review-progress')).toHaveCount(0);
  await expect(page.getByTestId('review-error')).toHaveCount(0);
  await expect(page.getByTestId('review-results')).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('review-text')).toHaveValue(blank);
  await page.getByTestId('nav-translate').click();
  await expect(page.getByTestId('source-text')).toHaveValue(blank);
});

test('mixed scripts, emoji and right-to-left text translate in full, emoji kept, in panes that set their direction', async ({
  page,
}) => {
  const mixed = [
    'مرحبا بالعالم، الاجتماع في 2024 😀.',
    'שלום עולם, הפגישה ב-15:30 👍🏽.',
    'The cat 🐱 sleeps 12 hours; Кошка спит. 猫在睡觉。 🇪🇸',
  ].join('\n');
  await openApp(page);
  await downloadFromOffer(page);
  const output = await translate(page, mixed);
  expect(output).toBe(await expectedTranslation(mixed));
  expect(output.split('\n')).toHaveLength(3);
  for (const kept of ['😀', '👍🏽', '🐱', '🇪🇸', '2024', '15:30', '12']) expect(output).toContain(kept);
  await expect(page.getByTestId('output')).toHaveAttribute('dir', 'auto');
  await expect(page.getByTestId('source-text')).toHaveAttribute('dir', 'auto');
});

test('a pair with no model is named as such, with the pair shown instead and the languages there are', async ({
  page,
}) => {
  // As left by an earlier visit or another model list: Arabic → Spanish, which no model here translates.
  await page.addInitScript(() => localStorage.setItem('lexlet.translate.source', 'ar'));
  await openApp(page);
  await expect(page.getByTestId('pair-unavailable')).toHaveText(
    'No model translates Arabic → Spanish. Showing English → Spanish instead. Models here translate from: English.',
  );
  await expect(page.getByTestId('source-language')).toHaveValue('en');
  await expect(page.getByTestId('target-language')).toHaveValue('es');
  await downloadFromOffer(page);
  expect(await translate(page, INPUT)).toBe(await expectedTranslation(INPUT));
});

test('a review and its text survive a reload, a move to another page and a crash of the engine worker', async ({
  page,
}) => {
  await openApp(page, '/review');
  await page.getByTestId('review-text').fill(TERMS);
  await page.getByTestId('review-button').click();
  const status = page.getByTestId('review-status');
  await expect(status).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  const shown = (await status.textContent()) ?? '';
  const highlights = await page.getByTestId('clause-highlight').count();
  expect(highlights).toBeGreaterThan(0);

  const expectReviewKept = async () => {
    await expect(page.getByTestId('review-text')).toHaveValue(TERMS);
    await expect(status).toHaveText(shown);
    await expect(page.getByTestId('clause-highlight')).toHaveCount(highlights);
    await expect(page.getByTestId('review-stale')).toHaveCount(0);
  };
  await page.reload();
  await expectReviewKept();
  await page.getByTestId('nav-translate').click();
  await page.getByTestId('nav-review').click();
  await expectReviewKept();

  const worker = await engineWorker(page);
  await worker.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash');
    }, 0);
  });
  await expect(page.getByTestId('engine-notice')).toContainText(RESTARTED);
  await expectReviewKept();
});

test('typed text and its translation survive a crash of the engine worker', async ({ page }) => {
  await openApp(page);
  await downloadFromOffer(page);
  const output = await translate(page, INPUT);
  const worker = await engineWorker(page);
  await worker.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash');
    }, 0);
  });
  await expect(page.getByTestId('engine-notice')).toContainText(RESTARTED);
  await expect(page.getByTestId('source-text')).toHaveValue(INPUT);
  await expect(page.getByTestId('output')).toHaveText(output);
  expect(await translate(page, INPUT)).toBe(output);
});

test('cancelling a review is a status, not an error: the text and the last finished review stay', async ({
  page,
}) => {
  await openApp(page, '/review');
  const review = page.getByTestId('review-text');
  // The Transformer tagger: slow enough per clause that a long text is still being tagged when Cancel is clicked.
  await review.fill(TERMS);
  await page.getByTestId('model-choice').selectOption('lexlet-unfair-tos-encoder');

  // Cancelled while its model downloads: nothing reviewed yet, the text stays.
  let holdModel = true;
  await page.route(/\/fixtures\/models\/lexlet-unfair-tos-encoder\//u, async (route) => {
    while (holdModel) await new Promise((resolve) => setTimeout(resolve, 100));
    await route.fallback().catch(() => undefined);
  });
  await page.getByTestId('review-button').click();
  await expect(page.getByTestId('review-progress')).toHaveAttribute('data-phase', 'downloading');
  await page.getByTestId('review-cancel').click();
  await expect(page.getByTestId('review-cancelled')).toHaveText(
    'Review cancelled. The text is kept; review it again when you are ready.',
  );
  await expect(page.getByTestId('review-error')).toHaveCount(0);
  await expect(review).toHaveValue(TERMS);
  holdModel = false;

  await page.getByTestId('review-button').click();
  const status = page.getByTestId('review-status');
  await expect(status).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('review-cancelled')).toHaveCount(0);
  const first = await status.getAttribute('data-review');

  // Cancelled while tagging a long text: the last finished review stays on screen.
  const long = Array.from({ length: 30 }, () => TERMS).join('\n\n');
  await review.fill(long);
  await page.getByTestId('review-button').click();
  await expect(page.getByTestId('review-progress')).toHaveAttribute('data-phase', 'tagging');
  await page.getByTestId('review-cancel').click();
  const cancelled = page.getByTestId('review-cancelled');
  // The cancel takes effect between tagger batches: on the tests' software WebGPU adapter the batch under way
  // can take longer than the default wait.
  await expect(cancelled).toHaveText(
    'Review cancelled. The text is kept, and the last finished review is shown below.',
    { timeout: 120_000 },
  );
  await expect(cancelled).not.toHaveClass(/error/u);
  await expect(page.getByTestId('review-error')).toHaveCount(0);
  await expect(review).toHaveValue(long);
  await expect(status).toHaveAttribute('data-review', first ?? '');
  await expect(page.getByTestId('review-stale')).toBeVisible();
});
