import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordCapture, setCommentStatus } from './capture';
import { saveInspiration } from './inspirations';
import { cleanupSnapshots } from './maintenance';
import { recordManualInteraction } from './manual';
import { computeRollupsFromLog, fillStatusCounts, replaceRollupsFromLog } from './rollups';
import { OPEN_COMMENTS_DAY, SocialDeskDB, type DailyRollupRow } from './schema';
import { comment, ME, NOW, post, reading } from '@/test/builders';
import { rng } from '@/test/seed';

/**
 * The daily rollups are a cache of the log: after every write path, the stored
 * rows must equal a rebuild from the raw tables — including the per-post gains
 * the popup and the weekly summaries rank posts by.
 */

const TZ = 'Asia/Taipei';
const DAY = 86_400_000;
let db: SocialDeskDB;
let n = 0;

beforeEach(async () => {
  db = new SocialDeskDB(`rollups-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const ctx = (now = NOW) => ({ now, timeZone: TZ, ownProfileUrl: ME });
const sorted = (rows: DailyRollupRow[]) => [...rows].sort((a, b) => (a.day + a.platform).localeCompare(b.day + b.platform));

async function expectRollupsMatchRebuild() {
  const stored = sorted(await db.dailyRollups.toArray());
  expect(stored).toEqual(await computeRollupsFromLog(db, { timeZone: TZ }));
  return stored;
}

describe('rollup maintenance, write path by write path', () => {
  it('capture: comments, replies and count snapshots, with the gain per post', async () => {
    await recordCapture(db, reading([post('1'), post('2')], [comment('c1', '1'), comment('c2', '2')]), ctx());
    // Published two days ago, so the first counts are gains: 10 + 2 + 1 each.
    let rows = await expectRollupsMatchRebuild();
    // The posts' publication day, and today with the comments and the gains.
    // And the two comments still waiting, on LinkedIn's open-comments row.
    expect(rows.map((r) => [r.day, r.postsPublished, r.commentsReceived])).toEqual([
      ['2026-11-25', 2, 0],
      ['2026-11-27', 0, 2],
      [OPEN_COMMENTS_DAY, 0, 2],
    ]);
    expect(rows[1]!.postGains).toEqual({
      'linkedin:1': { reactions: 10, comments: 2, shares: 1 },
      'linkedin:2': { reactions: 10, comments: 2, shares: 1 },
    });
    // The next day post 1 grows, post 2 loses a reaction (an unlike), and the user answers c1.
    const reply = comment('r1', '1', { parentId: 'c1', author: { name: 'Mei Lin', profileUrl: ME }, text: '謝謝！', time: { at: NOW + DAY, precision: 'minute' } });
    await recordCapture(
      db,
      reading([post('1', { counts: { reactions: 25, comments: 3, shares: 1, views: 400 } }), post('2', { counts: { reactions: 9, comments: 2, shares: 1, views: null } })], [reply]),
      ctx(NOW + DAY),
    );
    rows = await expectRollupsMatchRebuild();
    expect(rows.find((r) => r.day === OPEN_COMMENTS_DAY)?.commentsReceived).toBe(1);
    const nextDay = rows.find((r) => r.day === '2026-11-28');
    expect(nextDay?.postGains).toEqual({ 'linkedin:1': { reactions: 15, comments: 1, shares: 0 }, 'linkedin:2': { reactions: -1, comments: 0, shares: 0 } });
    expect(nextDay).toMatchObject({ reactionsGained: 14, commentsGained: 1, viewsGained: 0, repliesSent: 1 });
  });

  it('capture: a gain that nets to zero within a day leaves no entry, as a rebuild gives', async () => {
    await recordCapture(db, reading([post('1')], []), ctx());
    await recordCapture(db, reading([post('1', { counts: { reactions: 11, comments: 2, shares: 1, views: null } })], []), ctx(NOW + DAY));
    await recordCapture(db, reading([post('1', { counts: { reactions: 10, comments: 2, shares: 1, views: null } })], []), ctx(NOW + DAY + 60_000));
    const rows = await expectRollupsMatchRebuild();
    expect(rows.find((r) => r.day === '2026-11-28')).toBeUndefined();
  });

  it('status changes: dismiss, reopen, and an answer found later', async () => {
    const open = (rows: DailyRollupRow[]) => rows.find((r) => r.day === OPEN_COMMENTS_DAY)?.commentsReceived ?? 0;
    await recordCapture(db, reading([post('1')], [comment('c1', '1'), comment('c2', '1')]), ctx());
    await setCommentStatus(db, 'linkedin:comment_received:c1', 'dismissed', { timeZone: TZ });
    expect(open(await expectRollupsMatchRebuild())).toBe(1);
    await setCommentStatus(db, 'linkedin:comment_received:c1', 'open', { timeZone: TZ });
    expect(open(await expectRollupsMatchRebuild())).toBe(2);
    const reply = comment('r2', '1', { parentId: 'c2', author: { name: 'Mei Lin', profileUrl: ME }, text: 'Yes!' });
    await recordCapture(db, reading([post('1')], [reply]), ctx(NOW + 3_600_000));
    const rows = await expectRollupsMatchRebuild();
    expect(rows.find((r) => r.day === '2026-11-27')).toMatchObject({ commentsReceived: 2, commentsAnswered: 1, repliesSent: 1 });
    expect(open(rows)).toBe(1);
    // The last one waiting dismissed: the row nets to nothing and goes, as a rebuild gives.
    await setCommentStatus(db, 'linkedin:comment_received:c1', 'dismissed', { timeZone: TZ });
    expect((await expectRollupsMatchRebuild()).some((r) => r.day === OPEN_COMMENTS_DAY)).toBe(false);
  });

  it('each day keeps how many of its comments are open and how many dismissed', async () => {
    const day = (rows: DailyRollupRow[]) => rows.find((r) => r.day === '2026-11-27');
    await recordCapture(db, reading([post('1')], [comment('c1', '1'), comment('c2', '1'), comment('c3', '1')]), ctx());
    expect(day(await expectRollupsMatchRebuild())).toMatchObject({ commentsReceived: 3, commentsOpen: 3, commentsDismissed: 0 });
    await setCommentStatus(db, 'linkedin:comment_received:c1', 'dismissed', { timeZone: TZ });
    expect(day(await expectRollupsMatchRebuild())).toMatchObject({ commentsOpen: 2, commentsDismissed: 1 });
    const reply = comment('r2', '1', { parentId: 'c2', author: { name: 'Mei Lin', profileUrl: ME }, text: 'Yes!' });
    await recordCapture(db, reading([post('1')], [reply]), ctx(NOW + 3_600_000));
    expect(day(await expectRollupsMatchRebuild())).toMatchObject({ commentsOpen: 1, commentsDismissed: 1, commentsAnswered: 1 });
  });

  it('rows from before those counts stay without them through later writes, and are filled from the log once', async () => {
    await recordCapture(db, reading([post('1')], [comment('c1', '1'), comment('c2', '1')]), ctx());
    await recordCapture(db, reading([post('2', { publishedAt: { at: NOW - 3 * DAY, precision: 'minute' } })], [comment('d1', '2', { time: { at: NOW - 3 * DAY, precision: 'minute' } })]), ctx());
    // As an earlier version stored them.
    await db.dailyRollups.toCollection().modify((r) => {
      delete r.commentsOpen;
      delete r.commentsDismissed;
    });
    await setCommentStatus(db, 'linkedin:comment_received:c1', 'dismissed', { timeZone: TZ });
    await recordCapture(db, reading([post('1')], [comment('c3', '1')]), ctx());
    const legacy = await db.dailyRollups.toArray();
    expect(legacy.filter((r) => r.day !== OPEN_COMMENTS_DAY).length).toBeGreaterThan(1);
    expect(legacy.every((r) => r.commentsOpen === undefined && r.commentsDismissed === undefined)).toBe(true);
    // A day first written now is counted from its start.
    await recordCapture(db, reading([post('3', { publishedAt: { at: NOW - 6 * DAY, precision: 'minute' } })], [comment('e1', '3', { time: { at: NOW - 6 * DAY, precision: 'minute' } })]), ctx());
    expect((await db.dailyRollups.toArray()).filter((r) => r.commentsOpen !== undefined && r.day !== OPEN_COMMENTS_DAY).map((r) => r.day)).toEqual(['2026-11-21']);

    expect(await fillStatusCounts(db, { timeZone: TZ })).toBe(legacy.length);
    const rows = await expectRollupsMatchRebuild();
    expect(rows.find((r) => r.day === '2026-11-27')).toMatchObject({ commentsReceived: 3, commentsOpen: 2, commentsDismissed: 1 });
    expect(await fillStatusCounts(db, { timeZone: TZ })).toBe(0);
    await setCommentStatus(db, 'linkedin:comment_received:c1', 'open', { timeZone: TZ });
    expect((await expectRollupsMatchRebuild()).find((r) => r.day === '2026-11-27')).toMatchObject({ commentsOpen: 3, commentsDismissed: 0 });
  });

  it('manual interactions count like captured ones', async () => {
    await recordManualInteraction(db, { kind: 'comment_received', platform: 'other', url: 'https://forum.example/t/1', actorName: 'A', text: '幾錢？', occurredAt: NOW }, NOW, { timeZone: TZ });
    await recordManualInteraction(db, { kind: 'mention', platform: 'facebook', url: 'https://www.facebook.com/x', actorName: 'B', text: 'hi', occurredAt: NOW - DAY }, NOW, { timeZone: TZ });
    const rows = await expectRollupsMatchRebuild();
    expect(rows.map((r) => [r.day, r.platform, r.commentsReceived, r.mentions])).toEqual([
      ['2026-11-26', 'facebook', 0, 1],
      ['2026-11-27', 'other', 1, 0],
      [OPEN_COMMENTS_DAY, 'other', 1, 0],
    ]);
  });

  it('saving someone else’s post as inspiration adds no engagement of the user’s', async () => {
    await saveInspiration(
      db,
      {
        platform: 'linkedin',
        postId: '99',
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:99/',
        authorName: 'Rival',
        authorUrl: 'https://www.linkedin.com/company/rival/',
        text: 'Their post',
        mediaKind: 'text',
        mediaUrl: null,
        publishedAt: NOW - DAY,
        counts: { reactions: 500, comments: 20, shares: 3, views: null },
        savedFromUrl: 'https://www.linkedin.com/feed/',
        tags: null,
        note: null,
      },
      NOW,
    );
    expect(await expectRollupsMatchRebuild()).toEqual([]);
  });

  it('a snapshot cleanup recomputes them in the same transaction', async () => {
    for (let d = 0; d < 20; d++) {
      const counts = { reactions: 10 + d * 3, comments: 2 + d, shares: 1, views: null };
      await recordCapture(db, reading([post('1', { counts, publishedAt: { at: NOW - 30 * DAY, precision: 'day' } })], []), ctx(NOW - (20 - d) * DAY));
    }
    const before = await expectRollupsMatchRebuild();
    expect(before.length).toBeGreaterThan(10);
    await cleanupSnapshots(db, 10 * DAY, NOW, { timeZone: TZ });
    const after = await expectRollupsMatchRebuild();
    // Gains after the cutoff are kept exactly.
    const recent = (rows: DailyRollupRow[]) => rows.filter((r) => r.day >= '2026-11-18');
    expect(recent(after)).toEqual(recent(before));
  });

  it('a rebuild after a time-zone change moves gains to the new days', async () => {
    await recordCapture(db, reading([post('1')], [comment('c1', '1', { time: { at: Date.UTC(2026, 10, 26, 17), precision: 'minute' } })]), ctx());
    await replaceRollupsFromLog(db, { timeZone: 'America/New_York' });
    const rows = sorted(await db.dailyRollups.toArray());
    expect(rows).toEqual(await computeRollupsFromLog(db, { timeZone: 'America/New_York' }));
    // Published 2026-11-25 12:00 and commented 2026-11-27 01:00 in Taipei: the 24th and the 26th in New York.
    // The comment still waits, whatever the time zone.
    expect(rows.map((r) => [r.day, r.postsPublished, r.commentsReceived])).toEqual([
      ['2026-11-24', 1, 0],
      ['2026-11-26', 0, 1],
      [OPEN_COMMENTS_DAY, 0, 1],
    ]);
  });

  it('stays equal to a rebuild through a long random sequence of every write path', async () => {
    const r = rng(5);
    const platforms = ['linkedin', 'facebook', 'instagram'] as const;
    const counts = new Map<string, { reactions: number; comments: number; shares: number }>();
    for (let step = 0; step < 120; step++) {
      const now = NOW - 60 * DAY + step * 12 * 3_600_000;
      const platform = platforms[Math.floor(r() * platforms.length)]!;
      const id = `p${Math.floor(r() * 6)}`;
      const key = `${platform}:${id}`;
      const c = counts.get(key) ?? { reactions: Math.floor(r() * 5), comments: 0, shares: 0 };
      // Counts mostly grow, sometimes drop (unlikes, deleted comments).
      c.reactions = Math.max(0, c.reactions + Math.floor(r() * 9) - 2);
      c.comments = Math.max(0, c.comments + Math.floor(r() * 3) - (r() < 0.1 ? 2 : 0));
      c.shares += r() < 0.2 ? 1 : 0;
      counts.set(key, { ...c });
      const published = { at: NOW - 60 * DAY + Math.floor(r() * 10) * DAY, precision: 'day' as const };
      const comments = [];
      for (let k = 0; k < Math.floor(r() * 3); k++) {
        comments.push(comment(`${id}-${step}-${k}`, id, { platform, time: { at: now - Math.floor(r() * 3 * DAY), precision: 'hour' } }));
      }
      if (r() < 0.3 && step > 0) {
        comments.push(
          comment(`${id}-reply-${step}`, id, {
            platform,
            parentId: `${id}-${step - 1}-0`,
            author: { name: 'Mei Lin', profileUrl: ME },
            text: 'Thanks',
            time: { at: now, precision: 'minute' },
          }),
        );
      }
      const p = post(id, { platform, publishedAt: published, counts: { ...c, views: null } });
      await recordCapture(db, reading([p], comments, { platform }), ctx(now));
      if (r() < 0.15) {
        const open = await db.interactions.where('[status+occurredAt]').between(['open', 0], ['open', Infinity]).first();
        if (open) await setCommentStatus(db, open.id, 'dismissed', { timeZone: TZ });
      }
      if (r() < 0.1) {
        await recordManualInteraction(db, { kind: 'reply_sent', platform: 'other', url: 'https://x.example/', actorName: 'Me', text: `${step}`, occurredAt: now }, now, { timeZone: TZ });
      }
    }
    const rows = await expectRollupsMatchRebuild();
    expect(rows.some((row) => Object.keys(row.postGains).length > 1)).toBe(true);
    // The per-post gains add up to the day's totals.
    for (const row of rows) {
      const sum = Object.values(row.postGains).reduce((s, g) => s + g.reactions, 0);
      expect(sum).toBe(row.reactionsGained);
    }
  });
});
