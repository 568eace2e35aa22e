import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page, type Request } from '@playwright/test';
import { downloadFromOffer, openApp, translate } from './app';

const TERMS = readFileSync(new URL('fixtures/review/terms-of-service.txt', import.meta.url), 'utf8');

/** Every request the page, its workers and its service worker make from now on. */
function recordRequests(context: BrowserContext): Request[] {
  const requests: Request[] = [];
  context.on('request', (request) => requests.push(request));
  return requests;
}

async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

/** Reviews `text` on the Review page and waits for the result. */
async function review(page: Page, text: string): Promise<void> {
  await page.getByTestId('nav-review').click();
  await page.getByTestId('review-text').fill(text);
  await page.getByTestId('review-button').click();
  await expect(page.getByTestId('review-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
}

test('once its models are cached, translates and reviews offline without one request reaching the network', async ({
  page,
  context,
}) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await downloadFromOffer(page);
  await review(page, TERMS);
  await page.getByTestId('nav-translate').click();

  await context.setOffline(true);
  const requests = recordRequests(context);
  const failed: string[] = [];
  // A request the page cancels itself (an icon fetch cut short by a navigation) never tried the network.
  context.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(request.url());
  });
  await page.reload();
  await expect(page.getByTestId('backend-chip')).not.toHaveAttribute('data-backend', '');
  expect((await translate(page, 'The cat sleeps on the sofa.')).trim()).not.toBe('');
  await review(page, TERMS);
  await expect(page.getByTestId('clause-highlight').first()).toBeVisible();

  const origin = new URL(page.url()).origin;
  // The reloaded page, its scripts, workers and onnxruntime's files were all asked for.
  expect(requests.length).toBeGreaterThan(5);
  const urls = requests.map((request) => request.url());
  expect(urls.filter((url) => !url.startsWith(origin) && !/^(blob|data):/u.test(url))).toEqual([]);
  // Everything the page and its workers asked for was answered by the service worker from its cache; only the
  // service worker's own freshness check of the catalog tried the network, and failed, being offline.
  const fromNetwork: string[] = [];
  for (const request of requests) {
    if (/^(blob|data):/u.test(request.url())) continue;
    const response = await request.response();
    if (response && !response.fromServiceWorker() && !request.serviceWorker())
      fromNetwork.push(request.url());
    if (response && request.serviceWorker()) fromNetwork.push(request.url());
  }
  expect(fromNetwork).toEqual([]);
  expect(failed.every((url) => new URL(url).pathname.endsWith('/catalog.json'))).toBe(true);
  await context.setOffline(false);
});

test('no request of an online visit carries the text typed or reviewed, in its URL or its body', async ({
  page,
  context,
}) => {
  const secret = 'Quillfeather Zanzibar 77813 owes the remaining balance';
  const requests = recordRequests(context);
  await openApp(page);
  await downloadFromOffer(page);
  await translate(page, `${secret}.`);
  await review(page, `${TERMS}\n\n${secret} under these terms.`);

  const words = ['Quillfeather', 'Zanzibar', '77813'];
  const leaks = requests.filter((request) => {
    const carried = `${decodeURIComponent(request.url())} ${request.postData() ?? ''}`;
    return words.some((word) => carried.includes(word));
  });
  expect(leaks.map((request) => request.url())).toEqual([]);
  // The visit did talk to its server (catalog, models), so the check above saw real traffic.
  expect(requests.length).toBeGreaterThan(5);
  expect(requests.every((request) => request.method() === 'GET')).toBe(true);
});
