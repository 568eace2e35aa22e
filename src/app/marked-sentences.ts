/** A run of the translated text, and whether it is a sentence the model was unsure of. */
export interface MarkedPart {
  text: string;
  unsure: boolean;
}

/**
 * `text` cut into runs, the sentences in `unsure` (in the order they were translated) marked. Each is looked for
 * after the one before, so a sentence that also appears earlier, sure, is not marked there.
 */
export function markedParts(text: string, unsure: readonly string[]): MarkedPart[] {
  const parts: MarkedPart[] = [];
  let cursor = 0;
  for (const sentence of unsure) {
    if (!sentence) continue;
    const at = text.indexOf(sentence, cursor);
    if (at < 0) continue;
    if (at > cursor) parts.push({ text: text.slice(cursor, at), unsure: false });
    parts.push({ text: sentence, unsure: true });
    cursor = at + sentence.length;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), unsure: false });
  return parts;
}
