import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { DocumentError, readDocumentFile } from './read-document';

async function failure(file: File): Promise<DocumentError> {
  const error: unknown = await readDocumentFile(file).then(
    () => new Error('expected a DocumentError'),
    (caught: unknown) => caught,
  );
  if (error instanceof DocumentError) return error;
  throw error;
}

describe('readDocumentFile', () => {
  it('keeps a text file exactly as decoded and finds its paragraphs', async () => {
    const text = 'Título\r\n\r\nFirst paragraph,\nstill first.\n\n\n  Second.\n';
    const opened = await readDocumentFile(new File([text], 'notes.txt', { type: 'text/plain' }));
    expect(opened).toEqual({
      name: 'notes.txt',
      kind: 'txt',
      text,
      paragraphs: ['Título', 'First paragraph,\nstill first.', 'Second.'],
    });
  });

  it('joins .docx paragraphs with blank lines', async () => {
    const document = new Document({
      sections: [{ children: [new Paragraph('One.'), new Paragraph(''), new Paragraph('Two.')] }],
    });
    const file = new File([new Uint8Array(await Packer.toBuffer(document))], 'two.docx');
    const opened = await readDocumentFile(file);
    expect(opened).toEqual({
      name: 'two.docx',
      kind: 'docx',
      text: 'One.\n\nTwo.',
      paragraphs: ['One.', 'Two.'],
    });
  });

  it('carries the heading levels of a .docx, aligned with its paragraphs', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Terms', heading: HeadingLevel.HEADING_1 }),
            new Paragraph(''),
            new Paragraph('Body.'),
          ],
        },
      ],
    });
    const file = new File([new Uint8Array(await Packer.toBuffer(document))], 'terms.docx');
    const opened = await readDocumentFile(file);
    expect(opened.paragraphs).toEqual(['Terms', 'Body.']);
    expect(opened.headings).toEqual([1, undefined]);
  });

  it('refuses files without text, with the file named', async () => {
    const blank = await failure(new File([' \n\n '], 'blank.txt'));
    expect(blank.code).toBe('empty');
    expect(blank.message).toBe('“blank.txt” contains no text to translate.');
    const document = new Document({ sections: [{ children: [new Paragraph('')] }] });
    const emptyDocx = new File([new Uint8Array(await Packer.toBuffer(document))], 'empty.docx');
    expect((await failure(emptyDocx)).message).toBe('“empty.docx” contains no text to translate.');
  });

  it('checks the extension and encoding before translating anything', async () => {
    expect((await failure(new File(['x'], 'image.png'))).code).toBe('unsupported');
    expect((await failure(new File([Uint8Array.of(0xe9, 0x74, 0xe9)], 'latin.txt'))).code).toBe('encoding');
    const binary = new Uint8Array(4096).map((_, index) => (index * 7919) % 256);
    expect((await failure(new File([binary], 'random.txt'))).code).toBe('binary');
    expect((await failure(new File([], 'nothing.pdf'))).code).toBe('empty');
  });
});
