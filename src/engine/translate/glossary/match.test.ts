import { describe, expect, it } from 'vitest';
import { glossaryMatcher } from './match';

const found = (terms: [string, string][], text: string) =>
  glossaryMatcher(terms.map(([source, target]) => ({ source, target })))
    .find(text)
    .map((m) => [m.text, m.term.target]);

describe('glossaryMatcher', () => {
  it('finds a term case aside, on word boundaries only', () => {
    const terms: [string, string][] = [['Licensee', 'Licenciatario']];
    expect(found(terms, 'The LICENSEE and the licensee pay.')).toEqual([
      ['LICENSEE', 'Licenciatario'],
      ['licensee', 'Licenciatario'],
    ]);
    expect(found(terms, 'Licensees and sublicensee pay.')).toEqual([]);
  });

  it('prefers the longest term where terms overlap, and matches across any spacing', () => {
    const terms: [string, string][] = [
      ['License', 'Licencia'],
      ['Software License', 'Licencia de Software'],
    ];
    expect(found(terms, 'This Software  License and the License.')).toEqual([
      ['Software  License', 'Licencia de Software'],
      ['License', 'Licencia'],
    ]);
  });

  it('never matches inside a URL, an e-mail address or a number', () => {
    const terms: [string, string][] = [
      ['example', 'ejemplo'],
      ['250', 'doscientos cincuenta'],
      ['Section 5', 'Sección 5'],
    ];
    expect(found(terms, 'See https://example.com or mail info@example.org, an example.')).toEqual([
      ['example', 'ejemplo'],
    ]);
    expect(found(terms, 'It costs 1,250 or 250 under Section 5.')).toEqual([
      ['250', 'doscientos cincuenta'],
      ['Section 5', 'Sección 5'],
    ]);
  });

  it('matches terms in unspaced scripts anywhere, and skips entries with an empty side', () => {
    const matcher = glossaryMatcher([
      { source: '许可方', target: 'Licensor' },
      { source: 'Licensee', target: ' ' },
    ]);
    expect(matcher.size).toBe(1);
    expect(matcher.find('本协议由许可方签署。').map((m) => m.text)).toEqual(['许可方']);
  });

  it('lets a later entry for the same term win', () => {
    expect(
      found(
        [
          ['licensee', 'Licenciatario'],
          ['Licensee', 'Concesionario'],
        ],
        'The licensee.',
      ),
    ).toEqual([['licensee', 'Concesionario']]);
  });
});
