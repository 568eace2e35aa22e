import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { FIXTURE_MODEL_ID, downloadFromOffer, expectedBackend, openApp, translate } from './app';
import { expectedTranslation } from './expected-translation';

const INPUT = 'The cat is on the table.';

test('reports the backend this browser can use', async ({ page }, testInfo) => {
  await openApp(page);
  const chip = page.getByTestId('backend-chip');
  if (expectedBackend(testInfo) === 'webgpu') {
    await expect(chip).toHaveAttribute('data-backend', 'webgpu');
    await expect(chip).toContainText('WebGPU');
  } else {
    await expect(chip).toHaveAttribute('data-backend', 'wasm');
    await expect(chip).toHaveText('WASM — no WebGPU adapter');
  }
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});

test('applies and remembers the backend setting', async ({ page }, testInfo) => {
  await openApp(page, '/models');
  const chip = page.getByTestId('backend-chip');
  await page.getByTestId('backend-wasm').check();
  await expect(chip).toHaveText('WASM — chosen in settings');
  await page.reload();
  await expect(page.getByTestId('backend-wasm')).toBeChecked();
  await expect(chip).toHaveText('WASM — chosen in settings');
  await page.getByTestId('backend-auto').check();
  // Auto leaves a software fallback adapter (this browser's SwiftShader) to WASM; choosing WebGPU still gets it.
  await expect(chip).toHaveText(
    expectedBackend(testInfo) === 'webgpu'
      ? 'WASM — WebGPU here is a software fallback (google swiftshader), slower than WASM'
      : 'WASM — no WebGPU adapter',
  );
  if (expectedBackend(testInfo) === 'webgpu') {
    await page.getByTestId('backend-webgpu').check();
    await expect(chip).toHaveText('WebGPU — google swiftshader (fallback)');
  }
});

test('downloads the model with a progress bar, then translates as the Node engine does', async ({
  page,
}, testInfo) => {
  // Hold each model file back a little so the progress bar is on screen long enough to check.
  await page.route(`**/fixtures/models/tiny-en-es/**`, async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.fulfill({ response });
  });
  await openApp(page);
  await page.getByTestId('source-text').fill(INPUT);
  await expect(page.getByTestId('char-count')).toHaveText(`${INPUT.length} characters`);
  await expect(page.getByTestId('download-offer-button')).toContainText('Download');

  await page.getByTestId('download-offer-button').click();
  await expect(page.getByTestId('download-progress')).toBeVisible();
  // The offer starts the translation itself once the model is ready.
  await expect(page.getByTestId('download-offer')).toBeHidden({ timeout: 120_000 });
  await expect(page.getByTestId('translate-status')).toHaveAttribute('data-state', 'done', {
    timeout: 150_000,
  });

  const output = (await page.getByTestId('output').textContent()) ?? '';
  expect(output.trim().length).toBeGreaterThan(0);
  expect(output).toBe(await expectedTranslation(INPUT));
  await expect(page.getByTestId('translate-status')).toHaveAttribute(
    'data-backend',
    expectedBackend(testInfo),
  );
  await expect(page.getByTestId('translate-status')).toContainText('tokens/s');

  // Nothing typed is lost on reload.
  await page.reload();
  await expect(page.getByTestId('source-text')).toHaveValue(INPUT);
});

test("answers a sentence in the model's phrasebook from it, and the rest with the model", async ({
  page,
}) => {
  // The fixture's phrasebook knows one sentence (e2e/fixtures/models/README.md); it travels with the model.
  await openApp(page);
  await downloadFromOffer(page);
  const text = `See you tomorrow! ${INPUT}`;
  const output = await translate(page, text);
  expect(output.startsWith('¡Hasta mañana! ')).toBe(true);
  expect(output).toBe(await expectedTranslation(text));
  expect(await translate(page, 'see you tomorrow')).toBe('Hasta mañana');
});

test('lists the fixture on the Models page and deletes it', async ({ page }) => {
  await openApp(page, '/models');
  const row = page.getByTestId(`model-${FIXTURE_MODEL_ID}`);
  await expect(row.getByTestId('fixture-badge')).toHaveText('test fixture');
  await expect(row.getByTestId('model-status')).toHaveText('Not downloaded');
  await row.getByTestId('download-model').click();
  await expect(row.getByTestId('model-status')).toHaveText('Ready', { timeout: 120_000 });
  await expect(page.getByTestId('storage')).toContainText('Storage used');
  await row.getByTestId('delete-model').click();
  await row.getByTestId('confirm-delete').click();
  await expect(row.getByTestId('model-status')).toHaveText('Not downloaded');

  await page.getByTestId('nav-translate').click();
  await expect(page).toHaveURL(/\?catalog=/u);
  await downloadFromOffer(page);
  expect((await translate(page, INPUT)).length).toBeGreaterThan(0);
});

