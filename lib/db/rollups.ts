import Dexie from 'dexie';
import { dayKey } from '../stats/days';
import type { Platform } from '../platforms/types';
import {
  emptyRollup,
  OPEN_COMMENTS_DAY,
  type DailyRollupRow,
  type InteractionRow,
  type PostGain,
  type MetricSnapshotRow,
  type PostRow,
  type SocialDeskDB,
} from './schema';

/**
 * Daily rollups are a cache of the raw log, kept exact by one rule: every write
 * of a row subtracts what the old row contributed and adds what the new row
 * contributes, in the same transaction. `replaceRollupsFromLog` recomputes them from
 * the raw tables with the same contribution functions, so the two agree.
 */

type CountField = Exclude<keyof DailyRollupRow, 'day' | 'platform' | 'responseTimesMs' | 'postGains'>;

export type Contribution =
  | { day: string; platform: Platform; field: CountField; amount: number }
  | { day: string; platform: Platform; field: 'responseTimesMs'; value: number }
  | { day: string; platform: Platform; field: 'postGains'; postKey: string; count: keyof PostGain; amount: number };

export interface RollupContext {
  timeZone: string;
}

/** A first snapshot counts as gained engagement only for a post this recent; older posts start a baseline. */
export const FRESH_POST_MS = 7 * 24 * 3600 * 1000;

export function interactionContributions(row: InteractionRow, ctx: RollupContext): Contribution[] {
  const day = dayKey(row.occurredAt, ctx.timeZone);
  const platform = row.platform;
  switch (row.kind) {
    case 'comment_received': {
      const out: Contribution[] = [{ day, platform, field: 'commentsReceived', amount: 1 }];
      if (row.status === 'replied') out.push({ day, platform, field: 'commentsAnswered', amount: 1 });
      if (row.status === 'open') {
        out.push({ day, platform, field: 'commentsOpen', amount: 1 });
        // Still waiting for a reply: also counted on the platform's open-comments row (lib/db/schema.ts OPEN_COMMENTS_DAY).
        out.push({ day: OPEN_COMMENTS_DAY, platform, field: 'commentsReceived', amount: 1 });
      }
      if (row.status === 'dismissed') out.push({ day, platform, field: 'commentsDismissed', amount: 1 });
      return out;
    }
    case 'reply_sent': {
      const out: Contribution[] = [{ day, platform, field: 'repliesSent', amount: 1 }];
      if (row.responseMs !== null) out.push({ day, platform, field: 'responseTimesMs', value: row.responseMs });
      return out;
    }
    case 'mention':
      return [{ day, platform, field: 'mentions', amount: 1 }];
    case 'manual':
      return [];
  }
}

export function postContributions(row: PostRow, ctx: RollupContext): Contribution[] {
  if (!row.isOwn || row.publishedAt === null) return [];
  return [{ day: dayKey(row.publishedAt, ctx.timeZone), platform: row.platform, field: 'postsPublished', amount: 1 }];
}

const SNAPSHOT_FIELDS = [
  ['reactions', 'reactionsGained'],
  ['comments', 'commentsGained'],
  ['shares', 'sharesGained'],
  ['views', 'viewsGained'],
] as const;

/**
 * What a new snapshot adds: the change since the post's previous known value of
 * each count, on the day it was seen. Unknown counts (null) add nothing.
 */
export function snapshotContributions(
  snap: MetricSnapshotRow,
  previous: MetricSnapshotRow | undefined,
  postPublishedAt: number | null,
  ctx: RollupContext,
): Contribution[] {
  if (!snap.own) return [];
  const day = dayKey(snap.capturedAt, ctx.timeZone);
  const fresh = postPublishedAt !== null && snap.capturedAt - postPublishedAt <= FRESH_POST_MS;
  const out: Contribution[] = [];
  for (const [count, field] of SNAPSHOT_FIELDS) {
    const now = snap[count];
    if (now === null) continue;
    const before = previous ? previous[count] : null;
    const base = before ?? (previous || !fresh ? null : 0);
    if (base === null || now === base) continue;
    out.push({ day, platform: snap.platform, field, amount: now - base });
    // The same gain per post, for the week's top posts (views are reach, not engagement).
    if (count !== 'views') out.push({ day, platform: snap.platform, field: 'postGains', postKey: snap.postKey, count, amount: now - base });
  }
  return out;
}

