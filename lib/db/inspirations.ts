import Dexie from 'dexie';
import { stableHash } from '../parse/hash';
import type { MediaKind, Platform, PostCounts } from '../platforms/types';
import { indexTerms } from '../search/terms';
import { postKey, type InspirationRow, type MetricSnapshotRow, type PostRow, type SocialDeskDB } from './schema';

export interface InspirationInput {
  platform: Platform;
  /** The platform's post id; derived from the url for sites without one. */
  postId: string | null;
  url: string;
  authorName: string;
  authorUrl: string | null;
  text: string;
  mediaKind: MediaKind;
  mediaUrl: string | null;
  publishedAt: number | null;
  counts: PostCounts | null;
  savedFromUrl: string;
  tags: string[] | null;
  note: string | null;
}

export function inspirationPostId(input: Pick<InspirationInput, 'postId' | 'url'>): string {
  return input.postId ?? `url:${stableHash([input.url])}`;
}

function cleanTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().replace(/^#/, '').toLowerCase()).filter(Boolean))].slice(0, 30);
}

/**
 * Saves a post to the inspiration library, or updates it when it was saved
 * before (never a duplicate), adding a count snapshot when its counts changed.
 * Tags and note are replaced only when given.
 */
export async function saveInspiration(db: SocialDeskDB, input: InspirationInput, now: number): Promise<InspirationRow> {
  const id = inspirationPostId(input);
  const key = postKey(input.platform, id);
  let site: string | null = null;
  try {
    site = input.platform === 'other' ? new URL(input.url).hostname : null;
  } catch {
    site = null;
  }
  return db.transaction('rw', [db.inspirations, db.posts, db.metricSnapshots], async () => {
    const old = await db.inspirations.get(key);
    const tags = input.tags ? cleanTags(input.tags) : (old?.tags ?? []);
    const note = input.note ?? old?.note ?? '';
    const row: InspirationRow = {
      key,
      platform: input.platform,
      postId: id,
      url: input.url,
      authorName: input.authorName,
      authorUrl: input.authorUrl,
      text: input.text,
      mediaKind: input.mediaKind,
      mediaUrl: input.mediaUrl,
      publishedAt: input.publishedAt ?? old?.publishedAt ?? null,
      savedFromUrl: input.savedFromUrl,
      site,
      savedAt: old?.savedAt ?? now,
      updatedAt: now,
      tags,
      note,
      searchTerms: indexTerms(input.text, note, input.authorName, site ?? '', ...tags),
    };
    await db.inspirations.put(row);

    const post = await db.posts.get(key);
    const postRow: PostRow = {
      key,
      platform: input.platform,
      postId: id,
      url: input.url,
      authorName: input.authorName,
      authorUrl: input.authorUrl,
      isOwn: post?.isOwn ?? false,
      tracked: { ...(post?.tracked ?? { own: false, repliedOn: false }), saved: true },
      textExcerpt: input.text.slice(0, 500),
      mediaKind: input.mediaKind,
      publishedAt: row.publishedAt,
      publishedPrecision: post?.publishedPrecision ?? (row.publishedAt === null ? null : 'exact'),
      firstSeenAt: post?.firstSeenAt ?? now,
      lastSeenAt: now,
    };
    await db.posts.put(postRow);

    // An own post's counts are snapshotted by capture, where they also count in the weekly numbers.
    if (!postRow.isOwn && input.counts && Object.values(input.counts).some((v) => v !== null)) {
      const last = await db.metricSnapshots.where('[postKey+capturedAt]').between([key, Dexie.minKey], [key, Dexie.maxKey]).last();
      const changed = !last || (['reactions', 'comments', 'shares', 'views'] as const).some((k) => input.counts![k] !== null && input.counts![k] !== last[k]);
      if (changed) {
        const snap: MetricSnapshotRow = { postKey: key, platform: input.platform, own: false, capturedAt: now, ...input.counts };
        await db.metricSnapshots.add(snap);
      }
    }
    return row;
  });
}
