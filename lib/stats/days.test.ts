import { describe, expect, it } from 'vitest';
import { addDays, currentWeekWindow, dayKey, startOfWeek } from './days';

describe('dayKey', () => {
  it.each([
    // 2026-11-28T16:30Z is already the 29th in Taipei (UTC+8), still the 28th in UTC.
    [Date.UTC(2026, 10, 28, 16, 30), 'Asia/Taipei', '2026-11-29'],
    [Date.UTC(2026, 10, 28, 16, 30), 'UTC', '2026-11-28'],
    // New York on the night daylight saving ends (2026-11-01, 01:30 happens twice).
    [Date.UTC(2026, 10, 1, 5, 30), 'America/New_York', '2026-11-01'],
    [Date.UTC(2026, 10, 1, 6, 30), 'America/New_York', '2026-11-01'],
    // Year end in Hong Kong.
    [Date.UTC(2026, 11, 31, 16, 0), 'Asia/Hong_Kong', '2027-01-01'],
  ])('%s in %s is %s', (ms, tz, expected) => {
    expect(dayKey(ms, tz)).toBe(expected);
  });
});

describe('week arithmetic', () => {
  it('steps across month, year and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('starts weeks on Monday or Sunday', () => {
    // 2026-11-28 is a Saturday.
    expect(startOfWeek('2026-11-28', 1)).toBe('2026-11-23');
    expect(startOfWeek('2026-11-28', 0)).toBe('2026-11-22');
    // A Sunday is the last day of a Monday week and the first of a Sunday week.
    expect(startOfWeek('2026-11-29', 1)).toBe('2026-11-23');
    expect(startOfWeek('2026-11-29', 0)).toBe('2026-11-29');
  });

  it('gives the same days of last week, across a year boundary', () => {
    // Friday 2027-01-01 in Taipei; the week (Monday start) began 2026-12-28.
    const w = currentWeekWindow(Date.UTC(2027, 0, 1, 2, 0), 'Asia/Taipei', 1);
    expect(w).toEqual({ start: '2026-12-28', today: '2027-01-01', lastStart: '2026-12-21', lastEnd: '2026-12-25' });
  });
});
