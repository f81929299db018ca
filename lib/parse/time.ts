/**
 * Reads the time labels platforms print next to posts and comments ("5m", "2 hours ago",
 * "3 天前", "剛剛") and `<time datetime>` attributes. Shared by every platform adapter.
 */
import type { PageTime } from '../platforms/types';

type RelativeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Length of one unit. Months and years are calendar averages; labels are approximate anyway. */
const UNIT_MS: Readonly<Record<RelativeUnit, number>> = {
  second: 1000,
  minute: MINUTE,
  hour: HOUR,
  day: DAY,
  week: 7 * DAY,
  month: 30 * DAY,
  year: 365 * DAY,
};

/** Seconds are reported as minute precision: PageTime has no finer relative unit. */
const PRECISION: Readonly<Record<RelativeUnit, PageTime['precision']>> = {
  second: 'minute',
  minute: 'minute',
  hour: 'hour',
  day: 'day',
  week: 'week',
  month: 'month',
  year: 'year',
};

/**
 * `at` is rounded down to this step, so reading the same label again a little
 * later gives the same value (a reading that did not change is not stored again).
 * The step never exceeds the label's own precision.
 */
const QUANTUM: Readonly<Record<PageTime['precision'], number>> = {
  exact: 1,
  minute: MINUTE,
  hour: HOUR,
  day: HOUR,
  week: DAY,
  month: DAY,
  year: DAY,
};

/** English unit words, short and long ("m" is minutes; months are "mo"). */
const EN_UNITS: Readonly<Record<string, RelativeUnit>> = {
  s: 'second', sec: 'second', secs: 'second', second: 'second', seconds: 'second',
  m: 'minute', min: 'minute', mins: 'minute', minute: 'minute', minutes: 'minute',
  h: 'hour', hr: 'hour', hrs: 'hour', hour: 'hour', hours: 'hour',
  d: 'day', day: 'day', days: 'day',
  w: 'week', wk: 'week', wks: 'week', week: 'week', weeks: 'week',
  mo: 'month', mos: 'month', month: 'month', months: 'month',
  y: 'year', yr: 'year', yrs: 'year', year: 'year', years: 'year',
};

/**
 * Chinese unit words, Traditional and Simplified. Bare 月 and 日 are left out:
 * "2 月" is February and "3 日" the 3rd, not durations.
 */
const ZH_UNITS: Readonly<Record<string, RelativeUnit>> = {
  秒: 'second', 秒鐘: 'second', 秒钟: 'second',
  分: 'minute', 分鐘: 'minute', 分钟: 'minute',
  小時: 'hour', 小时: 'hour',
  天: 'day',
  週: 'week', 周: 'week', 星期: 'week', 禮拜: 'week', 礼拜: 'week',
  個月: 'month', 个月: 'month',
  年: 'year',
};

const JUST_NOW = new Set(['just now', 'now', '剛剛', '刚刚', '剛才', '刚才']);
const YESTERDAY = new Set(['yesterday', '昨天', '昨日']);

const EN_PATTERN = /^(\d+|an?|one)\s*([a-z]+)\.?(?:\s+ago)?$/;
const ZH_PATTERN = /^(\d+)\s*(秒鐘|秒钟|秒|分鐘|分钟|分|小時|小时|天|週|周|星期|禮拜|礼拜|個月|个月|年)\s*(?:之?前)?$/;

/**
 * Parses a relative time label into the moment it stands for, relative to `now`
 * (epoch ms), with the label's unit as precision. Text after a bullet ("8h • Edited",
 * "6 hours ago • Visible to anyone") is ignored. Returns null for anything else
 * ("Promoted", a date, an empty string).
 */
export function parseRelativeTime(label: string, now: number): PageTime | null {
  const segments = label
    .normalize('NFKC')
    .toLowerCase()
    .split(/[•·|]/)
    .map((segment) => segment.replace(/\s+/g, ' ').trim())
    .filter((segment) => segment !== '');
  for (const segment of segments) {
    const time = parseSegment(segment, now);
    if (time) return time;
  }
  return null;
}

function parseSegment(segment: string, now: number): PageTime | null {
  if (JUST_NOW.has(segment)) return quantised(now, 'minute');
  if (YESTERDAY.has(segment)) return quantised(now - DAY, 'day');

  const en = EN_PATTERN.exec(segment);
  if (en) {
    const unit = EN_UNITS[en[2] ?? ''];
    const amount = readAmount(en[1]);
    if (unit && amount !== null) return ago(amount, unit, now);
  }
  const zh = ZH_PATTERN.exec(segment);
  if (zh) {
    const unit = ZH_UNITS[zh[2] ?? ''];
    const amount = readAmount(zh[1]);
    if (unit && amount !== null) return ago(amount, unit, now);
  }
  return null;
}

function readAmount(word: string | undefined): number | null {
  if (word === undefined) return null;
  if (word === 'a' || word === 'an' || word === 'one') return 1;
  const n = Number(word);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

function ago(amount: number, unit: RelativeUnit, now: number): PageTime {
  return quantised(now - amount * UNIT_MS[unit], PRECISION[unit]);
}

function quantised(at: number, precision: PageTime['precision']): PageTime {
  const step = QUANTUM[precision];
  return { at: Math.floor(at / step) * step, precision };
}

/**
 * Reads a `<time datetime>` value. A full date-time (or epoch seconds/ms) is
 * `exact`; a bare date, year-month or year gets day, month or year precision.
 * Returns null when the attribute is missing or not a time.
 */
export function parseAbsoluteTime(datetimeAttr: string | null | undefined): PageTime | null {
  if (datetimeAttr === null || datetimeAttr === undefined) return null;
  const value = datetimeAttr.trim();
  if (/^\d{13}$/.test(value)) return { at: Number(value), precision: 'exact' };
  if (/^\d{10}$/.test(value)) return { at: Number(value) * 1000, precision: 'exact' };
  if (/^\d{4}$/.test(value)) return fromParts(value, 'year');
  if (/^\d{4}-\d{2}$/.test(value)) return fromParts(value, 'month');
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return fromParts(value, 'day');
  // A date-time must name its hour; anything else Date.parse accepts is too loose to trust.
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)) return null;
  const at = Date.parse(value.replace(' ', 'T'));
  return Number.isNaN(at) ? null : { at, precision: 'exact' };
}

function fromParts(value: string, precision: 'year' | 'month' | 'day'): PageTime | null {
  // Read as UTC midnight: a bare date carries no zone, and the precision says it is coarse.
  const at = Date.parse(precision === 'year' ? `${value}-01-01` : precision === 'month' ? `${value}-01` : value);
  return Number.isNaN(at) ? null : { at, precision };
}
