import { DocumentError } from './document-error';
import type { DocumentParagraph } from './document-paragraph';
import { pdfParagraphs, textRunsFromItems, type PdfPageText } from './pdf-paragraphs';

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

/** Pages read so far out of all of them, while a PDF is being read. */
export type PageProgress = (pagesRead: number, pagesTotal: number) => void;

/**
 * The paragraphs of a PDF's text layer, page by page, with headings marked. pdf.js parses in its own worker;
 * only each page's text comes back here, one page at a time, so the page stays responsive and can show progress.
 */
export async function pdfTextParagraphs(
  data: Uint8Array,
  name: string,
  pdfjs: PdfJs,
  onPage?: PageProgress,
): Promise<DocumentParagraph[]> {
  // Fonts are never rendered here, so nothing needs to run as script or be fetched.
  const task = pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, verbosity: 0 });
  let pages: PdfPageText[];
  try {
    const pdf = await task.promise;
    pages = [];
    onPage?.(0, pdf.numPages);
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const [left = 0, , right = 0] = page.view;
      pages.push({ runs: textRunsFromItems((await page.getTextContent()).items), box: { left, right } });
      page.cleanup();
      onPage?.(number, pdf.numPages);
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
