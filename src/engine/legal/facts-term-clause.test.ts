import { describe, expect, it } from 'vitest';
import { extractKeyFacts } from './facts';

const PREAMBLE =
  'This Agreement is made as of March 1, 2024 (the "Effective Date") by and between Acme Inc. ("Acme") and Beta LLC ("Beta").\n\n';
/** What the key facts show for the term: the end date (worked out or stated) or the term in words. */
const shown = (clause: string, preamble = '') => {
  const facts = extractKeyFacts(preamble + clause);
  const date = facts.expirationDate;
  return date ? (date.value ?? date.text) : facts.term?.text;
};

describe('term clauses: who the term belongs to', () => {
  it('reads the end date of an agreement named by its kind, an amendment included', () => {
    expect(
      shown(
        'This Second Amendment shall be effective from the Second Amendment Effective Date and shall expire on December 31, 2021.',
      ),
    ).toBe('December 31, 2021');
    expect(shown('This Supply Agreement shall terminate on June 30, 2025.')).toBe('June 30, 2025');
    // Another document's end is not this contract's.
    expect(shown('The License Agreement shall expire on December 31, 2021.')).toBeUndefined();
  });

  it('reads "be deemed effective ... and shall terminate on"', () => {
    expect(
      shown(
        'This Agreement be deemed effective as of the Effective Date and shall terminate on December 31, 2020, unless terminated earlier.',
      ),
    ).toBe('December 31, 2020');
    expect(shown('Either party may terminate this Agreement on December 31, 2020.')).toBeUndefined();
  });

  it('reads the effective term and the initial period with their end dates', () => {
    expect(
      shown('The effective term is 12 months beginning March 1, 2005 and ending February 28, 2006.'),
    ).toBe('February 28, 2006');
    expect(
      shown(
        'The initial period of this Agreement (the "Initial Term") shall commence upon the Effective Date and continue until March 31, 2003.',
      ),
    ).toBe('March 31, 2003');
    expect(shown('The payment term is 30 days from the date of invoice.')).toBeUndefined();
  });

  it('reads a definition or a label of the term, after the operative clause', () => {
    expect(
      shown(
        'a) "CONTRACT PERIOD" means that period of time commencing upon the full execution of this Agreement and terminating on May 31, 2016 unless sooner terminated.',
      ),
    ).toBe('May 31, 2016');
    expect(
      shown(
        '"Contract Period" shall mean that period of time from February 21, 2011 through December 31, 2012.',
      ),
    ).toBe('December 31, 2012');
    expect(shown('5. RATE SCHEDULE: FT\n\n6. TERM: November 01, 2014 to October 31, 2017\n')).toBe(
      'October 31, 2017',
    );
    // Another defined period is not the term.
    expect(
      shown(
        '"Services Period" means the period commencing on the Effective Date and ending on May 31, 2016.',
      ),
    ).toBeUndefined();
    // The operative clause wins over a definition elsewhere.
    const both =
      '"Contract Period" means the period ending on May 31, 2016.\nThe term of this Agreement shall expire on June 30, 2016.';
    expect(extractKeyFacts(both).expirationDate?.start).toBe(both.indexOf('June 30, 2016'));
  });

  it('reads a labelled or defined expiration date', () => {
    expect(shown('Licensee: Acme Inc.\nExpiration Date: August 31, 2006\n')).toBe('August 31, 2006');
    expect(shown('1.4 "Expiration Date" means March 31, 2020.')).toBe('March 31, 2020');
    expect(shown('Invoice Date: August 31, 2006\n')).toBeUndefined();
  });
});

