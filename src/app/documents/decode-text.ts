import { DocumentError } from './document-error';

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** Strict UTF-8: a wrong guess at the encoding would translate mojibake, so anything else is refused. */
export function decodeUtf8Text(bytes: Uint8Array, name: string): string {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new DocumentError(
      'encoding',
      `“${name}” is saved as UTF-16 text. Save it as UTF-8 and open it again.`,
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
