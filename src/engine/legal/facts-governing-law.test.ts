import { describe, expect, it } from 'vitest';
import { findGoverningLaw } from './facts-governing-law';

const law = (text: string) => findGoverningLaw(text)?.text;

describe('findGoverningLaw', () => {
  it('reads the jurisdiction of the usual choice-of-law clauses', () => {
    expect(
      law(
        'This Agreement shall be governed by and construed in accordance with the laws of the State of New York, without regard to its conflict of laws rules.',
      ),
    ).toBe('New York');
    expect(
      law(
        'This Agreement will be construed in accordance with the laws of the State of Delaware and is assignable only with consent.',
      ),
    ).toBe('Delaware');
    expect(
      law(
        'This Agreement shall be governed by the laws of England and Wales, and all actions shall be brought in England.',
      ),
    ).toBe('England and Wales');
    expect(
      law(
        "shall be governed by, and construed in accordance with, the laws of the People's Republic of China (without regard to",
      ),
    ).toBe('China');
    expect(law('governed by the laws of the Commonwealth of Virginia applicable to contracts')).toBe(
      'Virginia',
    );
    expect(
      law('shall be governed by, and interpreted in accordance with New York law without regard to'),
    ).toBe('New York');
  });

  it('reads clauses in capitals and clauses that name the state before the law', () => {
    expect(
      law(
        'THIS AGREEMENT WILL BE GOVERNED IN ALL RESPECTS BY THE LAWS OF THE STATE OF DELAWARE WITHOUT REGARD TO',
      ),
    ).toBe('DELAWARE');
    expect(
      law(
        'This Agreement has been made in the State of California and shall be governed by the laws thereof.',
      ),
    ).toBe('California');
    expect(
      law('This agreement shall be governed by the Laws of England (English common and statutory Law).'),
    ).toBe('England');
  });

  it('points at the words it read', () => {
    const text = 'Misc. 12.1 This Agreement is governed by the laws of the State of Ohio.';
    const fact = findGoverningLaw(text);
    expect(fact && text.slice(fact.start, fact.end)).toBe('Ohio');
  });

  it('takes the first choice of law and not a later federal mention', () => {
    expect(
      law(
        'governed by the laws of the State of New York and the laws of the United States applicable therein.',
      ),
    ).toBe('New York');
  });

  it('says nothing without a choice of law', () => {
    expect(law('The Supplier shall comply with the laws of each country in the Territory.')).toBeUndefined();
    expect(
      law('Licensee is governed by a board of directors. The laws of the Territory apply to exports.'),
    ).toBeUndefined();
    expect(law('This Agreement shall be governed by the laws of the Territory.')).toBeUndefined();
  });
});
