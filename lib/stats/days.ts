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

/** The local calendar day of an instant. */
export function dayKey(epochMs: number, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}`;
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
