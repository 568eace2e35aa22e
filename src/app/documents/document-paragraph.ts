/** A paragraph's place in the outline: 0 for the document title, 1–6 for headings of that level. */
export type HeadingLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A paragraph as read from a document, with its heading level when it is a title or a heading. */
export interface DocumentParagraph {
  text: string;
  heading?: HeadingLevel;
}

/**
 * Heading levels aligned with the paragraphs, or undefined when there are none (plain text, or a document
 * without headings), so documents without structure carry nothing extra.
 */
export function headingLevels(
  paragraphs: readonly DocumentParagraph[],
): (HeadingLevel | undefined)[] | undefined {
  const levels = paragraphs.map((paragraph) => paragraph.heading);
  return levels.some((level) => level !== undefined) ? levels : undefined;
}
