import { expect, test } from '@playwright/test';
import { downloadFromOffer } from './app';

/** The tiny fixture listed as English → Chinese, with a Chinese phrasebook (e2e/fixtures/models/README.md). */
const ZH_CATALOG = '/fixtures/models/catalog-zh.json';
const SENTENCE = 'See you tomorrow.';

test('writes Chinese in the script chosen on the Translate page, and keeps the choice', async ({ page }) => {
  await page.goto(`/?catalog=${ZH_CATALOG}`);
  await expect(page.getByTestId('target-language')).toHaveValue('zh');
  await downloadFromOffer(page);
  const output = page.getByTestId('output');
  const translateNow = async () => {
    await page.getByTestId('source-text').fill(SENTENCE);
    await page.getByTestId('source-text').press('Control+Enter');
  };

  await translateNow();
  await expect(output).toHaveText('明天见。', { timeout: 150_000 });
  await page.getByTestId('chinese-script').selectOption('zh-TW');
  await expect(page.getByTestId('chinese-script')).toHaveValue('zh-TW');
  await translateNow();
  await expect(output).toHaveText('明天見。', { timeout: 150_000 });

  await page.reload();
  await expect(page.getByTestId('chinese-script')).toHaveValue('zh-TW');
});
