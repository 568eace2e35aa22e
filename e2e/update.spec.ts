import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { openApp } from './app';

const serviceWorkerFile = fileURLToPath(new URL('../dist/service-worker.js', import.meta.url));

test('offers a new version with "Update available — Reload" and switches to it', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => navigator.serviceWorker.ready);

  // A new release: the service worker's bytes change on the server (the browser's own update check fetches it,
  // which request interception cannot see, so the built file itself changes for the length of this test).
  const original = await readFile(serviceWorkerFile, 'utf8');
  await writeFile(serviceWorkerFile, `${original}\n// next release\n`);
  try {
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByTestId('update-prompt');
    await expect(prompt).toContainText('Update available');
    const reloaded = page.waitForEvent('load');
    await prompt.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
  } finally {
    await writeFile(serviceWorkerFile, original);
  }
  await expect(page.getByTestId('update-prompt')).toBeHidden();
  await expect(page.getByTestId('backend-chip')).not.toHaveAttribute('data-backend', '');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null),
  ).toBeNull();
});
