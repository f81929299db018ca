import { ALL_TABLES, type StorageUsage } from './backup-format';
import { replaceRollupsFromLog, type RollupContext } from './rollups';
import type { MetricSnapshotRow, SocialDeskDB } from './schema';

/** Rows per table, and the bytes the browser says this extension uses out of what it may use. */
export async function storageUsage(db: SocialDeskDB): Promise<StorageUsage> {
  const counts = await db.transaction('r', ALL_TABLES.map((name) => db.table(name)), () =>
    Promise.all(ALL_TABLES.map(async (name) => [name, await db.table(name).count()] as const)),
  );
  let usage: number | null = null;
  let quota: number | null = null;
  // StorageManager is missing in some contexts (and in tests); the counts are still worth showing.
  if (typeof navigator !== 'undefined' && navigator.storage && typeof navigator.storage.estimate === 'function') {
    try {
      const estimate = await navigator.storage.estimate();
      usage = estimate.usage ?? null;
      quota = estimate.quota ?? null;
    } catch {
      // An estimate is optional information.
    }
  }
  return { tables: Object.fromEntries(counts) as StorageUsage['tables'], usage, quota };
}

/**
 * Deletes count snapshots taken before `now - olderThanMs`, except each post's
 * latest one before that time: it is the baseline the next snapshot's gain is
 * measured from, so growth after the cutoff stays exactly as it was. The
 * rollups are recomputed from the log in the same transaction (gains on days
 * before the cutoff go with their snapshots). Returns how many were deleted.
 */
export async function cleanupSnapshots(db: SocialDeskDB, olderThanMs: number, now: number, ctx: RollupContext): Promise<number> {
  const cutoff = now - olderThanMs;
  return db.transaction('rw', [db.metricSnapshots, db.posts, db.interactions, db.dailyRollups], async () => {
    const old = await db.metricSnapshots.where('capturedAt').below(cutoff).toArray();
    const latest = new Map<string, MetricSnapshotRow>();
    const later = (a: MetricSnapshotRow, b: MetricSnapshotRow) => a.capturedAt > b.capturedAt || (a.capturedAt === b.capturedAt && (a.id ?? 0) > (b.id ?? 0));
    for (const snap of old) {
      const kept = latest.get(snap.postKey);
      if (!kept || later(snap, kept)) latest.set(snap.postKey, snap);
    }
    const doomed = old.filter((snap) => latest.get(snap.postKey) !== snap).map((snap) => snap.id as number);
    if (doomed.length === 0) return 0;
    await db.metricSnapshots.bulkDelete(doomed);
    await replaceRollupsFromLog(db, ctx);
    return doomed.length;
  });
}

/** Empties every table in one transaction; returns how many rows there were. Settings are the caller's (lib/storage.ts). */
export async function deleteAllData(db: SocialDeskDB): Promise<number> {
  return db.transaction('rw', db.tables, async () => {
    let rows = 0;
    for (const table of db.tables) {
      rows += await table.count();
      await table.clear();
    }
    return rows;
  });
}
