/** "contract.pdf" translated to Spanish → "contract.es.docx". */
export function translatedFileName(name: string, target: string, extension: 'txt' | 'docx'): string {
  const dot = name.lastIndexOf('.');
  const base = (dot > 0 ? name.slice(0, dot) : name).trim() || 'document';
  return `${base}.${target}.${extension}`;
}

/** Plain text: paragraphs separated by a blank line, as they are read back by the .txt reader. */
export function translationText(paragraphs: readonly string[]): string {
  return `${paragraphs.join('\n\n')}\n`;
}

export function translationTextBlob(paragraphs: readonly string[]): Blob {
  return new Blob([translationText(paragraphs)], { type: 'text/plain;charset=utf-8' });
}