/** Adds (sign 1) or takes away (sign -1) one contribution on its row; a post's gain that nets to zero is dropped. */
function applyTo(row: DailyRollupRow, c: Contribution, sign: 1 | -1) {
  if (c.field === 'responseTimesMs') {
    if (sign === 1) row.responseTimesMs.push(c.value);
    else {
      const at = row.responseTimesMs.indexOf(c.value);
      if (at >= 0) row.responseTimesMs.splice(at, 1);
    }
  } else if (c.field === 'postGains') {
    const gain = (row.postGains[c.postKey] ??= { reactions: 0, comments: 0, shares: 0 });
    gain[c.count] += sign * c.amount;
    if (gain.reactions === 0 && gain.comments === 0 && gain.shares === 0) delete row.postGains[c.postKey];
  } else if (c.field === 'commentsOpen' || c.field === 'commentsDismissed') {
    // A row from before these counts existed stays without them until fillStatusCounts counts them whole.
    const before = row[c.field];
    if (before !== undefined) row[c.field] = before + sign * c.amount;
  } else {
    row[c.field] += sign * c.amount;
  }
}

/** Applies `added` minus `removed` to the rollup rows. Call inside a transaction that includes dailyRollups. */
export async function applyContributions(db: SocialDeskDB, added: Contribution[], removed: Contribution[] = []) {
  if (added.length === 0 && removed.length === 0) return;
  const rows = new Map<string, DailyRollupRow>();
  const keyOf = (c: Contribution) => `${c.day}|${c.platform}`;
  const wanted = new Map<string, [string, Platform]>();
  for (const c of [...added, ...removed]) wanted.set(keyOf(c), [c.day, c.platform]);
  const keys = [...wanted.values()];
  const existing = await db.dailyRollups.bulkGet(keys);
  keys.forEach((k, i) => rows.set(`${k[0]}|${k[1]}`, existing[i] ?? emptyRollup(k[0], k[1])));
  const apply = (c: Contribution, sign: 1 | -1) => applyTo(rows.get(keyOf(c)) as DailyRollupRow, c, sign);
  for (const c of removed) apply(c, -1);
  for (const c of added) apply(c, 1);
  const all = [...rows.values()];
  // A day that nets out to nothing has no row, exactly as a rebuild would give.
  const empty = all.filter(isEmptyRollup);
  await db.dailyRollups.bulkPut(all.filter((r) => !isEmptyRollup(r)));
  if (empty.length) await db.dailyRollups.bulkDelete(empty.map((r) => [r.day, r.platform] as [string, Platform]));
}

function isEmptyRollup(row: DailyRollupRow): boolean {
  return (
    row.responseTimesMs.length === 0 &&
    row.commentsReceived === 0 &&
    row.repliesSent === 0 &&
    row.mentions === 0 &&
    row.commentsAnswered === 0 &&
    !row.commentsOpen &&
    !row.commentsDismissed &&
    row.reactionsGained === 0 &&
    row.commentsGained === 0 &&
    row.sharesGained === 0 &&
    row.viewsGained === 0 &&
    row.postsPublished === 0 &&
    Object.keys(row.postGains).length === 0
  );
}

/** Whether the row was written before `commentsOpen` and `commentsDismissed` existed (fillStatusCounts gives it them). */
export function lacksStatusCounts(row: DailyRollupRow): boolean {
  return row.commentsOpen === undefined || row.commentsDismissed === undefined;
}

/**
 * Gives rows written before `commentsOpen` and `commentsDismissed` existed their counts, from the log, in one
 * transaction with the interactions (no status can change in between), with the days in `ctx`'s time zone as
 * every rollup has them. Returns how many rows it completed; 0 when none lacked them.
 */
