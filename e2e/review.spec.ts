import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Download, type Page } from '@playwright/test';
import type { DocumentTags } from '../src/engine/types';
import { expectedBackend, openApp } from './app';
import { parseCsv } from '../src/app/review/parse-csv.test-support';
import { expectedTranslation, nodeEngine } from './expected-translation';

const fixture = (name: string) => readFileSync(new URL(`fixtures/review/${name}`, import.meta.url), 'utf8');
const CONTRACT = fixture('contract.txt');
const TERMS = fixture('terms-of-service.txt');
const catalogPath = fileURLToPath(new URL('fixtures/models/catalog.json', import.meta.url));

/** The same engine on onnxruntime-node: what the browser's review must agree with (not hard-coded tags). */
async function nodeTags(modelId: string, text: string): Promise<DocumentTags> {
  return (await nodeEngine()).tagDocument({ modelId, text }, () => {});
}

/** Clicks Review and waits for this review's result (not the one already on screen). */
async function review(page: Page): Promise<void> {
  const status = page.getByTestId('review-status');
  const before = (await status.count()) > 0 ? Number(await status.getAttribute('data-review')) : 0;
  await page.getByTestId('review-button').click();
  await expect(status).toHaveAttribute('data-review', String(before + 1), { timeout: 120_000 });
  await expect(status).toHaveAttribute('data-state', 'done');
}