test('cancels a download from the Models page', async ({ page }) => {
  // Hold the model files back so the download is still running when Cancel is clicked.
  await page.route('**/fixtures/models/tiny-en-es/onnx/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await route.fallback();
  });
  await openApp(page, '/models');
  const row = page.getByTestId(`model-${FIXTURE_MODEL_ID}`);
  await row.getByTestId('download-model').click();
  await expect(row.getByTestId('model-status')).toContainText('Downloading');
  await row.getByTestId('cancel-download').click();
  await expect(row.getByTestId('download-model')).toBeVisible();
  await expect(row).not.toHaveAttribute('data-state', 'ready');
  await expect(row.getByTestId('model-error')).toBeHidden();
});

test('keeps the translation on going to another page and back, and on reload', async ({ page }) => {
  await openApp(page);
  await downloadFromOffer(page);
  const output = await translate(page, INPUT);
  expect(output).toBe(await expectedTranslation(INPUT));

  await page.getByTestId('nav-models').click();
  await expect(page.getByTestId('output')).toBeHidden();
  await page.getByTestId('nav-translate').click();
  await expect(page.getByTestId('source-text')).toHaveValue(INPUT);
  await expect(page.getByTestId('output')).toHaveText(output);
  await expect(page.getByTestId('copy-button')).toBeEnabled();

  await page.reload();
  await expect(page.getByTestId('source-text')).toHaveValue(INPUT);
  await expect(page.getByTestId('output')).toHaveText(output);
  await expect(page.getByTestId('output')).toHaveAttribute('lang', 'es');
});

/**
 * Starts translating a text long enough that it can be stopped mid-run, and waits until its first eight sentences
 * are finished: sentences are translated in groups of up to eight and reported done group by group, so once the
 * ninth is on screen whole, the first eight are done. Returns the sentences.
 */
async function startLongTranslation(page: Page, testInfo: TestInfo): Promise<string[]> {
  await openApp(page);
  await downloadFromOffer(page);
  // WebGPU runs on SwiftShader (a CPU), so far fewer sentences keep it busy as long; three groups of eight, so
  // that a whole group is still to come once the second has started to show.
  const count = expectedBackend(testInfo) === 'webgpu' ? 24 : 160;
  // Names, not numbers: a sentence whose translation drops a number is translated again (numbers.ts).
  const name = (index: number) =>
    String.fromCharCode(65 + (index % 26)) + 'abcdefghij'.charAt(Math.floor(index / 26));
  const sentences = Array.from({ length: count }, (_, index) => `The cat ${name(index)} is on the table.`);
  await page.getByTestId('source-text').fill(sentences.join(' '));
  await page.getByTestId('translate-button').click();
  await expect(page.getByTestId('output')).toContainText(await expectedTranslation(sentences[8] ?? ''), {
    timeout: 120_000,
  });
  return sentences;
}

/** What the first `count` sentences translate to, as the output shows them. */
async function translatedStart(sentences: readonly string[], count: number): Promise<string> {
  const done = await Promise.all(sentences.slice(0, count).map((sentence) => expectedTranslation(sentence)));
  return done.join(' ');
}

/** How many sentences, from the first, `shown` is the translation of; -1 if it is no such start. */
async function sentencesShown(sentences: readonly string[], shown: string): Promise<number> {
  const done: string[] = [];
  for (const sentence of sentences) {
    if (done.join(' ') === shown) return done.length;
    done.push(await expectedTranslation(sentence));
  }
  return done.join(' ') === shown ? done.length : -1;
}

test('cancelling keeps the sentences already translated and says so as a status, not an error', async ({
  page,
}, testInfo) => {
  const sentences = await startLongTranslation(page, testInfo);
  await page.getByTestId('cancel-button').click();

  const status = page.getByTestId('translate-status');
  await expect(status).toHaveAttribute('data-state', 'cancelled');
  await expect(status).toHaveText(
    new RegExp(`^Cancelled · \\d+ of ${sentences.length} sentences kept$`, 'u'),
  );
  const kept = Number(/(\d+) of/u.exec((await status.textContent()) ?? '')?.[1]);
  expect(kept).toBeGreaterThanOrEqual(8);
  expect(kept).toBeLessThan(sentences.length);
  const output = page.getByTestId('output');
  const start = await translatedStart(sentences, kept);
  await expect(output).toHaveText(start);
  await expect(page.getByTestId('translate-error')).toBeHidden();
  await expect(page.getByTestId('copy-button')).toBeEnabled();

  // What was kept is the translation now: it survives a reload like a finished one.
  await page.reload();
  await expect(output).toHaveText(start);
});

test('leaving the page mid-run stops it and keeps the sentences already translated', async ({
  page,
}, testInfo) => {
  const sentences = await startLongTranslation(page, testInfo);
  await page.getByTestId('nav-models').click();
  // The run ends once the engine has stopped, after the page is gone; what it kept is stored by then.
  const stored = () => page.evaluate(() => localStorage.getItem('lexlet.translate.output') ?? '');
  await expect.poll(stored).toContain(await expectedTranslation(sentences[0] ?? ''));

  await page.getByTestId('nav-translate').click();
  const kept = await sentencesShown(sentences, (await page.getByTestId('output').textContent()) ?? '');
  expect(kept).toBeGreaterThanOrEqual(8);
  expect(kept).toBeLessThan(sentences.length);
});
