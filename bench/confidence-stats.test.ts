import { describe, expect, it } from 'vitest';
import { lineConfidences, markedVersusRest, quantile } from './confidence-stats';

describe('confidence statistics', () => {
  it("gives a line its least sure sentence's confidence, sentences matched to lines by their text", () => {
    const lines = ['One. Two.', 'Three.', 'Four.'];
    const segments = [
      { source: 'One.', confidence: -0.2 },
      { source: 'Two.', confidence: -0.9 },
      { source: 'Three.' },
      { source: 'Four.', confidence: -0.4 },
    ];
    expect(lineConfidences(lines, segments)).toEqual([-0.9, undefined, -0.4]);
  });

  it('takes quantiles by nearest rank and compares the marked lines with the rest', () => {
    expect(quantile([-3, -1, -2, -4], 0.25)).toBe(-3);
    expect(() => quantile([], 0.5)).toThrow('No values');
    expect(markedVersusRest([-1, -0.1, undefined, -0.9], [20, 60, 50, 40], -0.5)).toEqual({
      marked: 2,
      markedChrf: 30,
      restChrf: 55,
    });
  });
});
