import { describe, expect, it } from 'vitest';
import { extractKeyFacts, type Fact } from './facts';

const texts = (facts: Fact[]): string[] => facts.map((f) => f.text);

describe('extractKeyFacts', () => {
  const msa = [
    'EXHIBIT 10.1',
    '',
    'MASTER SUPPLY AGREEMENT',
    '',
    'This Master Supply Agreement (the "Agreement") is made as of March 1, 2010 by and between Acme Widgets, Inc., a',
    'Delaware corporation ("Acme"), and Beta Labs LLC ("Beta").',
    '',
    '1. Term. This Agreement shall be effective as of April 15, 2010 (the "Effective Date") and expires on',
    'December 31, 2015.',
  ].join('\n');

  it('finds title, parties and dates with offsets into the original text', () => {
    const facts = extractKeyFacts(msa);
    expect(facts.title?.text).toBe('MASTER SUPPLY AGREEMENT');
    expect(texts(facts.parties)).toEqual(['Acme Widgets, Inc.', 'Beta Labs LLC']);
    expect(facts.agreementDate?.text).toBe('March 1, 2010');
    expect(facts.effectiveDate?.text).toBe('April 15, 2010');
    expect(facts.expirationDate?.text).toBe('December 31, 2015');
    const found = [
      facts.title,
      ...facts.parties,
      facts.agreementDate,
      facts.effectiveDate,
      facts.expirationDate,
    ];
    for (const f of found.filter((x) => x !== undefined)) {
      expect(msa.slice(f.start, f.end)).toBe(f.text);
    }
  });

  it('reads an individual and a company as parties', () => {
    const text =
      'ENDORSEMENT AGREEMENT\n\nThis Agreement is entered into on January 13, 2005 between professional golfer, TOM ' +
      'WATSON, (hereinafter referred to as "CONSULTANT") and ADAMS GOLF, LTD. (hereinafter referred to as "ADAMS GOLF").\n';
    const facts = extractKeyFacts(text);
    expect(facts.title?.text).toBe('ENDORSEMENT AGREEMENT');
    expect(facts.agreementDate?.text).toBe('January 13, 2005');
    expect(texts(facts.parties)).toEqual(['TOM WATSON', 'ADAMS GOLF, LTD.']);
  });

  it('says nothing when the patterns are absent', () => {
    expect(extractKeyFacts('We may change these terms at any time.')).toEqual({ parties: [] });
  });
});

describe('extractKeyFacts with "among" and a defined Effective Date', () => {
  it('reads the date before (the "Effective Date") and a list of parties', () => {
    const text =
      'DISTRIBUTOR AGREEMENT\n\nThis Agreement is entered into as of January 21, 2005 (the "Effective Date") by and ' +
      'among VendingData Corporation, a Nevada corporation ("Vendor"), and Technical Casino Supplies Ltd, an English ' +
      'company ("Distributor").\n';
    const facts = extractKeyFacts(text);
    expect(facts.effectiveDate?.text).toBe('January 21, 2005');
    expect(facts.agreementDate?.text).toBe('January 21, 2005');
    expect(facts.parties.map((p) => p.text)).toEqual([
      'VendingData Corporation',
      'Technical Casino Supplies Ltd',
    ]);
  });
});
