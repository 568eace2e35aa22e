import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_MODEL_ID, appUrl, downloadFromOffer, translate } from './app';

/** Every Content-Security-Policy violation the page reports, recorded from its first script on. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** Markup that sets a window flag if it ever runs as script. */
const PAYLOADS = [
  '<img src=x onerror="window.lexletInjected=1">',
  '<script>window.lexletInjected=2</script>',
  '<svg onload="window.lexletInjected=3"></svg>',
];
const injected = (page: Page) => page.evaluate(() => (window as { lexletInjected?: number }).lexletInjected);

test('serves a Content-Security-Policy, as a header and in the page, under which the app still translates', async ({
  page,
}) => {
  await recordViolations(page);
  const response = await page.goto(appUrl('/'));
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(header).not.toContain(" 'unsafe-eval'");
  expect(header).not.toMatch(/script-src[^;]*(https?:|'unsafe-inline')/u);
  expect(header).toMatch(/connect-src 'self' [^;]*https:\/\/huggingface\.co/u);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(header.replace("; frame-ancestors 'none'", ''));

  // Workers, onnxruntime's WebAssembly and the model download all run under it.
  await expect(page.getByTestId('backend-chip')).not.toHaveAttribute('data-backend', '');
  await downloadFromOffer(page);
  expect((await translate(page, 'The cat sleeps.')).trim()).not.toBe('');
  expect(await violations(page)).toEqual([]);

  // Script the page did not load from its own files is refused, whatever put it into the page.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.lexletInjected = 4';
    document.body.append(script);
    return (window as { lexletInjected?: number }).lexletInjected;
  });
  expect(ran).toBeUndefined();
  const refused = await violations(page);
  expect(refused.length).toBeGreaterThan(0);
  expect(new Set(refused)).toEqual(new Set(['script-src-elem inline']));
});

test('markup pasted into the text box or in a catalog entry name is shown as text and never runs', async ({
  page,
}) => {
  const catalog = JSON.parse(
    readFileSync(new URL('fixtures/models/catalog.json', import.meta.url), 'utf8'),
  ) as {
    models: { id: string; name: string; description?: string }[];
  };
  for (const model of catalog.models) {
    if (model.id !== FIXTURE_MODEL_ID) continue;
    model.name = `Tiny ${PAYLOADS[0]}`;
    model.description = PAYLOADS.join(' ');
  }
  // A URL predicate: a glob would also match the page itself, whose query names the catalog.
  await page.route(
    (url) => url.pathname === '/fixtures/models/catalog.json',
    (route) => route.fulfill({ json: catalog }),
  );
  await page.goto(appUrl('/models'));
  await expect(page.getByTestId(`model-${FIXTURE_MODEL_ID}`)).toContainText(PAYLOADS[0] as string);
  await page.getByTestId('nav-translate').click();
  await page.getByTestId('source-text').fill(PAYLOADS.join('\n'));
  await expect(page.getByTestId('source-text')).toHaveValue(PAYLOADS.join('\n'));
  await downloadFromOffer(page);
  await translate(page, PAYLOADS.join('\n'));
  await page.getByTestId('nav-review').click();
  await page.getByTestId('review-text').fill(PAYLOADS.join('\n'));
  expect(await injected(page)).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
});

test('a catalog on a host the policy does not allow is refused with a clear message', async ({ page }) => {
  await page.goto('/models?catalog=https://catalog.example/catalog.json');
  await expect(page.getByTestId('catalog-error')).toContainText(
    'Lexlet may not contact https://catalog.example, where this catalog is',
  );
});
