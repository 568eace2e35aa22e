import { LexletError } from '../engine/errors';

export interface InputLine {
  text: string;
  /** The line ended with CRLF; the output line does too. */
  crlf: boolean;
}

/**
 * Lines of UTF-8 text from a byte stream, as they arrive. Decoding is strict: invalid UTF-8 is an error rather
 * than U+FFFD replacement characters sent to the model. A final line without a newline still counts.
 */
export async function* readLines(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
): AsyncGenerator<InputLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  let lineNumber = 1;
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch (error) {
      throw new LexletError('input-invalid', `Input is not valid UTF-8 (at line ${lineNumber}).`, {
        cause: error,
      });
    }
  };
  for await (const chunk of chunks) {
    pending += typeof chunk === 'string' ? chunk : decode(chunk);
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const raw = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      const crlf = raw.endsWith('\r');
      yield { text: crlf ? raw.slice(0, -1) : raw, crlf };
      lineNumber++;
    }
  }
  pending += decode();
  if (pending) yield { text: pending, crlf: false };
}
