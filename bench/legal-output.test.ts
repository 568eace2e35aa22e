import { describe, expect, it } from 'vitest';
import { labelsOf } from './legal-output';

describe('labelsOf', () => {
  it('keeps the labels of a sentence and drops its scores', () => {
    const a = JSON.stringify({ labels: ['ltd'], ids: [1], scores: [0.91234] });
    const b = JSON.stringify({ labels: ['ltd'], ids: [1], scores: [0.91235] });
    expect(labelsOf(a)).toBe(labelsOf(b));
    expect(labelsOf(a)).not.toBe(labelsOf(JSON.stringify({ labels: ['ch'], ids: [2], scores: [0.9] })));
  });

  it('keeps the label and offsets of each span of a document', () => {
    const doc = (end: number, score: number) =>
      JSON.stringify({ spans: [{ label: 'Parties', start: 0, end, score, text: 'x' }], facts: {} });
    expect(labelsOf(doc(10, 0.5))).toBe(labelsOf(doc(10, 0.6)));
    expect(labelsOf(doc(10, 0.5))).not.toBe(labelsOf(doc(11, 0.5)));
  });
});
