import { describe, expect, it } from 'vitest';
import { DocumentError } from './document-error';
import { checkDocumentFile, MAX_DOCUMENT_BYTES } from './document-file';

function failure(file: { name: string; size: number }): DocumentError {
  try {
    checkDocumentFile(file);
  } catch (error) {
    if (error instanceof DocumentError) return error;
    throw error;
  }
  throw new Error('expected a DocumentError');
}

describe('checkDocumentFile', () => {
  it('recognises supported extensions in any case', () => {
    expect(checkDocumentFile({ name: 'notes.txt', size: 10 })).toBe('txt');
    expect(checkDocumentFile({ name: 'Contract.DOCX', size: 10 })).toBe('docx');
    expect(checkDocumentFile({ name: 'scan.v2.pdf', size: 10 })).toBe('pdf');
  });

  it('names the unsupported extension and suggests a conversion for close formats', () => {
    const doc = failure({ name: 'old.doc', size: 10 });
    expect(doc.code).toBe('unsupported');
    expect(doc.message).toBe(
      ".doc files can't be opened. Open a .txt, .docx or .pdf file. " +
        'Save it as a Word document (.docx) and open that instead.',
    );
    expect(failure({ name: 'photo.png', size: 10 }).message).toBe(
      ".png files can't be opened. Open a .txt, .docx or .pdf file.",
    );
    expect(failure({ name: 'README', size: 10 }).message).toMatch(/^Files without an extension can't/u);
    // A dot file has no extension, only a name.
    expect(failure({ name: '.pdf', size: 10 }).code).toBe('unsupported');
  });

  it('refuses empty files', () => {
    const error = failure({ name: 'blank.txt', size: 0 });
    expect(error.code).toBe('empty');
    expect(error.message).toBe('“blank.txt” is empty.');
  });

  it('accepts files up to the limit and states the limit when refusing', () => {
    expect(checkDocumentFile({ name: 'big.pdf', size: MAX_DOCUMENT_BYTES })).toBe('pdf');
    const error = failure({ name: 'huge.pdf', size: 35_200_000 });
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(
      '“huge.pdf” is 35.2 MB; documents up to 20.0 MB can be opened. Split it into smaller files.',
    );
  });
});
