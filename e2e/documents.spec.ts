import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Download, type Page, type TestInfo } from '@playwright/test';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfTextParagraphs } from '../src/app/documents/pdf-text';
import { downloadFromOffer, expectedBackend, openApp, translate } from './app';
import { expectedTranslation } from './expected-translation';
import { DOCX_PARAGRAPHS, PDF_PARAGRAPHS } from './fixtures/documents/content';
import { docxXmlParagraphs } from './fixtures/documents/docx-xml';
import { LETTER_LAYOUTS, SHORT_LETTER_PARAGRAPHS, shortLetterPage } from './fixtures/documents/letter';
import { LONG_PDF_FIRST_PARAGRAPH, longPdf } from './fixtures/documents/long-pdf';
import { simplePdf } from './fixtures/documents/simple-pdf';
import { honestZipBomb, lyingZipBomb } from './fixtures/documents/zip-bomb';

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

test('rebuilds the paragraphs of a simple letter PDF from its line geometry', async ({ page }) => {
  await openApp(page);
  const letter = simplePdf([shortLetterPage(LETTER_LAYOUTS['a blank line between paragraphs'])]);
  await page.getByTestId('document-input').setInputFiles({
    name: 'letter.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(letter),
  });
  await expect(page.getByTestId('document-summary')).toContainText('PDF · 6 paragraphs');
  await expect(page.getByTestId('document-source')).toHaveText(SHORT_LETTER_PARAGRAPHS);
});

test('exports the headings of a .docx as headings', async ({ page }) => {
  await openApp(page);
  await downloadFromOffer(page);
  const [title, heading, body] = DOCX_PARAGRAPHS as [string, string, string];
  const uploaded = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: heading, heading: HeadingLevel.HEADING_1 }),
          new Paragraph(body),
        ],
      },
    ],
  });
  await page.getByTestId('document-input').setInputFiles({
    name: 'headings.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await Packer.toBuffer(uploaded),
  });
  await page.getByTestId('document-translate').click();
  const shown = await waitUntilTranslated(page);

  const docx = await download(page, 'document-export-docx');
  const exported = docxXmlParagraphs(new Uint8Array(await readFile(await docx.path())));
  expect(exported.map(({ style, text }) => ({ style, text }))).toEqual([
    { style: 'Title', text: shown[0] },
    { style: 'Heading1', text: shown[1] },
    { style: undefined, text: shown[2] },
  ]);
});

/**
 * Paragraphs enough that Cancel lands mid-run: WASM takes a fraction of a second for each, WebGPU on SwiftShader
 * (a CPU) several seconds. Names, not numbers: a sentence whose translation drops a number is translated again
 * (numbers.ts), and these tests are about cancelling, not about that repair.
 */
function catParagraphs(testInfo: TestInfo): string[] {
  const count = expectedBackend(testInfo) === 'webgpu' ? 6 : 60;
  const name = (index: number) =>
    String.fromCharCode(65 + (index % 26)) + 'abcdefghij'.charAt(Math.floor(index / 26));
  return Array.from({ length: count }, (_, index) => `The cat ${name(index)} is on the table.`);
}

async function openCats(page: Page, paragraphs: readonly string[]): Promise<void> {
  await page.getByTestId('document-input').setInputFiles({
    name: 'cats.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(paragraphs.join('\n\n')),
  });
  await expect(page.getByTestId('document-summary')).toContainText(
    `Text file · ${paragraphs.length} paragraphs`,
  );
}

/** Starts translating, cancels once the first paragraph is done, and returns how many were done. */
async function translatePartWay(page: Page, count: number): Promise<number> {
  await page.getByTestId('document-translate').click();
  const status = page.getByTestId('document-status');
  await expect(status).toHaveAttribute('data-state', 'translating');
  await expect(page.locator('[data-testid="document-row"][data-state="done"]').first()).toBeVisible();
  await expect(status).toContainText(/· about .+ left$/u);
  // What is done can be exported while the rest is still being translated.
  await expect(page.getByTestId('document-export-txt')).toBeEnabled();
  await page.getByTestId('document-cancel').click();

  await expect(status).toHaveAttribute('data-state', 'partial');
  // A cancel is the user's choice: the status says so, and no error is shown.
  await expect(status).toHaveText(new RegExp(`^Cancelled · \\d+ of ${count} paragraphs · `, 'u'));
  await expect(page.getByTestId('translate-error')).toBeHidden();
  const done = Number(/^Cancelled · (\d+) of /u.exec((await status.textContent()) ?? '')?.[1]);
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(count);
  return done;
}

