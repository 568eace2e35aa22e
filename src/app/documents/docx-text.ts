import { DocumentError } from './document-error';
import type { DocumentParagraph, HeadingLevel } from './document-paragraph';
import { checkDocxUnpackedSize } from './docx-unpacked-size';

/** Zip files (and so .docx) start with "PK\x03\x04". */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound files: encrypted .docx files and old .doc files both use this container. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * The paragraphs of a .docx file, in document order (tables cell by cell), with titles and headings marked.
 * Loads mammoth on first use.
 */
export async function docxParagraphs(data: ArrayBuffer, name: string): Promise<DocumentParagraph[]> {
  const head = new Uint8Array(data, 0, Math.min(8, data.byteLength));
  if (startsWith(head, OLE_MAGIC)) {
    throw new DocumentError(
      'password',
      `“${name}” is password-protected (or an old Word 97–2003 file renamed to .docx). ` +
        'Remove the password, or save it as .docx without one, and open it again.',
    );
  }
  const corrupt = new DocumentError(
    'corrupt',
    `“${name}” could not be read as a Word document: the file is damaged or is not really a .docx file.`,
  );
  if (!startsWith(head, ZIP_MAGIC)) throw corrupt;
  await checkDocxUnpackedSize(data, name, corrupt);
  const { default: mammoth } = await import('mammoth');
  // mammoth's Node build reads `buffer` and its browser build `arrayBuffer`; both take an ArrayBuffer.
  const input = { arrayBuffer: data, buffer: data } as unknown as { arrayBuffer: ArrayBuffer };
  const paragraphs: DocumentParagraph[] = [];
  try {
    // Raw-text extraction drops line breaks inside a paragraph, so walk mammoth's document tree instead,
    // and hand the HTML converter an empty document since its output is not needed.
    await mammoth.convertToHtml(input, {
      transformDocument: (document: DocxElement) => {
        collectParagraphs(document, paragraphs);
        return { ...document, children: [] };
      },
    });
  } catch {
    throw corrupt;
  }
  return paragraphs
    .map((paragraph) => ({
      ...paragraph,
      text: paragraph.text.replace(/\n[^\S\n]*(?:\n[^\S\n]*)+/gu, '\n').trim(),
    }))
    .filter((paragraph) => paragraph.text !== '');
}

/** The parts of mammoth's document model that carry text. */
interface DocxElement {
  type: string;
  value?: string;
  children?: DocxElement[];
  /** A paragraph's style, by id ("Heading1") and by name ("heading 1", in English whatever Word's language). */
  styleId?: string | null;
  styleName?: string | null;
}

/** Word's built-in Title and Heading 1–9 styles; levels past 6 count as 6, the deepest a heading goes here. */
function headingLevel(paragraph: DocxElement): HeadingLevel | undefined {
  for (const style of [paragraph.styleName, paragraph.styleId]) {
    if (!style) continue;
    if (/^title$/iu.test(style)) return 0;
    const heading = /^heading\s*([1-9])$/iu.exec(style);
    if (heading) return Math.min(6, Number(heading[1])) as HeadingLevel;
  }
  return undefined;
}

function elementText(element: DocxElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return '\t';
  if (element.type === 'break') return '\n';
  return (element.children ?? []).map(elementText).join('');
}

/** Paragraphs in document order; table cells hold paragraphs of their own. */
function collectParagraphs(element: DocxElement, paragraphs: DocumentParagraph[]): void {
  if (element.type === 'paragraph') {
    const heading = headingLevel(element);
    paragraphs.push(
      heading === undefined ? { text: elementText(element) } : { text: elementText(element), heading },
    );
  } else for (const child of element.children ?? []) collectParagraphs(child, paragraphs);
}
