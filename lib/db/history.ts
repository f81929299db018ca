import Dexie from 'dexie';
import type { ExportInteraction, ExportSnapshot, OwnPostView, PostHistory } from '../messaging/protocol';
import { excerptOf } from '../stats/summary';
import { compareKeys, INTERACTION_STATUSES, type InteractionRow, type PostRow, type SocialDeskDB } from './schema';

/**
 * Reads for the dashboard's history: the raw log and the count snapshots in
 * batches (a page asks for the next batch after the last key it got, so an
 * export of years of data never holds the whole table in one message), the
 * user's own posts, and one post's count history.
 */

/**
 * The `limit` newest interactions by when they happened (the time the log shows), newest first, ties by id.
 * Every row has one of the four statuses, so the newest of each status's `[status+occurredAt]` range, merged,
 * are the newest of all: `limit` rows read per status at most, however long the log.
 */
export async function latestInteractions(db: SocialDeskDB, limit: number): Promise<InteractionRow[]> {
  return db.transaction('r', db.interactions, async () => {
    const lists = await Promise.all(
      INTERACTION_STATUSES.map((status) => db.interactions.where('[status+occurredAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]).reverse().limit(limit).toArray()),
    );
    return lists
      .flat()
      .sort((a, b) => b.occurredAt - a.occurredAt || compareKeys(b.id, a.id))
      .slice(0, limit);
  });
}

export async function exportInteractionsBatch(db: SocialDeskDB, after: string | null, limit: number): Promise<{ rows: ExportInteraction[]; next: string | null }> {
  const query = after === null ? db.interactions.orderBy(':id') : db.interactions.where(':id').above(after);
  const rows = await query.limit(limit).toArray();
  const last = rows[rows.length - 1];
  return { rows, next: rows.length === limit && last ? last.id : null };
}

export async function exportSnapshotsBatch(db: SocialDeskDB, after: number | null, limit: number): Promise<{ rows: ExportSnapshot[]; next: number | null }> {
  return db.transaction('r', [db.metricSnapshots, db.posts], async () => {
    const query = after === null ? db.metricSnapshots.orderBy(':id') : db.metricSnapshots.where(':id').above(after);
    const snaps = await query.limit(limit).toArray();
    const keys = [...new Set(snaps.map((s) => s.postKey))];
    const posts = await db.posts.bulkGet(keys);
    const urls = new Map(keys.map((k, i) => [k, posts[i]?.url ?? null]));
    const rows = snaps.map((s) => ({
      id: s.id as number,
      postKey: s.postKey,
      postUrl: urls.get(s.postKey) ?? null,
      platform: s.platform,
      own: s.own,
      capturedAt: s.capturedAt,
      reactions: s.reactions,
      comments: s.comments,
      shares: s.shares,
      views: s.views,
    }));
    const last = rows[rows.length - 1];
    return { rows, next: rows.length === limit && last ? last.id : null };
  });
}

function sortTime(p: PostRow): number {
  return p.publishedAt ?? p.firstSeenAt;
}

function ownPostView(p: PostRow): OwnPostView {
  return {
    key: p.key,
    platform: p.platform,
    url: p.url,
    excerpt: excerptOf(p.textExcerpt, 120),
    publishedAt: p.publishedAt,
    firstSeenAt: p.firstSeenAt,
    cursor: [sortTime(p), p.key],
  };
}

/** The user's own posts, newest first (by publication, else first seen), after `before` when given. */
export async function listOwnPosts(db: SocialDeskDB, before: [number, string] | null, limit: number): Promise<{ posts: OwnPostView[]; more: boolean }> {
  // `isOwn` is a boolean, which IndexedDB cannot index: own posts are a filter over the posts table (hundreds, not millions).
  const own = await db.posts.filter((p) => p.isOwn).toArray();
  const newestFirst = (a: PostRow, b: PostRow) => sortTime(b) - sortTime(a) || b.key.localeCompare(a.key);
  own.sort(newestFirst);
  const after = before
    ? own.filter((p) => sortTime(p) < before[0] || (sortTime(p) === before[0] && p.key.localeCompare(before[1]) < 0))
    : own;
  return { posts: after.slice(0, limit).map(ownPostView), more: after.length > limit };
}

/** A post and every count snapshot of it, oldest first: its engagement curve. */
export async function postHistory(db: SocialDeskDB, key: string): Promise<PostHistory> {
  return db.transaction('r', [db.posts, db.metricSnapshots], async () => {
    const [post, snaps] = await Promise.all([
      db.posts.get(key),
      db.metricSnapshots.where('[postKey+capturedAt]').between([key, Dexie.minKey], [key, Dexie.maxKey]).toArray(),
    ]);
    return {
      post: post ? ownPostView(post) : null,
      snapshots: snaps.map((s) => ({ capturedAt: s.capturedAt, reactions: s.reactions, comments: s.comments, shares: s.shares, views: s.views })),
    };
  });
}