/** The translated paragraphs, then the rest in the original: what a partial export holds. */
async function partlyTranslated(paragraphs: readonly string[], done: number): Promise<string[]> {
  return [
    ...(await Promise.all(paragraphs.slice(0, done).map((paragraph) => expectedTranslation(paragraph)))),
    ...paragraphs.slice(done),
  ];
}

test('cancels a running translation and continues where it stopped', async ({ page }, testInfo) => {
  await openApp(page);
  await downloadFromOffer(page);
  await typeText(page);
  const paragraphs = catParagraphs(testInfo);
  const count = paragraphs.length;
  await openCats(page, paragraphs);
  const done = await translatePartWay(page, count);

  // A partial export: the translated paragraphs, then the rest in the original, as the note says.
  await expect(page.getByTestId('document-export-note')).toHaveText(
    `${done} of ${count} paragraphs translated; the rest are kept in the original.`,
  );
  const partial = await download(page, 'document-export-txt');
  const partialParagraphs = (await readFile(await partial.path(), 'utf8')).trimEnd().split('\n\n');
  expect(partialParagraphs).toEqual(await partlyTranslated(paragraphs, done));
  const partialDocx = await download(page, 'document-export-docx');
  expect(await docxParagraphs(partialDocx)).toEqual(partialParagraphs);

  await page.getByTestId('document-translate').click();
  await waitUntilTranslated(page);
  await expect(page.getByTestId('document-status')).toContainText(`Translated ${count} paragraphs`);
  await expect(page.getByTestId('document-export-note')).toBeHidden();
  const text = await download(page, 'document-export-txt');
  const exported = (await readFile(await text.path(), 'utf8')).trimEnd().split('\n\n');
  expect(exported).toEqual(await Promise.all(paragraphs.map((paragraph) => expectedTranslation(paragraph))));

  await page.getByTestId('document-close').click();
  await expect(page.getByTestId('source-text')).toHaveValue(TYPED);
});

for (const width of [375, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('a partly translated document says so beside its export buttons and exports', async ({
      page,
    }, testInfo) => {
      await openApp(page);
      await downloadFromOffer(page);
      const paragraphs = catParagraphs(testInfo);
      await openCats(page, paragraphs);
      const done = await translatePartWay(page, paragraphs.length);

      const note = page.getByTestId('document-export-note');
      await expect(note).toHaveText(
        `${done} of ${paragraphs.length} paragraphs translated; the rest are kept in the original.`,
      );
      // The note and both buttons are whole on screen, side by side or wrapped, never on top of each other.
      const boxes = [];
      for (const testId of ['document-export-note', 'document-export-txt', 'document-export-docx']) {
        const box = await page.getByTestId(testId).boundingBox();
        if (!box) throw new Error(`${testId} is not shown`);
        expect(box.x, testId).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, testId).toBeLessThanOrEqual(width);
        boxes.push(box);
      }
      for (const [index, a] of boxes.entries()) {
        for (const b of boxes.slice(index + 1)) {
          const apart =
            a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect(apart).toBe(true);
        }
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      const docx = await download(page, 'document-export-docx');
      expect(docx.suggestedFilename()).toBe('cats.es.docx');
      expect(await docxParagraphs(docx)).toEqual(await partlyTranslated(paragraphs, done));
    });
  });
}

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

  await input.setInputFiles({
    name: 'locked.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(simplePdf([[{ text: 'Secret', x: 72, y: 700 }]], { passwordProtected: true })),
  });
  await expect(error).toHaveText(
    '“locked.pdf” is password-protected. Save a copy without the password and open that instead.',
  );

  await input.setInputFiles({
    name: 'bomb.docx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(honestZipBomb(1000)),
  });
  await expect(error).toHaveText(
    '“bomb.docx” would unpack to 1.00 GB, more than the 200 MB a Word document may take ' +
      '(it looks like a zip bomb), so it was not opened.',
  );
  await input.setInputFiles({
    name: 'liar.docx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(lyingZipBomb(250)),
  });
  await expect(error).toHaveText(
    '“liar.docx” unpacks to more than it declares: the file is damaged or made to exhaust memory (a zip bomb), ' +
      'so it was not opened.',
  );

  // Random bytes, NUL bytes among them, under a .txt name.
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256));
  await input.setInputFiles({ name: 'random.txt', mimeType: 'text/plain', buffer: binary });
  await expect(error).toHaveText(
    '“random.txt” is not a text file: it holds binary data (such as an image, an archive or a program) ' +
      'under a .txt name. Open a text, .docx or .pdf file.',
  );
  await expect(page.getByTestId('source-text')).toHaveValue(TYPED);

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

