import { expect, test } from '@playwright/test';
import { openApp } from './app';

// More sentences than one decoder run takes on WASM (8): they are decoded side by side, in two groups.
const INPUT = [
  'The cat is on the table.',
  'My brother lives in a big house.',
  'We eat bread every day.',
  'She reads a book in the garden.',
  'The children play in the park.',
  'I drink coffee in the morning.',
  'They walk to school together.',
  'The dog sleeps near the door.',
  'He writes a letter to his mother.',
  'We listen to music at night.',
].join(' ');

declare global {
  interface Window {
    seen?: { status: string[]; output: string[] };
  }
}

test('the first translation says what it loads, and shows sentences in reading order', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('source-text').fill(INPUT);
  // Every status text and every output the page shows, however briefly.
  await page.evaluate(() => {
    const seen = { status: [] as string[], output: [] as string[] };
    window.seen = seen;
    const record = (list: string[], text: string | null | undefined) => {
      if (text && list.at(-1) !== text) list.push(text);
    };
    new MutationObserver(() => {
      record(seen.status, document.querySelector('[data-testid="translate-status"]')?.textContent);
      record(seen.output, document.querySelector('[data-testid="output"]')?.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  // The fixture model is not downloaded yet: the offer downloads it, then translates.
  await page.getByTestId('download-offer-button').click();
  await expect(page.getByTestId('translate-status')).toHaveAttribute('data-state', 'done', {
    timeout: 150_000,
  });

  const seen = await page.evaluate(() => window.seen ?? { status: [], output: [] });
  expect(seen.status).toContain('Loading the English → Spanish model…');
  // Then it translates (and never goes back to loading).
  const loading = seen.status.indexOf('Loading the English → Spanish model…');
  expect(seen.status.slice(loading + 1)[0]).toMatch(/^Translating/u);
  expect(seen.status.lastIndexOf('Loading the English → Spanish model…')).toBe(loading);

  const final = (await page.getByTestId('output').textContent()) ?? '';
  const sentences = final.split(/(?<=[.!?])\s+/u);
  expect(sentences.length).toBeGreaterThan(1);
  for (const shown of seen.output) {
    const pieces = shown.split(/(?<=[.!?])\s+/u);
    const partial = pieces.pop() ?? '';
    // Finished sentences are the first ones, in order; then at most the partial of the next one.
    expect(pieces, shown).toEqual(sentences.slice(0, pieces.length));
    // The fixture decodes greedily, so the sentence being written is the start of its final translation, never
    // words of a later sentence mixed in.
    expect((sentences[pieces.length] ?? '').startsWith(partial), shown).toBe(true);
  }
});
