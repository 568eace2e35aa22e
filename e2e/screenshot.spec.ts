import { expect, test, type Page } from '@playwright/test';

/**
 * Not a test: renders docs/screenshot.png of the Translate page with a translation on screen.
 *   npx vite build && LEXLET_SCREENSHOT="Text to translate" npx playwright test screenshot --project=wasm
 * Uses the bundled catalog (real models), or the catalog path given in LEXLET_SCREENSHOT_CATALOG.
 */
const text = process.env.LEXLET_SCREENSHOT ?? '';

async function translateNow(page: Page, input: string): Promise<void> {
  await page.getByTestId('source-text').fill(input);
  const offer = page.getByTestId('download-offer-button');
  if (await offer.isVisible()) await offer.first().click();
  else await page.getByTestId('translate-button').click();
  await expect(page.getByTestId('translate-status')).toHaveAttribute('data-state', 'done', {
    timeout: 600_000,
  });
}

test('screenshot of the Translate page', async ({ page }) => {
  const catalog = process.env.LEXLET_SCREENSHOT_CATALOG;
  await page.setViewportSize({ width: 1200, height: 600 });
  await page.goto(catalog ? `/?catalog=${catalog}` : '/');
  await expect(page.getByTestId('backend-chip')).not.toHaveAttribute('data-backend', '');
  // A first sentence loads the model, so the speed shown is that of translation alone.
  await translateNow(page, 'Hello.');
  await translateNow(page, text);
  await page
    .getByRole('button', { name: 'OK' })
    .click({ timeout: 2_000 })
    .catch(() => undefined);
  await page.screenshot({ path: 'docs/screenshot.png' });
});
