import { describe, expect, it } from 'vitest';
import { glossaryForLeg } from './route-glossary';

describe('glossaryForLeg', () => {
  it('puts the target terms in on the first leg and keeps them as they are on the next', () => {
    const terms = [{ source: 'preneur', target: 'Licenciatario' }];
    expect(glossaryForLeg(terms, 0)).toEqual(terms);
    expect(glossaryForLeg(terms, 1)).toEqual([{ source: 'Licenciatario', target: 'Licenciatario' }]);
  });
});
