import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordCapture } from '../db/capture';
import { SocialDeskDB } from '../db/schema';
import { startOfDayMs } from '../stats/days';
import { onNotificationClicked, runWeeklySummaries, startWeeklySummaries, WEEKLY_SUMMARY_ALARM, type WeeklySummaryDeps } from './alarms';
import { comment, ME, NOW, post, reading } from '@/test/builders';
import { tEn } from '@/test/i18n';

const TZ = 'Asia/Taipei';
const DAY = 86_400_000;
let db: SocialDeskDB;
let n = 0;
let notify = true;
let now = NOW;

beforeEach(async () => {
  db = new SocialDeskDB(`alarms-test-${n++}`);
  await db.open();
  notify = true;
  now = NOW;
});
afterEach(async () => {
  await db.delete();
});

const deps = (): WeeklySummaryDeps => ({
  db,
  getTimeZone: async () => TZ,
  getWeekStart: async () => 1,
  getNotify: async () => notify,
  now: () => now,
  t: tEn,
  locale: 'en-US',
});

async function lastWeeksComments() {
  // Monday 2026-11-16 (last finished week for NOW, Friday 2026-11-27): a question and a thank-you.
  const at = NOW - 11 * DAY;
  await recordCapture(
    db,
    reading([post('1', { publishedAt: { at, precision: 'minute' } })], [comment('c1', '1', { time: { at, precision: 'minute' } }), comment('c2', '1', { text: 'Thanks!', time: { at, precision: 'minute' } })]),
    { now: at, timeZone: TZ, ownProfileUrl: ME },
  );
}

describe('the weekly summary alarm', () => {
  it('is set for a minute after the next week starts in the user’s time zone, every time it runs', async () => {
    await runWeeklySummaries(deps());
    const alarm = await fakeBrowser.alarms.get(WEEKLY_SUMMARY_ALARM);
    // Monday 2026-11-30 00:01 in Taipei.
    expect(alarm?.scheduledTime).toBe(startOfDayMs('2026-11-30', TZ) + 60_000);
    expect(alarm?.scheduledTime).toBe(Date.UTC(2026, 10, 29, 16, 1));
    expect(alarm?.periodInMinutes).toBe(24 * 60);
  });

  it('catches up on the missed week at start, announces it once, and a click opens it', async () => {
    await lastWeeksComments();
    const created = await runWeeklySummaries(deps(), true);
    expect(created.map((r) => r.startDay)).toEqual(['2026-11-16']);
    const shown = fakeBrowser.notifications.getAllCreateOptions() as Record<string, { title: string; message: string; iconUrl: string }>;
    expect(Object.keys(shown)).toEqual(['weekly-summary:2026-11-16']);
    const note = shown['weekly-summary:2026-11-16']!;
    expect(note.title.replace(/\u2009/g, ' ')).toBe('Your week: Nov 16 – 22, 2026');
    expect(note.message).toBe('Comments received: 2, answered: 0%. Questions still unanswered on LinkedIn: 1. Answer them first: people who ask are close to buying.');
    expect(note.iconUrl).toMatch(/^chrome-extension:\/\/.+\/notification-icon\.png$/);
    expect((await db.weeklySummaries.get('2026-11-16'))?.notifiedAt).toBe(NOW);

    // The worker starts again: nothing to do, nothing announced again.
    await fakeBrowser.notifications.clear('weekly-summary:2026-11-16');
    expect(await runWeeklySummaries(deps(), true)).toEqual([]);
    expect(await runWeeklySummaries(deps(), false)).toEqual([]);
    expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toEqual([]);

    const open = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await onNotificationClicked('weekly-summary:2026-11-16')).toBe(true);
    expect(open).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/dashboard.html#/history?week=2026-11-16' });
    expect(await onNotificationClicked('something-else')).toBe(false);
  });

  it('stays silent when the user has not asked for notifications, or the week was empty', async () => {
    notify = false;
    await lastWeeksComments();
    await runWeeklySummaries(deps());
    expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toEqual([]);
    // A week later, notifications on, but nothing happened that week.
    notify = true;
    now = NOW + 7 * DAY;
    const created = await runWeeklySummaries(deps());
    expect(created.map((r) => [r.startDay, r.summary.hasData])).toEqual([['2026-11-23', false]]);
    expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toEqual([]);
  });

  it('runs when the alarm fires, after the worker wired it at start', async () => {
    startWeeklySummaries(deps());
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(WEEKLY_SUMMARY_ALARM)).toBeDefined());
    await lastWeeksComments();
    await fakeBrowser.alarms.onAlarm.trigger({ name: WEEKLY_SUMMARY_ALARM, scheduledTime: now, periodInMinutes: 24 * 60, persistAcrossSessions: true });
    await vi.waitFor(async () => expect(await db.weeklySummaries.count()).toBe(1));
    await vi.waitFor(() => expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toEqual(['weekly-summary:2026-11-16']));
  });
});