/** Category → count as the side panel shows it. */
async function categoryCounts(page: Page): Promise<Record<string, number>> {
  const rows = page.getByTestId('categories-found').getByTestId('category');
  const counts: Record<string, number> = {};
  for (const row of await rows.all()) {
    counts[(await row.getAttribute('data-label')) ?? ''] = Number(await row.getAttribute('data-count'));
  }
  return counts;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

async function downloaded(
  page: Page,
  trigger: () => Promise<void>,
): Promise<{ file: Download; bytes: Buffer }> {
  const event = page.waitForEvent('download');
  await trigger();
  const file = await event;
  const path = await file.path();
  return { file, bytes: readFileSync(path) };
}

/** A ~10,000-word contract: the fixture's clauses renumbered, over and over. */
function longContract(words: number): string {
  const [preamble, ...clauses] = CONTRACT.split(/\n\n(?=\d+\. )/);
  const parts = [preamble ?? ''];
  let n = 0;
  while (parts.join(' ').split(/\s+/).length < words) {
    const clause = clauses[n % clauses.length] ?? '';
    n += 1;
    parts.push(clause.replace(/^\d+\./, `${n}.`));
  }
  return parts.join('\n\n');
}

test('reviews a pasted contract: highlights, counts, jumps, missing clauses, facts, confidence, exports, translation', async ({
  page,
}) => {
  await openApp(page, '/review');
  await page.getByTestId('review-text').fill(CONTRACT);
  await expect(page.getByTestId('review-kind')).toHaveValue('contract');
  await expect(page.getByTestId('review-kind-reason')).toContainText('names its parties');
  await review(page);

  // The governing-law clause is highlighted as Governing Law, and the counts are the Node engine's decision.
  const governing = page.getByTestId('clause-highlight').filter({ hasText: 'governed by and construed' });
  await expect(governing).toHaveAttribute('data-labels', /(^|\|)Governing Law(\||$)/);
  const expected = await nodeTags('lexlet-cuad', CONTRACT);
  const expectedCounts: Record<string, number> = {};
  for (const span of expected.spans) expectedCounts[span.label] = (expectedCounts[span.label] ?? 0) + 1;
  const counts = await categoryCounts(page);
  expect(counts).toEqual(expectedCounts);
  expect(counts['Governing Law']).toBe(1);
  expect(counts['Anti-Assignment']).toBe(1);

  // Jump: the category's clause is selected, scrolled into view, with its card.
  await page
    .locator('[data-testid="category"][data-label="Anti-Assignment"]')
    .getByTestId('category-jump')
    .click();
  const card = page.getByTestId('clause-card');
  await expect(card).toBeVisible();
  await expect(card.locator('[data-testid="clause-label"][data-label="Anti-Assignment"]')).toBeVisible();
  const assignmentStart = CONTRACT.indexOf('7. Assignment.');
  await expect(card).toHaveAttribute('data-start', String(assignmentStart));
  await expect(page.locator('.review-mark.is-selected').first()).toBeInViewport();
  await expect(page.locator('[data-testid="category"][data-label="Anti-Assignment"]')).toContainText(
    '1 of 1',
  );

  // What a commercial contract usually has and this one lacks; nothing found is listed as missing.
  const missing = page.getByTestId('categories-missing').getByTestId('missing-category');
  await expect(missing.first()).toBeVisible();
  const missingLabels = await missing.evaluateAll((items) =>
    items.map((item) => item.getAttribute('data-label')),
  );
  expect(missingLabels).toContain('Termination for Convenience');
  for (const label of Object.keys(counts)) expect(missingLabels).not.toContain(label);

  // Key facts from the preamble.
  const facts = page.getByTestId('key-facts');
  await expect(facts.locator('[data-name="Party 1"] dd')).toHaveText('Northwind Analytics, Inc.');
  await expect(facts.locator('[data-name="Party 2"] dd')).toHaveText('Harbor Logistics LLC');
  await expect(facts.locator('[data-name="Agreement date"] dd')).toHaveText('March 1, 2021');
  await expect(facts.locator('[data-name="Title"] dd')).toHaveText('MASTER SERVICES AGREEMENT');
  await expect(facts.locator('[data-name="Renewal"] dd')).toHaveText('successive one (1) year renewal terms');
  await expect(facts.locator('[data-name="Notice to stop renewal"] dd')).toHaveText('ninety (90) days');
  await expect(facts.locator('[data-name="Governing law"] dd')).toHaveText('New York');

  // Confidence: lower shows more, higher fewer, the default is the model's decision.
  const slider = page.getByTestId('confidence-slider');
  await slider.focus();
  await slider.press('Home');
  await expect(page.getByTestId('confidence-text')).toContainText('shows more');
  expect(total(await categoryCounts(page))).toBeGreaterThan(total(counts));
  await slider.press('End');
  await expect(page.getByTestId('confidence-text')).toContainText('shows fewer');
  expect(total(await categoryCounts(page))).toBeLessThan(total(counts));
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('confidence-text')).toContainText('Model default');
  expect(await categoryCounts(page)).toEqual(counts);

  // Category filter: unticked categories leave the document.
  const lawRow = page.locator('[data-testid="category"][data-label="Governing Law"]');
  await lawRow.getByTestId('category-toggle').uncheck();
  await expect(page.locator('[data-testid="clause-highlight"][data-labels*="Governing Law"]')).toHaveCount(0);
  await lawRow.getByTestId('category-toggle').check();
  await expect(governing).toBeVisible();

  // JSON and CSV exports: offsets slice the reviewed text exactly.
  const json = await downloaded(page, () => page.getByTestId('export-json').click());
  expect(json.file.suggestedFilename()).toBe('document-review.json');
  const exportedReview = JSON.parse(json.bytes.toString('utf8')) as {
    document: { kind: string; characters: number };
    spans: { label: string; score: number; start: number; end: number; text: string }[];
  };
  expect(exportedReview.document).toMatchObject({ kind: 'contract', characters: CONTRACT.length });
  expect(exportedReview.spans.length).toBe(total(counts));
  for (const span of exportedReview.spans) expect(CONTRACT.slice(span.start, span.end)).toBe(span.text);
  const key = (s: { label: string; start: number; end: number; score: number }) =>
    `${s.label}@${s.start}-${s.end}:${s.score}`;
  expect(exportedReview.spans.map(key).sort()).toEqual(expected.spans.map(key).sort());

  const csv = await downloaded(page, () => page.getByTestId('export-csv').click());
  expect(csv.file.suggestedFilename()).toBe('document-review.csv');
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(csv.bytes.toString('utf8').slice(1));
  expect(rows[0]).toEqual(['label', 'score', 'start', 'end', 'text']);
  expect(rows.length - 1).toBe(exportedReview.spans.length);
  for (const [label, score, start, end, text] of rows.slice(1)) {
    expect(CONTRACT.slice(Number(start), Number(end))).toBe(text);
    expect(exportedReview.spans.some((s) => s.label === label && String(s.score) === score)).toBe(true);
  }

  // Printable report: facts, categories and clauses, shown alone in print media.
  await page.evaluate(() => {
    window.print = () => {
      (window as unknown as { printed: string }).printed =
        document.querySelector('[data-testid="print-report"]')?.textContent ?? '';
    };
  });
  await page.getByTestId('print-report-button').click();
  const printed = await page.evaluate(() => (window as unknown as { printed: string }).printed);
  expect(printed).toContain('Key facts');
  expect(printed).toContain('Northwind Analytics, Inc.');
  expect(printed).toContain('Usually present, not found');
  expect(printed).toContain('shall be governed by and construed');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-report')).toBeVisible();
  await expect(page.getByTestId('review-text')).toBeHidden();
  await expect(page.locator('header.header')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.getByTestId('print-report')).toHaveCount(0);

  // Translate this clause, inline, with the fixture translation model (downloaded on first use).
  await page
    .locator('[data-testid="category"][data-label="Governing Law"]')
    .getByTestId('category-jump')
    .click();
  await expect(card).toHaveAttribute('data-start', String(CONTRACT.indexOf('8. Governing Law.')));
  await expect(card.getByTestId('clause-translate-target')).toHaveValue('es');
  await card.getByTestId('clause-translate').click();
  const translation = card.getByTestId('clause-translation');
  await expect(translation).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  const clauseText = exportedReview.spans.find((s) => s.label === 'Governing Law')?.text ?? '';
  expect(await translation.textContent()).toBe(await expectedTranslation(clauseText));
  await expect(translation).toHaveAttribute('lang', 'es');

  // The clause list shows the same clauses, virtualised.
  await page.getByTestId('view-list').click();
  await expect(page.getByTestId('clause-list-card').first()).toBeVisible();
  await page.getByTestId('view-document').click();

  // What was pasted survives a reload.
  await page.reload();
  await expect(page.getByTestId('review-text')).toHaveValue(CONTRACT);
});

