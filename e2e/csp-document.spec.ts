/**
 * Markup inside an uploaded Word document (its paragraphs and its file name) is text to translate, never part of
 * the page: it is shown and translated as text, nothing in it runs, and the Content-Security-Policy is not needed
 * to stop it (no violation is reported).
 */
import { expect, test, type Page } from '@playwright/test';
import { Document, Packer, Paragraph } from 'docx';
import { downloadFromOffer, openApp } from './app';

/** Markup that sets a window flag if it ever runs as script. */
const PAYLOADS = [
  '<img src=x onerror="window.lexletInjected=1">',
  '<script>window.lexletInjected=2</script>',
  '<svg onload="window.lexletInjected=3"></svg>',
  '<iframe srcdoc="<script>parent.lexletInjected=4</script>"></iframe>',
];
const NAME = '<img src=x onerror="window.lexletInjected=5">.docx';

const injected = (page: Page) => page.evaluate(() => (window as { lexletInjected?: number }).lexletInjected);

test('markup in the paragraphs and the name of an uploaded .docx is shown and translated as text and never runs', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await openApp(page);
  await downloadFromOffer(page);
  const uploaded = new Document({
    sections: [{ children: PAYLOADS.map((payload) => new Paragraph(`The cat reads ${payload} today.`)) }],
  });
  await page.getByTestId('document-input').setInputFiles({
    name: NAME,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await Packer.toBuffer(uploaded),
  });
  await expect(page.getByTestId('document-name')).toHaveText(NAME);
  await expect(page.getByTestId('document-source')).toHaveText(
    PAYLOADS.map((payload) => `The cat reads ${payload} today.`),
  );
  await page.getByTestId('document-translate').click();
  await expect(page.getByTestId('document-status')).toHaveAttribute('data-state', 'done', {
    timeout: 150_000,
  });
  await expect(page.getByTestId('document-translation')).toHaveCount(PAYLOADS.length);

  expect(await injected(page)).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload], iframe, main script').count()).toBe(0);
  // Nothing was even tried: the markup never became elements for the policy to refuse.
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual(
    [],
  );
});
