import Dexie from 'dexie';
import type { ExtractedComment, ExtractedPost, PageReading } from '../platforms/types';
import type { CaptureResult } from '../messaging/protocol';
import { sameProfile } from '../profiles';
import {
  applyContributions,
  interactionContributions,
  postContributions,
  snapshotContributions,
  type Contribution,
  type RollupContext,
} from './rollups';
import { applyPendingTemplate } from './replies';
import { postKey, type InteractionRow, type MetricSnapshotRow, type PostRow, type SocialDeskDB } from './schema';

export interface CaptureContext extends RollupContext {
  now: number;
  /** The user's own profile url on this platform, from settings (null: unknown, nothing is "own"). */
  ownProfileUrl: string | null;
}

const EXCERPT_CHARS = 500;

export function interactionId(platform: string, kind: InteractionRow['kind'], itemId: string): string {
  return `${platform}:${kind}:${itemId}`;
}

function precisionRank(p: string): number {
  return ['exact', 'minute', 'hour', 'day', 'week', 'month', 'year', 'captured'].indexOf(p);
}

function postRowFrom(post: ExtractedPost, old: PostRow | undefined, now: number, own: boolean): PostRow {
  const keepOldTime = old && old.publishedAt !== null && post.publishedAt && precisionRank(old.publishedPrecision ?? 'captured') <= precisionRank(post.publishedAt.precision);
  return {
    key: postKey(post.platform, post.postId),
    platform: post.platform,
    postId: post.postId,
    url: post.url,
    authorName: post.author.name,
    authorUrl: post.author.profileUrl,
    isOwn: own || (old?.isOwn ?? false),
    tracked: own
      ? { ...(old?.tracked ?? { saved: false, repliedOn: false }), own: true }
      : { ...(old?.tracked ?? { own: false, saved: false }), repliedOn: true },
    textExcerpt: post.text.slice(0, EXCERPT_CHARS),
    mediaKind: post.mediaKind,
    // A relative label ("2d") read again drifts; keep the first reading unless the new one is more precise.
    publishedAt: keepOldTime ? old.publishedAt : (post.publishedAt?.at ?? old?.publishedAt ?? null),
    publishedPrecision: keepOldTime ? old.publishedPrecision : (post.publishedAt?.precision ?? old?.publishedPrecision ?? null),
    firstSeenAt: old?.firstSeenAt ?? now,
    lastSeenAt: now,
  };
}

function interactionFrom(comment: ExtractedComment, kind: InteractionRow['kind'], old: InteractionRow | undefined, now: number): InteractionRow {
  const time = comment.time;
  const keepOldTime = old && (!time || precisionRank(old.occurredPrecision) <= precisionRank(time.precision));
  return {
    id: interactionId(comment.platform, kind, comment.commentId),
    kind,
    platform: comment.platform,
    postKey: postKey(comment.platform, comment.postId),
    platformItemId: comment.commentId,
    parentItemId: comment.parentId,
    actorName: comment.author.name,
    actorUrl: comment.author.profileUrl,
    text: comment.text,
    occurredAt: keepOldTime ? old.occurredAt : (time?.at ?? now),
    occurredPrecision: keepOldTime ? old.occurredPrecision : (time?.precision ?? 'captured'),
    capturedAt: old?.capturedAt ?? now,
    status: old?.status ?? (kind === 'comment_received' ? 'open' : 'none'),
    repliedById: old?.repliedById ?? null,
    inReplyToId: old?.inReplyToId ?? null,
    responseMs: old?.responseMs ?? null,
    templateId: old?.templateId ?? null,
    site: null,
  };
}

/** How many more keys than asked for a span of ids may hold before its ids are read one by one. */
const SPAN_SLACK = 32;

/**
 * The stored rows for these ids (undefined where there is none), in as few requests as the ids allow.
 * A page's comments on one post have ids that mostly sort together (`linkedin:comment_received:urn:li:comment:(activity:<post>,…)`),
 * so the span of each id prefix (platform and kind) is asked for its keys first, up to a bound. The ids
 * not among those keys are new: a first capture of 200 comments costs one request instead of 200 gets
 * (each a round trip to the database's backend). The stored ones are then read as the span (one more
 * request) when it holds few other rows, or one by one. A span crowded with other rows (ids that do not
 * sort by post) is read one id at a time, as a plain bulkGet would.
 */
