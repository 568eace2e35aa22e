import { DocumentError } from './document-error';

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** Bytes looked at to tell binary data from text: enough to see, little enough to stay instant. */
const SNIFF_BYTES = 65_536;

/**
 * Binary files (images, archives, programs) hold NUL bytes and other control characters that text never has;
 * tabs, line and page breaks and the escape character are allowed.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].includes(byte)) control += 1;
  }
  return control > head.byteLength / 100;
}

/** Strict UTF-8: a wrong guess at the encoding would translate mojibake, so anything else is refused. */
export function decodeUtf8Text(bytes: Uint8Array, name: string): string {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new DocumentError(
      'encoding',
      `“${name}” is saved as UTF-16 text. Save it as UTF-8 and open it again.`,
    );
  }
  if (looksBinary(bytes)) {
    throw new DocumentError(
      'binary',
      `“${name}” is not a text file: it holds binary data (such as an image, an archive or a program) ` +
        'under a .txt name. Open a text, .docx or .pdf file.',
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentError(
      'encoding',
      `“${name}” is not UTF-8 text (or not text at all). Save it as UTF-8 text and open it again.`,
    );
  }
}
