import { DocumentError } from './document-error';
import { pdfParagraphs, textRunsFromItems, type PdfTextRun } from './pdf-paragraphs';

/** The part of pdf.js used here; the browser build and Node's legacy build both provide it. */
export type PdfJs = Pick<typeof import('pdfjs-dist'), 'getDocument'>;

function openError(error: unknown, name: string): DocumentError {
  const kind = error instanceof Error ? error.name : '';
  if (kind === 'PasswordException') {
    return new DocumentError(
      'password',
      `“${name}” is password-protected. Save a copy without the password and open that instead.`,
    );
  }
  if (kind === 'InvalidPDFException') {
    return new DocumentError('corrupt', `“${name}” is not a valid PDF file, or it is damaged.`);
  }
  return new DocumentError('corrupt', `“${name}” could not be read as a PDF; the file may be damaged.`);
}

/** The paragraphs of a PDF's text layer, page by page. */
export async function pdfTextParagraphs(data: Uint8Array, name: string, pdfjs: PdfJs): Promise<string[]> {
  // Fonts are never rendered here, so nothing needs to run as script or be fetched.
  const task = pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, verbosity: 0 });
  let pages: PdfTextRun[][];
  try {
    const pdf = await task.promise;
    pages = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      pages.push(textRunsFromItems((await page.getTextContent()).items));
      page.cleanup();
    }
  } catch (error) {
    throw openError(error, name);
  } finally {
    await task.destroy();
  }
  const paragraphs = pdfParagraphs(pages);
  if (paragraphs.length === 0) {
    throw new DocumentError(
      'no-text',
      `“${name}” has no text layer: its pages are images (for example a scan), which can't be translated here. ` +
        'Run it through text recognition (OCR) first.',
    );
  }
  return paragraphs;
}
