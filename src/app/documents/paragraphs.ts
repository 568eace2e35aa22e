/** A paragraph and where it sits in the text it came from. */
export interface ParagraphSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * Paragraphs of plain text: blocks separated by blank lines, without their surrounding whitespace. Single line
 * breaks stay inside a paragraph (the translator keeps them), so poems and addresses keep their shape.
 */
export function paragraphSpans(text: string): ParagraphSpan[] {
  const spans: ParagraphSpan[] = [];
  const blocks = /\S(?:[^\n]|\n(?![ \t\r\f\v]*\n))*/gu;
  for (const match of text.matchAll(blocks)) {
    const trimmed = match[0].trimEnd();
    spans.push({ text: trimmed, start: match.index, end: match.index + trimmed.length });
  }
  return spans;
}

export function splitParagraphs(text: string): string[] {
  return paragraphSpans(text).map((span) => span.text);
}
