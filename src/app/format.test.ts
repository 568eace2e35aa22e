import { describe, expect, it } from 'vitest';
import { formatBytes, formatBytesOf, formatDuration, formatRate, languageName, percent } from './format';

describe('formatBytesOf', () => {
  it("shows what has arrived and the total in the total's unit", () => {
    expect(formatBytesOf(3_100_000, 10_400_000)).toBe('3.1 of 10.4 MB');
    expect(formatBytesOf(0, 10_400_000)).toBe('0.0 of 10.4 MB');
    expect(formatBytesOf(250_000_000, 1_200_000_000)).toBe('0.3 of 1.2 GB');
    expect(formatBytesOf(21, 50)).toBe('21 of 50 B');
  });

  it('never shows more than the total, and only the count when the total is unknown', () => {
    expect(formatBytesOf(11_000_000, 10_400_000)).toBe('10.4 of 10.4 MB');
    expect(formatBytesOf(3_200_000, 0)).toBe('3.20 MB');
  });
});

describe('formatBytes', () => {
  it('uses decimal units with sensible precision', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.50 kB');
    expect(formatBytes(76_543_210)).toBe('76.5 MB');
    expect(formatBytes(250_000_000)).toBe('250 MB');
    expect(formatBytes(10_700_000_000)).toBe('10.7 GB');
  });

  it('shows a dash for nonsense and for an unknown size', () => {
    expect(formatBytes(Number.NaN)).toBe('—');
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('—');
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(null)).toBe('—');
  });
});

describe('formatRate', () => {
  it('appends per second', () => expect(formatRate(2_400_000)).toBe('2.40 MB/s'));
});

describe('formatDuration', () => {
  it('picks the unit by size', () => {
    expect(formatDuration(4.4)).toBe('4 s');
    expect(formatDuration(185)).toBe('3 min 5 s');
    expect(formatDuration(3720)).toBe('1 h 2 min');
  });

  it('returns null when unknown', () => {
    expect(formatDuration(null)).toBeNull();
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('percent', () => {
  it('floors and clamps', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(5, 4)).toBe(100);
    expect(percent(5, 0)).toBe(0);
  });
});

describe('languageName', () => {
  it('names languages in English', () => {
    expect(languageName('es')).toBe('Spanish');
    expect(languageName('en')).toBe('English');
  });
});
