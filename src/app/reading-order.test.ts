import { describe, expect, it } from 'vitest';
import { readingOrder, wholeWords } from './reading-order';

describe('wholeWords', () => {
  it('leaves out a word still being decoded', () => {
    expect(wholeWords('Ayer compr')).toBe('Ayer');
    expect(wholeWords('Ayer compré ')).toBe('Ayer compré');
    expect(wholeWords('Compr')).toBe('');
    expect(wholeWords('')).toBe('');
  });

  it('keeps every character of a script written without spaces', () => {
    expect(wholeWords('我昨天买')).toBe('我昨天买');
  });
});

describe('readingOrder', () => {
  it('never shows a later sentence before an earlier one is done', () => {
    // Sentences 0–3 decoded side by side: each has a partial output, none is finished.
    const partial = ['Ayer compr', 'El perro ', 'Mi casa es ', 'La'];
    expect(readingOrder([], partial)).toEqual(['Ayer']);
  });

  it('shows finished sentences in order, then the partial of the first unfinished one', () => {
    const finished = ['Ayer compré un libro.', undefined, 'Mi casa es grande.'];
    const partial = [undefined, 'El perro ladra ', 'Mi casa es '];
    expect(readingOrder(finished, partial)).toEqual(['Ayer compré un libro.', 'El perro ladra']);
    finished[1] = 'El perro ladra.';
    expect(readingOrder(finished, partial)).toEqual([
      'Ayer compré un libro.',
      'El perro ladra.',
      'Mi casa es grande.',
    ]);
  });

  it('shows nothing while only a later sentence is finished', () => {
    const finished: (string | undefined)[] = [];
    finished[2] = 'Mi casa es grande.';
    expect(readingOrder(finished, [])).toEqual([]);
  });
});
