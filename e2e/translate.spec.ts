import { expect, test } from '@playwright/test';
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
  await expect(chip).toHaveAttribute('data-backend', expectedBackend(testInfo));
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

test('lists the fixture on the Models page and deletes it', async ({ page }) => {
  await openApp(page, '/models');
  const row = page.getByTestId(`model-${FIXTURE_MODEL_ID}`);
  await expect(row.getByTestId('fixture-badge')).toHaveText('test fixture');
  await expect(row.getByTestId('model-status')).toHaveText('Not downloaded');
  await row.getByTestId('download-model').click();
  await expect(row.getByTestId('model-status')).toHaveText('Ready', { timeout: 120_000 });
  await expect(page.getByTestId('storage')).toContainText('Storage used');
  await row.getByTestId('delete-model').click();
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
