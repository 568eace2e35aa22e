import { parseGlossaryCsv } from '../../engine/translate/glossary/csv';
import type { GlossaryTerm } from '../../engine/types';

/** The terms of a chosen CSV file, or an error message that names the file and what is wrong with it. */
export async function readGlossaryFile(
  file: Blob & { name: string },
): Promise<{ terms: GlossaryTerm[] } | { error: string }> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { error: `“${file.name}” is not UTF-8 text. Save it as CSV UTF-8 and import it again.` };
  }
  try {
    return { terms: parseGlossaryCsv(text) };
  } catch (caught) {
    const reason = caught instanceof Error ? caught.message : String(caught);
    return { error: `“${file.name}” could not be imported. ${reason}` };
  }
}