export async function storedRows(table: SocialDeskDB['interactions'], ids: readonly string[]): Promise<(InteractionRow | undefined)[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const prefix = id.slice(0, id.indexOf(':', id.indexOf(':') + 1) + 1);
    const group = groups.get(prefix);
    if (group) group.push(id);
    else groups.set(prefix, [id]);
  }
  const found = new Map<string, InteractionRow>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      let lo = group[0] as string;
      let hi = lo;
      for (const id of group) {
        if (id < lo) lo = id;
        if (id > hi) hi = id;
      }
      const span = () => table.where(':id').between(lo, hi, true, true);
      const limit = group.length + SPAN_SLACK;
      const keys = (await span().limit(limit).primaryKeys()) as string[];
      let rows: (InteractionRow | undefined)[];
      if (keys.length >= limit) rows = await table.bulkGet(group);
      else {
        const wanted = new Set(group);
        const stored = keys.filter((k) => wanted.has(k));
        if (stored.length === 0) return;
        rows = keys.length <= 2 * stored.length ? await span().toArray() : await table.bulkGet(stored);
      }
      for (const row of rows) if (row) found.set(row.id, row);
    }),
  );
  return ids.map((id) => found.get(id));
}

function sameRow(a: object | undefined, b: object): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Stores what a page showed: the user's own posts (with a count snapshot when
 * the counts changed) and the comments under them, linking the user's replies
 * to the comments they answer, and other people's posts the user replied on
 * (with the user's replies only). One transaction: all or nothing, and the
 * daily rollups change with the rows. Other posts are read, never stored.
 */
export async function recordCapture(db: SocialDeskDB, reading: PageReading, ctx: CaptureContext): Promise<CaptureResult> {
  const mine = (url: string | null) => sameProfile(url, ctx.ownProfileUrl);
  const ownPosts = reading.posts.filter((p) => mine(p.author.profileUrl));
  const ownPostIds = new Set(ownPosts.map((p) => p.postId));
  const repliedOnIds = new Set(reading.comments.filter((c) => !ownPostIds.has(c.postId) && mine(c.author.profileUrl)).map((c) => c.postId));
  const repliedOnPosts = reading.posts.filter((p) => repliedOnIds.has(p.postId));
  const comments = reading.comments.filter((c) => ownPostIds.has(c.postId) || (repliedOnIds.has(c.postId) && mine(c.author.profileUrl)));
  // Parents before replies, so a reply finds the comment it answers.
  comments.sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));

  const ownKeys = ownPosts.map((p) => postKey(p.platform, p.postId));
  const ids = comments.map((c) =>
    interactionId(c.platform, mine(c.author.profileUrl) ? 'reply_sent' : 'comment_received', c.commentId),
  );

  return db.transaction('rw', [db.posts, db.metricSnapshots, db.interactions, db.dailyRollups], async () => {
    const added: Contribution[] = [];
    const removed: Contribution[] = [];
    let addedRows = 0;

    // Every read at once: each await in a transaction is a round trip to the database.
    const [oldPosts, oldRepliedOn, olds, lastSnapshots] = await Promise.all([
      db.posts.bulkGet(ownKeys),
      db.posts.bulkGet(repliedOnPosts.map((p) => postKey(p.platform, p.postId))),
      storedRows(db.interactions, ids),
      Promise.all(
        ownKeys.map((key) =>
          db.metricSnapshots
            .where('[postKey+capturedAt]')
            .between([key, Dexie.minKey], [key, Dexie.maxKey])
            .last(),
        ),
      ),
    ]);
    const newPosts: PostRow[] = [];
    const newSnapshots: MetricSnapshotRow[] = [];
    for (const [i, post] of ownPosts.entries()) {
      const old = oldPosts[i];
      const row = postRowFrom(post, old, ctx.now, true);
      newPosts.push(row);
      if (old) removed.push(...postContributions(old, ctx));
      else addedRows++;
      added.push(...postContributions(row, ctx));

      const last = lastSnapshots[i];
      const snap: MetricSnapshotRow = { postKey: row.key, platform: row.platform, own: true, capturedAt: ctx.now, ...post.counts };
      const changed = !last || (['reactions', 'comments', 'shares', 'views'] as const).some((k) => snap[k] !== null && snap[k] !== last[k]);
      if (changed) {
        newSnapshots.push(snap);
        added.push(...snapshotContributions(snap, last, row.publishedAt, ctx));
      }
    }
    for (const [i, post] of repliedOnPosts.entries()) {
      const old = oldRepliedOn[i];
      if (!old) addedRows++;
      newPosts.push(postRowFrom(post, old, ctx.now, false));
    }

    const rows = new Map<string, InteractionRow>();
    const before = new Map<string, InteractionRow | undefined>();
    for (const [i, comment] of comments.entries()) {
      const id = ids[i] as string;
      const old = olds[i];
      const kind = id.split(':')[1] as InteractionRow['kind'];
      before.set(id, old);
      rows.set(id, interactionFrom(comment, kind, rows.get(id) ?? old, ctx.now));
    }

    // Link each reply of the user to the comment it answers (read in one go when not on this page).
    const parentIdOf = (reply: InteractionRow) => interactionId(reply.platform, 'comment_received', reply.parentItemId as string);
    const unlinked = [...rows.values()].filter((r) => r.kind === 'reply_sent' && r.parentItemId !== null && r.inReplyToId === null);
    const elsewhere = [...new Set(unlinked.map(parentIdOf).filter((id) => !rows.has(id)))];
    const storedParents = elsewhere.length === 0 ? [] : await db.interactions.bulkGet(elsewhere);
    elsewhere.forEach((id, i) => {
      const stored = storedParents[i];
      if (!stored) return;
      before.set(id, stored);
      rows.set(id, { ...stored });
    });
    for (const reply of unlinked) {
      const parentId = parentIdOf(reply);
      const parent = rows.get(parentId);
      if (!parent) continue;
      const responseMs = Math.max(0, reply.occurredAt - parent.occurredAt);
      reply.inReplyToId = parentId;
      reply.responseMs = responseMs;
      // The template drafted for this comment (lib/db/replies.ts) is the one this reply was written from.
      applyPendingTemplate(reply, parent);
      if (parent.status !== 'replied') {
        parent.status = 'replied';
        parent.repliedById = reply.id;
        parent.responseMs = responseMs;
      }
    }

    const changed: InteractionRow[] = [];
    for (const [id, row] of rows) {
      const old = before.get(id);
      if (sameRow(old, row)) continue;
      if (old) removed.push(...interactionContributions(old, ctx));
      else addedRows++;
      added.push(...interactionContributions(row, ctx));
      changed.push(row);
    }
    // The writes, also at once (the transaction applies them in order, all or nothing).
    await Promise.all([
      db.posts.bulkPut(newPosts),
      newSnapshots.length === 0 ? null : db.metricSnapshots.bulkAdd(newSnapshots),
      db.interactions.bulkPut(changed),
      applyContributions(db, added, removed),
    ]);

    return {
      ownPostKeys: newPosts.filter((p) => p.isOwn).map((p) => p.key),
      comments: comments.map((c, i) => {
        const row = rows.get(ids[i] as string) as InteractionRow;
        return { commentId: c.commentId, interactionId: row.id, kind: row.kind, status: row.status };
      }),
      added: addedRows,
      ownProfileUrl: ctx.ownProfileUrl,
    };
  });
}

/** Marks a received comment dismissed ("no reply needed") or open again. */
export async function setCommentStatus(db: SocialDeskDB, id: string, status: 'open' | 'dismissed', ctx: RollupContext) {
  return db.transaction('rw', [db.interactions, db.dailyRollups], async () => {
    const old = await db.interactions.get(id);
    if (!old || old.kind !== 'comment_received') throw new Error(`No received comment ${id}`);
    if (old.status === 'replied') return old.status;
    const row = { ...old, status };
    await db.interactions.put(row);
    await applyContributions(db, interactionContributions(row, ctx), interactionContributions(old, ctx));
    return row.status;
  });
}
