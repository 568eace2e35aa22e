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

describe('extractKeyFacts titles', () => {
  it('cuts a capitalised title out of a heading joined to the lines around it', () => {
    const text =
      'EXHIBIT 10.4 PORTIONS OF THIS EXHIBIT HAVE BEEN REDACTED. RESALE AND SUPPORT AGREEMENT This Resale and ' +
      'Support Agreement (the "Agreement") is made by and between Quill Tools Inc. ("Quill") and Ferro Parts LLC ("Ferro").';
    expect(extractKeyFacts(text).title?.text).toBe('RESALE AND SUPPORT AGREEMENT');
  });

  it('keeps the number of an amendment and drops a leading exhibit label', () => {
    const text = 'Exhibit 10.2\n\nAMENDMENT NO. 3 TO HOSTING AGREEMENT\n\nThis Amendment is made between ...';
    expect(extractKeyFacts(text).title?.text).toBe('AMENDMENT NO. 3 TO HOSTING AGREEMENT');
  });

  it('reads a title-case name from the preamble when there is no heading', () => {
    const text =
      'This Field Services Agreement (the "Agreement") is made between Quill Tools Inc. and Ferro Parts LLC.';
    expect(extractKeyFacts(text).title?.text).toBe('Field Services Agreement');
  });

  it('does not take a one-word heading or a section heading as the title', () => {
    expect(extractKeyFacts('AGREEMENT\n\n1. ENTIRE AGREEMENT. This is all of it.').title).toBeUndefined();
  });
});

describe('extractKeyFacts parties', () => {
  it('names the parties, not the defined term that groups them', () => {
    const text =
      'This Joint Venture Agreement is entered into by and between Orbit Signal Group, Inc., a Delaware ' +
      'corporation, and Quarry Kiosk Systems, Inc., a Nevada corporation (collectively, the "Joint Venturers").\n';
    expect(texts(extractKeyFacts(text).parties)).toEqual([
      'Orbit Signal Group, Inc.',
      'Quarry Kiosk Systems, Inc.',
    ]);
  });

  it('reads a party after an "and" in a description, but not the description', () => {
    const text =
      'This Agreement is made between [***] (the "Provider"), and LUMEN HOLDINGS PTE, LTD., a company organized ' +
      'and existing under the laws of Singapore and Cedar Grove Software Ltd, a company organized and existing ' +
      'under the laws of the State of Israel (each of them "Recipient"). RECITALS\n';
    expect(texts(extractKeyFacts(text).parties)).toEqual([
      'LUMEN HOLDINGS PTE, LTD.',
      'Cedar Grove Software Ltd',
    ]);
  });

  it('keeps an "and" inside a capitalised company name and a bracketed acronym', () => {
    const text =
      'JOINT DEVELOPMENT AGREEMENT\n\nbetween\n\nNORTHSTAR FUEL, INC.\n\nand\n\nPOLAR RESEARCH AND TESTING COMPANY\n\n' +
      'TABLE OF CONTENTS ARTICLE 1 DEFINITIONS';
    expect(texts(extractKeyFacts(text).parties)).toEqual([
      'NORTHSTAR FUEL, INC.',
      'POLAR RESEARCH AND TESTING COMPANY',
    ]);
    const acronym =
      'This Agreement is made between Dairy Link (USA) Inc. ("Supplier") and Oak Foods LLC ("Buyer").';
    expect(texts(extractKeyFacts(acronym).parties)).toEqual(['Dairy Link (USA) Inc.', 'Oak Foods LLC']);
  });

  it('reads past an abbreviated street and a leading "the", and a lower-case brand name', () => {
    const text =
      'This Agreement is made by and between vAxis Inc., with an address at 12 Mt. Royal Ave, Suite 2, Summit, NJ ' +
      '07901 ("VAXIS"), with offices in Ohio and the Lakeside Heart Foundation, Inc. ("Foundation"). 1. Purpose.';
    expect(texts(extractKeyFacts(text).parties)).toEqual(['vAxis Inc.', 'Lakeside Heart Foundation, Inc.']);
  });

  it('reads spaced "B E T W E E N" and "- and -" layouts, and stops at the recitals', () => {
    const text =
      'THIS AGREEMENT made this 20 day of May, 1996.\n\nB E T W E E N:\n\n   HARBOUR COURIER LTD.   ("Harbour")\n\n' +
      '   - and -\n\n   RIVERSIDE FREIGHT LTD.   ("Riverside")\n\n WHEREAS Harbour Freight Services is licensed';
    expect(texts(extractKeyFacts(text).parties)).toEqual(['HARBOUR COURIER LTD.', 'RIVERSIDE FREIGHT LTD.']);
  });

  it('does not take two people joined by "and" as one name', () => {
    const text = 'This Agreement is made between MARY STONE and PINEHURST GOLF INCORPORATED.\n';
    expect(texts(extractKeyFacts(text).parties)).toEqual(['MARY STONE', 'PINEHURST GOLF INCORPORATED']);
  });
});

