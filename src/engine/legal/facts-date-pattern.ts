/**
 * How contracts write a calendar date, as a regular expression source shared by the key-fact rules: "March 1,
 * 2010", "1st day of March, 2010", "3/1/2010", "2010-03-01", and the blank dates of an unsigned draft.
 */

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
// PDF text often splits ordinals ("15t h", "1 st").
const DAY_ORD = '\\d{1,2}(?:\\s?(?:s\\s?t|n\\s?d|r\\s?d|t\\s?h))?';
const DAY_WORD =
  '(?:(?:twenty|thirty)[-\\s])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth';
const YEAR = '(?:19|20)\\d{2}\\b';
// An undated draft ("this ___ day of ______, 2004", "November __, 2006") is still what the contract says.
const BLANK = '(?:_+|\\[\\s*_*\\s*\\])';
export const DATE =
  `(?:${MONTH}\\s+${DAY_ORD}\\s*,?\\s*${YEAR}` +
  `|(?:${DAY_ORD}|${DAY_WORD}|${BLANK})\\s+(?:day\\s+of\\s+)?(?:${MONTH}|${BLANK}),?\\s+${YEAR}` +
  `|${MONTH}\\s+${BLANK},?\\s+${YEAR}` +
  `|\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})\\b` +
  `|\\d{4}-\\d{2}-\\d{2}\\b)`;
