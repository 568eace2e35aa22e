import { expect, test, type Page } from '@playwright/test';
import { expectedBackend } from './app';

const SPANISH = 'Ayer compré un libro. Mi hermano vive en Madrid.';
const ENGLISH = 'The contract starts today.';

/** The app's own catalog (the bundled models), once the engine is up. */
async function openBundled(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('backend-chip')).not.toHaveAttribute('data-backend', '');
}

test('detects pasted Spanish, offers the Spanish model, and lets the user’s choice win', async ({ page }) => {
  await openBundled(page);
  const from = page.getByTestId('source-language');
  await expect(from).toHaveValue('auto');
  await page.getByTestId('source-text').fill(SPANISH);

  await expect(page.getByTestId('detected-language')).toHaveText('Detected: Spanish');
  await expect(from.locator('option[value="auto"]')).toHaveText('Detect language (Spanish)');
  // Spanish → Spanish is no translation: the page goes to English, with the Spanish → English model.
  await expect(page.getByTestId('target-language')).toHaveValue('en');
  await expect(page.getByTestId('download-offer-button')).toContainText('Spanish → English');

  // A language the user picks wins over what is detected.
  await from.selectOption('fr');
  await expect(page.getByTestId('detected-language')).toBeHidden();
  await expect(from).toHaveValue('fr');
  // French → Spanish goes through English: the French → English model is the first to fetch.
  await expect(page.getByTestId('download-offer-button').first()).toContainText('French → English');

  // Back to detection: a single word shared by languages is called unclear, not guessed.
  await from.selectOption('auto');
  await page.getByTestId('source-text').fill('hotel');
  await expect(page.getByTestId('detected-language')).toContainText('Not sure which language this is');
  await expect(from.locator('option[value="auto"]')).toHaveText('Detect language (not sure)');
});

test('translates a mixed text paragraph by paragraph, each from its own language', async ({
  page,
}, testInfo) => {
  // A full-size model on emulated WebGPU (SwiftShader) takes seconds per decoder step; see cli-parity.spec.ts.
  test.skip(expectedBackend(testInfo) === 'webgpu', 'full-size model on emulated WebGPU is too slow');
  await openBundled(page);
  await page.getByTestId('source-text').fill(`${SPANISH}\n\n${ENGLISH}`);
  await expect(page.getByTestId('detected-language')).toHaveText(
    'Detected: Spanish and English, by paragraph',
  );
  await expect(page.getByTestId('target-language')).toHaveValue('en');
  await page.getByTestId('download-offer-button').click();
  await expect(page.getByTestId('translate-status')).toHaveAttribute('data-state', 'done', {
    timeout: 150_000,
  });
  const output = (await page.getByTestId('output').textContent()) ?? '';
  const [spanishPart, englishPart] = output.split('\n\n');
  // The Spanish paragraph is translated; the English one, already in the target language, is kept as written.
  expect(spanishPart).toContain('book');
  expect(spanishPart).toContain('Madrid');
  expect(spanishPart).not.toContain('compré');
  expect(englishPart).toBe(ENGLISH);
  await expect(page.getByTestId('output')).toHaveAttribute('lang', 'en');
});

test('translates a mixed document paragraph by paragraph, each from its own language', async ({
  page,
}, testInfo) => {
  test.skip(expectedBackend(testInfo) === 'webgpu', 'full-size model on emulated WebGPU is too slow');
  await openBundled(page);
  await page.getByTestId('document-input').setInputFiles({
    name: 'mixed.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(`${SPANISH}\n\n${ENGLISH}\n`),
  });
  await expect(page.getByTestId('detected-language')).toHaveText(
    'Detected: Spanish and English, by paragraph',
  );
  await page.getByTestId('document-translate').click();
  await expect(page.getByTestId('document-status')).toHaveAttribute('data-state', 'done', {
    timeout: 150_000,
  });
  const [spanishPart, englishPart] = await page.getByTestId('document-translation').allTextContents();
  expect(spanishPart).toContain('book');
  expect(spanishPart).not.toContain('compré');
  expect(englishPart).toBe(ENGLISH);
});
