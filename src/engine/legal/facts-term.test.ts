import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayBefore,
  formatDate,
  formatTerm,
  parseContractDate,
  parseNumber,
  parseOrdinal,
  parseTermMonths,
} from './facts-term';

const d = (year: number, month: number, day: number) => ({ year, month, day });

describe('addMonths', () => {
  it('adds years and months across year ends', () => {
    expect(addMonths(d(2024, 3, 1), 36)).toEqual(d(2027, 3, 1));
    expect(addMonths(d(2023, 11, 15), 3)).toEqual(d(2024, 2, 15));
  });

  it('ends on the last day of a shorter month', () => {
    expect(addMonths(d(2023, 1, 31), 1)).toEqual(d(2023, 2, 28));
    expect(addMonths(d(2024, 1, 31), 1)).toEqual(d(2024, 2, 29));
    expect(addMonths(d(2023, 8, 31), 1)).toEqual(d(2023, 9, 30));
  });

  it('moves February 29 to February 28 outside leap years', () => {
    expect(addMonths(d(2024, 2, 29), 12)).toEqual(d(2025, 2, 28));
    expect(addMonths(d(2024, 2, 29), 48)).toEqual(d(2028, 2, 29));
    expect(addMonths(d(1900, 1, 31), 1)).toEqual(d(1900, 2, 28));
    expect(addMonths(d(2000, 1, 31), 1)).toEqual(d(2000, 2, 29));
  });
});

describe('parseTermMonths', () => {
  it('reads numbers in words, digits or both', () => {
    expect(parseTermMonths('three (3) years')).toBe(36);
    expect(parseTermMonths('36 months')).toBe(36);
    expect(parseTermMonths('one year')).toBe(12);
    expect(parseTermMonths('Twenty-Four (24) calendar months')).toBe(24);
    expect(parseTermMonths('two (2) year(s)')).toBe(24);
  });

  it('trusts the bracketed digits over the words', () => {
    expect(parseTermMonths('five (6) years')).toBe(72);
  });

  it('reads nothing else', () => {
    expect(parseTermMonths('several years')).toBeUndefined();
    expect(parseTermMonths('the Term')).toBeUndefined();
    expect(parseTermMonths('0 months')).toBeUndefined();
  });
});

describe('dayBefore', () => {
  it('steps back across month and year ends', () => {
    expect(dayBefore(d(2026, 3, 1))).toEqual(d(2026, 2, 28));
    expect(dayBefore(d(2024, 3, 1))).toEqual(d(2024, 2, 29));
    expect(dayBefore(d(2025, 1, 1))).toEqual(d(2024, 12, 31));
    expect(dayBefore(d(2025, 6, 15))).toEqual(d(2025, 6, 14));
  });
});

describe('parseOrdinal', () => {
  it('reads ordinals in words or digits, split digits included', () => {
    expect(parseOrdinal('fifth')).toBe(5);
    expect(parseOrdinal('twentieth')).toBe(20);
    expect(parseOrdinal('twenty-first')).toBe(21);
    expect(parseOrdinal('5t h')).toBe(5);
    expect(parseOrdinal('several')).toBeUndefined();
  });
});

describe('parseNumber', () => {
  it('reads cardinals up to the nineties', () => {
    expect(parseNumber('twelve')).toBe(12);
    expect(parseNumber('thirty six')).toBe(36);
    expect(parseNumber('forty')).toBe(40);
    expect(parseNumber('7')).toBe(7);
    expect(parseNumber('twenty-twelve')).toBeUndefined();
  });
});

describe('parseContractDate', () => {
  it('reads the forms contracts use', () => {
    expect(parseContractDate('March 1, 2024')).toEqual(d(2024, 3, 1));
    expect(parseContractDate('Dec. 8, 2005')).toEqual(d(2005, 12, 8));
    expect(parseContractDate('Sept 29, 2004')).toEqual(d(2004, 9, 29));
    expect(parseContractDate('1st day of March, 2010')).toEqual(d(2010, 3, 1));
    expect(parseContractDate('20t h day of December 2018')).toEqual(d(2018, 12, 20));
    expect(parseContractDate('twenty-first day of June, 2011')).toEqual(d(2011, 6, 21));
    expect(parseContractDate('31 October 2019')).toEqual(d(2019, 10, 31));
    expect(parseContractDate('3/1/2010')).toEqual(d(2010, 3, 1));
    // Two-digit years: the 1990s and the 2000s.
    expect(parseContractDate('7/1/98')).toEqual(d(1998, 7, 1));
    expect(parseContractDate('29/3/18')).toBeUndefined();
    expect(parseContractDate('3/29/18')).toEqual(d(2018, 3, 29));
    expect(parseContractDate('2010-03-01')).toEqual(d(2010, 3, 1));
  });

  it('reads no blank or impossible date', () => {
    expect(parseContractDate('___ day of _________, 2004')).toBeUndefined();
    expect(parseContractDate('March ___, 1999')).toBeUndefined();
    expect(parseContractDate('February 29, 2023')).toBeUndefined();
    expect(parseContractDate('February 29, 2024')).toEqual(d(2024, 2, 29));
  });
});

describe('formatting', () => {
  it('writes dates and terms for the reader', () => {
    expect(formatDate(d(2027, 3, 1))).toBe('March 1, 2027');
    expect(formatTerm(36)).toBe('3 years');
    expect(formatTerm(12)).toBe('1 year');
    expect(formatTerm(18)).toBe('18 months');
    expect(formatTerm(1)).toBe('1 month');
  });
});
