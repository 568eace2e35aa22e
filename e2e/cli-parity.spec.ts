import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { expectedBackend } from './app';

const root = fileURLToPath(new URL('..', import.meta.url));
const SENTENCES = readFileSync(new URL('fixtures/sentences/dev-en-50.txt', import.meta.url), 'utf8');

/** `lexlet translate` run as a user runs it: bundled catalog, default backend, stdin → stdout. */
function cliTranslate(input: string): string {
  const run = spawnSync(process.execPath, ['bin/lexlet.js', 'translate', '--from', 'en', '--to', 'es'], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`lexlet translate failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

test('the browser translates 50 dev sentences exactly as the CLI does, with the bundled en→es model', async ({
  page,
}, testInfo) => {
  // WebGPU here is SwiftShader, a CPU emulation that takes seconds per decoder step of a full-size model; the
  // WebGPU backend's agreement with Node is checked on the fixture model (translate.spec.ts).
  test.skip(expectedBackend(testInfo) === 'webgpu', 'full-size model on emulated WebGPU is too slow');
  const lines = SENTENCES.trimEnd().split('\n');
  expect(lines).toHaveLength(50);
  const cliLines = cliTranslate(SENTENCES).trimEnd().split('\n');
  expect(cliLines).toHaveLength(50);

  // The app's own catalog (the bundled models), not the test fixtures.
  await page.goto('/');
  // As a user would, start once the engine is up (on a loaded machine its start can outlast a first click).
  await expect(page.getByTestId('backend-chip')).not.toHaveAttribute('data-backend', '');
  await page.getByTestId('source-language').selectOption('en');
  await page.getByTestId('target-language').selectOption('es');
  await page.getByTestId('source-text').fill(lines.join('\n'));
  await page.getByTestId('download-offer-button').click();
  await expect(page.getByTestId('download-offer')).toBeHidden({ timeout: 120_000 });
  await expect(page.getByTestId('translate-status')).toHaveAttribute('data-state', 'done', {
    timeout: 170_000,
  });
  await expect(page.getByTestId('translate-status')).toHaveAttribute(
    'data-backend',
    expectedBackend(testInfo),
  );

  const browserLines = ((await page.getByTestId('output').textContent()) ?? '').trimEnd().split('\n');
  expect(browserLines).toEqual(cliLines);
});