describe('extractKeyFacts dates', () => {
  it('reads split ordinals, spelled-out days and undated drafts', () => {
    const date = (preamble: string) => extractKeyFacts(preamble).agreementDate?.text;
    expect(
      date('This Agreement is made as of this 18t h day of August 2014 by and between A Co. and B Co.'),
    ).toBe('18t h day of August 2014');
    expect(
      date('This Agreement is entered into on the first day of July, 2017 between A Co. and B Co.'),
    ).toBe('first day of July, 2017');
    expect(date('This Agreement is made this ___ day of ________, 2004 between A Co. and B Co.')).toBe(
      '___ day of ________, 2004',
    );
    expect(date('This Agreement, dated July 11 , 2006, is made between A Co. and B Co.')).toBe(
      'July 11 , 2006',
    );
  });

  it('takes the agreement date from the preamble, not from another agreement mentioned later', () => {
    const text =
      'This Agreement is entered into between Quill Tools Inc. ("Quill") and Ferro Parts LLC ("Ferro").\n\n' +
      'WHEREAS, the parties signed a License Agreement dated March 31, 2001;\n';
    expect(extractKeyFacts(text).agreementDate).toBeUndefined();
  });

  it('reads an Effective Date from a definition, not from a distant "effective" clause', () => {
    const defined = extractKeyFacts('1. Definitions.\n"Effective Date" means October 31, 2019.\n');
    expect(defined.effectiveDate?.text).toBe('October 31, 2019');
    const far = `${'x '.repeat(3000)}The price increase is effective on January 1, 2021.`;
    expect(extractKeyFacts(far).effectiveDate).toBeUndefined();
  });

  it('reads the end of the initial term from the term clause, never a term as a date', () => {
    const end = (clause: string) => extractKeyFacts(clause).expirationDate?.text;
    const term = (clause: string) => extractKeyFacts(clause).term?.text;
    // No Effective Date to count from: the length is the Term, and there is no expiration date.
    const bare = 'The term of this Agreement shall be five (5) years from the Effective Date.';
    expect(end(bare)).toBeUndefined();
    expect(term(bare)).toBe('five (5) years');
    expect(end('This Agreement shall commence on the Effective Date and continue until June 30, 2012.')).toBe(
      'June 30, 2012',
    );
    // A stated end date wins over the length beside it.
    expect(
      end(
        'The term of this Agreement shall commence January 1, 1996, and shall continue for three (3) years, concluding December 31, 1998.',
      ),
    ).toBe('December 31, 1998');
    // The renewal period is not the initial term; a survival period is not in a term clause.
    const renewal = 'This Agreement shall automatically renew for successive one (1) year periods.';
    expect(end(renewal)).toBeUndefined();
    expect(term(renewal)).toBeUndefined();
    const survival = 'The receiving party shall keep it confidential for three (3) years after termination.';
    expect(end(survival)).toBeUndefined();
    expect(term(survival)).toBeUndefined();
  });

  it('works out the expiration date from the term and the date it runs from', () => {
    const preamble =
      'This Agreement is made as of March 1, 2024 (the "Effective Date") by and between Acme Inc. ("Acme") and Beta LLC ("Beta").\n\n';
    const expiry = (clause: string) => extractKeyFacts(preamble + clause).expirationDate;
    const fromEffective = expiry(
      'The term of this Agreement shall be for a period of three (3) years from the Effective Date.',
    );
    expect(fromEffective?.value).toBe('March 1, 2027 (3 years after the effective date)');
    // The quoted words stay the contract's, so the fact still points at the clause.
    expect(fromEffective?.text).toBe('three (3) years from the Effective Date');
    expect(
      expiry('This Agreement shall continue in effect for 36 months from the date of this Agreement.')?.value,
    ).toBe('March 1, 2027 (3 years after the date of the agreement)');
    expect(
      expiry('This Agreement shall commence on the Effective Date and continue for one year.')?.value,
    ).toBe('March 1, 2025 (1 year after the effective date)');
    expect(
      expiry('The term of this Agreement shall be eighteen (18) months commencing on January 31, 2025.')
        ?.value,
    ).toBe('July 31, 2026 (18 months after January 31, 2025)');
  });

  it('reads term clauses in the other ways contracts write them', () => {
    const facts = (clause: string) => extractKeyFacts(clause);
    expect(facts('1.2 Term This agreement is for a term of ten (10) years.').term?.text).toBe(
      'ten (10) years',
    );
    // An Execution Date this extractor does not read: the length is the term.
    expect(facts('The term of this Agreement is three (3) years from the Execution Date.').term?.text).toBe(
      'three (3) years',
    );
    expect(facts('This Agreement shall have an Initial Term of three (3) years.').term?.text).toBe(
      'three (3) years',
    );
    expect(
      facts('The initial term of this Agreement (the "Initial Term") shall be for one year.').term?.text,
    ).toBe('one year');
    // "thereafter" after the term's own start counts from that start, not from a termination.
    const dated =
      'This Agreement is made as of March 1, 2024 (the "Effective Date") by and between Acme Inc. ("Acme") and Beta LLC ("Beta").\n\n' +
      '6.1 Term. The initial term of this Agreement (the "Initial Term") shall commence on the Effective Date and shall continue for a period of ten (10) years thereafter.';
    expect(facts(dated).expirationDate?.value).toBe('March 1, 2034 (10 years after the effective date)');
    expect(
      facts('The initial term of this Agreement shall continue up to and including 28 February 2000.')
        .expirationDate?.text,
    ).toBe('28 February 2000');
  });

  it('says a term has no fixed end only in the term clause, and before any renewal', () => {
    const term = (clause: string) => extractKeyFacts(clause).term?.text;
    expect(
      term(
        'This Agreement will become effective as of the date first written above and will continue in effect thereafter until terminated pursuant to Section 9.',
      ),
    ).toBe('continue in effect thereafter until terminated');
    expect(term('This Agreement shall be valid for an indefinite period.')).toBe('for an indefinite period');
    // A fixed term elsewhere wins; confidentiality that lasts for ever is not the term.
    expect(
      term(
        'This Agreement shall remain in force until terminated. The term of this Agreement shall be two (2) years.',
      ),
    ).toBe('two (2) years');
    expect(term('The information shall remain confidential in perpetuity.')).toBeUndefined();
    expect(
      term(
        'This Agreement shall expire on the first anniversary and shall continue on a month to month basis until terminated.',
      ),
    ).toBeUndefined();
  });

  it('takes the day the term begins as the effective date when nothing else dates the start', () => {
    const facts = extractKeyFacts(
      'PROMOTION AGREEMENT\n\n3. Term. The term of this Agreement (the "Term") will begin on February 1, 1998 and last for one (1) year.',
    );
    expect(facts.effectiveDate?.text).toBe('February 1, 1998');
    expect(facts.expirationDate?.value).toBe('February 1, 1999 (1 year after February 1, 1998)');
    // A defined Effective Date still wins.
    expect(
      extractKeyFacts(
        'This Agreement is made as of March 1, 2024 (the "Effective Date").\nThe Term shall begin on April 1, 2024.',
      ).effectiveDate?.text,
    ).toBe('March 1, 2024');
  });

  it('counts no date from an event the contract does not date', () => {
    const facts = extractKeyFacts(
      'Dated March 1, 2024.\nThe term of this Agreement shall continue for one (1) year following the Launch Date.',
    );
    expect(facts.expirationDate).toBeUndefined();
    expect(facts.term?.text).toBe('one (1) year');
  });

  it('reads the start date from the term clause when the preamble has none', () => {
    const facts = extractKeyFacts(
      `SERVICES AGREEMENT\n\n1. Services. ${'x '.repeat(3000)}\n2. Term. This Agreement shall be effective as of ` +
        'November 1, 2002, and shall remain in force for one (1) year.',
    );
    expect(facts.effectiveDate?.text).toBe('November 1, 2002');
    expect(facts.expirationDate?.value).toBe('November 1, 2003 (1 year after November 1, 2002)');
  });

  it('ends the party clause at "WITNESSES THAT"', () => {
    const facts = extractKeyFacts(
      'This Agreement is made by and between Acme Inc. ("Acme") and Beta LLC ("Beta")\nWITNESSES THAT the parties agree.',
    );
    expect(texts(facts.parties)).toEqual(['Acme Inc.', 'Beta LLC']);
  });
});
