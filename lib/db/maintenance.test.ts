import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ME, NOW, post, reading } from '@/test/builders';
import { SEED_TZ, seedDatabase } from '@/test/seed';
import { ALL_TABLES } from './backup-format';
import { recordCapture } from './capture';
import { cleanupSnapshots, deleteAllData, storageUsage } from './maintenance';
import { computeRollupsFromLog } from './rollups';
import { SocialDeskDB, type MetricSnapshotRow } from './schema';

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const SMALL = { captures: 3, inspirations: 5, bulkPosts: 20, bulkSnapshots: 60, bulkInteractions: 200, templates: 5 };

let db: SocialDeskDB;
let n = 0;
beforeEach(async () => {
  db = new SocialDeskDB(`maintenance-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const sorted = <T extends { day: string; platform: string }>(rows: T[]) => [...rows].sort((a, b) => (a.day + a.platform).localeCompare(b.day + b.platform));

describe('tables', () => {
  it('the backup and the storage view know every table of the database', () => {
    expect([...ALL_TABLES].sort()).toEqual(db.tables.map((t) => t.name).sort());
  });
});

describe('cleanupSnapshots', () => {
  const cutoff = NOW - YEAR;
  const snap = (postKey: string, capturedAt: number, reactions: number): MetricSnapshotRow => ({
    postKey,
    platform: 'linkedin',
    own: true,
    capturedAt,
    reactions,
    comments: 1,
    shares: null,
    views: null,
  });

  it('deletes old snapshots but each post’s latest before the cutoff, so later growth stays the same', async () => {
    // Posts published long ago; their counts grow over time.
    await recordCapture(db, reading([post('a', { publishedAt: { at: cutoff - 30 * DAY, precision: 'day' } }), post('b', { publishedAt: { at: cutoff - 30 * DAY, precision: 'day' } })], []), {
      now: cutoff - 20 * DAY,
      timeZone: SEED_TZ,
      ownProfileUrl: ME,
    });
    await db.metricSnapshots.bulkAdd([
      snap('linkedin:a', cutoff - 3 * DAY, 20),
      snap('linkedin:a', cutoff - 2 * DAY, 30),
      snap('linkedin:a', cutoff - DAY, 40),
      snap('linkedin:a', cutoff + DAY, 55),
      snap('linkedin:a', NOW - DAY, 70),
      snap('linkedin:b', cutoff - 5 * DAY, 12),
      snap('linkedin:c', NOW - 2 * DAY, 5),
    ]);
    await db.posts.put({ ...(await db.posts.get('linkedin:a'))!, key: 'linkedin:c', postId: 'c', publishedAt: NOW - 3 * DAY });
    const ctx = { timeZone: SEED_TZ };
    const before = await computeRollupsFromLog(db, ctx);
    const all = await db.metricSnapshots.toArray();

    const deleted = await cleanupSnapshots(db, YEAR, NOW, ctx);

    // a: the two oldest go (the snapshot from the capture, and 20, 30); b: the capture's goes, 12 stays; c is recent.
    expect(deleted).toBe(4);
    const left = await db.metricSnapshots.toArray();
    expect(left.map((s) => [s.postKey, s.reactions])).toEqual(
      all.filter((s) => s.capturedAt >= cutoff || s.reactions === 40 || s.reactions === 12).map((s) => [s.postKey, s.reactions]),
    );
    expect(left.filter((s) => s.postKey === 'linkedin:a').map((s) => s.reactions)).toEqual([40, 55, 70]);
    expect(left.filter((s) => s.postKey === 'linkedin:b').map((s) => s.reactions)).toEqual([12]);
    // The stored rollups are the log's, and nothing changed after the cutoff day.
    const after = await db.dailyRollups.toArray();
    expect(sorted(after)).toEqual(await computeRollupsFromLog(db, ctx));
    const cutoffDay = new Intl.DateTimeFormat('en-CA', { timeZone: SEED_TZ }).format(cutoff);
    expect(after.filter((r) => r.day > cutoffDay)).toEqual(before.filter((r) => r.day > cutoffDay));
    expect(after.find((r) => r.day > cutoffDay && r.reactionsGained === 15)).toBeDefined();
  });

  it('keeps a post’s only snapshot however old, and deletes nothing when nothing is old', async () => {
    await db.metricSnapshots.bulkAdd([snap('linkedin:z', cutoff - 10 * YEAR, 1), snap('linkedin:y', NOW, 2)]);
    expect(await cleanupSnapshots(db, YEAR, NOW, { timeZone: SEED_TZ })).toBe(0);
    expect(await db.metricSnapshots.count()).toBe(2);
  });
});

describe('deleteAllData', () => {
  it('empties every table', async () => {
    await seedDatabase(db, SMALL);
    const total = (await Promise.all(db.tables.map((t) => t.count()))).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(300);
    expect(await deleteAllData(db)).toBe(total);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });

  it('is all or nothing', async () => {
    await seedDatabase(db, SMALL);
    const counts = await Promise.all(db.tables.map((t) => t.count()));
    const proto = Object.getPrototypeOf(db.templates) as { clear(this: { name: string }): Promise<void> };
    const clear = proto.clear;
    // The fourth table fails, after three were cleared in the same transaction.
    vi.spyOn(proto, 'clear').mockImplementation(function (this: { name: string }) {
      return this.name === 'templates' ? Promise.reject(new Error('disk error')) : clear.call(this);
    });
    await expect(deleteAllData(db)).rejects.toThrow('disk error');
    expect(await Promise.all(db.tables.map((t) => t.count()))).toEqual(counts);
  });
});

describe('storageUsage', () => {
  it('counts the rows of every table and reports the browser’s estimate', async () => {
    await seedDatabase(db, SMALL);
    vi.stubGlobal('navigator', { ...navigator, storage: { estimate: async () => ({ usage: 5_242_880, quota: 1_073_741_824 }) } });
    const usage = await storageUsage(db);
    expect(Object.keys(usage.tables).sort()).toEqual([...ALL_TABLES].sort());
    expect(usage.tables.templates).toBe(5);
    expect(usage.tables.interactions).toBe(await db.interactions.count());
    expect(usage).toMatchObject({ usage: 5_242_880, quota: 1_073_741_824 });
    vi.unstubAllGlobals();
  });

  it('still counts rows where the browser gives no estimate', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: undefined });
    expect(await storageUsage(db)).toMatchObject({ tables: { posts: 0 }, usage: null, quota: null });
    vi.unstubAllGlobals();
  });
});