describe('term clauses: how the end is written', () => {
  it('works out an anniversary of a known start', () => {
    expect(
      shown(
        'The initial term of this Agreement shall commence on the Effective Date and shall continue until the fifth (5t h) anniversary of the Effective Date.',
        PREAMBLE,
      ),
    ).toBe('March 1, 2029 (5 years after the effective date)');
    expect(
      shown(
        'This Agreement shall extend until the four (4) year anniversary of the Effective Date.',
        PREAMBLE,
      ),
    ).toBe('March 1, 2028 (4 years after the effective date)');
    expect(
      shown(
        'Initial Term shall mean the Effective Date through the day prior to the second anniversary of the Effective Date.',
        PREAMBLE,
      ),
    ).toBe('February 28, 2026 (2 years after the effective date, less a day)');
  });

  it('shows an anniversary of an undated start as the term, never as a date', () => {
    const facts = extractKeyFacts(
      'The term of this Agreement will begin on the Effective Date and will end on the second (2nd) anniversary of the Commencement Date.',
    );
    expect(facts.expirationDate).toBeUndefined();
    expect(facts.term?.text).toBe('second (2nd) anniversary of the Commencement Date');
  });

  it('reads a length after "expire", "end" or "until"', () => {
    expect(
      shown(
        'The initial term of this Agreement shall commence upon the Effective Date and shall expire ten (10) years from the Effective Date, unless sooner terminated.',
        PREAMBLE,
      ),
    ).toBe('March 1, 2034 (10 years after the effective date)');
    expect(
      shown(
        'The Term of this Agreement shall begin on the Effective Date and shall end fifteen months therefrom.',
        PREAMBLE,
      ),
    ).toBe('June 1, 2025 (15 months after the effective date)');
    expect(
      shown(
        'The initial term of this Agreement commences on the Effective Date and will continue in effect until five (5) year(s) from such date.',
        PREAMBLE,
      ),
    ).toBe('March 1, 2029 (5 years after the effective date)');
    expect(shown('Term: twelve (12) months from the date of the Agreement.', PREAMBLE)).toBe(
      'March 1, 2025 (1 year after the date of the agreement)',
    );
    // Counted from no stated start, "thereafter" is a survival period.
    expect(
      shown('This Agreement shall terminate and remain confidential ten (10) years thereafter.'),
    ).toBeUndefined();
  });

  it('reads no "earlier of" or "later of", and no date that is one of several ends', () => {
    expect(
      shown(
        'This Agreement shall remain in effect until the later to occur of (x) the date that is three (3) years from the date hereof and (y) the date on which Acme ceases to manage Beta.',
        PREAMBLE,
      ),
    ).toBeUndefined();
    expect(
      shown(
        'The term of this Agreement commences on the Effective Date and shall continue in effect until the later of (a) the fourth (4th) anniversary of the Effective Date, or (b) the completion of the Research.',
        PREAMBLE,
      ),
    ).toBeUndefined();
    expect(
      shown(
        'The term of this Agreement will begin on December 15, 1997 and will end on December 15, 1999 or (ii) the delivery of all Click-throughs.',
      ),
    ).toBeUndefined();
    // Early termination is no second end.
    expect(
      shown(
        'The term of this Agreement will commence on the Commencement Date and will continue through December 31, 2022 or until this Agreement is otherwise terminated in accordance with its provisions.',
      ),
    ).toBe('December 31, 2022');
  });

  it('reads past "unless earlier terminated or extended" but not into an extension', () => {
    expect(
      shown(
        'The Term shall commence on the date of this Agreement and, unless earlier terminated or extended as provided below, shall end as of December 31, 2000.',
      ),
    ).toBe('December 31, 2000');
    expect(
      shown(
        'The term of this Agreement shall begin on the date hereof and may be extended to December 31, 2024.',
      ),
    ).toBeUndefined();
  });

  it('does not end the sentence at a section number', () => {
    expect(
      shown(
        'This agreement begins on the Commencement Date and, subject to clause 11.2, shall continue for an initial term of one (1) year.',
      ),
    ).toBe('one (1) year');
  });

  it('reads more ways of saying the term has no fixed end', () => {
    expect(
      shown(
        '"Term" means the period of time commencing on the Effective Date and continuing thereafter indefinitely until this Agreement is terminated.',
      ),
    ).toBe('continuing thereafter indefinitely');
    expect(shown('This Agreement will remain in force for perpetuity.')).toBe(
      'remain in force for perpetuity',
    );
    expect(
      shown(
        'The term of this Agreement will commence on the date of approval and will end when terminated by either party.',
      ),
    ).toBe('end when terminated');
    expect(shown('The licence to the Marks shall continue in perpetuity.')).toBeUndefined();
  });
});
