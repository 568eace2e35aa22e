import { describe, expect, it } from 'vitest';
import { compareRows, legalRow } from './report';

const sentence = (label: string, score: number) =>
  JSON.stringify({ labels: [label], ids: [0], scores: [score] });

describe('legalRow', () => {
  it('gives seconds per contract and compares the document with the reference', () => {
    const doc = JSON.stringify({ spans: [{ label: 'Parties', start: 0, end: 5, score: 0.5, text: 'x' }] });
    const row = legalRow(
      'contract',
      { name: 'cuad', wallMs: [400, 200, 300], outputs: [doc], warmUpMs: 900 },
      [doc],
      0,
    );
    expect(row.speed).toEqual({ median: 0.3, min: 0.2, max: 0.4 });
    expect(row.firstSpeed).toBe(0.9);
    expect([row.identical, row.sameLabels, row.outputs]).toEqual([1, 1, 1]);
  });

  it('gives sentences/s and tells score digits apart from labels', () => {
    const outputs = [sentence('a', 0.1234), sentence('b', 0.5), sentence('c', 0.5)];
    const reference = [sentence('a', 0.1235), sentence('b', 0.5), sentence('d', 0.5)];
    const row = legalRow(
      'unfair-tos',
      { name: 'tos', wallMs: [1000, 500], outputs, warmUpMs: 2000 },
      reference,
      100,
    );
    expect(row.speed).toEqual({ median: 150, min: 100, max: 200 });
    expect(row.firstSpeed).toBe(50);
    expect([row.identical, row.sameLabels, row.outputs]).toEqual([1, 2, 3]);
  });
});

describe('compareRows', () => {
  it('takes ratios within each round against the first runner and counts identical outputs', () => {
    const rows = compareRows(
      [
        { name: 'ref', wallMs: [1000, 2000, 1000], outputs: ['x', 'y'], warmUpMs: 0 },
        { name: 'fast', wallMs: [500, 500, 1000], outputs: ['x', 'z'], warmUpMs: 0 },
      ],
      10,
    );
    expect(rows[0]?.timesReference).toEqual({ median: 1, min: 1, max: 1 });
    expect(rows[1]?.sentencesPerSecond).toEqual({ median: 20, min: 10, max: 20 });
    expect(rows[1]?.timesReference).toEqual({ median: 2, min: 1, max: 4 });
    expect(rows[1]?.identical).toBe(1);
    expect(compareRows([], 10)).toEqual([]);
  });
});