export async function fillStatusCounts(db: SocialDeskDB, ctx: RollupContext): Promise<number> {
  return db.transaction('rw', [db.interactions, db.dailyRollups], async () => {
    // The open-comments rows (OPEN_COMMENTS_DAY) get zeros, as a rebuild gives them.
    const legacy = await db.dailyRollups.filter(lacksStatusCounts).toArray();
    if (legacy.length === 0) return 0;
    const counts = new Map<string, { open: number; dismissed: number }>();
    for (const status of ['open', 'dismissed'] as const) {
      await db.interactions
        .where('[status+occurredAt]')
        .between([status, Dexie.minKey], [status, Dexie.maxKey])
        .each((row) => {
          if (row.kind !== 'comment_received') return;
          const key = `${dayKey(row.occurredAt, ctx.timeZone)}|${row.platform}`;
          const entry = counts.get(key) ?? { open: 0, dismissed: 0 };
          entry[status]++;
          counts.set(key, entry);
        });
    }
    for (const row of legacy) {
      const entry = counts.get(`${row.day}|${row.platform}`);
      row.commentsOpen = entry?.open ?? 0;
      row.commentsDismissed = entry?.dismissed ?? 0;
    }
    await db.dailyRollups.bulkPut(legacy);
    return legacy.length;
  });
}

/** Comments still waiting for an answer on every platform: the sum of the rollups' open-comments rows (OPEN_COMMENTS_DAY). */
export async function countOpenComments(db: SocialDeskDB): Promise<number> {
  const rows = await db.dailyRollups.where('day').equals(OPEN_COMMENTS_DAY).toArray();
  return rows.reduce((sum, r) => sum + r.commentsReceived, 0);
}

/** Recomputes every rollup from the raw log (after a time-zone change, an import, or to check them). */
export async function computeRollupsFromLog(db: SocialDeskDB, ctx: RollupContext): Promise<DailyRollupRow[]> {
  const all = await db.transaction('r', [db.interactions, db.posts, db.metricSnapshots], () => collectAll(db, ctx));
  const rows = new Map<string, DailyRollupRow>();
  for (const c of all) {
    const k = `${c.day}|${c.platform}`;
    let row = rows.get(k);
    if (!row) rows.set(k, (row = emptyRollup(c.day, c.platform)));
    applyTo(row, c, 1);
  }
  return [...rows.values()].filter((r) => !isEmptyRollup(r)).sort((a, b) => (a.day + a.platform).localeCompare(b.day + b.platform));
}

async function collectAll(db: SocialDeskDB, ctx: RollupContext): Promise<Contribution[]> {
  const all: Contribution[] = [];
  await db.interactions.each((row) => void all.push(...interactionContributions(row, ctx)));
  const published = new Map<string, number | null>();
  await db.posts.each((row) => {
    published.set(row.key, row.publishedAt);
    all.push(...postContributions(row, ctx));
  });
  let previous: MetricSnapshotRow | undefined;
  await db.metricSnapshots.orderBy('[postKey+capturedAt]').each((snap) => {
    const prev = previous && previous.postKey === snap.postKey ? previous : undefined;
    all.push(...snapshotContributions(snap, prev, published.get(snap.postKey) ?? null, ctx));
    previous = snap;
  });
  return all;
}

/**
 * Recomputes the rollups from the raw log and replaces them, in one rw
 * transaction, so no write can slip in between. Called inside a caller's
 * transaction (an import, a cleanup) it joins it: the rollups then change
 * together with the rows, or not at all.
 */
export async function replaceRollupsFromLog(db: SocialDeskDB, ctx: RollupContext): Promise<void> {
  await db.transaction('rw', [db.interactions, db.posts, db.metricSnapshots, db.dailyRollups], async () => {
    const rows = await computeRollupsFromLog(db, ctx);
    await db.dailyRollups.clear();
    await db.dailyRollups.bulkPut(rows);
  });
}
