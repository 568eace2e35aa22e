import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_CATALOG, FIXTURE_MODEL_ID, openApp } from './app';

/**
 * A second model for the fixture's pair, named as long as the real catalog's models, so the Translate page shows
 * its model menu, whose long options must not widen the page (the fixture catalog has one model per pair).
 */
async function offerTwoModelsForThePair(page: Page): Promise<void> {
  // Matched by path: the app's own URL carries the catalog's path in its query.
  await page.route(
    (url) => url.pathname === FIXTURE_CATALOG,
    async (route) => {
      const response = await route.fetch();
      const catalog = (await response.json()) as { models: { id: string; name: string }[] };
      const fixture = catalog.models.find((model) => model.id === FIXTURE_MODEL_ID);
      if (!fixture) throw new Error(`${FIXTURE_MODEL_ID} is not in the fixture catalog`);
      catalog.models.push({
        ...fixture,
        id: `${FIXTURE_MODEL_ID}-long-name`,
        name: 'Tiny English to Spanish test fixture, listed twice under a long name (not a translator)',
      });
      await route.fulfill({ response, json: catalog });
    },
  );
}

/** Nothing on the page reaches past the viewport, so it never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

/** The model menu is on screen, whole, and still offers every model. */
async function expectModelMenuFits(page: Page, width: number, options: number): Promise<void> {
  const menu = page.getByTestId('model-choice');
  await expect(menu).toBeVisible();
  await expect(menu.locator('option')).toHaveCount(options);
  const box = await menu.boundingBox();
  expect(box).not.toBeNull();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
}

for (const width of [375, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('Translate fits the width with the model menu shown', async ({ page }) => {
      await offerTwoModelsForThePair(page);
      await openApp(page);
      await expectModelMenuFits(page, width, 2);
      await expectNoSidewaysScroll(page, width);
    });

    test('Review fits the width with the model menu shown', async ({ page }) => {
      await openApp(page, '/review');
      // Terms of service have three models in the fixture catalog (one of them with a long name), so the menu
      // appears.
      await page.getByTestId('review-kind').selectOption('tos');
      await expectModelMenuFits(page, width, 3);
      await expectNoSidewaysScroll(page, width);
    });

    test('Models fits the width', async ({ page }) => {
      await openApp(page, '/models');
      await expect(page.getByTestId(`model-${FIXTURE_MODEL_ID}`)).toBeVisible();
      await expectNoSidewaysScroll(page, width);
    });
  });
}
