import { describe, expect, it } from 'vitest';
import type { DocumentTags } from '../../engine/types';
import {
  confidenceText,
  countByLabel,
  cutoff,
  groupClauses,
  nextClauseWith,
  occurrenceOf,
  scoredSpans,
  shownSpans,
  taggedClausesText,
  taggedSelection,
} from './clauses';
import { exportRows, toCsv } from './export-formats';

const text = 'Law clause. Assignment clause. Audit clause.';
const tags: DocumentTags = {
  spans: [
    { label: 'Governing Law', start: 0, end: 11, score: 0.9, text: 'Law clause.' },
    { label: 'Anti-Assignment', start: 12, end: 30, score: 0.5, text: 'Assignment clause.' },
  ],
  candidates: [
    { label: 'Audit Rights', start: 31, end: 44, score: 0.2 },
    { label: 'Insurance', start: 0, end: 11, score: 0.03 },
  ],
  thresholds: { 'Governing Law': 0.45, 'Anti-Assignment': 0.45, 'Audit Rights': 0.3, Insurance: 0.1 },
  facts: { parties: [] },
};
const thresholds = tags.thresholds ?? {};

describe('cutoff', () => {
  it('is the threshold at 0 and moves it on the log-odds scale', () => {
    expect(cutoff(0.45, 0)).toBe(0.45);
    expect(cutoff(0.5, 1)).toBeCloseTo(1 / (1 + Math.exp(-1)), 10);
    expect(cutoff(0.5, -1)).toBeCloseTo(1 / (1 + Math.exp(1)), 10);
    expect(cutoff(0.1, 2)).toBeLessThan(cutoff(0.5, 2));
  });

  it('never drops under the candidate floor', () => {
    expect(cutoff(0.05, -4)).toBe(0.02);
  });
});

describe('shownSpans', () => {
  const spans = scoredSpans(tags);

  it('merges decisions and candidates in document order', () => {
    expect(spans.map((s) => [s.label, s.decided])).toEqual([
      ['Governing Law', true],
      ['Insurance', false],
      ['Anti-Assignment', true],
      ['Audit Rights', false],
    ]);
    for (const span of spans) expect(text.slice(span.start, span.end)).toMatch(/clause\.$/);
  });

  it('shows exactly the model decision at the default', () => {
    expect(shownSpans(spans, thresholds, 0).map((s) => s.label)).toEqual([
      'Governing Law',
      'Anti-Assignment',
    ]);
  });

  it('adds candidates over the lowered cutoff and drops weak decisions when raised', () => {
    // Audit Rights: 0.2 clears cutoff(0.3, -1) ≈ 0.136; Insurance: 0.03 misses cutoff(0.1, -1) ≈ 0.039.
    expect(shownSpans(spans, thresholds, -1).map((s) => s.label)).toEqual([
      'Governing Law',
      'Anti-Assignment',
      'Audit Rights',
    ]);
    expect(shownSpans(spans, thresholds, -2).map((s) => s.label)).toContain('Insurance');
    // Anti-Assignment: 0.5 misses cutoff(0.45, 1) ≈ 0.69; Governing Law 0.9 stays.
    expect(shownSpans(spans, thresholds, 1).map((s) => s.label)).toEqual(['Governing Law']);
  });
});

