import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { honestZipBomb, lyingZipBomb } from '../../../e2e/fixtures/documents/zip-bomb';
import { DocumentError } from './document-error';
import { docxParagraphs } from './docx-text';
import { MAX_DOCX_UNPACKED_BYTES } from './docx-unpacked-size';

function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

async function failure(bytes: Uint8Array, name: string): Promise<DocumentError> {
  const error: unknown = await docxParagraphs(arrayBuffer(bytes), name).then(
    () => new Error('expected a DocumentError'),
    (caught: unknown) => caught,
  );
  if (error instanceof DocumentError) return error;
  throw error;
}

describe('checkDocxUnpackedSize, through the Word reader', () => {
  it('refuses a zip bomb by the sizes it declares, before inflating it', async () => {
    const bomb = honestZipBomb(1000);
    expect(bomb.byteLength).toBeLessThan(2_000_000);
    const started = performance.now();
    const error = await failure(bomb, 'bomb.docx');
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(
      '“bomb.docx” would unpack to 1.00 GB, more than the 200 MB a Word document may take ' +
        '(it looks like a zip bomb), so it was not opened.',
    );
    // Inflating a gigabyte takes seconds; reading the directory takes milliseconds.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses a zip bomb that understates its sizes, after inflating only what it declares', async () => {
    const bomb = lyingZipBomb(MAX_DOCX_UNPACKED_BYTES / 1_000_000 + 50);
    const error = await failure(bomb, 'liar.docx');
    expect(error.code).toBe('corrupt');
    expect(error.message).toBe(
      '“liar.docx” unpacks to more than it declares: the file is damaged or made to exhaust memory (a zip bomb), ' +
        'so it was not opened.',
    );
  });

  it('refuses a file that starts like a zip archive but has no directory', async () => {
    const bytes = Uint8Array.from([
      0x50,
      0x4b,
      0x03,
      0x04,
      ...Array.from({ length: 500 }, (_, i) => (i * 37) % 256),
    ]);
    const error = await failure(bytes, 'random.docx');
    expect(error.code).toBe('corrupt');
    expect(error.message).toBe(
      '“random.docx” could not be read as a Word document: the file is damaged or is not really a .docx file.',
    );
  });

  it('opens a normal Word document', async () => {
    const document = new Document({ sections: [{ children: [new Paragraph('Still readable.')] }] });
    const bytes = new Uint8Array(await Packer.toBuffer(document));
    expect(await docxParagraphs(arrayBuffer(bytes), 'fine.docx')).toEqual([{ text: 'Still readable.' }]);
  });
});
