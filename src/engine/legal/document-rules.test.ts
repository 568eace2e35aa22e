import { describe, expect, it } from 'vitest';
import { clausesAllowedByDocument } from './document-rules';

const rows = (...values: number[][]) => values.map((row) => Float32Array.from(row));

describe('clausesAllowedByDocument', () => {
  it('allows no clause for a label when no clause of the document reaches its gate', () => {
    const allowed = clausesAllowedByDocument(rows([0.6, 0.1], [0.7, 0.2]), {
      gates: [0.75, 0.1],
      topK: [null, null],
    });
    expect(allowed[0]).toEqual([false, false]);
    expect(allowed[1]).toEqual([true, true]);
  });

  it('allows only the best clauses up to the rank limit, earlier ones first on ties', () => {
    const probs = rows([0.5], [0.9], [0.7], [0.9]);
    expect(clausesAllowedByDocument(probs, { gates: [0.5], topK: [2] })[0]).toEqual([
      false,
      true,
      false,
      true,
    ]);
    expect(clausesAllowedByDocument(probs, { gates: [0.5], topK: [1] })[0]).toEqual([
      false,
      true,
      false,
      false,
    ]);
    expect(clausesAllowedByDocument(probs, { gates: [0.5], topK: [9] })[0]).toEqual([true, true, true, true]);
  });

  it('handles a document without clauses', () => {
    expect(clausesAllowedByDocument([], { gates: [0.5], topK: [1] })).toEqual([[]]);
  });
});
