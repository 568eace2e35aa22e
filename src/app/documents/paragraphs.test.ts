import { describe, expect, it } from 'vitest';
import { paragraphSpans, splitParagraphs } from './paragraphs';

describe('paragraphSpans', () => {
  it('splits on blank lines and keeps single line breaks inside a paragraph', () => {
    expect(splitParagraphs('First line\nsecond line.\n\nNext paragraph.')).toEqual([
      'First line\nsecond line.',
      'Next paragraph.',
    ]);
  });

  it('treats lines of spaces and Windows line ends as blank lines', () => {
    expect(splitParagraphs('  One.\r\n \t \r\nTwo.\r\n\r\n\r\nThree.  \n')).toEqual([
      'One.',
      'Two.',
      'Three.',
    ]);
  });

  it('reports offsets that index the original text', () => {
    const text = '\n  Alpha beta.\n\n\nGamma\ndelta.  \n';
    const spans = paragraphSpans(text);
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(['Alpha beta.', 'Gamma\ndelta.']);
    expect(spans.map((span) => span.text)).toEqual(['Alpha beta.', 'Gamma\ndelta.']);
  });

  it('finds nothing in whitespace', () => {
    expect(splitParagraphs(' \n\t\n  ')).toEqual([]);
  });
});
