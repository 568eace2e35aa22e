import { describe, expect, it } from 'vitest';
import { clauseContexts } from './clause-context';
import { segmentClauses } from './segment';

function contextsOf(text: string, maxChars = 600) {
  const segments = segmentClauses(text, { maxChars }).filter((s) => s.kind !== 'heading');
  return clauseContexts(text, segments).map((context, i) => ({
    clause: text.slice(segments[i]?.start, segments[i]?.end),
    ...context,
  }));
}

describe('clause context', () => {
  it('gives each clause the heading above it', () => {
    const text = [
      'GOVERNING LAW',
      '',
      'This Agreement is governed by the laws of the State of New York.',
      '',
      'TERMINATION',
      '',
      'Either party may terminate this Agreement on thirty days notice.',
    ].join('\n');
    const byClause = Object.fromEntries(contextsOf(text).map((c) => [c.clause, c.heading]));
    expect(byClause['This Agreement is governed by the laws of the State of New York.']).toBe(
      'GOVERNING LAW',
    );
    expect(byClause['Either party may terminate this Agreement on thirty days notice.']).toBe('TERMINATION');
  });

  it('gives the later sentences of a long section the words that open it', () => {
    const sentence = 'The Supplier shall keep the goods insured against loss at its own cost at all times.';
    const text = `12.3 Limitation of Liability. In no event shall either party be liable. ${sentence} ${sentence}`;
    const contexts = contextsOf(text, 100);
    expect(contexts.length).toBeGreaterThan(1);
    expect(contexts[0]?.lead).toBe('');
    expect(contexts[1]?.lead).toBe('12.3 Limitation of Liability. In no event shall either party be liable.');
  });

  it('gives enumerated items the lead-in they complete', () => {
    const text = 'Licensee shall not: (a) copy the Software; (b) sublicense it; and (c) reverse engineer it.';
    const items = contextsOf(text).filter((c) => c.clause.startsWith('('));
    expect(items).toHaveLength(3);
    for (const item of items)
      expect(item.lead.startsWith('Licensee shall not: (a) copy the Software;')).toBe(true);
  });

  it('ignores running headers and footers and page numbers as headings', () => {
    const page = (n: number) =>
      [
        `Clause ${n} text states a term of the deal here.`,
        '',
        'Source: ACME INC, 10-K, 3/1/2020',
        '',
        '-ii-',
      ].join('\n');
    const text = ['CONFIDENTIALITY', '', page(1), '', page(2), '', page(3), '', page(4)].join('\n');
    const headings = new Set(contextsOf(text).map((c) => c.heading));
    expect([...headings]).toEqual(['CONFIDENTIALITY']);
  });

  it('has no context before the first heading and outside split paragraphs', () => {
    expect(contextsOf('A short agreement between two parties.')).toEqual([
      { clause: 'A short agreement between two parties.', heading: '', lead: '', previous: '' },
    ]);
  });

  it('gives each clause the clause before it, skipping headings', () => {
    const text = ['First clause of the deal.', '', 'NOTICES', '', 'Second clause of the deal.'].join('\n');
    const segments = segmentClauses(text);
    expect(segments.map((s) => s.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
    expect(clauseContexts(text, segments).map((c) => c.previous)).toEqual([
      '',
      'First clause of the deal.',
      'First clause of the deal.',
    ]);
  });
});
