import { checkDocumentFile } from './document-file';
import { DocumentError } from './document-error';
import { decodeUtf8Text } from './decode-text';
import { docxParagraphs } from './docx-text';
import { splitParagraphs } from './paragraphs';

export { DocumentError } from './document-error';

export type DocumentKind = 'txt' | 'docx' | 'pdf';

export interface OpenedDocument {
  name: string;
  kind: DocumentKind;
  /**
   * The document's text. For .txt, the file exactly as decoded; for .docx and .pdf, the paragraphs joined by
   * blank lines ("\n\n"). Offsets into it are stable either way.
   */
  text: string;
  /** Non-empty paragraphs in reading order, without surrounding whitespace. */
  paragraphs: string[];
}

/** Reads a file the user chose, on the device. Throws a DocumentError with a message to show as is. */
export async function readDocumentFile(file: File): Promise<OpenedDocument> {
  const kind = checkDocumentFile(file);
  let data: ArrayBuffer;
  try {
    data = await file.arrayBuffer();
  } catch {
    throw new DocumentError(
      'unreadable',
      `“${file.name}” could not be read. It may have been moved or changed; choose it again.`,
    );
  }
  let text: string;
  let paragraphs: string[];
  if (kind === 'txt') {
    text = decodeUtf8Text(new Uint8Array(data), file.name);
    paragraphs = splitParagraphs(text);
  } else {
    paragraphs =
      kind === 'docx'
        ? await docxParagraphs(data, file.name)
        : await (await import('./read-pdf')).pdfParagraphsInBrowser(new Uint8Array(data), file.name);
    text = paragraphs.join('\n\n');
  }
  if (paragraphs.length === 0) {
    throw new DocumentError('empty', `“${file.name}” contains no text to translate.`);
  }
  return { name: file.name, kind, text, paragraphs };
}
