/**
 * Calendar days in the user's time zone, as `YYYY-MM-DD` keys. Week arithmetic
 * is done on those keys (pure calendar dates), so daylight-saving changes and
 * year ends cannot shift a day.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const QUARTER_HOUR = 900_000;
const dayKeys = new Map<string, string>();

/**
 * The local calendar day of an instant. Every UTC offset in use since 1970 is a
 * whole number of quarter hours, so a local day always starts on a quarter
 * hour of UTC and every instant of one quarter hour has the same day: that is
 * what is remembered (a capture asks for the day of every comment it stores,
 * and they cluster).
 */
export function dayKey(epochMs: number, timeZone: string): string {
  const memo = `${timeZone}|${Math.floor(epochMs / QUARTER_HOUR)}`;
  const known = dayKeys.get(memo);
  if (known !== undefined) return known;
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const day = `${get('year')}-${get('month')}-${get('day')}`;
  if (dayKeys.size >= 20_000) dayKeys.clear();
  dayKeys.set(memo, day);
  return day;
}

function toUtcDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(day: string, n: number): string {
  const date = toUtcDate(day);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return toUtcDate(day).getUTCDay();
}

/** The first day of the week containing `day`, for a week starting on `weekStart` (0 = Sunday, 1 = Monday…). */
export function startOfWeek(day: string, weekStart: number): string {
  const back = (weekday(day) - weekStart + 7) % 7;
  return addDays(day, -back);
}

export function daysBetween(fromDay: string, toDay: string): string[] {
  const out: string[] = [];
  for (let d = fromDay; d <= toDay; d = addDays(d, 1)) out.push(d);
  return out;
}

export interface WeekWindow {
  /** First day of this week. */
  start: string;
  /** Today. */
  today: string;
  /** The same days of last week: [start - 7, today - 7]. */
  lastStart: string;
  lastEnd: string;
}

export function currentWeekWindow(now: number, timeZone: string, weekStart: number): WeekWindow {
  const today = dayKey(now, timeZone);
  const start = startOfWeek(today, weekStart);
  return { start, today, lastStart: addDays(start, -7), lastEnd: addDays(today, -7) };
}

/**
 * The first instant (epoch ms) of a local day: the earliest moment whose
 * `dayKey` is `day`. Found by bisection on `dayKey` itself, so it agrees with
 * the rollups' day boundaries even on days that start at 01:00 (a
 * daylight-saving jump at midnight) or are 23 or 25 hours long.
 */
export function startOfDayMs(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // Every real offset lies within ±14 h (and a day is at most 26 h long), so the boundary is in this bracket.
  let lo = utcMidnight - 15 * 3_600_000;
  let hi = utcMidnight + 15 * 3_600_000;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayKey(mid, timeZone) >= day) hi = mid;
    else lo = mid;
  }
  return hi;
}

export interface WeekRange {
  /** First and last day of the week. */
  startDay: string;
  endDay: string;
  /** [startMs, endMs): the week's instants in the time zone. */
  startMs: number;
  endMs: number;
}

/** The week that begins on `startDay`, as days and as instants. */
export function weekRange(startDay: string, timeZone: string): WeekRange {
  const next = addDays(startDay, 7);
  return { startDay, endDay: addDays(startDay, 6), startMs: startOfDayMs(startDay, timeZone), endMs: startOfDayMs(next, timeZone) };
}

/** The first day of the last week that has ended by `now`. */
export function lastFinishedWeekStart(now: number, timeZone: string, weekStart: number): string {
  return addDays(startOfWeek(dayKey(now, timeZone), weekStart), -7);
}
