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

/**
 * Portuguese unit words ("há 21 horas", "21 h", "1 sem", "3 semanas"), as Instagram's
 * pt-BR UI prints them. Short forms shared with English ("2 h", "5 min") read the same.
 */
const PT_UNITS: Readonly<Record<string, RelativeUnit>> = {
  s: 'second', seg: 'second', segundo: 'second', segundos: 'second',
  min: 'minute', minuto: 'minute', minutos: 'minute',
  h: 'hour', hora: 'hour', horas: 'hour',
  d: 'day', dia: 'day', dias: 'day',
  sem: 'week', semana: 'week', semanas: 'week',
  mês: 'month', meses: 'month',
  a: 'year', ano: 'year', anos: 'year',
};

const JUST_NOW = new Set(['just now', 'now', '剛剛', '刚刚', '剛才', '刚才', 'agora']);
const YESTERDAY = new Set(['yesterday', '昨天', '昨日', 'ontem']);

const EN_PATTERN = /^(\d+|an?|one)\s*([a-z]+)\.?(?:\s+ago)?$/;
const ZH_PATTERN = /^(\d+)\s*(秒鐘|秒钟|秒|分鐘|分钟|分|小時|小时|天|週|周|星期|禮拜|礼拜|個月|个月|年)\s*(?:之?前)?$/;
const PT_PATTERN = /^(?:h[aá]\s+)?(\d+|uma?)\s*([a-zêç]+)\.?(?:\s+atr[aá]s)?$/;

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
  const pt = PT_PATTERN.exec(segment);
  if (pt) {
    const unit = PT_UNITS[pt[2] ?? ''];
    const amount = pt[1] === 'um' || pt[1] === 'uma' ? 1 : readAmount(pt[1]);
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

/**
 * Reads a numeric date label without a time of day, as TikTok prints older
 * posts and comments: "5-26" (this year, month first), "2024-5-26", "2024/5/26",
 * "2024年5月26日", "5月26日"; a leading or trailing bullet ("· 5-23") is ignored.
 * A missing year is the latest one that does not put the date after `now`
 * (plus a day of slack for time zones). Day precision, UTC midnight (the label
 * carries no zone). Returns null for anything else, including impossible dates.
 */
export function parseNumericDate(label: string, now: number): PageTime | null {
  const segments = label
    .normalize('NFKC')
    .split(/[•·|]/)
    .map((segment) => segment.replace(/\s+/g, '').trim())
    .filter((segment) => segment !== '');
  for (const segment of segments) {
    const match = /^(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?$/.exec(segment);
    if (!match) continue;
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (match[1] !== undefined) return utcDay(Number(match[1]), month, day);
    const nowYear = new Date(now).getUTCFullYear();
    for (const year of [nowYear, nowYear - 1]) {
      const date = utcDay(year, month, day);
      if (date !== null && date.at <= now + DAY) return date;
      if (date === null && !(month === 2 && day === 29)) return null;
    }
    // 29 February in neither this year nor the last: the latest leap year before.
    for (let year = nowYear - 2; year >= nowYear - 8; year--) {
      const date = utcDay(year, month, day);
      if (date !== null) return date;
    }
  }
  return null;
}

function utcDay(year: number, month: number, day: number): PageTime | null {
  const at = Date.UTC(year, month - 1, day);
  const date = new Date(at);
  // Date.UTC rolls 2-30 over into March: such a date does not exist.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { at, precision: 'day' };
}
