import type { HeadingLevel } from './document-paragraph';
import type { OpenedDocument } from './read-document';

/** A paragraph as exported: its translation, or its original text where it has none yet. */
export interface ExportParagraph {
  text: string;
  translated: boolean;
  heading?: HeadingLevel;
}

/**
 * What an export holds at any point of a run: translated paragraphs, and the rest in the original, so a partial
 * translation can be saved and nothing of the document goes missing from the file.
 */
export function exportParagraphs(
  document: Pick<OpenedDocument, 'paragraphs' | 'headings'>,
  translations: readonly (string | undefined)[],
): ExportParagraph[] {
  return document.paragraphs.map((original, index) => {
    const translation = translations[index];
    const heading = document.headings?.[index];
    return {
      text: translation ?? original,
      translated: translation !== undefined,
      ...(heading === undefined ? {} : { heading }),
    };
  });
}

/** Said beside the export buttons while some paragraphs are untranslated; null once all are (or none are). */
export function partialExportNote(translated: number, total: number): string | null {
  if (translated === 0 || translated >= total) return null;
  const count = (value: number) => value.toLocaleString('en');
  return (
    `${count(translated)} of ${count(total)} paragraph${total === 1 ? '' : 's'} translated; ` +
    'the rest are kept in the original.'
  );
}
