import { expect, test } from '@playwright/test';
import { downloadFromOffer, engineWorker, openApp, translate } from './app';

const RESTARTED = 'The engine stopped responding and was restarted';

test('restarts a crashed engine worker', async ({ page }) => {
  await openApp(page);
  const worker = await engineWorker(page);
  // An uncaught error reaches the page as the worker's `error` event.
  await worker.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash');
    }, 0);
  });
  await expect(page.getByTestId('engine-notice')).toContainText(RESTARTED);
  await expect(page.getByTestId('backend-chip')).not.toHaveAttribute('data-backend', '');
});

test('restarts a hung engine worker, fails the work in flight and keeps the input', async ({ page }) => {
  const input = 'Where is the station?';
  await openApp(page);
  await downloadFromOffer(page);
  await page.getByTestId('source-text').fill(input);

  // Busy-loop the worker's thread: pings go unanswered, so the watchdog must replace it.
  const worker = await engineWorker(page);
  await worker.evaluate(() => {
    setTimeout(() => {
      for (;;) {
        // hang
      }
    }, 0);
  });
  await page.getByTestId('translate-button').click();
  await expect(page.getByTestId('translate-error')).toContainText(RESTARTED, { timeout: 60_000 });
  await expect(page.getByTestId('engine-notice')).toContainText(RESTARTED);
  await expect(page.getByTestId('source-text')).toHaveValue(input);

  // The new worker works.
  expect((await translate(page, input)).length).toBeGreaterThan(0);
});
