import { readFile } from 'node:fs/promises';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { DOCX_PARAGRAPHS } from '../../../e2e/fixtures/documents/content';
import { DocumentError } from './document-error';
import { docxParagraphs } from './docx-text';

async function docxBytes(document: Document): Promise<ArrayBuffer> {
  const buffer = await Packer.toBuffer(document);
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

async function failure(data: ArrayBuffer, name: string): Promise<DocumentError> {
  const error: unknown = await docxParagraphs(data, name).then(
    () => new Error('expected a DocumentError'),
    (caught: unknown) => caught,
  );
  if (error instanceof DocumentError) return error;
  throw error;
}

describe('docxParagraphs', () => {
  it('reads paragraphs in order, skipping empty ones, with runs joined and table cells as paragraphs', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [
                new TextRun('The '),
                new TextRun({ text: 'tenant', bold: true }),
                new TextRun(' pays.'),
              ],
            }),
            new Paragraph(''),
            new Paragraph({
              children: [new TextRun('Line one'), new TextRun({ text: 'line two', break: 1 })],
            }),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('Rent')] }),
                    new TableCell({ children: [new Paragraph('900 euros')] }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    expect(await docxParagraphs(await docxBytes(document), 'lease.docx')).toEqual([
      { text: 'The tenant pays.' },
      { text: 'Line one\nline two' },
      { text: 'Rent' },
      { text: '900 euros' },
    ]);
  });

  it('reads the committed e2e fixture as the browser test expects', async () => {
    const file = await readFile(new URL('../../../e2e/fixtures/documents/contract.docx', import.meta.url));
    const data = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    expect((await docxParagraphs(data, 'contract.docx')).map((paragraph) => paragraph.text)).toEqual(
      DOCX_PARAGRAPHS,
    );
  });

  it('says when a .docx file is damaged or not a Word document', async () => {
    const notZip = await failure(new TextEncoder().encode('plain text').buffer, 'fake.docx');
    expect(notZip.code).toBe('corrupt');
    expect(notZip.message).toBe(
      '“fake.docx” could not be read as a Word document: the file is damaged or is not really a .docx file.',
    );
    const document = new Document({ sections: [{ children: [new Paragraph('Hello')] }] });
    const truncated = (await docxBytes(document)).slice(0, 200);
    expect((await failure(truncated, 'cut.docx')).code).toBe('corrupt');
  });

  it('says when a .docx file is password-protected', async () => {
    const ole = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0);
    const error = await failure(ole.buffer, 'locked.docx');
    expect(error.code).toBe('password');
    expect(error.message).toMatch(/^“locked\.docx” is password-protected/u);
  });
});
