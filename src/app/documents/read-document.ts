import { checkDocumentFile } from './document-file';
import { DocumentError } from './document-error';
import { headingLevels, type DocumentParagraph, type HeadingLevel } from './document-paragraph';
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
  /**
   * Heading level of each paragraph (undefined for body text), from a .docx's Title and Heading styles or a
   * PDF's larger type; absent when the document has no headings.
   */
  headings?: (HeadingLevel | undefined)[];
}

export interface ReadOptions {
  /** Says how far reading has got ("page 12 of 300"), for documents that take a while. */
  onProgress?: (step: string) => void;
}

/** Reads a file the user chose, on the device. Throws a DocumentError with a message to show as is. */
export async function readDocumentFile(file: File, options: ReadOptions = {}): Promise<OpenedDocument> {
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
  if (kind === 'txt') {
    const text = decodeUtf8Text(new Uint8Array(data), file.name);
    const paragraphs = splitParagraphs(text);
    if (paragraphs.length === 0) throw noText(file.name);
    return { name: file.name, kind, text, paragraphs };
  }
  const onPage = (read: number, total: number) =>
    options.onProgress?.(`page ${read.toLocaleString('en')} of ${total.toLocaleString('en')}`);
  const read: DocumentParagraph[] =
    kind === 'docx'
      ? await docxParagraphs(data, file.name)
      : await (await import('./read-pdf')).pdfParagraphsInBrowser(new Uint8Array(data), file.name, onPage);
  if (read.length === 0) throw noText(file.name);
  const paragraphs = read.map((paragraph) => paragraph.text);
  const headings = headingLevels(read);
  return {
    name: file.name,
    kind,
    text: paragraphs.join('\n\n'),
    paragraphs,
    ...(headings ? { headings } : {}),
  };
}

function noText(name: string): DocumentError {
  return new DocumentError('empty', `“${name}” contains no text to translate.`);
}
