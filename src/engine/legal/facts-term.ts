/**
 * Term arithmetic for the key facts: reads a contract date and a term length ("three (3) years", "36 months") and
 * adds one to the other, so an expiration stated as a term from a known date can be shown as a date.
 */

export interface CalendarDate {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90 };
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
};

/** "three", "twenty-four", "36": a cardinal number in words or digits, or undefined. */
export function parseNumber(words: string): number | undefined {
  const w = words.trim().toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  if (w in UNITS) return UNITS[w];
  const m = /^([a-z]+)(?:[-\s]+([a-z]+))?$/.exec(w);
  const tens = m?.[1] !== undefined ? TENS[m[1]] : undefined;
  if (tens === undefined) return undefined;
  if (!m?.[2]) return tens;
  const unit = UNITS[m[2]];
  return unit !== undefined && unit < 10 ? tens + unit : undefined;
}

/** "fifth", "twenty-first", "5th", "5t h": an ordinal in words or digits, or undefined. */
export function parseOrdinal(words: string): number | undefined {
  const w = words.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d/.test(w)) return Number(/^\d+/.exec(w)?.[0]);
  const m = /^(?:(twenty|thirty)[-\s])?([a-z]+)$/.exec(w);
  const base = m?.[2] !== undefined ? ORDINALS[m[2]] : undefined;
  if (base === undefined) return undefined;
  return base + (m?.[1] ? (TENS[m[1]] ?? 0) : 0);
}

const monthOf = (word: string) => {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.findIndex((name) => name.startsWith(w.slice(0, 3)) && name.startsWith(w));
  return i >= 0 ? i + 1 : undefined;
};

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const valid = (d: CalendarDate): CalendarDate | undefined =>
  d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month) ? d : undefined;

/**
 * A date as contracts write it ("March 1, 2010", "1st day of March, 2010", "3/1/2010", "2010-03-01"); undefined
 * for a blank draft date or anything else it cannot read for certain.
 */
export function parseContractDate(text: string): CalendarDate | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  // "7/1/98" is 1998, "3/1/10" is 2010: contracts this reads date from the 1990s on.
  const year = (y: string) => (y.length === 2 ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : Number(y));
  let m = /^([A-Za-z]+\.?) (\d{1,2})(?: ?(?:s ?t|n ?d|r ?d|t ?h))? ?,? ?(\d{4})$/.exec(t);
  if (m?.[1] && m[2] && m[3]) {
    const month = monthOf(m[1]);
    return month ? valid({ year: Number(m[3]), month, day: Number(m[2]) }) : undefined;
  }
  m = /^(.+?) (?:day of )?([A-Za-z]+\.?),? (\d{4})$/.exec(t);
  if (m?.[1] && m[2] && m[3]) {
    const month = monthOf(m[2]);
    const day = parseOrdinal(m[1].replace(/(?<=\d) ?(?:s ?t|n ?d|r ?d|t ?h)$/, ''));
    return month && day ? valid({ year: Number(m[3]), month, day }) : undefined;
  }
  // US order, as in the contracts this reads.
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(t);
  if (m?.[1] && m[2] && m[3]) return valid({ year: year(m[3]), month: Number(m[1]), day: Number(m[2]) });
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m?.[1] && m[2] && m[3]) return valid({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  return undefined;
}

/** A term length in months from "three (3) years", "36 months", "one year"; the bracketed digits win. */
export function parseTermMonths(text: string): number | undefined {
  const m = /^\s*([a-z]+(?:[-\s][a-z]+)?|\d+)\s*(?:\((\d+)\))?\s+(?:calendar\s+)?(years?|months?)\b/i.exec(
    text,
  );
  if (!m?.[1] || !m[3]) return undefined;
  const n = m[2] !== undefined ? Number(m[2]) : parseNumber(m[1]);
  if (n === undefined || n <= 0) return undefined;
  return /^year/i.test(m[3]) ? n * 12 : n;
}

/**
 * `date` plus `months` calendar months. A day the target month lacks becomes its last day (January 31 + 1 month
 * is February 28 or 29; February 29 + 1 year is February 28), the usual reading of "one month after".
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** The day before `date` ("through the day prior to the second anniversary"). */
export function dayBefore(date: CalendarDate): CalendarDate {
  if (date.day > 1) return { ...date, day: date.day - 1 };
  const month = date.month === 1 ? 12 : date.month - 1;
  const year = date.month === 1 ? date.year - 1 : date.year;
  return { year, month, day: daysInMonth(year, month) };
}

export function formatDate(d: CalendarDate): string {
  return `${MONTHS[d.month - 1]?.replace(/^./, (c) => c.toUpperCase())} ${d.day}, ${d.year}`;
}

/** "3 years", "18 months", "1 year": how a term length reads after its date. */
export function formatTerm(months: number): string {
  if (months % 12 === 0) return months === 12 ? '1 year' : `${months / 12} years`;
  return months === 1 ? '1 month' : `${months} months`;
}
