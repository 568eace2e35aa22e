import { expect, test } from '@playwright/test';
import { openApp } from './app';

/** About a megabyte of ordinary prose, in paragraphs. */
function megabyte(): string {
  const paragraph =
    'The tenant shall keep the premises in good repair and return them at the end of the lease. ' +
    'Rent is due on the first day of each month, and late payments carry a fee of five percent. ';
  const paragraphs: string[] = [];
  let size = 0;
  while (size < 1_000_000) {
    const text = paragraph.repeat(4).trim();
    paragraphs.push(text);
    size += text.length + 2;
  }
  return paragraphs.join('\n\n');
}

test('a 1 MB paste leaves the page responsive and offers to translate it as a document', async ({ page }) => {
  await openApp(page);
  const text = megabyte();
  // A real paste: one input event carrying the whole text.
  await page.getByTestId('source-text').focus();
  await page.evaluate((value) => {
    const box = document.querySelector<HTMLTextAreaElement>('[data-testid="source-text"]');
    if (!box) throw new Error('no text box');
    const data = new DataTransfer();
    data.setData('text/plain', value);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    if (!box.value) document.execCommand('insertText', false, value);
  }, text);
  const offer = page.getByTestId('large-text-offer');
  await expect(offer).toBeVisible({ timeout: 5_000 });
  await expect(offer).toContainText('as a document');

  // Another control answers at once: the page is not busy with the text.
  const started = Date.now();
  await page.getByTestId('nav-about').click({ timeout: 2_000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 2_000 });
  expect(Date.now() - started).toBeLessThan(2_000);
  await page.getByTestId('nav-translate').click();
  await expect(page.getByTestId('large-text-offer')).toBeVisible({ timeout: 5_000 });

  await page.getByTestId('large-text-offer-button').click();
  await expect(page.getByTestId('document-view')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('document-view')).toContainText('The tenant shall keep the premises');
});
