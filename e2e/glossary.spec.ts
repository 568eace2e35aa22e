import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { downloadFromOffer, openApp, translate } from './app';

const dialog = (page: Page) => page.getByTestId('glossary-dialog');

async function openGlossary(page: Page): Promise<void> {
  await page.getByTestId('glossary-button').click();
  await expect(dialog(page)).toBeVisible();
}

async function closeGlossary(page: Page): Promise<void> {
  await page.getByTestId('glossary-close').click();
  await expect(dialog(page)).toBeHidden();
}

const rows = (page: Page) =>
  dialog(page)
    .getByTestId('glossary-row')
    .evaluateAll((elements) =>
      elements.map((row) => [...row.querySelectorAll('input')].map((input) => input.value)),
    );

test('a glossary term is translated as fixed, kept across a reload, and goes out and in as CSV', async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId('source-language').selectOption('en');
  await page.getByTestId('target-language').selectOption('es');
  await expect(page.getByTestId('glossary-count')).toHaveText('0');

  await openGlossary(page);
  await dialog(page).getByTestId('glossary-source').first().fill('Licensee');
  await dialog(page).getByTestId('glossary-target').first().fill('Licenciatario');
  await closeGlossary(page);
  await expect(page.getByTestId('glossary-count')).toHaveText('1');

  // The fixture model writes no Spanish word of its own; each occurrence of the term comes out as fixed.
  const output = await translate(page, 'The Licensee signs the licensee form.');
  expect(output.match(/licenciatario/giu)).toHaveLength(2);
  expect(output).not.toMatch(/licensee/iu);

  await page.reload();
  await expect(page.getByTestId('glossary-count')).toHaveText('1');
  await openGlossary(page);
  expect(await rows(page)).toEqual([['Licensee', 'Licenciatario']]);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog(page).getByTestId('glossary-export').click(),
  ]);
  expect(download.suggestedFilename()).toBe('glossary-en-es.csv');
  expect(await readFile(await download.path(), 'utf8')).toBe(
    '\uFEFFsource,target\r\nLicensee,Licenciatario\r\n',
  );

  // A bad file changes nothing and says which line is wrong.
  await dialog(page)
    .getByTestId('glossary-file')
    .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('Licensee,A,B\n') });
  await expect(dialog(page).getByTestId('glossary-error')).toContainText('“bad.csv” could not be imported');
  await expect(dialog(page).getByTestId('glossary-error')).toContainText('Line 1');
  expect(await rows(page)).toEqual([['Licensee', 'Licenciatario']]);

  const csv = '\uFEFFterm,translation\r\n"Fee, fixed",Tarifa fija\r\nlicensee,Concesionario\r\n';
  await dialog(page)
    .getByTestId('glossary-file')
    .setInputFiles({ name: 'terms.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(dialog(page).getByTestId('glossary-status')).toHaveText('Imported 2 terms from “terms.csv”.');
  expect(await rows(page)).toEqual([
    ['licensee', 'Concesionario'],
    ['Fee, fixed', 'Tarifa fija'],
  ]);
  await expect(page.getByTestId('glossary-count')).toHaveText('2');

  await dialog(page).getByTestId('glossary-delete').last().click();
  expect(await rows(page)).toEqual([['licensee', 'Concesionario']]);
  await closeGlossary(page);
  await expect(page.getByTestId('glossary-count')).toHaveText('1');
  await page.reload();
  await expect(page.getByTestId('glossary-count')).toHaveText('1');
});

test('a document is translated with the glossary, and afresh once a term changes', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('source-language').selectOption('en');
  await page.getByTestId('target-language').selectOption('es');
  await downloadFromOffer(page);
  await openGlossary(page);
  await dialog(page).getByTestId('glossary-source').first().fill('Licensee');
  await dialog(page).getByTestId('glossary-target').first().fill('Licenciatario');
  await closeGlossary(page);

  await page.getByTestId('document-input').setInputFiles({
    name: 'terms.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('The Licensee signs.\n\nThe licensee pays the fee.\n'),
  });
  const status = page.getByTestId('document-status');
  /** Translates the document and checks each of its two paragraphs holds `term` once and never `absent`. */
  const translateDocument = async (term: RegExp, absent: RegExp) => {
    await page.getByTestId('document-translate').click();
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
    const paragraphs = await page.getByTestId('document-translation').allTextContents();
    expect(paragraphs).toHaveLength(2);
    for (const paragraph of paragraphs) {
      expect(paragraph.match(term)).toHaveLength(1);
      expect(paragraph).not.toMatch(absent);
    }
  };
  await translateDocument(/licenciatario/giu, /licensee/iu);

  // The finished translation used the old term: a changed glossary asks for the document to be translated again.
  await openGlossary(page);
  await dialog(page).getByTestId('glossary-target').first().fill('Concesionario');
  await closeGlossary(page);
  await expect(status).not.toHaveAttribute('data-state', 'done');
  await translateDocument(/concesionario/giu, /licenciatario/iu);
});

test('Review translates a clause with the glossary of its pair', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('source-language').selectOption('en');
  await page.getByTestId('target-language').selectOption('es');
  await openGlossary(page);
  await dialog(page).getByTestId('glossary-source').first().fill('this Agreement');
  await dialog(page).getByTestId('glossary-target').first().fill('este Contrato');
  await closeGlossary(page);

  await openApp(page, '/review');
  const contract = readFileSync(new URL('fixtures/review/contract.txt', import.meta.url), 'utf8');
  await page.getByTestId('review-text').fill(contract);
  await page.getByTestId('review-button').click();
  await expect(page.getByTestId('review-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await page
    .locator('[data-testid="category"][data-label="Governing Law"]')
    .getByTestId('category-jump')
    .click();
  const card = page.getByTestId('clause-card');
  await expect(card.getByTestId('clause-translate-target')).toHaveValue('es');
  await card.getByTestId('clause-translate').click();
  const translation = card.getByTestId('clause-translation');
  await expect(translation).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  // "This Agreement shall be governed…": the clause's one occurrence, at the start of its sentence.
  expect((await translation.textContent())?.match(/Este Contrato/gu)).toHaveLength(1);
});
