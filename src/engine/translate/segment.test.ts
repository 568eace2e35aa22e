import { describe, expect, it } from 'vitest';
import { isUntranslatable, segmentText, type Piece } from './segment';

const sentences = (pieces: Piece[]) =>
  pieces.filter((piece) => piece.kind === 'sentence').map((piece) => piece.text);
const joined = (pieces: Piece[]) => pieces.map((piece) => piece.text).join('');

describe('segmentText', () => {
  const samples = [
    'Hello world. How are you?',
    '  Indented first line.\n\n\nSecond paragraph after two blank lines.  \n',
    'Line one\r\nLine two\r\n',
    '\n\n  \t\n',
    '',
    'Trailing spaces   ',
  ];

  it.each(samples)('rebuilds the exact input: %j', (text) => {
    expect(joined(segmentText(text, 'en'))).toBe(text);
  });

  it('splits sentences and keeps the spaces between them apart', () => {
    const pieces = segmentText('Hello world.  How are you? Fine!', 'en');
    expect(sentences(pieces)).toEqual(['Hello world.', 'How are you?', 'Fine!']);
    expect(pieces.filter((piece) => piece.kind === 'space').map((piece) => piece.text)).toEqual(['  ', ' ']);
  });

  it('never joins text across line breaks', () => {
    expect(sentences(segmentText('A sentence that\ncontinues on the next line.', 'en'))).toEqual([
      'A sentence that',
      'continues on the next line.',
    ]);
  });

  it('keeps paragraph breaks, blank lines and indentation as whitespace pieces', () => {
    const pieces = segmentText('  First.\n\n\tSecond.\n', 'en');
    expect(pieces).toEqual([
      { kind: 'space', text: '  ' },
      { kind: 'sentence', text: 'First.' },
      { kind: 'space', text: '\n\n\t' },
      { kind: 'sentence', text: 'Second.' },
      { kind: 'space', text: '\n' },
    ]);
  });

  it('marks numbers, URLs, e-mails and punctuation to pass through', () => {
    const pieces = segmentText(
      '42\nhttps://example.com/a?b=1\nwrite@example.org\n— … —\n3.14159\nSee 42 cats.',
      'en',
    );
    expect(pieces.filter((piece) => piece.kind === 'keep').map((piece) => piece.text)).toEqual([
      '42',
      'https://example.com/a?b=1',
      'write@example.org',
      '— … —',
      '3.14159',
    ]);
    expect(sentences(pieces)).toEqual(['See 42 cats.']);
  });
});

describe('isUntranslatable', () => {
  it.each(['1,234.56', '(12)', 'www.example.com', 'https://a.b/c; http://d.e', '§ 4.2 –'])(
    '%j passes through',
    (text) => expect(isUntranslatable(text)).toBe(true),
  );
  it.each(['Hello', 'See https://example.com', 'Año 2024', 'Ωμέγα'])('%j is translated', (text) =>
    expect(isUntranslatable(text)).toBe(false),
  );
});

describe('sentence boundaries', () => {
  it('never cuts inside a URL or e-mail address', () => {
    expect(
      sentences(segmentText('Go to https://example.com/search?q=1! Then write to x@y.org. Done.', 'en')),
    ).toEqual(['Go to https://example.com/search?q=1!', 'Then write to x@y.org.', 'Done.']);
  });
});
