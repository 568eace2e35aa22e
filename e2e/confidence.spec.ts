import { expect, test } from '@playwright/test';
import { openApp, translate } from './app';

// The fixture model is sure of the first sentence (mean token log-probability −0.66) and unsure of the second
// (−1.07), on either side of the threshold of −0.8.
const SURE = 'Wherefore art thou Romeo?';
const UNSURE = 'The cat is on the table.';

test('underlines the sentence the model is unsure of, explains it, and keeps it across a reload', async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId('source-language').selectOption('en');
  await page.getByTestId('target-language').selectOption('es');
  const output = await translate(page, `${SURE} ${UNSURE}`);

  const marks = page.getByTestId('unsure-sentence');
  await expect(marks).toHaveCount(1);
  const marked = (await marks.textContent()) ?? '';
  expect(marked.length).toBeGreaterThan(0);
  expect(output.endsWith(marked)).toBe(true);
  await expect(marks).toHaveAttribute('title', 'The model is unsure of this sentence');
  await expect(marks).toHaveCSS('text-decoration-style', 'dotted');
  await expect(page.getByRole('paragraph').filter({ hasText: 'Dotted underline' })).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('unsure-sentence')).toHaveText(marked);
  await expect(page.getByTestId('output')).toHaveText(output);
});
