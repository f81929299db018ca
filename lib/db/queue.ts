import Dexie from 'dexie';
import type { WaitingComment } from '../messaging/protocol';
import { excerptOf } from '../stats/summary';
import { byUrgency, classifyComment } from '../templates/classify';
import { countOpenComments } from './rollups';
import type { SocialDeskDB } from './schema';

/**
 * The reply queue across every platform, for the dashboard (the in-page panel
 * has its own for the page in view, lib/content/queue.ts): received comments
 * still waiting for an answer, most urgent first by the same rule as the panel
 * (questions and complaints, then other comments, then praise; older first).
 *
 * It reads the `limit` newest waiting comments only (an index range, not a
 * scan), so it stays fast however long the log; `total` (from the rollups'
 * open-comments rows) says how many wait in all, so the page can say when it
 * shows part of them.
 */
export async function listWaitingComments(db: SocialDeskDB, limit: number): Promise<{ total: number; items: WaitingComment[] }> {
  return db.transaction('r', [db.interactions, db.posts, db.dailyRollups], async () => {
    const range = db.interactions.where('[status+occurredAt]').between(['open', Dexie.minKey], ['open', Dexie.maxKey]);
    // The total comes from the per-platform open-comments rollup rows: counting the index range
    // instead took seconds with a million interactions (Chrome checks each entry against its row).
    const [total, rows] = await Promise.all([countOpenComments(db), range.reverse().limit(limit).toArray()]);
    const waiting = rows.filter((r) => r.kind === 'comment_received');
    const postKeys = [...new Set(waiting.flatMap((r) => (r.postKey === null ? [] : [r.postKey])))];
    const posts = new Map((await db.posts.bulkGet(postKeys)).flatMap((p) => (p ? [[p.key, p] as const] : [])));
    const items = waiting.map((r): WaitingComment => {
      const post = r.postKey === null ? undefined : posts.get(r.postKey);
      const c = classifyComment(r.text);
      return {
        interactionId: r.id,
        platform: r.platform,
        site: r.site,
        actorName: r.actorName,
        actorUrl: r.actorUrl,
        text: r.text,
        occurredAt: r.occurredAt,
        kind: c.kind,
        reasons: c.reasons,
        confidence: c.confidence,
        postKey: r.postKey,
        postUrl: post?.url ?? null,
        postExcerpt: post ? excerptOf(post.textExcerpt) : null,
      };
    });
    items.sort(byUrgency);
    return { total, items };
  });
}
