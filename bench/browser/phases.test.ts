import { describe, expect, it } from 'vitest';
import { askedToTranslated, coldStartPhases } from './phases';

describe('cold start phases', () => {
  it('time each step from the mark before it, the page load first, then the total', () => {
    const phases = coldStartPhases(1000, [
      { name: 'worker created', at: 1300 },
      { name: 'worker started', at: 1350 },
      { name: 'sessions created', at: 1900 },
    ]);
    expect(phases).toEqual([
      { name: 'page loaded, worker created', ms: 300 },
      { name: 'worker started', ms: 50 },
      { name: 'sessions created', ms: 550 },
      { name: 'total: new tab → first sentence', ms: 900 },
    ]);
  });

  it('give a zero total when nothing was marked', () => {
    expect(coldStartPhases(1000, [])).toEqual([{ name: 'total: new tab → first sentence', ms: 0 }]);
  });
});

describe('what the translation waited for', () => {
  it('sums the phases after the catalog, or after the model opened ahead', () => {
    const asked = (names: string[]) =>
      askedToTranslated([
        ...names.map((name, index) => ({ name, ms: 10 * (index + 1) })),
        { name: 'total: x', ms: 999 },
      ]);
    expect(asked(['worker started', 'catalog loaded', 'sessions created', 'first sentence translated'])).toBe(
      70,
    );
    expect(
      asked([
        'catalog loaded',
        'model opened ahead, translation asked for',
        'first token',
        'first sentence translated',
      ]),
    ).toBe(70);
  });
});
