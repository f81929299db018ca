import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordCapture, setCommentStatus } from './capture';
import { deleteAllData } from './maintenance';
import { SocialDeskDB } from './schema';
import { getWeekStats } from './stats';
import { listWeeklySummaries, refreshWeeklySummaries, weekFingerprint } from './summaries';
import { addDays, weekRange } from '../stats/days';
import { comment, ME, NOW, post, reading } from '@/test/builders';

const TZ = 'Asia/Taipei';
const DAY = 86_400_000;
let db: SocialDeskDB;
let n = 0;

beforeEach(async () => {
  db = new SocialDeskDB(`summaries-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const ctx = (now = NOW, over: { weekStart?: number; timeZone?: string } = {}) => ({ now, timeZone: TZ, weekStart: 1, ...over });

/** A post published `daysAgo` before NOW with `comments` comments on it, captured the same day, and counts growing a day later. */
async function week(id: string, daysAgo: number, comments: number, answered = 0) {
  const at = NOW - daysAgo * DAY;
  const list = Array.from({ length: comments }, (_, i) =>
    comment(`${id}c${i}`, id, { text: i % 3 === 0 ? '請問還有貨嗎？' : i % 3 === 1 ? 'Very disappointed, arrived broken' : 'Love it', time: { at: at + i * 60_000, precision: 'minute' }, author: { name: `Fan ${i % 2}`, profileUrl: `https://www.linkedin.com/in/fan-${i % 2}/` } }),
  );
  const replies = Array.from({ length: answered }, (_, i) =>
    comment(`${id}r${i}`, id, { parentId: `${id}c${i}`, author: { name: 'Mei Lin', profileUrl: ME }, text: '謝謝！', time: { at: at + 2 * 3_600_000, precision: 'minute' } }),
  );
  const p = (reactions: number) => post(id, { text: `Post ${id}`, publishedAt: { at, precision: 'minute' }, counts: { reactions, comments, shares: 1, views: null } });
  await recordCapture(db, reading([p(5)], [...list, ...replies]), { now: at + 3_600_000, timeZone: TZ, ownProfileUrl: ME });
  await recordCapture(db, reading([p(5 + comments * 2)], []), { now: at + DAY, timeZone: TZ, ownProfileUrl: ME });
}

describe('weekly summaries', () => {
  it('has nothing to summarise without data', async () => {
    const result = await refreshWeeklySummaries(db, ctx());
    expect(result).toMatchObject({ created: [], updated: [], lastFinished: '2026-11-16' });
  });

  it('summarises every finished week since the first data, a missed (empty) week too, and not the current one', async () => {
    await week('a', 26, 4, 2); // Sunday 2026-11-01, the last day of the week of 10-26; its counts grow on Monday
    await week('b', 11, 6, 1); // Monday 2026-11-16
    await week('c', 1, 2); // Thursday 2026-11-26: this week, not finished
    const result = await refreshWeeklySummaries(db, ctx());
    expect(result.created.map((r) => r.startDay)).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16']);
    const [first, second, missed, last] = result.created.map((r) => r.summary);
    expect(first).toMatchObject({ hasData: true, total: { commentsReceived: 4, repliesSent: 2, postsPublished: 1 } });
    // The counts grew the next day, which was in the following week.
    expect(second).toMatchObject({ hasData: true, total: { commentsReceived: 0, reactionsGained: 8 } });
    expect(missed).toMatchObject({ hasData: false, actions: [{ kind: 'no_activity' }] });
    expect(last!.total).toMatchObject({ commentsReceived: 6, repliesSent: 1, commentsAnswered: 1 });
    expect(last!.unanswered.total).toBe(5);
    expect(last!.topEngagers.map((e) => [e.name, e.comments])).toEqual([
      ['Fan 0', 3],
      ['Fan 1', 3],
    ]);
    expect(last!.tone).toMatchObject({ comments: 6, negative: 2, questions: 2 });
    // The week it compares against had no comments, so there is no share to compare.
    expect(last!.tone.previousNegativeShare).toBeNull();

    // Nothing changed: nothing is recomputed.
    expect(await refreshWeeklySummaries(db, ctx(NOW + 3_600_000))).toMatchObject({ created: [], updated: [] });
  });

  it('a week the browser was closed for is summarised when it next runs', async () => {
    await week('a', 11, 3);
    expect((await refreshWeeklySummaries(db, ctx())).created.map((r) => r.startDay)).toEqual(['2026-11-16']);
    // Twelve days later (the machine was off): both weeks that ended meanwhile.
    const later = await refreshWeeklySummaries(db, ctx(NOW + 12 * DAY));
    expect(later.created.map((r) => r.startDay)).toEqual(['2026-11-23', '2026-11-30']);
  });

  it('recomputes a week when its data changes: an answer, a dismissal, a late capture', async () => {
    await week('a', 11, 6);
    await refreshWeeklySummaries(db, ctx());
    const get = async () => (await db.weeklySummaries.get('2026-11-16'))!.summary;
    expect((await get()).unanswered.total).toBe(6);

    await setCommentStatus(db, 'linkedin:comment_received:ac0', 'dismissed', { timeZone: TZ });
    expect((await refreshWeeklySummaries(db, ctx())).updated.map((r) => r.startDay)).toEqual(['2026-11-16']);
    expect((await get()).unanswered.total).toBe(5);

    const reply = comment('late-r', 'a', { parentId: 'ac1', author: { name: 'Mei Lin', profileUrl: ME }, text: 'Sorry!', time: { at: NOW - 10 * DAY, precision: 'minute' } });
    const late = comment('late', 'a', { text: 'One more', time: { at: NOW - 10 * DAY, precision: 'minute' } });
    await recordCapture(db, reading([post('a', { text: 'Post a', publishedAt: { at: NOW - 11 * DAY, precision: 'minute' }, counts: { reactions: 17, comments: 8, shares: 1, views: null } })], [reply, late]), {
      now: NOW,
      timeZone: TZ,
      ownProfileUrl: ME,
    });
    const updated = await refreshWeeklySummaries(db, ctx());
    expect(updated.updated.map((r) => r.startDay)).toEqual(['2026-11-16']);
    expect((await get()).total).toMatchObject({ commentsReceived: 7, repliesSent: 1, commentsAnswered: 1 });
    expect((await get()).unanswered.total).toBe(5);
  });

  it('reads the week’s received comments in every status, and no replies', async () => {
    await week('a', 11, 6, 2); // Monday 2026-11-16: six comments, the first two answered
    await setCommentStatus(db, 'linkedin:comment_received:ac2', 'dismissed', { timeZone: TZ });
    await refreshWeeklySummaries(db, ctx());
    const summary = (await db.weeklySummaries.get('2026-11-16'))!.summary;
    const statuses = (await db.interactions.toArray()).filter((r) => r.kind === 'comment_received').map((r) => r.status);
    expect(new Set(statuses)).toEqual(new Set(['open', 'replied', 'dismissed']));
    // The tone and the engagers come from the comments read (the user's two replies are not among them).
    expect(summary.tone.comments).toBe(6);
    expect(summary.topEngagers.map((e) => [e.name, e.comments])).toEqual([
      ['Fan 0', 3],
      ['Fan 1', 3],
    ]);
  });

  it('keeps summaries stored before the rollups counted open and dismissed comments per day: their fingerprints still match', async () => {
    await week('a', 11, 6, 2);
    await week('b', 18, 3);
    await setCommentStatus(db, 'linkedin:comment_received:bc0', 'dismissed', { timeZone: TZ });
    // The rows as an earlier version kept them, and the fingerprints it stored: open and dismissed counted on the status index.
    await db.dailyRollups.toCollection().modify((r) => {
      delete r.commentsOpen;
      delete r.commentsDismissed;
    });
    const legacyRows = await db.dailyRollups.toArray();
    const weekRows = (start: string) => legacyRows.filter((r) => r.day >= start && r.day <= addDays(start, 6));
    const indexCount = (status: 'open' | 'dismissed', start: string) => {
      const { startMs, endMs } = weekRange(start, TZ);
      return db.interactions.where('[status+occurredAt]').between([status, startMs], [status, endMs], true, false).count();
    };
    const oldFingerprint = async (start: string) =>
      weekFingerprint(weekRows(start), weekRows(addDays(start, -7)), await indexCount('open', start), await indexCount('dismissed', start));
    const first = await refreshWeeklySummaries(db, ctx());
    expect(first.created.map((r) => r.startDay)).toEqual(['2026-11-09', '2026-11-16']);
    for (const row of first.created) expect(row.fingerprint).toBe(await oldFingerprint(row.startDay));
    expect((await db.dailyRollups.toArray()).every((r) => r.commentsOpen !== undefined && r.commentsDismissed !== undefined)).toBe(true);

    // Stored over the filled rows, nothing is recomputed; a later dismissal still is.
    await db.dailyRollups.toCollection().modify((r) => {
      delete r.commentsOpen;
      delete r.commentsDismissed;
    });
    expect(await refreshWeeklySummaries(db, ctx())).toMatchObject({ created: [], updated: [] });
    await setCommentStatus(db, 'linkedin:comment_received:ac3', 'dismissed', { timeZone: TZ });
    expect((await refreshWeeklySummaries(db, ctx())).updated.map((r) => r.startDay)).toEqual(['2026-11-16']);
  });

  it('cuts weeks again when the week start or the time zone changes', async () => {
    await week('a', 11, 3);
    await week('b', 4, 3);
    await refreshWeeklySummaries(db, ctx());
    const sunday = await refreshWeeklySummaries(db, ctx(NOW, { weekStart: 0 }));
    expect(sunday.created.map((r) => r.startDay)).toEqual(['2026-11-15']);
    expect((await db.weeklySummaries.toArray()).map((r) => [r.startDay, r.weekStart])).toEqual([['2026-11-15', 0]]);
    const ny = await refreshWeeklySummaries(db, ctx(NOW, { weekStart: 0, timeZone: 'America/New_York' }));
    expect(ny.created.map((r) => r.summary.timeZone)).toEqual(['America/New_York']);
  });

  it('cuts weeks at local midnight in a daylight-saving zone, and agrees with the popup there', async () => {
    const ny = 'America/New_York';
    // Saturday 2026-03-07 23:30 EST and Sunday 2026-03-08 00:30 EST (clocks spring forward at 02:00 that night).
    const lateSaturday = Date.UTC(2026, 2, 8, 4, 30);
    const earlySunday = Date.UTC(2026, 2, 8, 5, 30);
    const afterChange = Date.UTC(2026, 2, 8, 7, 30); // 03:30 EDT
    const c = (id: string, at: number) => comment(id, 'd', { time: { at, precision: 'minute' } });
    await recordCapture(db, reading([post('d', { publishedAt: { at: lateSaturday - 3_600_000, precision: 'minute' } })], [c('sat', lateSaturday), c('sun', earlySunday), c('sun2', afterChange)]), {
      now: afterChange,
      timeZone: ny,
      ownProfileUrl: ME,
    });
    const now = Date.UTC(2026, 2, 16, 12); // Monday 2026-03-16
    const result = await refreshWeeklySummaries(db, { now, timeZone: ny, weekStart: 0 });
    expect(result.created.map((r) => [r.startDay, r.summary.total.commentsReceived, r.summary.tone.comments])).toEqual([
      ['2026-03-01', 1, 1],
      ['2026-03-08', 2, 2],
    ]);
    for (const { summary } of result.created) {
      const popup = await getWeekStats(db, { now: weekRange(summary.startDay, ny).endMs - 1, timeZone: ny, weekStart: 0 });
      expect(popup.thisWeek).toEqual(summary.total);
    }
  });

  it('drops the summaries when all data is deleted', async () => {
    await week('a', 11, 3);
    await refreshWeeklySummaries(db, ctx());
    await deleteAllData(db);
    await week('z', 1, 1);
    await refreshWeeklySummaries(db, ctx());
    expect(await db.weeklySummaries.count()).toBe(0);
  });

  it('runs once when asked twice at the same time', async () => {
    await week('a', 11, 3);
    const [one, two] = await Promise.all([refreshWeeklySummaries(db, ctx()), refreshWeeklySummaries(db, ctx())]);
    expect([...one.created, ...two.created].map((r) => r.startDay)).toEqual(['2026-11-16']);
    expect(await db.weeklySummaries.count()).toBe(1);
  });

  it('agrees with the popup’s numbers for the same week, in total and per platform', async () => {
    await week('a', 18, 5, 2);
    await week('b', 12, 7, 3);
    await week('c', 9, 4, 4);
    await recordCapture(
      db,
      reading([post('f1', { platform: 'facebook', text: 'FB', publishedAt: { at: NOW - 8 * DAY, precision: 'day' } })], [comment('fc', 'f1', { platform: 'facebook', time: { at: NOW - 8 * DAY, precision: 'hour' } })], {
        platform: 'facebook',
      }),
      { now: NOW - 8 * DAY, timeZone: TZ, ownProfileUrl: ME },
    );
    const rows = await listWeeklySummaries(db, ctx(), 52);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const { summary } of rows) {
      // The popup on the last minute of that week shows the whole week as "this week so far".
      const popup = await getWeekStats(db, { now: weekRange(summary.startDay, TZ).endMs - 60_000, timeZone: TZ, weekStart: 1 });
      expect(popup.weekStartDay).toBe(summary.startDay);
      expect(popup.thisWeek).toEqual(summary.total);
      const platforms = summary.byPlatform.map((p) => p.platform);
      const popupPlatforms = popup.byPlatform.map((p) => ({ platform: p.platform, totals: p.thisWeek }));
      expect(popupPlatforms.filter((p) => platforms.includes(p.platform))).toEqual(summary.byPlatform);
      // A platform the popup lists only for last week's sake has nothing this week.
      for (const p of popupPlatforms.filter((x) => !platforms.includes(x.platform))) expect(p.totals.commentsReceived + p.totals.repliesSent).toBe(0);
      expect(popup.topPost?.key ?? null).toBe(summary.topPosts[0]?.key ?? null);
      if (popup.topPost) expect(popup.topPost).toEqual(summary.topPosts[0]);
    }
  });
});
