import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordCapture, setCommentStatus, storedRows } from '@/lib/db/capture';
import { computeRollupsFromLog } from '@/lib/db/rollups';
import { SocialDeskDB, type InteractionRow } from '@/lib/db/schema';
import { getWeekStats } from '@/lib/db/stats';
import { comment, interactionRow, ME, NOW, post, reading } from '@/test/builders';

const TZ = 'Asia/Taipei';
let db: SocialDeskDB;
let n = 0;

beforeEach(async () => {
  db = new SocialDeskDB(`capture-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const ctx = (over: { now?: number; ownProfileUrl?: string | null } = {}) => ({ now: NOW, timeZone: TZ, ownProfileUrl: ME, ...over });

async function rollupsMatchRebuild() {
  const stored = (await db.dailyRollups.toArray()).sort((a, b) => (a.day + a.platform).localeCompare(b.day + b.platform));
  expect(stored).toEqual(await computeRollupsFromLog(db, { timeZone: TZ }));
}

describe('recordCapture', () => {
  it('stores the own post, one snapshot and each comment once, however often it is captured', async () => {
    const r = reading([post('1')], [comment('c1', '1'), comment('c2', '1', { text: 'Love it 😍' })]);
    const first = await recordCapture(db, r, ctx());
    expect(first.added).toBe(3);
    const again = await recordCapture(db, r, ctx({ now: NOW + 60_000 }));
    expect(again.added).toBe(0);
    expect(await db.posts.count()).toBe(1);
    expect(await db.metricSnapshots.count()).toBe(1);
    expect(await db.interactions.count()).toBe(2);
    const stats = await getWeekStats(db, { now: NOW, timeZone: TZ, weekStart: 1 });
    expect(stats.thisWeek.commentsReceived).toBe(2);
    expect(stats.waiting).toBe(2);
    await rollupsMatchRebuild();
  });

  it('does not store other people’s posts or the comments under them', async () => {
    const theirs = post('9', { author: { name: 'Rival Roasters', profileUrl: 'https://www.linkedin.com/company/rival/' } });
    const result = await recordCapture(db, reading([theirs], [comment('c9', '9')]), ctx());
    expect(result.ownPostKeys).toEqual([]);
    expect(await db.posts.count()).toBe(0);
    expect(await db.interactions.count()).toBe(0);
  });

  it('stores nothing as own when the user’s profile is unknown', async () => {
    await recordCapture(db, reading([post('1')], [comment('c1', '1')]), ctx({ ownProfileUrl: null }));
    expect(await db.posts.count()).toBe(0);
  });

  it('adds a snapshot only when a count changed, and counts the gain', async () => {
    await recordCapture(db, reading([post('1')], []), ctx());
    await recordCapture(db, reading([post('1', { counts: { reactions: 10, comments: 2, shares: 1, views: null } })], []), ctx({ now: NOW + 1000 }));
    expect(await db.metricSnapshots.count()).toBe(1);
    await recordCapture(db, reading([post('1', { counts: { reactions: 15, comments: 2, shares: 3, views: null } })], []), ctx({ now: NOW + 2000 }));
    expect(await db.metricSnapshots.count()).toBe(2);
    const stats = await getWeekStats(db, { now: NOW, timeZone: TZ, weekStart: 1 });
    // A post published 2 days ago: its first counts are this week's gain too.
    expect(stats.thisWeek.reactionsGained).toBe(15);
    expect(stats.thisWeek.sharesGained).toBe(3);
    expect(stats.thisWeek.postsPublished).toBe(1);
    await rollupsMatchRebuild();
  });

  it('treats the first counts of an old post as a baseline, not a gain', async () => {
    const old = post('2', { publishedAt: { at: NOW - 60 * 86_400_000, precision: 'month' } });
    await recordCapture(db, reading([old], []), ctx());
    const stats = await getWeekStats(db, { now: NOW, timeZone: TZ, weekStart: 1 });
    expect(stats.thisWeek.reactionsGained).toBe(0);
  });

  it('an unknown count never becomes 0 and is not a change', async () => {
    await recordCapture(db, reading([post('1')], []), ctx());
    await recordCapture(db, reading([post('1', { counts: { reactions: null, comments: null, shares: null, views: null } })], []), ctx({ now: NOW + 1 }));
    expect(await db.metricSnapshots.count()).toBe(1);
  });

  it('links the user’s reply to the comment it answers and keeps the response time', async () => {
    const c = comment('c1', '1');
    const reply = comment('r1', '1', {
      parentId: 'c1',
      author: { name: 'Mei Lin', profileUrl: ME },
      text: '有的！',
      time: { at: NOW - 3_600_000, precision: 'hour' },
    });
    const result = await recordCapture(db, reading([post('1')], [reply, c]), ctx());
    expect(result.comments.find((x) => x.commentId === 'c1')?.status).toBe('replied');
    expect(result.comments.find((x) => x.commentId === 'r1')?.kind).toBe('reply_sent');
    const stored = await db.interactions.get('linkedin:comment_received:c1');
    expect(stored?.repliedById).toBe('linkedin:reply_sent:r1');
    expect(stored?.responseMs).toBe(2 * 3_600_000);
    const stats = await getWeekStats(db, { now: NOW, timeZone: TZ, weekStart: 1 });
    expect(stats.thisWeek).toMatchObject({ commentsReceived: 1, repliesSent: 1, commentsAnswered: 1, responseRate: 1, medianResponseMs: 7_200_000 });
    expect(stats.waiting).toBe(0);
    await rollupsMatchRebuild();
  });

  it('marks an earlier-captured comment replied when the reply shows up on a later visit', async () => {
    await recordCapture(db, reading([post('1')], [comment('c1', '1')]), ctx());
    const reply = comment('r1', '1', { parentId: 'c1', author: { name: 'Mei Lin', profileUrl: ME }, text: 'Thanks!' });
    await recordCapture(db, reading([post('1')], [reply]), ctx({ now: NOW + 3_600_000 }));
    expect((await db.interactions.get('linkedin:comment_received:c1'))?.status).toBe('replied');
    await rollupsMatchRebuild();
  });

  it('keeps the first reading of a relative time instead of letting it drift', async () => {
    await recordCapture(db, reading([post('1')], [comment('c1', '1')]), ctx());
    const later = comment('c1', '1', { time: { at: NOW - 2 * 3_600_000, precision: 'hour' } });
    await recordCapture(db, reading([post('1')], [later]), ctx({ now: NOW + 3_600_000 }));
    expect((await db.interactions.get('linkedin:comment_received:c1'))?.occurredAt).toBe(NOW - 3 * 3_600_000);
  });

  it('is all or nothing: a failing write leaves no partial rows', async () => {
    const bad = reading([post('1')], [comment('c1', '1')]);
    db.interactions.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(recordCapture(db, bad, ctx())).rejects.toThrow('disk full');
    expect(await db.posts.count()).toBe(0);
    expect(await db.metricSnapshots.count()).toBe(0);
    expect(await db.dailyRollups.count()).toBe(0);
  });

  it('does not double-count when two tabs capture the same page at once', async () => {
    const r = reading([post('1')], [comment('c1', '1'), comment('c2', '1')]);
    await Promise.all([recordCapture(db, r, ctx()), recordCapture(db, r, ctx()), recordCapture(db, r, ctx())]);
    expect(await db.interactions.count()).toBe(2);
    const stats = await getWeekStats(db, { now: NOW, timeZone: TZ, weekStart: 1 });
    expect(stats.thisWeek.commentsReceived).toBe(2);
    await rollupsMatchRebuild();
  });
});

describe('setCommentStatus', () => {
  it('dismisses and reopens a comment', async () => {
    await recordCapture(db, reading([post('1')], [comment('c1', '1')]), ctx());
    await setCommentStatus(db, 'linkedin:comment_received:c1', 'dismissed', { timeZone: TZ });
    expect((await getWeekStats(db, { now: NOW, timeZone: TZ, weekStart: 1 })).waiting).toBe(0);
    await setCommentStatus(db, 'linkedin:comment_received:c1', 'open', { timeZone: TZ });
    expect((await getWeekStats(db, { now: NOW, timeZone: TZ, weekStart: 1 })).waiting).toBe(1);
    await rollupsMatchRebuild();
  });

  it('refuses an unknown comment', async () => {
    await expect(setCommentStatus(db, 'linkedin:comment_received:nope', 'dismissed', { timeZone: TZ })).rejects.toThrow();
  });
});

describe('getWeekStats', () => {
  it('says when there is no data at all, for the empty state', async () => {
    const stats = await getWeekStats(db, { now: NOW, timeZone: TZ, weekStart: 1 });
    expect(stats.hasAnyData).toBe(false);
    // The whole week for the chart; the days after today stay empty.
    expect(stats.days.map((d) => d.day)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
  });

  it('compares with the same days of last week only', async () => {
    const lastWeek = NOW - 7 * 86_400_000;
    const lastWeekLater = NOW - 5 * 86_400_000; // Sunday of last week: outside "same days"
    await recordCapture(
      db,
      reading(
        [post('1')],
        [
          comment('a', '1', { time: { at: lastWeek, precision: 'day' } }),
          comment('b', '1', { time: { at: lastWeekLater, precision: 'day' } }),
          comment('c', '1'),
        ],
      ),
      ctx(),
    );
    const stats = await getWeekStats(db, { now: NOW, timeZone: TZ, weekStart: 1 });
    expect(stats.thisWeek.commentsReceived).toBe(1);
    expect(stats.lastWeekSameDays.commentsReceived).toBe(1);
  });
});

describe('posts the user replied on', () => {
  it('keeps someone else’s post the user replied on, with the user’s reply only', async () => {
    const theirs = post('7', { author: { name: 'Rival Roasters', profileUrl: 'https://www.linkedin.com/company/rival/' } });
    const r = reading(
      [theirs],
      [comment('x1', '7'), comment('x2', '7', { author: { name: 'Mei Lin', profileUrl: ME }, text: 'Congrats on the new shop!', parentId: null })],
    );
    const result = await recordCapture(db, r, ctx());
    expect(result.ownPostKeys).toEqual([]);
    const stored = await db.posts.get('linkedin:7');
    expect(stored).toMatchObject({ isOwn: false, tracked: { own: false, saved: false, repliedOn: true } });
    expect((await db.interactions.toArray()).map((i) => i.id)).toEqual(['linkedin:reply_sent:x2']);
    expect(await db.metricSnapshots.count()).toBe(0);
    await rollupsMatchRebuild();
  });
});

describe('storedRows', () => {
  /** A row for `id` (`platform:kind:item`), of that platform and kind. */
  const row = (id: string): InteractionRow => {
    const [platform, kind] = id.split(':') as [InteractionRow['platform'], InteractionRow['kind']];
    return interactionRow(id, { platform, kind, status: kind === 'comment_received' ? 'open' : 'none' });
  };
  /** A database that counts the reads of rows by id (getMany) and the range queries. */
  let counted: SocialDeskDB;
  let calls: { getMany: number; query: number };
  beforeEach(async () => {
    counted = new SocialDeskDB(`stored-rows-${n++}`);
    const seen = { getMany: 0, query: 0 };
    calls = seen;
    counted.use({
      stack: 'dbcore',
      name: 'count-reads',
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          return {
            ...t,
            getMany: (req) => (seen.getMany++, t.getMany(req)),
            query: (req) => (seen.query++, t.query(req)),
          };
        },
      }),
    });
    await counted.open();
  });
  afterEach(async () => {
    await counted.delete();
  });
  const post = (p: number, c: number, kind = 'comment_received') => `linkedin:${kind}:urn:li:comment:(activity:${p},${String(c).padStart(4, '0')})`;
  const read = (ids: string[]) => counted.transaction('r', counted.interactions, () => storedRows(counted.interactions, ids));
  const oneByOne = (ids: string[]) => Promise.all(ids.map((id) => counted.interactions.get(id)));

  it('finds a new post’s comments absent with one request, without reading them one by one', async () => {
    await counted.interactions.bulkPut([1, 2, 3].map((c) => row(post(1, c))).concat([1, 2].map((c) => row(post(3, c)))));
    const ids = Array.from({ length: 200 }, (_, c) => post(2, c));
    expect(await read(ids)).toEqual(ids.map(() => undefined));
    expect(calls).toEqual({ getMany: 0, query: 1 });
  });

  it('reads a post’s stored comments as their span, and gives each id its own row', async () => {
    const stored = Array.from({ length: 50 }, (_, c) => row(post(2, c * 2)));
    await counted.interactions.bulkPut([...stored, row(post(1, 7)), row(post(3, 7))]);
    // Stored and new ids, replies (another prefix, the user's), an id twice.
    const ids = [...Array.from({ length: 100 }, (_, c) => post(2, c)), post(2, 3, 'reply_sent'), post(2, 4)];
    await counted.interactions.put(row(post(2, 3, 'reply_sent')));
    const got = await read(ids);
    expect(got).toEqual(await oneByOne(ids));
    expect(got.filter(Boolean)).toHaveLength(52);
    expect(calls.getMany).toBe(0);
  });

  it('reads ids one by one when their span is crowded with other rows (ids that do not sort by post)', async () => {
    // Instagram-like: one post's comment ids spread among many other posts' comments.
    await counted.interactions.bulkPut(Array.from({ length: 400 }, (_, i) => row(`instagram:comment_received:${18000 + i * 5}`)));
    const ids = Array.from({ length: 20 }, (_, i) => `instagram:comment_received:${18000 + i * 100 + (i % 2)}`);
    const got = await read(ids);
    expect(got).toEqual(await oneByOne(ids));
    expect(got.filter(Boolean)).toHaveLength(10);
    expect(calls.getMany).toBe(1);
  });

  it('reads only the stored ones by id when the span holds more other rows than them', async () => {
    await counted.interactions.bulkPut([...Array.from({ length: 30 }, (_, c) => row(post(2, 100 + c))), row(post(2, 5))]);
    const ids = [post(2, 5), post(2, 200), post(2, 6)];
    expect(await read(ids)).toEqual([row(post(2, 5)), undefined, undefined]);
    expect(calls.getMany).toBe(1);
    expect(await read([])).toEqual([]);
  });
});
