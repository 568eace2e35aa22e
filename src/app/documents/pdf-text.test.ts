import { readFile } from 'node:fs/promises';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { PDF_PARAGRAPHS } from '../../../e2e/fixtures/documents/content';
import { simplePdf } from '../../../e2e/fixtures/documents/simple-pdf';
import { DocumentError } from './document-error';
import { pdfTextParagraphs } from './pdf-text';

async function failure(data: Uint8Array, name: string): Promise<DocumentError> {
  const error: unknown = await pdfTextParagraphs(data, name, pdfjs).then(
    () => new Error('expected a DocumentError'),
    (caught: unknown) => caught,
  );
  if (error instanceof DocumentError) return error;
  throw error;
}

describe('pdfTextParagraphs', () => {
  it('reads the text layer paragraph by paragraph, page by page', async () => {
    const pdf = simplePdf([
      [
        { text: 'Service Agreement', x: 72, y: 760, size: 18 },
        { text: 'The provider will deliver the services described', x: 72, y: 720 },
        { text: 'below with reasonable care and skill.', x: 72, y: 706 },
        { text: 'Fees are due within thirty days (net).', x: 72, y: 678 },
      ],
      [{ text: 'Signed in Málaga.', x: 72, y: 760 }],
    ]);
    expect(await pdfTextParagraphs(pdf, 'agreement.pdf', pdfjs)).toEqual([
      'Service Agreement',
      'The provider will deliver the services described below with reasonable care and skill.',
      'Fees are due within thirty days (net).',
      'Signed in Málaga.',
    ]);
  });

  it('reads the committed e2e fixtures as the browser test expects', async () => {
    const fixture = (name: string) =>
      readFile(new URL(`../../../e2e/fixtures/documents/${name}`, import.meta.url));
    const contract = new Uint8Array(await fixture('contract.pdf'));
    expect(await pdfTextParagraphs(contract, 'contract.pdf', pdfjs)).toEqual(PDF_PARAGRAPHS);
    expect((await failure(new Uint8Array(await fixture('scan.pdf')), 'scan.pdf')).code).toBe('no-text');
  });

  it('says when a PDF has no text layer', async () => {
    const error = await failure(simplePdf([[], []]), 'scan.pdf');
    expect(error.code).toBe('no-text');
    expect(error.message).toMatch(/^“scan\.pdf” has no text layer: its pages are images/u);
  });

  it('says when a PDF needs a password', async () => {
    const pdf = simplePdf([[{ text: 'Secret', x: 72, y: 700 }]], { passwordProtected: true });
    const error = await failure(pdf, 'locked.pdf');
    expect(error.code).toBe('password');
    expect(error.message).toBe(
      '“locked.pdf” is password-protected. Save a copy without the password and open that instead.',
    );
  });

  it('says when a file is not a PDF at all', async () => {
    const error = await failure(new TextEncoder().encode('just some text, not a PDF'), 'fake.pdf');
    expect(error.code).toBe('corrupt');
    expect(error.message).toBe('“fake.pdf” is not a valid PDF file, or it is damaged.');
  });
});