test('reviews terms of service: unfair terms tagged, the rest listed as not detected', async ({ page }) => {
  await openApp(page, '/review');
  await page.getByTestId('review-text').fill(TERMS);
  await expect(page.getByTestId('review-kind')).toHaveValue('tos');
  await expect(page.getByTestId('review-kind-reason')).toContainText('calls itself terms of service');
  await review(page);

  const arbitration = page
    .getByTestId('clause-highlight')
    .filter({ hasText: 'binding individual arbitration' });
  await expect(arbitration).toHaveAttribute('data-labels', /Arbitration/);
  const expected = await nodeTags('lexlet-unfair-tos', TERMS);
  const found = new Set(expected.spans.map((span) => span.label));
  expect(Object.keys(await categoryCounts(page)).sort()).toEqual([...found].sort());

  const missing = page.getByTestId('categories-missing');
  await expect(missing.locator('h3')).toContainText('Not detected');
  const missingLabels = await missing
    .getByTestId('missing-category')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-label')));
  const labels = JSON.parse(readFileSync(catalogPath, 'utf8')).models.find(
    (model: { id: string }) => model.id === 'lexlet-unfair-tos',
  ).labels as string[];
  expect(missingLabels).toEqual(labels.filter((label) => !found.has(label)));

  // The guess can be overruled, and the guess taken back.
  await page.getByTestId('review-kind').selectOption('contract');
  await expect(page.getByTestId('review-kind-reason')).toContainText('Chosen by you');
  await page.getByRole('button', { name: 'Use the guess' }).click();
  await expect(page.getByTestId('review-kind')).toHaveValue('tos');
});

test('reviews German terms of service with the multilingual model and says it read them as German', async ({
  page,
}) => {
  const german = fixture('terms-of-service-de.txt');
  await openApp(page, '/review');
  await page.getByTestId('review-text').fill(german);
  await expect(page.getByTestId('review-kind')).toHaveValue('tos');
  await expect(page.getByTestId('model-choice')).toHaveValue('lexlet-unfair-tos-multilingual');
  await review(page);
  await expect(page.getByTestId('review-read-as')).toHaveText('· read as German');
  const expected = await nodeTags('lexlet-unfair-tos-multilingual', german);
  expect(expected.thresholdsLanguage).toBe('de');
  const counts = await categoryCounts(page);
  expect(Object.keys(counts).sort()).toEqual([...new Set(expected.spans.map((span) => span.label))].sort());
  expect(counts['Unilateral termination']).toBeGreaterThan(0);
});

test('lets the user choose which model reviews terms of service, and keeps the choice', async ({ page }) => {
  await openApp(page, '/review');
  await page.getByTestId('review-text').fill(TERMS);
  await expect(page.getByTestId('review-kind')).toHaveValue('tos');
  const choice = page.getByTestId('model-choice');
  await expect(choice).toHaveValue('lexlet-unfair-tos');
  await choice.selectOption('lexlet-unfair-tos-encoder');
  await review(page);
  await expect(page.getByTestId('review-status')).toContainText(
    'Unfair terms of service (8 types, Transformer)',
  );
  const expected = await nodeTags('lexlet-unfair-tos-encoder', TERMS);
  expect(Object.keys(await categoryCounts(page)).sort()).toEqual(
    [...new Set(expected.spans.map((span) => span.label))].sort(),
  );

  // A contract has one model only: no choice is shown; back on terms of service the pick is still there.
  await page.getByTestId('review-kind').selectOption('contract');
  await expect(choice).toHaveCount(0);
  await page.reload();
  await page.getByTestId('review-kind').selectOption('tos');
  await expect(page.getByTestId('model-choice')).toHaveValue('lexlet-unfair-tos-encoder');
});

