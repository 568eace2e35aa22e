import { readFile } from 'node:fs/promises';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { PDF_PARAGRAPHS } from '../../../e2e/fixtures/documents/content';
import {
  LETTER_LAYOUTS,
  LETTER_PARAGRAPHS,
  SHORT_LETTER_PARAGRAPHS,
  letterPage,
  shortLetterPage,
} from '../../../e2e/fixtures/documents/letter';
import { simplePdf } from '../../../e2e/fixtures/documents/simple-pdf';
import { DocumentError } from './document-error';
import { pdfTextParagraphs } from './pdf-text';

async function texts(data: Uint8Array, name: string): Promise<string[]> {
  return (await pdfTextParagraphs(data, name, pdfjs)).map((paragraph) => paragraph.text);
}

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
      { text: 'Service Agreement', heading: 1 },
      { text: 'The provider will deliver the services described below with reasonable care and skill.' },
      { text: 'Fees are due within thirty days (net).' },
      { text: 'Signed in Málaga.' },
    ]);
  });

  for (const [name, layout] of Object.entries(LETTER_LAYOUTS)) {
    it(`rebuilds the six paragraphs of a simple letter from line geometry: ${name}`, async () => {
      expect(await texts(simplePdf([letterPage(layout)]), 'letter.pdf')).toEqual(LETTER_PARAGRAPHS);
      expect(await texts(simplePdf([shortLetterPage(layout)]), 'letter.pdf')).toEqual(
        SHORT_LETTER_PARAGRAPHS,
      );
    });
  }

  it('marks headings set larger than the body text, larger sizes ranking higher', async () => {
    const pdf = simplePdf([
      [
        { text: 'Lease', x: 72, y: 780, size: 24 },
        { text: '1. Rent', x: 72, y: 740, size: 16 },
        { text: 'The rent is due on the first day of each month and is paid by transfer', x: 72, y: 716 },
        { text: 'to the account the landlord names.', x: 72, y: 702 },
        { text: '2. Repairs', x: 72, y: 670, size: 16 },
        { text: 'The landlord repairs the roof and the walls.', x: 72, y: 646 },
      ],
    ]);
    expect(await pdfTextParagraphs(pdf, 'lease.pdf', pdfjs)).toEqual([
      { text: 'Lease', heading: 1 },
      { text: '1. Rent', heading: 2 },
      {
        text: 'The rent is due on the first day of each month and is paid by transfer to the account the landlord names.',
      },
      { text: '2. Repairs', heading: 2 },
      { text: 'The landlord repairs the roof and the walls.' },
    ]);
  });

  it('reports each page read, so a long PDF shows its progress', async () => {
    const pages = Array.from({ length: 5 }, (_, index) => [{ text: `Page ${index + 1}.`, x: 72, y: 760 }]);
    const progress: string[] = [];
    const paragraphs = await pdfTextParagraphs(simplePdf(pages), 'five.pdf', pdfjs, (read, total) =>
      progress.push(`${read}/${total}`),
    );
    expect(paragraphs).toHaveLength(5);
    expect(progress).toEqual(['0/5', '1/5', '2/5', '3/5', '4/5', '5/5']);
  });

  it('reads the committed e2e fixtures as the browser test expects', async () => {
    const fixture = (name: string) =>
      readFile(new URL(`../../../e2e/fixtures/documents/${name}`, import.meta.url));
    const contract = new Uint8Array(await fixture('contract.pdf'));
    expect(await texts(contract, 'contract.pdf')).toEqual(PDF_PARAGRAPHS);
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
