import { describe, expect, it } from 'vitest';
import { addDays, currentWeekWindow, dayKey, daysBetween, lastFinishedWeekStart, startOfDayMs, startOfWeek, weekRange } from './days';

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

const H = 3_600_000;

describe('startOfDayMs', () => {
  it.each([
    // Taipei has no daylight saving: midnight is 16:00 UTC the day before.
    ['2026-11-29', 'Asia/Taipei', Date.UTC(2026, 10, 28, 16)],
    ['2027-01-01', 'Asia/Taipei', Date.UTC(2026, 11, 31, 16)],
    // New York: the day clocks spring forward (23 h) and fall back (25 h).
    ['2026-03-08', 'America/New_York', Date.UTC(2026, 2, 8, 5)],
    ['2026-03-09', 'America/New_York', Date.UTC(2026, 2, 9, 4)],
    ['2026-11-01', 'America/New_York', Date.UTC(2026, 10, 1, 4)],
    ['2026-11-02', 'America/New_York', Date.UTC(2026, 10, 2, 5)],
    // Santiago springs forward at midnight: 2026-09-06 starts at 01:00 local.
    ['2026-09-06', 'America/Santiago', Date.UTC(2026, 8, 6, 4)],
    ['2026-09-07', 'America/Santiago', Date.UTC(2026, 8, 7, 3)],
  ])('%s in %s starts at the right instant', (day, tz, expected) => {
    expect(startOfDayMs(day, tz)).toBe(expected);
    expect(dayKey(expected, tz)).toBe(day);
    expect(dayKey(expected - 1, tz)).toBe(addDays(day, -1));
  });
});

describe('weeks in a time zone', () => {
  it('has 168 hours, one less or one more across a daylight-saving change', () => {
    const len = (start: string, tz: string) => {
      const r = weekRange(start, tz);
      return (r.endMs - r.startMs) / H;
    };
    expect(len('2026-11-23', 'Asia/Taipei')).toBe(168);
    expect(len('2026-02-23', 'America/New_York')).toBe(168);
    expect(len('2026-03-02', 'America/New_York')).toBe(167); // a Monday-start week ending on the spring change day
    expect(len('2026-03-08', 'America/New_York')).toBe(167); // a Sunday-start week holding the spring change
    expect(len('2026-10-26', 'America/New_York')).toBe(169); // a Monday-start week holding the autumn change
    expect(weekRange('2026-12-28', 'Asia/Taipei')).toMatchObject({ startDay: '2026-12-28', endDay: '2027-01-03' });
  });

  it('puts exactly the instants of its days inside its range (the rollups’ days)', () => {
    for (const [start, tz] of [
      ['2026-10-26', 'America/New_York'],
      ['2026-03-08', 'America/New_York'],
      ['2026-12-28', 'Asia/Taipei'],
      ['2026-09-06', 'America/Santiago'],
    ] as const) {
      const r = weekRange(start, tz);
      const days = daysBetween(r.startDay, r.endDay);
      for (let t = r.startMs - 2 * H; t < r.endMs + 2 * H; t += 15 * 60_000) {
        expect(days.includes(dayKey(t, tz)), `${new Date(t).toISOString()} in ${tz}`).toBe(t >= r.startMs && t < r.endMs);
      }
    }
  });

  it('finds the last finished week for a Monday or a Sunday start, across a year end', () => {
    // Friday 2027-01-01, 10:00 in Taipei.
    const now = Date.UTC(2027, 0, 1, 2);
    expect(lastFinishedWeekStart(now, 'Asia/Taipei', 1)).toBe('2026-12-21');
    expect(lastFinishedWeekStart(now, 'Asia/Taipei', 0)).toBe('2026-12-20');
    // Monday 2027-01-04 00:30 in Taipei: the week that ended at midnight is finished.
    expect(lastFinishedWeekStart(Date.UTC(2027, 0, 3, 16, 30), 'Asia/Taipei', 1)).toBe('2026-12-28');
    // Still Sunday 2027-01-03 23:30 in Taipei: that week is not over yet.
    expect(lastFinishedWeekStart(Date.UTC(2027, 0, 3, 15, 30), 'Asia/Taipei', 1)).toBe('2026-12-21');
    // The same instant is already Sunday in Taipei but Saturday in New York (a Sunday-start week ends there).
    const sat = Date.UTC(2027, 0, 3, 2); // Sunday 10:00 Taipei, Saturday 21:00 New York
    expect(lastFinishedWeekStart(sat, 'Asia/Taipei', 0)).toBe('2026-12-27');
    expect(lastFinishedWeekStart(sat, 'America/New_York', 0)).toBe('2026-12-20');
  });
});
