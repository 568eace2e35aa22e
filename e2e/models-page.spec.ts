/** The Models page's safeguards: deleting asks first, and a bundled model's card can be read in the app. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_MODEL_ID, openApp } from './app';

const CUAD_ID = 'lexlet-cuad';
const CUAD_CARD = readFileSync(
  fileURLToPath(new URL('fixtures/models/lexlet-cuad/MODEL_CARD.md', import.meta.url)),
  'utf8',
);
const MARKUP_CARD =
  '# Card\n\n<img src="x" onerror="window.cardMarkupRan = true"><script>window.cardMarkupRan = true</script>';

function atPath(path: string): (url: URL) => boolean {
  return (url) => url.pathname === path;
}

/** The fixture catalog with descriptions that refer to the models' cards, as the shipped catalog's do. */
async function catalogWithCards(page: Page): Promise<void> {
  // Matched on the path: the page's own URL names the catalog in its query.
  await page.route(atPath('/fixtures/models/catalog.json'), async (route) => {
    const response = await route.fetch();
    const catalog = (await response.json()) as { models: { id: string; description?: string }[] };
    for (const model of catalog.models) {
      if (model.id === CUAD_ID || model.id === FIXTURE_MODEL_ID)
        model.description = 'A fixture. See MODEL_CARD.md.';
    }
    await route.fulfill({ response, json: catalog });
  });
  // The tiny fixture has no card of its own: this one is all markup, which must show as text.
  await page.route(atPath('/fixtures/models/tiny-en-es/MODEL_CARD.md'), (route) =>
    route.fulfill({ body: MARKUP_CARD, contentType: 'text/markdown; charset=utf-8' }),
  );
}

test('asks before deleting a model, and keeps it when told to', async ({ page }) => {
  await openApp(page, '/models');
  const row = page.getByTestId(`model-${FIXTURE_MODEL_ID}`);
  await row.getByTestId('download-model').click();
  await expect(row.getByTestId('model-status')).toHaveText('Ready', { timeout: 120_000 });

  await row.getByTestId('delete-model').click();
  await expect(row.getByTestId('delete-confirmation')).toContainText(
    /^Delete Tiny en→es test fixture \(not a translator\) \(.+\) from this device\?/u,
  );
  await row.getByTestId('keep-model').click();
  await expect(row.getByTestId('delete-confirmation')).toBeHidden();
  await expect(row.getByTestId('model-status')).toHaveText('Ready');

  await row.getByTestId('delete-model').click();
  await row.getByTestId('confirm-delete').click();
  await expect(row.getByTestId('model-status')).toHaveText('Not downloaded');
});

test("shows a bundled model's card as text, served as Markdown, and never runs markup in it", async ({
  page,
}) => {
  await catalogWithCards(page);
  await openApp(page, '/models');

  const cuad = page.getByTestId(`model-${CUAD_ID}`);
  const served = page.waitForResponse((response) =>
    atPath('/fixtures/models/lexlet-cuad/MODEL_CARD.md')(new URL(response.url())),
  );
  await cuad.getByTestId('model-card-button').click();
  expect((await served).headers()['content-type']).toBe('text/markdown; charset=utf-8');
  const dialog = cuad.getByTestId('model-card');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('model-card-text')).toHaveText(CUAD_CARD, { useInnerText: false });
  await dialog.getByTestId('close-model-card').click();
  await expect(dialog).toBeHidden();

  const tiny = page.getByTestId(`model-${FIXTURE_MODEL_ID}`);
  await tiny.getByTestId('model-card-button').click();
  await expect(tiny.getByTestId('model-card-text')).toHaveText(MARKUP_CARD, { useInnerText: false });
  await expect(tiny.getByTestId('model-card').locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { cardMarkupRan?: boolean }).cardMarkupRan)).toBeUndefined();
});