test('opens a file and reviews it at once; a file it cannot read leaves the text as it was', async ({
  page,
}) => {
  await openApp(page, '/review');
  await page
    .getByTestId('document-input')
    .setInputFiles(fileURLToPath(new URL('fixtures/review/terms-of-service.txt', import.meta.url)));
  await expect(page.getByTestId('review-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('review-text')).toHaveValue(TERMS);
  await expect(page.getByTestId('review-document-name')).toContainText('terms-of-service.txt');
  await expect(page.getByTestId('review-kind')).toHaveValue('tos');

  await page.getByTestId('document-input').setInputFiles({
    name: 'notes.rtf',
    mimeType: 'application/rtf',
    buffer: Buffer.from('{\\rtf1 hello}'),
  });
  await expect(page.getByTestId('review-file-error')).toContainText('.rtf');
  await expect(page.getByTestId('review-text')).toHaveValue(TERMS);
});

test('tags a 10,000-word contract with progress, and reports the time', async ({ page }, testInfo) => {
  const text = longContract(10_000);
  const words = text.split(/\s+/).length;
  const status = page.getByTestId('review-status');
  await openApp(page, '/review');
  // The first review downloads the model and opens it; the next ones are the tagging alone.
  await page.getByTestId('review-text').fill(CONTRACT);
  await review(page);
  await page.getByTestId('review-text').fill(text);
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progress: string[] }).progress = seen;
    new MutationObserver(() => {
      const progress = document.querySelector('[data-testid="review-progress"][data-phase="tagging"]');
      if (progress?.textContent) seen.push(progress.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const started = Date.now();
  await review(page);
  const wall = (Date.now() - started) / 1000;
  const seconds = Number(await status.getAttribute('data-seconds'));
  const progress = await page.evaluate(() => (window as unknown as { progress: string[] }).progress);
  expect(progress.some((line) => /Reviewing… [1-9][\d,]* of [\d,]+ clauses/.test(line))).toBe(true);
  const clauses = Number(/of ([\d,]+) clauses/.exec(progress.at(-1) ?? '')?.[1]?.replace(/,/g, '') ?? 0);
  expect(clauses).toBeGreaterThan(300);
  await expect(page.getByTestId('clause-highlight').first()).toBeVisible();

  // Only the paragraphs on screen are rendered, and jumping reaches clauses far down the document.
  const paragraphs = text.split('\n\n').length;
  expect(await page.locator('.review-block').count()).toBeLessThan(paragraphs / 4);
  // The category tagged most often (a contract-level rule keeps one Governing Law clause, but a cap or insurance
  // clause repeated throughout is tagged every time): jumping through it ends far down the document.
  const counts = await page
    .locator('[data-testid="category"]')
    .evaluateAll((items) =>
      items.map(
        (item) => [item.getAttribute('data-label'), Number(item.getAttribute('data-count'))] as const,
      ),
    );
  const [label, count] = counts.reduce((best, next) => (next[1] > best[1] ? next : best));
  expect(count).toBeGreaterThan(20);
  const category = page.locator(`[data-testid="category"][data-label="${label}"]`);
  for (let i = 0; i < count; i++) await category.getByTestId('category-jump').click();
  const lastStart = Number(await page.getByTestId('clause-card').getAttribute('data-start'));
  expect(lastStart).toBeGreaterThan(text.length * 0.8);
  await expect(page.locator('.review-mark.is-selected').first()).toBeInViewport();
  await expect(category.getByTestId('category-count')).toHaveText(`${count} of ${count}`);

  // A later visit: the model is on the device, the text is kept; Review is clicked as soon as the page is up.
  await page.reload();
  await expect(page.getByTestId('review-text')).toHaveValue(text);
  await review(page);
  const firstOfVisit = Number(await status.getAttribute('data-seconds'));

  const backend = expectedBackend(testInfo);
  console.log(
    `[review timing] ${backend}: ${words} words, ${clauses} clauses tagged in ${seconds.toFixed(2)} s ` +
      `(click to result ${wall.toFixed(2)} s); first review after a reload: ${firstOfVisit.toFixed(2)} s`,
  );
  testInfo.annotations.push({
    type: 'tagging seconds',
    description: `${backend}: ${seconds.toFixed(2)} (first after reload ${firstOfVisit.toFixed(2)})`,
  });
});
