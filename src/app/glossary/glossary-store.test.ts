import { describe, expect, it } from 'vitest';
import { mergeTerms, parseGlossaries, usableTerms } from './glossary-store';

describe('glossary storage', () => {
  it('reads each pair’s terms and drops what is not a term', () => {
    const stored = JSON.stringify({
      'en>es': [{ source: 'Licensee', target: 'Licenciatario' }, { source: 3 }, 'x'],
      'en>fr': 'not a list',
    });
    expect(parseGlossaries(stored)).toEqual({ 'en>es': [{ source: 'Licensee', target: 'Licenciatario' }] });
    expect(parseGlossaries('{broken')).toEqual({});
    expect(parseGlossaries('[1,2]')).toEqual({});
    expect(parseGlossaries(null)).toEqual({});
  });

  it('uses only rows with both sides filled in, trimmed', () => {
    expect(
      usableTerms([
        { source: ' Licensee ', target: 'Licenciatario ' },
        { source: 'Fee', target: '' },
        { source: '', target: 'Tarifa' },
      ]),
    ).toEqual([{ source: 'Licensee', target: 'Licenciatario' }]);
  });

  it('merges an import: same term (case aside) replaced in place, new terms after', () => {
    const merged = mergeTerms(
      [
        { source: 'Licensee', target: 'Concesionario' },
        { source: 'Fee', target: 'Tarifa' },
      ],
      [
        { source: 'licensee', target: 'Licenciatario' },
        { source: 'Licensor', target: 'Licenciante' },
      ],
    );
    expect(merged).toEqual([
      { source: 'licensee', target: 'Licenciatario' },
      { source: 'Fee', target: 'Tarifa' },
      { source: 'Licensor', target: 'Licenciante' },
    ]);
  });
});
