import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Download, type Page } from '@playwright/test';
import mammoth from 'mammoth';
import { downloadFromOffer, expectedBackend, openApp } from './app';
import { expectedTranslation } from './expected-translation';
import { DOCX_PARAGRAPHS, PDF_PARAGRAPHS } from './fixtures/documents/content';

const TYPED = 'Text typed before any document was opened.';
const fixture = (name: string) => fileURLToPath(new URL(`fixtures/documents/${name}`, import.meta.url));

async function typeText(page: Page): Promise<void> {
  await page.getByTestId('source-text').fill(TYPED);
}

async function waitUntilTranslated(page: Page): Promise<string[]> {
  await expect(page.getByTestId('document-status')).toHaveAttribute('data-state', 'done', {
    timeout: 150_000,
  });
  return page.getByTestId('document-translation').allTextContents();
}

async function download(page: Page, testId: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return file;
}

/** Paragraphs of an exported Word file, read back by mammoth in the test process. */
async function docxParagraphs(file: Download): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ path: await file.path() });
  return value.split('\n\n').filter((paragraph) => paragraph.trim() !== '');
}

test('translates a .docx paragraph by paragraph and exports .txt and .docx', async ({ page }, testInfo) => {
  await openApp(page);
  await typeText(page);
  await page.getByTestId('document-input').setInputFiles(fixture('contract.docx'));

  await expect(page.getByTestId('document-name')).toHaveText('contract.docx');
  await expect(page.getByTestId('document-source')).toHaveText(DOCX_PARAGRAPHS);
  await expect(page.getByTestId('document-status')).toHaveText(
    `0 of 3 paragraphs · 0 of ${DOCX_PARAGRAPHS.join('').length} characters`,
  );
  await expect(page.getByTestId('document-export-docx')).toBeDisabled();

  // The model is not on the device yet: the page's own offer downloads it, then translates the document.
  await page.getByTestId('download-offer-button').click();
  const shown = await waitUntilTranslated(page);
  expect(shown).toEqual(await Promise.all(DOCX_PARAGRAPHS.map((text) => expectedTranslation(text))));
  await expect(page.getByTestId('document-progress')).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByTestId('document-status')).toContainText(
    expectedBackend(testInfo) === 'webgpu'
      ? 'Translated 3 paragraphs · WebGPU'
      : 'Translated 3 paragraphs · WASM',
  );

  const text = await download(page, 'document-export-txt');
  expect(text.suggestedFilename()).toBe('contract.es.txt');
  expect(await readFile(await text.path(), 'utf8')).toBe(`${shown.join('\n\n')}\n`);

  const docx = await download(page, 'document-export-docx');
  expect(docx.suggestedFilename()).toBe('contract.es.docx');
  expect(await docxParagraphs(docx)).toEqual(shown);

  // Closing the document returns to the text panes with the typed text as it was.
  await page.getByTestId('document-close').click();
  await expect(page.getByTestId('document-view')).toBeHidden();
  await expect(page.getByTestId('source-text')).toHaveValue(TYPED);
});

test('reads a PDF page by page and translates it', async ({ page }) => {
  await openApp(page);
  await downloadFromOffer(page);
  await page.getByTestId('document-input').setInputFiles(fixture('contract.pdf'));

  await expect(page.getByTestId('document-summary')).toContainText('PDF · 3 paragraphs');
  await expect(page.getByTestId('document-source')).toHaveText(PDF_PARAGRAPHS);
  await page.getByTestId('document-translate').click();
  const shown = await waitUntilTranslated(page);
  expect(shown).toEqual(await Promise.all(PDF_PARAGRAPHS.map((text) => expectedTranslation(text))));

  const docx = await download(page, 'document-export-docx');
  expect(docx.suggestedFilename()).toBe('contract.es.docx');
  expect(await docxParagraphs(docx)).toEqual(shown);
});

