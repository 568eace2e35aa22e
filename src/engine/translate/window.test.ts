import { describe, expect, it } from 'vitest';
import { halve, lostLength } from './window';

describe('halve', () => {
  it('cuts at the space nearest the middle, leaving out only that space', () => {
    expect(halve('one two three four five six')).toEqual(['one two three', 'four five six']);
    expect(halve('  alpha   beta  ')).toEqual(['alpha', 'beta']);
  });

  it('prefers a clause mark in the middle half, but not one near an end', () => {
    expect(halve('one two three, four five six seven')).toEqual(['one two three,', 'four five six seven']);
    expect(halve('one, two three four five six seven eight nine')).toEqual([
      'one, two three four five',
      'six seven eight nine',
    ]);
  });

  it('cuts unspaced text at a clause mark or the middle character, never inside a surrogate pair', () => {
    expect(halve('我们今天去公园，然后回家吃饭')).toEqual(['我们今天去公园，', '然后回家吃饭']);
    expect(halve('😀😀😀😀')).toEqual(['😀😀', '😀😀']);
    expect(halve('a')).toBeUndefined();
    expect(halve('   ')).toBeUndefined();
  });

  it('gives back every character but the whitespace at the cut, however often it is applied', () => {
    const text = Array.from({ length: 301 }, (_, i) => `w${i}${i % 7 === 0 ? ',' : ''}`).join(' ');
    const pieces: string[] = [];
    const cut = (part: string) => {
      const halves = part.split(' ').length > 4 ? halve(part) : undefined;
      if (!halves) pieces.push(part);
      else halves.forEach(cut);
    };
    cut(text);
    expect(pieces.join(' ')).toBe(text);
  });
});

describe('lostLength', () => {
  const limit = { modelLimit: 255 };

  it('flags a translation cut by the model limit, not one cut by the guard against repetition', () => {
    expect(lostLength({ sourceTokens: 300, outputTokens: 255, budget: 255, ...limit })).toBe(true);
    expect(lostLength({ sourceTokens: 10, outputTokens: 30, budget: 30, ...limit })).toBe(false);
  });

  it('flags a long source translated to under a quarter of its tokens, never a short one', () => {
    expect(lostLength({ sourceTokens: 200, outputTokens: 40, budget: 255, ...limit })).toBe(true);
    expect(lostLength({ sourceTokens: 200, outputTokens: 120, budget: 255, ...limit })).toBe(false);
    expect(lostLength({ sourceTokens: 12, outputTokens: 2, budget: 34, ...limit })).toBe(false);
  });
});
