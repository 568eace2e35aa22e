import { describe, expect, it } from 'vitest';
import { categoryHue } from './category-colors';
import { factRows } from './facts-list';

describe('factRows', () => {
  it('lists title, parties and dates in reading order', () => {
    const fact = (text: string, start: number) => ({ text, start, end: start + text.length });
    const rows = factRows({
      title: fact('SUPPLY AGREEMENT', 0),
      parties: [fact('Acme Inc.', 40), fact('Beta LLC', 60)],
      agreementDate: fact('March 1, 2021', 20),
      expirationDate: fact('March 1, 2024', 900),
    });
    expect(rows.map((row) => `${row.name}: ${row.shown}`)).toEqual([
      'Title: SUPPLY AGREEMENT',
      'Party 1: Acme Inc.',
      'Party 2: Beta LLC',
      'Agreement date: March 1, 2021',
      'Expiration date: March 1, 2024',
    ]);
    expect(factRows({ parties: [] })).toEqual([]);
  });

  it('shows a worked-out expiration date, and a term that has none as the Term', () => {
    const computed = { text: 'three (3) years from the Effective Date', start: 50, end: 89 };
    const rows = factRows({
      parties: [],
      expirationDate: { ...computed, value: 'March 1, 2027 (3 years after the effective date)' },
    });
    expect(rows.map((row) => `${row.name}: ${row.shown}`)).toEqual([
      'Expiration date: March 1, 2027 (3 years after the effective date)',
    ]);
    const termOnly = factRows({ parties: [], term: { text: 'three (3) years', start: 50, end: 65 } });
    expect(termOnly.map((row) => `${row.name}: ${row.shown}`)).toEqual(['Term: three (3) years']);
  });
});

describe('categoryHue', () => {
  it('gives neighbouring labels distinct hues and is stable', () => {
    const labels = ['A', 'B', 'C', 'D'];
    const hues = labels.map((label) => categoryHue(labels, label));
    expect(new Set(hues).size).toBe(4);
    for (let i = 1; i < hues.length; i++) {
      const gap = Math.abs((hues[i] ?? 0) - (hues[i - 1] ?? 0));
      expect(Math.min(gap, 360 - gap)).toBeGreaterThan(30);
    }
    expect(categoryHue(labels, 'B')).toBe(hues[1]);
  });
});
