import browser from 'webextension-polyfill';
import type { SocialDeskDB, WeeklySummaryRow } from '../db/schema';
import { markNotified, refreshWeeklySummaries } from '../db/summaries';
import type { Translate } from '../i18n';
import { addDays, currentWeekWindow, lastFinishedWeekStart, startOfDayMs } from '../stats/days';
import { actionText, formatDayRange } from '../stats/summary-text';

/**
 * The weekly summary's schedule. Service workers stop whenever they are idle,
 * and the machine may be off when a week ends, so nothing here relies on a
 * timer surviving: each time the worker starts it re-creates the alarm (at the
 * next week start, then daily as a safety net) and catches up on any finished
 * week that has no summary yet. The alarm itself refreshes every week's summary.
 */

export const WEEKLY_SUMMARY_ALARM = 'weekly-summary';
const NOTIFICATION_PREFIX = 'weekly-summary:';
/** A minute after midnight, so the week has certainly ended in the user's time zone. */
const AFTER_WEEK_START_MS = 60_000;

export interface WeeklySummaryDeps {
  db: SocialDeskDB;
  /** The resolved time zone and week start (settings). */
  getTimeZone(): Promise<string>;
  getWeekStart(): Promise<number>;
  /** Whether the user asked for a notification (lib/storage.ts weeklySummaryNotifyItem). */
  getNotify(): Promise<boolean>;
  now(): number;
  t: Translate;
  /** The browser's UI language, for dates in the notification. */
  locale: string;
}

export function summaryPageUrl(startDay: string): string {
  return browser.runtime.getURL(`/dashboard.html#/history?week=${startDay}`);
}

export async function scheduleWeeklySummaryAlarm(now: number, timeZone: string, weekStart: number): Promise<number> {
  const nextWeek = addDays(currentWeekWindow(now, timeZone, weekStart).start, 7);
  const when = startOfDayMs(nextWeek, timeZone) + AFTER_WEEK_START_MS;
  await browser.alarms.create(WEEKLY_SUMMARY_ALARM, { when, periodInMinutes: 24 * 60 });
  return when;
}

/**
 * Summarises what is due and announces the newest finished week when the
 * user wants it. `onlyIfMissing` (at worker start): skip the work when the last
 * finished week is already summarised with the current settings.
 */
export async function runWeeklySummaries(deps: WeeklySummaryDeps, onlyIfMissing = false): Promise<WeeklySummaryRow[]> {
  const [timeZone, weekStart] = await Promise.all([deps.getTimeZone(), deps.getWeekStart()]);
  const now = deps.now();
  await scheduleWeeklySummaryAlarm(now, timeZone, weekStart);
  if (onlyIfMissing) {
    const last = await deps.db.weeklySummaries.get(lastFinishedWeekStart(now, timeZone, weekStart));
    if (last && last.weekStart === weekStart && last.timeZone === timeZone) return [];
  }
  const result = await refreshWeeklySummaries(deps.db, { now, timeZone, weekStart });
  const newest = result.created.find((r) => r.startDay === result.lastFinished);
  if (newest && newest.notifiedAt === null && newest.summary.hasData && (await deps.getNotify())) {
    await announce(newest, deps.t, deps.locale);
    await markNotified(deps.db, newest.startDay, now);
  }
  return result.created;
}

export async function announce(row: WeeklySummaryRow, t: Translate, locale: string): Promise<void> {
  const s = row.summary;
  const range = formatDayRange(s.startDay, s.endDay, locale);
  const rate = s.total.responseRate === null ? '–' : `${Math.round(s.total.responseRate * 100)}%`;
  const first = s.actions[0];
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${s.startDay}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/notification-icon.png'),
    title: t('notifySummaryTitle', range),
    message: [t('notifySummaryFigures', [String(s.total.commentsReceived), rate]), first ? actionText(first, t) : ''].filter(Boolean).join(' '),
  });
}

/** Opens the summary a notification announced. */
export async function onNotificationClicked(id: string): Promise<boolean> {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return false;
  const day = id.slice(NOTIFICATION_PREFIX.length);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  await browser.tabs.create({ url: summaryPageUrl(day) });
  await browser.notifications.clear(id);
  return true;
}

/** Wires the alarm and the notification click; call once each time the service worker starts. */
export function startWeeklySummaries(deps: WeeklySummaryDeps): void {
  const run = (onlyIfMissing: boolean) =>
    runWeeklySummaries(deps, onlyIfMissing).catch((error: unknown) => console.error('[social-desk] weekly summary failed', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WEEKLY_SUMMARY_ALARM) void run(false);
  });
  browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id));
  // Listening to onStartup makes the browser start this worker when it starts, so a week missed while it was closed is caught up then.
  browser.runtime.onStartup.addListener(() => undefined);
  void run(true);
}
