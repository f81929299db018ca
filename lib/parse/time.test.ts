import { describe, expect, it } from 'vitest';
import { parseAbsoluteTime, parseNumericDate, parseRelativeTime } from './time';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
// A whole UTC day, so quantised results equal the plain arithmetic.
const NOW = Date.UTC(2026, 0, 15);

describe('parseRelativeTime', () => {
  it.each([
    // English, LinkedIn-style short forms.
    ['5m', NOW - 5 * MIN, 'minute'],
    ['2h', NOW - 2 * HOUR, 'hour'],
    ['3d', NOW - 3 * DAY, 'day'],
    ['1w', NOW - 7 * DAY, 'week'],
    ['2mo', NOW - 60 * DAY, 'month'],
    ['1yr', NOW - 365 * DAY, 'year'],
    ['1y', NOW - 365 * DAY, 'year'],
    // Seconds are minute precision, rounded down to the minute.
    ['30s', NOW - MIN, 'minute'],
    // English long forms.
    ['5 minutes ago', NOW - 5 * MIN, 'minute'],
    ['1 minute ago', NOW - MIN, 'minute'],
    ['2 hours ago', NOW - 2 * HOUR, 'hour'],
    ['an hour ago', NOW - HOUR, 'hour'],
    ['a day ago', NOW - DAY, 'day'],
    ['3 days ago', NOW - 3 * DAY, 'day'],
    ['2 weeks ago', NOW - 14 * DAY, 'week'],
    ['4 months ago', NOW - 120 * DAY, 'month'],
    ['2 years ago', NOW - 730 * DAY, 'year'],
    ['3 hrs', NOW - 3 * HOUR, 'hour'],
    ['Just now', NOW, 'minute'],
    ['now', NOW, 'minute'],
    ['Yesterday', NOW - DAY, 'day'],
    // With LinkedIn's trailing bullets and notes.
    ['6h •', NOW - 6 * HOUR, 'hour'],
    ['8h • Edited •', NOW - 8 * HOUR, 'hour'],
    ['6 hours ago • Visible to anyone on or off LinkedIn', NOW - 6 * HOUR, 'hour'],
    ['  \n 4h \n ', NOW - 4 * HOUR, 'hour'],
    // Traditional Chinese (zh-TW), long and short.
    ['3 天前', NOW - 3 * DAY, 'day'],
    ['3 天', NOW - 3 * DAY, 'day'],
    ['2 小時前', NOW - 2 * HOUR, 'hour'],
    ['2 小時', NOW - 2 * HOUR, 'hour'],
    ['5 分鐘', NOW - 5 * MIN, 'minute'],
    ['5 分鐘前', NOW - 5 * MIN, 'minute'],
    ['1 週', NOW - 7 * DAY, 'week'],
    ['2 個月', NOW - 60 * DAY, 'month'],
    ['1 年', NOW - 365 * DAY, 'year'],
    ['10 秒', NOW - MIN, 'minute'],
    ['剛剛', NOW, 'minute'],
    ['昨天', NOW - DAY, 'day'],
    ['2 小時 • 已編輯 •', NOW - 2 * HOUR, 'hour'],
    // Simplified Chinese (zh-CN).
    ['2小时前', NOW - 2 * HOUR, 'hour'],
    ['5分钟', NOW - 5 * MIN, 'minute'],
    ['1周', NOW - 7 * DAY, 'week'],
    ['3个月前', NOW - 90 * DAY, 'month'],
    ['刚刚', NOW, 'minute'],
    // Portuguese (pt-BR), as Instagram prints it.
    ['há 21 horas', NOW - 21 * HOUR, 'hour'],
    ['21 h', NOW - 21 * HOUR, 'hour'],
    ['há 2 dias', NOW - 2 * DAY, 'day'],
    ['1 sem', NOW - 7 * DAY, 'week'],
    ['há 3 semanas', NOW - 21 * DAY, 'week'],
    ['há 5 minutos', NOW - 5 * MIN, 'minute'],
    ['há um mês', NOW - 30 * DAY, 'month'],
    ['2 anos atrás', NOW - 730 * DAY, 'year'],
    ['agora', NOW, 'minute'],
    ['ontem', NOW - DAY, 'day'],
  ])('%j -> now - … (%s)', (label, at, precision) => {
    expect(parseRelativeTime(label, NOW)).toEqual({ at, precision });
  });

  it.each([[''], ['Promoted'], ['推廣'], ['1st'], ['2 月'], ['3 日'], ['May 5'], ['2024-05-12'], ['Edited']])('%j -> null', (label) => {
    expect(parseRelativeTime(label, NOW)).toBeNull();
  });

  it('rounds down to the unit so re-reading the same label later gives the same value', () => {
    const a = parseRelativeTime('2h', NOW + 10 * MIN);
    const b = parseRelativeTime('2h', NOW + 50 * MIN);
    expect(a).toEqual(b);
    expect(a).toEqual({ at: NOW - 2 * HOUR, precision: 'hour' });
    expect(parseRelativeTime('5m', NOW + 20_000)).toEqual({ at: NOW - 5 * MIN, precision: 'minute' });
  });
});

describe('parseAbsoluteTime', () => {
  it.each([
    ['2024-05-12T02:56:24.334Z', Date.UTC(2024, 4, 12, 2, 56, 24, 334), 'exact'],
    ['2024-05-12T10:56:24+08:00', Date.UTC(2024, 4, 12, 2, 56, 24), 'exact'],
    ['2024-05-12 02:56:24Z', Date.UTC(2024, 4, 12, 2, 56, 24), 'exact'],
    ['1715482584334', 1715482584334, 'exact'],
    ['1715482584', 1715482584000, 'exact'],
    ['2024-05-12', Date.UTC(2024, 4, 12), 'day'],
    ['2024-05', Date.UTC(2024, 4, 1), 'month'],
    ['2024', Date.UTC(2024, 0, 1), 'year'],
  ])('%j -> %d (%s)', (attr, at, precision) => {
    expect(parseAbsoluteTime(attr)).toEqual({ at, precision });
  });

  it.each([[null], [undefined], [''], ['yesterday'], ['2h'], ['May 12, 2024'], ['2024-13-45']])('%j -> null', (attr) => {
    expect(parseAbsoluteTime(attr)).toBeNull();
  });
});

describe('parseNumericDate', () => {
  it.each([
    // TikTok: this year's dates as month-day, older ones with the year.
    ['5-26', Date.UTC(2025, 4, 26)],
    ['1-15', NOW],
    ['1-16', Date.UTC(2026, 0, 16)], // a day ahead is time-zone slack, not last year
    ['1-17', Date.UTC(2025, 0, 17)],
    ['12-31', Date.UTC(2025, 11, 31)],
    ['· 5-23', Date.UTC(2025, 4, 23)],
    ['2024-5-26', Date.UTC(2024, 4, 26)],
    ['2024-05-26', Date.UTC(2024, 4, 26)],
    ['2024/5/26', Date.UTC(2024, 4, 26)],
    ['2024年5月26日', Date.UTC(2024, 4, 26)],
    ['5月26日', Date.UTC(2025, 4, 26)],
    ['2-29', Date.UTC(2024, 1, 29)],
  ])('%j -> %d (day)', (label, at) => {
    expect(parseNumericDate(label, NOW)).toEqual({ at, precision: 'day' });
  });

  it.each([[''], ['2h ago'], ['3 天前'], ['13-1'], ['2-30'], ['2025-2-29'], ['1,234'], ['5-26-27']])('%j -> null', (label) => {
    expect(parseNumericDate(label, NOW)).toBeNull();
  });
});
