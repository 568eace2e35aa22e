import type { DocumentParagraph } from './document-paragraph';
import { pdfTextParagraphs, type PageProgress } from './pdf-text';

/** Loads pdf.js and its worker only when a PDF is opened, so neither weighs on the app's first load. */
async function loadPdfJs() {
  const [pdfjs, worker] = await Promise.all([
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
  ]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs;
}

export async function pdfParagraphsInBrowser(
  data: Uint8Array,
  name: string,
  onPage?: PageProgress,
): Promise<DocumentParagraph[]> {
  return pdfTextParagraphs(data, name, await loadPdfJs(), onPage);
}
