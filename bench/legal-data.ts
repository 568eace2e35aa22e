/**
 * The inputs of the legal bench, from the shared data beside the repository (../shared/data/legal): one contract
 * of exactly N words cut from the CUAD contracts, and the UNFAIR-ToS dev sentences of LexGLUE.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

/** The CUAD contracts in name order, joined by blank lines, cut after `words` words (whitespace kept as is). */
export function contractOfWords(contractsDir: string, words: number): string {
  let text = '';
  for (const name of readdirSync(contractsDir).sort()) {
    if (!name.endsWith('.txt')) continue;
    text += `${readFileSync(join(contractsDir, name), 'utf8')}\n\n`;
    if (countWords(text) > words) break;
  }
  // Words and the whitespace between them alternate; leading whitespace would make the first piece empty.
  const pieces = text.trimStart().split(/(\s+)/u);
  if (countWords(text) < words) throw new Error(`${contractsDir} holds fewer than ${words} words.`);
  return pieces.slice(0, 2 * words - 1).join('');
}

export function countWords(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

/** The `text` column of a LexGLUE UNFAIR-ToS CSV (columns text,labels), each sentence on one line. */
export function unfairTosSentences(csv: string): string[] {
  const parsed = Papa.parse<{ text?: string }>(csv, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`Unreadable CSV: ${parsed.errors[0]?.message ?? ''}`);
  return parsed.data.map((row, index) => {
    const sentence = (row.text ?? '').replace(/\s+/gu, ' ').trim();
    if (!sentence) throw new Error(`Row ${index + 2} of the CSV has no text.`);
    return sentence;
  });
}
