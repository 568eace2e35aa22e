import { formatBytes } from '../format';
import { DocumentError } from './document-error';
import type { DocumentKind } from './read-document';

/** Documents are read whole into memory (twice, for .docx and .pdf), so keep them to a size a phone copes with. */
export const MAX_DOCUMENT_BYTES = 20_000_000;

const KINDS: Record<string, DocumentKind> = { txt: 'txt', docx: 'docx', pdf: 'pdf' };

/** For the file picker's `accept`: extensions plus MIME types, since some systems filter by either. */
export const DOCUMENT_ACCEPT = [
  '.txt',
  '.docx',
  '.pdf',
  'text/plain',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
].join(',');

/** Formats that look close to a supported one get advice on how to convert them. */
const ADVICE: Record<string, string> = {
  doc: 'Save it as a Word document (.docx) and open that instead.',
  rtf: 'Save it as a Word document (.docx) and open that instead.',
  odt: 'Save it as a Word document (.docx) and open that instead.',
  md: 'Save it with a .txt extension to open it as plain text.',
};

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Checks the name and size before anything is read; throws a DocumentError saying what is wrong. */
export function checkDocumentFile(file: { name: string; size: number }): DocumentKind {
  const ext = extension(file.name);
  const kind = KINDS[ext];
  if (!kind) {
    const what = ext ? `.${ext} files` : 'Files without an extension';
    const advice = ADVICE[ext] ?? '';
    throw new DocumentError(
      'unsupported',
      `${what} can't be opened. Open a .txt, .docx or .pdf file.${advice ? ` ${advice}` : ''}`,
    );
  }
  if (file.size === 0) throw new DocumentError('empty', `“${file.name}” is empty.`);
  if (file.size > MAX_DOCUMENT_BYTES) {
    throw new DocumentError(
      'too-large',
      `“${file.name}” is ${formatBytes(file.size)}; documents up to ${formatBytes(MAX_DOCUMENT_BYTES)} can be opened. ` +
        'Split it into smaller files.',
    );
  }
  return kind;
}
