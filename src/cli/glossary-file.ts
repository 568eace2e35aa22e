import { readFile } from 'node:fs/promises';
import { LexletError } from '../engine/errors';
import { parseGlossaryCsv } from '../engine/translate/glossary/csv';
import type { GlossaryTerm } from '../engine/types';

/** The terms of the CSV glossary at `path` (source term, target term); a clear one-line error otherwise. */
export async function readGlossaryFile(path: string): Promise<GlossaryTerm[]> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : String(error);
    throw new LexletError('input-invalid', `Cannot read the glossary ${path}: ${reason}.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LexletError('input-invalid', `The glossary ${path} is not UTF-8 text.`);
  }
  try {
    return parseGlossaryCsv(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LexletError('input-invalid', `The glossary ${path} cannot be used: ${reason}`);
  }
}
