import { describe, expect, it } from 'vitest';
import { shortLinesMessage, shortTranslation } from './length-check';

const words = (count: number) => Array.from({ length: count }, () => 'word').join(' ');

describe('shortTranslation', () => {
  it('flags a long line translated to under a quarter of its words', () => {
    expect(shortTranslation(3, words(100), words(20))).toEqual({
      line: 3,
      sourceWords: 100,
      translatedWords: 20,
    });
    expect(shortTranslation(3, words(100), words(80))).toBeUndefined();
  });

  it('never flags a short line, and counts Chinese by its characters', () => {
    expect(shortTranslation(1, words(30), 'Sí.')).toBeUndefined();
    expect(shortTranslation(1, words(60), '猫'.repeat(60))).toBeUndefined();
    expect(shortTranslation(1, '猫'.repeat(300), words(10))).toBeDefined();
  });
});

describe('shortLinesMessage', () => {
  it('names the first short line and counts the others', () => {
    const first = { line: 2, sourceWords: 100, translatedWords: 5 };
    expect(shortLinesMessage([first, { ...first, line: 9 }])).toBe(
      'The translation of line 2 (100 words) has only 5 words and 1 more line(s); part of the text may be missing.',
    );
    expect(shortLinesMessage([])).toBe('');
  });
});