test('cancels a running translation and continues where it stopped', async ({ page }, testInfo) => {
  await openApp(page);
  await downloadFromOffer(page);
  await typeText(page);
  // Enough paragraphs that Cancel lands mid-run: WASM takes a fraction of a second for each, WebGPU on
  // SwiftShader (a CPU) several seconds.
  const count = expectedBackend(testInfo) === 'webgpu' ? 6 : 60;
  // Names, not numbers: a sentence whose translation drops a number is translated again (numbers.ts), and this
  // test is about cancelling, not about that repair.
  const name = (index: number) =>
    String.fromCharCode(65 + (index % 26)) + 'abcdefghij'.charAt(Math.floor(index / 26));
  const paragraphs = Array.from({ length: count }, (_, index) => `The cat ${name(index)} is on the table.`);
  await page.getByTestId('document-input').setInputFiles({
    name: 'cats.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(paragraphs.join('\n\n')),
  });
  await expect(page.getByTestId('document-summary')).toContainText(`Text file · ${count} paragraphs`);

  await page.getByTestId('document-translate').click();
  const status = page.getByTestId('document-status');
  await expect(status).toHaveAttribute('data-state', 'translating');
  await expect(page.locator('[data-testid="document-row"][data-state="done"]').first()).toBeVisible();
  await expect(status).toContainText(/· about .+ left$/u);
  await page.getByTestId('document-cancel').click();

  await expect(status).toHaveAttribute('data-state', 'partial');
  // A cancel is the user's choice: the status says so, and no error is shown.
  await expect(status).toHaveText(new RegExp(`^Cancelled · \\d+ of ${count} paragraphs · `, 'u'));
  await expect(page.getByTestId('translate-error')).toBeHidden();
  const done = Number(/^Cancelled · (\d+) of /u.exec((await status.textContent()) ?? '')?.[1]);
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(count);
  await expect(page.getByTestId('document-export-txt')).toBeDisabled();

  await page.getByTestId('document-translate').click();
  await waitUntilTranslated(page);
  await expect(page.getByTestId('document-status')).toContainText(`Translated ${count} paragraphs`);
  const text = await download(page, 'document-export-txt');
  const exported = (await readFile(await text.path(), 'utf8')).trimEnd().split('\n\n');
  expect(exported).toEqual(await Promise.all(paragraphs.map((paragraph) => expectedTranslation(paragraph))));

  await page.getByTestId('document-close').click();
  await expect(page.getByTestId('source-text')).toHaveValue(TYPED);
});

test('says exactly why a file cannot be opened and keeps what was typed', async ({ page }) => {
  await openApp(page);
  await typeText(page);
  const input = page.getByTestId('document-input');
  const error = page.getByTestId('document-error');

  await input.setInputFiles({
    name: 'fake.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('not a PDF'),
  });
  await expect(error).toHaveText('“fake.pdf” is not a valid PDF file, or it is damaged.');
  await expect(page.getByTestId('source-text')).toHaveValue(TYPED);
  await expect(page.getByTestId('document-view')).toBeHidden();

  await input.setInputFiles(fixture('scan.pdf'));
  await expect(error).toContainText('“scan.pdf” has no text layer');

  await input.setInputFiles({
    name: 'fake.docx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('x'),
  });
  await expect(error).toHaveText(
    '“fake.docx” could not be read as a Word document: the file is damaged or is not really a .docx file.',
  );

  await input.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('png') });
  await expect(error).toHaveText(".png files can't be opened. Open a .txt, .docx or .pdf file.");

  await input.setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(error).toHaveText('“empty.txt” is empty.');
  await expect(page.getByTestId('source-text')).toHaveValue(TYPED);

  // A file dropped on the page opens too; a failing one afterwards leaves the open document in place.
  const dropped = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['Dropped here.\n\nAnd here.'], 'dropped.txt', { type: 'text/plain' }));
    return transfer;
  });
  await page.getByTestId('document-drop').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByTestId('document-source')).toHaveText(['Dropped here.', 'And here.']);
  await expect(error).toBeHidden();
  await page.getByTestId('document-input').setInputFiles(fixture('scan.pdf'));
  await expect(error).toContainText('has no text layer');
  await expect(page.getByTestId('document-name')).toHaveText('dropped.txt');

  await page.getByTestId('document-close').click();
  await expect(page.getByTestId('source-text')).toHaveValue(TYPED);
});