test('opens a 300-page PDF with progress, staying responsive, and translates it', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await downloadFromOffer(page);
  // One sentence first, so the engine has started (on the WebGPU project a software GPU compiles its first shaders
  // on the same two cores) and the stall measured below is the document's own work.
  await translate(page, 'Hello.');
  const { bytes, paragraphs } = longPdf(300);
  // The longest the page goes without running a timer: how long the main thread was blocked.
  await page.evaluate(() => {
    const state = { last: performance.now(), longest: 0, stop: false };
    const tick = () => {
      const now = performance.now();
      state.longest = Math.max(state.longest, now - state.last);
      state.last = now;
      if (!state.stop) setTimeout(tick, 10);
    };
    (window as unknown as { stallMonitor: typeof state }).stallMonitor = state;
    tick();
  });

  // Chosen from disk, as a user would: a buffer would be decoded on the page's main thread by the test harness.
  const file = testInfo.outputPath('book.pdf');
  await writeFile(file, bytes);
  const started = Date.now();
  await page.getByTestId('document-input').setInputFiles(file);
  await expect(page.getByTestId('document-opening')).toContainText(/“book\.pdf” · reading page \d+ of 300…/u);
  await expect(page.getByTestId('document-summary')).toContainText(
    `PDF · ${paragraphs.toLocaleString('en')} paragraphs`,
    { timeout: 120_000 },
  );
  const seconds = (Date.now() - started) / 1000;
  const longestStall = await page.evaluate(() => {
    const state = (window as unknown as { stallMonitor: { longest: number; stop: boolean } }).stallMonitor;
    state.stop = true;
    return state.longest;
  });
  const measured = `opened 300 pages (${paragraphs} paragraphs) in ${seconds.toFixed(1)} s; longest main-thread stall ${Math.round(longestStall)} ms`;
  testInfo.annotations.push({ type: 'measurement', description: measured });
  console.log(`[${testInfo.project.name}] ${measured}`);
  expect(longestStall).toBeLessThan(500);

  await page.getByTestId('document-translate').click();
  await expect(page.locator('[data-testid="document-row"][data-state="done"]').first()).toBeVisible({
    timeout: 120_000,
  });
  await page.getByTestId('document-cancel').click();
  await expect(page.getByTestId('document-status')).toHaveAttribute('data-state', 'partial');
  const note = (await page.getByTestId('document-export-note').textContent()) ?? '';
  expect(note).toMatch(
    new RegExp(
      `^[\\d,]+ of ${paragraphs.toLocaleString('en')} paragraphs translated; the rest are kept in the original\\.$`,
      'u',
    ),
  );
  const done = Number(/^([\d,]+) of/u.exec(note)?.[1]?.replaceAll(',', ''));
  expect(done).toBeGreaterThan(0);
  const text = await download(page, 'document-export-txt');
  const exported = (await readFile(await text.path(), 'utf8')).trimEnd().split('\n\n');
  // The same paragraphs as the app read them, read here by pdf.js in Node.
  const source = (await pdfTextParagraphs(bytes, 'book.pdf', pdfjs)).map((paragraph) => paragraph.text);
  expect(source[0]).toBe(LONG_PDF_FIRST_PARAGRAPH);
  expect(exported).toEqual([
    ...(await Promise.all(source.slice(0, done).map((paragraph) => expectedTranslation(paragraph)))),
    ...source.slice(done),
  ]);
});