describe('clauses', () => {
  const spans = scoredSpans(tags);
  const clauses = groupClauses(shownSpans(spans, thresholds, -2), new Set());

  it('groups labels of one range, surest first, and leaves hidden labels out', () => {
    expect(clauses.map((c) => [c.start, c.labels.map((l) => l.label)])).toEqual([
      [0, ['Governing Law', 'Insurance']],
      [12, ['Anti-Assignment']],
      [31, ['Audit Rights']],
    ]);
    const hidden = groupClauses(spans, new Set(['Governing Law', 'Insurance']));
    expect(hidden.map((c) => c.start)).toEqual([12, 31]);
  });

  it('counts spans per label', () => {
    expect(Object.fromEntries(countByLabel(shownSpans(spans, thresholds, 0)))).toEqual({
      'Governing Law': 1,
      'Anti-Assignment': 1,
    });
  });

  it('finds the next clause with a label, wrapping around', () => {
    const twice = groupClauses(
      scoredSpans({
        ...tags,
        spans: [...tags.spans, { label: 'Governing Law', start: 31, end: 44, score: 0.8, text: '' }],
        candidates: [],
      }),
      new Set(),
    );
    expect(nextClauseWith(twice, 'Governing Law', null)).toBe(0);
    expect(nextClauseWith(twice, 'Governing Law', 0)).toBe(2);
    expect(nextClauseWith(twice, 'Governing Law', 2)).toBe(0);
    expect(nextClauseWith(twice, 'Insurance', 1)).toBeNull();
    expect(occurrenceOf(twice, 'Governing Law', 2)).toEqual({ nth: 2, of: 2 });
    expect(occurrenceOf(twice, 'Governing Law', 1)).toBeNull();
  });
});

describe('confidenceText', () => {
  it('names the default and the direction', () => {
    expect(confidenceText(0)).toBe("Model default (each category's own cutoff)");
    expect(confidenceText(-1.5)).toBe('Lower: shows more (−1.5)');
    expect(confidenceText(2)).toBe('Higher: shows fewer (+2)');
  });
});

describe('taggedSelection', () => {
  // Two labels on the first clause: 3 (clause, label) spans over 2 clauses in 2 categories at the model's own cutoff.
  const many: DocumentTags = {
    ...tags,
    spans: [...tags.spans, { label: 'Anti-Assignment', start: 0, end: 11, score: 0.6, text: 'Law clause.' }],
  };
  const labels = ['Governing Law', 'Anti-Assignment', 'Audit Rights', 'Insurance'];
  const spans = scoredSpans(many);
  const exportedClauses = (clauses: ReturnType<typeof taggedSelection>['clauses']) =>
    new Set(exportRows(text, clauses).map((row) => `${row.start}:${row.end}`)).size;

  it('counts clauses, not categories or spans, the same way for the header, the side panel and the exports', () => {
    const { clauses, found } = taggedSelection(spans, thresholds, 0, new Set(), labels);
    expect(clauses.map((c) => [c.start, c.end])).toEqual([
      [0, 11],
      [12, 30],
    ]);
    expect(found).toEqual([
      { label: 'Governing Law', count: 1 },
      { label: 'Anti-Assignment', count: 2 },
    ]);
    expect(taggedClausesText(clauses.length)).toBe('2 tagged clauses');
    expect(exportedClauses(clauses)).toBe(clauses.length);
    // CSV: a header row plus one row per (clause, label).
    expect(toCsv(exportRows(text, clauses)).trimEnd().split('\r\n')).toHaveLength(1 + 3);
  });

  it('follows the chosen confidence', () => {
    const lower = taggedSelection(spans, thresholds, -4, new Set(), labels);
    expect(lower.clauses).toHaveLength(3);
    expect(lower.found.map((f) => f.label)).toEqual(labels);
    expect(exportedClauses(lower.clauses)).toBe(lower.clauses.length);
    const higher = taggedSelection(spans, thresholds, 4, new Set(), labels);
    expect(higher.clauses).toHaveLength(0);
    expect(higher.found).toEqual([]);
  });

  it('leaves hidden categories out of the clauses but keeps them in the side panel to show again', () => {
    const { clauses, found } = taggedSelection(spans, thresholds, 0, new Set(['Anti-Assignment']), labels);
    expect(clauses.map((c) => c.labels.map((l) => l.label))).toEqual([['Governing Law']]);
    expect(found.map((f) => f.label)).toEqual(['Governing Law', 'Anti-Assignment']);
    expect(exportedClauses(clauses)).toBe(1);
  });

  it('says "clause" for one', () => {
    expect(taggedClausesText(1)).toBe('1 tagged clause');
    expect(taggedClausesText(1200)).toBe('1,200 tagged clauses');
  });
});
