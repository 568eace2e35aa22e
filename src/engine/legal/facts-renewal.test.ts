import { describe, expect, it } from 'vitest';
import { findRenewal } from './facts-renewal';

const facts = (text: string) => {
  const found = findRenewal(text);
  return { renewal: found.renewal?.text, notice: found.renewalNotice?.text };
};

describe('findRenewal', () => {
  it('reads an automatic renewal and the notice that stops it', () => {
    expect(
      facts(
        'This Agreement shall be automatically renewed for successive one year periods unless either party gives written notice of termination at least thirty (30) days prior to the date of expiration.',
      ),
    ).toEqual({ renewal: 'successive one year periods', notice: 'thirty (30) days' });
    expect(
      facts(
        "After the Initial Term, this Agreement shall continue on a month to month basis until terminated by either party upon 60 days' prior written notice.",
      ),
    ).toEqual({ renewal: 'month to month basis', notice: '60 days' });
  });

  it('reads an option to renew', () => {
    expect(
      facts(
        'Distributor shall have the option to renew this Agreement for an additional Three (3) year period.',
      ),
    ).toEqual({ renewal: 'additional Three (3) year period', notice: undefined });
  });

  it('prefers the sentence that says "renew" and gives a length', () => {
    const text =
      'The Term shall continue automatically while orders are open. Thereafter, this Agreement shall automatically renew for subsequent one (1) year periods unless either party provides ninety (90) days prior written notice.';
    const found = findRenewal(text);
    expect(found.renewal?.text).toBe('subsequent one (1) year periods');
    expect(found.renewal && text.slice(found.renewal.start, found.renewal.end)).toBe(found.renewal?.text);
    expect(found.renewalNotice?.text).toBe('ninety (90) days');
  });

  it('says nothing when the contract does not renew', () => {
    expect(
      findRenewal(
        'This Agreement expires on December 31, 2025. The deadline shall be extended for holidays.',
      ),
    ).toEqual({});
  });
});
