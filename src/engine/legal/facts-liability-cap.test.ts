import { describe, expect, it } from 'vitest';
import { findLiabilityCap } from './facts-liability-cap';

const cap = (text: string) => findLiabilityCap(text)?.text;

describe('findLiabilityCap', () => {
  it('reads what liability is capped at', () => {
    expect(
      cap(
        "In no event shall either party's aggregate liability under this Agreement exceed the fees paid by Customer in the twelve (12) months preceding the claim.",
      ),
    ).toBe('the fees paid by Customer in the twelve (12) months preceding the claim');
    expect(cap("Supplier's total liability shall be limited to $500,000, whether in contract or tort.")).toBe(
      '$500,000',
    );
    expect(
      cap(
        'Any liability of Agent will be limited in the aggregate to an amount equal to twenty four (24) times the monthly administrative fee to be paid by Client.',
      ),
    ).toBe('twenty four (24) times the monthly administrative fee to be paid by Client');
  });

  it('points at the words it read', () => {
    const text =
      'Limitation. The liability of Excite is limited to, and will not exceed, the amounts actually paid by Sponsor.';
    const fact = findLiabilityCap(text);
    expect(fact && text.slice(fact.start, fact.end)).toBe('the amounts actually paid by Sponsor');
  });

  it('says nothing for an exclusion of damages without an amount', () => {
    expect(
      cap('In no event shall either party be liable for any special, incidental or consequential damages.'),
    ).toBeUndefined();
    expect(
      cap('The price shall not exceed the list price. Each party is liable for its own taxes.'),
    ).toBeUndefined();
  });
});
