import { expect, test } from '@playwright/test';
import { appUrl, downloadFromOffer, openApp, translate } from './app';

for (const { path, title } of [
  { path: '/', title: 'Translate' },
  { path: '/review', title: 'Review' },
  { path: '/models', title: 'Models' },
  { path: '/about', title: 'About Lexlet' },
]) {
  test(`${path} has one h1, naming the page`, async ({ page }) => {
    await openApp(page, path);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveCount(1);
    await expect(heading).toHaveText(title);
  });
}

test('marks the text and its translation with the languages they are in', async ({ page }) => {
  await openApp(page);
  await downloadFromOffer(page);
  await translate(page, 'The cat is on the table.');
  await expect(page.getByTestId('output')).toHaveAttribute('lang', 'es');
  await expect(page.getByTestId('source-text')).toHaveAttribute('lang', 'en');
});

test('an unknown address shows a not-found page, not Translate', async ({ page }) => {
  await page.goto(appUrl('/no-such-page'));
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByTestId('not-found')).toContainText('/no-such-page');
  await expect(page.getByTestId('source-text')).toHaveCount(0);
  await expect(page.locator('nav a[aria-current="page"]')).toHaveCount(0);

  // The way back keeps the chosen catalog.
  await page.getByTestId('not-found-home').click();
  await expect(page).toHaveURL(/\/\?catalog=/u);
  await expect(page.getByTestId('source-text')).toBeVisible();
});
