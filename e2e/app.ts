import { expect, type Page, type TestInfo, type Worker } from '@playwright/test';

/** The test catalog: only fixture models (never real translators), served by `serve.js --fixtures`. */
export const FIXTURE_CATALOG = '/fixtures/models/catalog.json';
export const FIXTURE_MODEL_ID = 'fixture-tiny-en-es';

/** An app URL that loads the fixture catalog. */
export function appUrl(path = '/'): string {
  return `${path}?catalog=${FIXTURE_CATALOG}`;
}

/** Which backend the engine must report in this Playwright project. */
export function expectedBackend(testInfo: TestInfo): 'webgpu' | 'wasm' {
  return testInfo.project.name === 'webgpu' ? 'webgpu' : 'wasm';
}

export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(appUrl(path));
  await expect(page.getByTestId('backend-chip')).not.toHaveAttribute('data-backend', '');
}

/** The dedicated worker that runs the engine (not onnxruntime's pthread workers). */
export async function engineWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().some((worker) => worker.url().includes('engine.worker'))).toBe(true);
  const worker = page.workers().find((candidate) => candidate.url().includes('engine.worker'));
  if (!worker) throw new Error('engine worker not found');
  return worker;
}

/** Downloads the fixture model through the inline offer on the Translate page. */
export async function downloadFromOffer(page: Page): Promise<void> {
  await page.getByTestId('download-offer-button').click();
  await expect(page.getByTestId('download-offer')).toBeHidden({ timeout: 120_000 });
}

/** Types `text`, translates with Ctrl+Enter and returns the finished output. */
export async function translate(page: Page, text: string): Promise<string> {
  await page.getByTestId('source-text').fill(text);
  await page.getByTestId('source-text').press('Control+Enter');
  await expect(page.getByTestId('translate-status')).toHaveAttribute('data-state', 'done', {
    timeout: 150_000,
  });
  return (await page.getByTestId('output').textContent()) ?? '';
}
