import { describe, expect, it } from 'vitest';
import { CLAUSE_LABEL_RULES, contradictingRule } from './clause-conflicts';

const ruledOut = (label: string, text: string) => contradictingRule(label, text) !== undefined;

describe('clause label conflicts', () => {
  it('has one rule per label', () => {
    const labels = CLAUSE_LABEL_RULES.map((rule) => rule.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  describe('Uncapped Liability', () => {
    it('is ruled out on a plain liability cap', () => {
      const cap =
        "In no event shall either party's aggregate liability under this Agreement exceed the fees paid in the " +
        'twelve (12) months preceding the claim.';
      expect(ruledOut('Uncapped Liability', cap)).toBe(true);
      expect(ruledOut('Cap on Liability', cap)).toBe(false);
    });

    it('is kept when the cap has a carve-out', () => {
      const carveOut =
        "Except for a party's indemnification obligations, neither party's total liability shall exceed $100,000.";
      expect(ruledOut('Uncapped Liability', carveOut)).toBe(false);
      expect(
        ruledOut('Uncapped Liability', 'The limitations above shall not apply to breaches of Section 9.'),
      ).toBe(false);
    });

    it('is kept when the clause says liability is unlimited', () => {
      expect(ruledOut('Uncapped Liability', "Licensee's liability for such claims shall be unlimited.")).toBe(
        false,
      );
    });

    it('is kept when the clause names no cap', () => {
      expect(ruledOut('Uncapped Liability', 'Neither party shall be liable for lost profits.')).toBe(false);
    });

    it('does not read "including but not limited to" as a cap', () => {
      const filler = 'Supplier is liable for all losses, including but not limited to damage to property.';
      expect(ruledOut('Uncapped Liability', filler)).toBe(false);
    });
  });

  describe('Cap on Liability', () => {
    it('is ruled out when liability is unlimited and no cap is set', () => {
      expect(
        ruledOut('Cap on Liability', "The Supplier's liability under this Section shall be unlimited."),
      ).toBe(true);
      expect(ruledOut('Cap on Liability', 'Liability for fraud shall not be limited or excluded.')).toBe(
        true,
      );
    });

    it('is kept when a cap sits next to the unlimited wording', () => {
      const both = 'Liability for death is unlimited; all other liability shall not exceed the fees paid.';
      expect(ruledOut('Cap on Liability', both)).toBe(false);
    });
  });

  describe('Exclusivity', () => {
    it('is ruled out on a non-exclusive grant', () => {
      const grant = 'Licensor grants Licensee a non-exclusive, non-transferable licence to use the Software.';
      expect(ruledOut('Exclusivity', grant)).toBe(true);
      expect(ruledOut('Exclusivity', 'The rights granted are nonexclusive.')).toBe(true);
    });

    it('is ruled out when the only other "exclusive" is a forum or a remedy', () => {
      const forum = 'The licence is non-exclusive. The courts of Delaware have exclusive jurisdiction.';
      expect(ruledOut('Exclusivity', forum)).toBe(true);
    });

    it('is kept when something is granted exclusively', () => {
      const mixed = 'Distributor is appointed on a non-exclusive basis, but exclusive for the United States.';
      expect(ruledOut('Exclusivity', mixed)).toBe(false);
      expect(ruledOut('Exclusivity', 'Company appoints Distributor as its exclusive distributor.')).toBe(
        false,
      );
    });
  });

  describe('Irrevocable or Perpetual License', () => {
    it('is ruled out on a licence that is not called irrevocable or perpetual', () => {
      expect(
        ruledOut(
          'Irrevocable or Perpetual License',
          'Licensor grants a non-exclusive, non-transferable licence.',
        ),
      ).toBe(true);
      expect(
        ruledOut('Irrevocable or Perpetual License', 'This licence is revocable on 30 days notice.'),
      ).toBe(true);
      expect(
        ruledOut(
          'Irrevocable or Perpetual License',
          'The licence is terminable by either party at any time.',
        ),
      ).toBe(true);
    });

    it('is kept on an irrevocable or perpetual licence', () => {
      expect(
        ruledOut('Irrevocable or Perpetual License', 'Licensee receives a perpetual, royalty-free licence.'),
      ).toBe(false);
      expect(
        ruledOut('Irrevocable or Perpetual License', 'Company irrevocably licenses the Marks to Licensee.'),
      ).toBe(false);
      expect(ruledOut('Irrevocable or Perpetual License', 'A worldwide, irrevocable licence.')).toBe(false);
    });
  });

  it('leaves every other label alone', () => {
    expect(contradictingRule('Governing Law', 'This non-exclusive licence is revocable.')).toBeUndefined();
    expect(contradictingRule('Limitation of liability', 'Liability shall not exceed $100.')).toBeUndefined();
  });
});
