import { stableHash } from '../parse/hash';
import type { MediaKind, Platform, PostCounts } from '../platforms/types';
import { countsChanged, engagementOf, growthOf, hasKnownCount, mergeCounts, pickCounts } from '../library/counts';
import { inspirationSearchTerms as searchTermsOf } from '../search/terms';
import { reindexInspirations } from './library-index';
import { postKey, type InspirationRow, type MetricSnapshotRow, type PostKey, type PostRow, type SocialDeskDB } from './schema';

/**
 * The inspiration library's write path: saving a post (from the feed's Save
 * action, the panel or manual mode), editing its tags and note, snapshotting
 * its counts when it is seen again, and deleting it. Snapshots of saved posts
 * are stored with `own: false`, so they never count in the weekly numbers (an
 * own post's counts are snapshotted by capture, lib/db/capture.ts).
 */

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

/** A saved post's counts read again in the feed. */
export interface Sighting {
  platform: Platform;
  postId: string;
  counts: PostCounts;
}

export const MAX_TAGS = 30;
const TAG_CHARS = 60;

export function inspirationPostId(input: Pick<InspirationInput, 'postId' | 'url'>): string {
  return input.postId ?? `url:${stableHash([input.url])}`;
}

/** Query parameters that name the post itself (YouTube's `v`, Facebook's permalink ids); all others are tracking or view state. */
const ID_PARAMS = new Set(['v', 'story_fbid', 'fbid', 'id']);

/**
 * A post's address in one form, to recognise the same post saved from a link
 * (manual mode, the context menu) and from the feed: lower-case host without
 * `www.`/`m.`, no trailing slash, no hash, only the query parameters that name it.
 */
export function comparableUrl(url: string): string | null {
  try {
    const u = new URL(url);
    const params = [...u.searchParams].filter(([k]) => ID_PARAMS.has(k)).sort(([a], [b]) => a.localeCompare(b));
    const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
    return `${u.hostname.toLowerCase().replace(/^(www\.|m\.|mobile\.)/, '')}${u.pathname.replace(/\/+$/, '')}${query}`;
  } catch {
    return null;
  }
}

/** The saved post of this platform at the same address, if any (a scan of one platform's saved posts: manual saves are rare). */
async function savedAtUrl(db: SocialDeskDB, platform: Platform, url: string): Promise<InspirationRow | undefined> {
  const wanted = comparableUrl(url);
  if (wanted === null) return undefined;
  return db.inspirations
    .where('platform')
    .equals(platform)
    .filter((row) => comparableUrl(row.url) === wanted)
    .first();
}

/** Tags as stored: trimmed, without a leading `#`, lower-cased, unique, at most 30. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().replace(/^#+/, '').trim().slice(0, TAG_CHARS).toLowerCase()).filter(Boolean))].slice(0, MAX_TAGS);
}

/** The count fields of a row after a new reading (or none). */
function countFields(old: InspirationRow | undefined, reading: PostCounts | null, now: number) {
  const previous = old?.counts ?? null;
  if (!hasKnownCount(reading)) {
    return {
      countsAtSave: old?.countsAtSave ?? null,
      counts: previous,
      countsAt: old?.countsAt ?? null,
      engagement: engagementOf(previous),
      growth: growthOf(old?.countsAtSave, previous),
    };
  }
  const counts = mergeCounts(previous, pickCounts(reading));
  const countsAtSave = old?.countsAtSave ?? counts;
  return { countsAtSave, counts, countsAt: now, engagement: engagementOf(counts), growth: growthOf(countsAtSave, counts) };
}

function snapshotOf(key: PostKey, platform: Platform, counts: PostCounts, now: number): MetricSnapshotRow {
  return { postKey: key, platform, own: false, capturedAt: now, ...pickCounts(counts) };
}

/**
 * Saves a post to the inspiration library, or updates it when it was saved
 * before (never a duplicate), adding a count snapshot when its counts changed.
 * Tags and note are replaced only when given; a link to media, the author's
 * profile and the published time are kept when the new reading has none.
 */
export async function saveInspiration(db: SocialDeskDB, input: InspirationInput, now: number): Promise<InspirationRow & { created: boolean }> {
  // Saved by its address (a link or a page, without the platform's id): the same post saved before, from
  // the feed or by the same address, is updated. Over a post the feed read, what the feed read stays (the
  // tags are added, the note replaced if given); over a page saved by address, the new save counts as usual.
  if (input.postId === null) {
    const known = await savedAtUrl(db, input.platform, input.url);
    if (known && known.postId.startsWith('url:')) return saveInspiration(db, { ...input, postId: known.postId }, now);
    if (known) {
      return saveInspiration(
        db,
        {
          ...input,
          postId: known.postId,
          url: known.url,
          authorName: known.authorName,
          authorUrl: known.authorUrl,
          text: known.text || input.text,
          mediaKind: known.mediaKind,
          tags: [...known.tags, ...(input.tags ?? [])],
          note: input.note?.trim() ? input.note : known.note,
          savedFromUrl: known.savedFromUrl,
        },
        now,
      );
    }
  }
  const id = inspirationPostId(input);
  const key = postKey(input.platform, id);
  let site: string | null = null;
  try {
    site = input.platform === 'other' ? new URL(input.url).hostname : null;
  } catch {
    site = null;
  }
  return db.transaction('rw', [db.inspirations, db.posts, db.metricSnapshots, db.libraryIndex], async () => {
    const [old, post] = await Promise.all([db.inspirations.get(key), db.posts.get(key)]);
    const tags = input.tags ? cleanTags(input.tags) : (old?.tags ?? []);
    const note = input.note ?? old?.note ?? '';
    const isOwn = post?.isOwn ?? false;
    const base = {
      key,
      platform: input.platform,
      postId: id,
      url: input.url,
      authorName: input.authorName,
      authorUrl: input.authorUrl ?? old?.authorUrl ?? null,
      text: input.text,
      mediaKind: input.mediaKind === 'unknown' && old ? old.mediaKind : input.mediaKind,
      mediaUrl: input.mediaUrl ?? old?.mediaUrl ?? null,
      publishedAt: input.publishedAt ?? old?.publishedAt ?? post?.publishedAt ?? null,
      savedFromUrl: input.savedFromUrl,
      site,
      savedAt: old?.savedAt ?? now,
      updatedAt: now,
      tags,
      note,
    };
    const row: InspirationRow = { ...base, searchTerms: searchTermsOf(base), ...countFields(old, input.counts, now) };
    await db.inspirations.put(row);
    await reindexInspirations(db.libraryIndex, [{ before: old, after: row }]);

    const postRow: PostRow = {
      key,
      platform: input.platform,
      postId: id,
      url: input.url,
      authorName: input.authorName,
      authorUrl: row.authorUrl,
      isOwn,
      tracked: { ...(post?.tracked ?? { own: false, repliedOn: false }), saved: true },
      textExcerpt: input.text.slice(0, 500),
      mediaKind: row.mediaKind,
      // An own post's published time counts in the daily rollups: only capture changes it.
      publishedAt: isOwn || post?.publishedAt ? (post?.publishedAt ?? null) : row.publishedAt,
      publishedPrecision: isOwn || post?.publishedAt ? (post?.publishedPrecision ?? null) : row.publishedAt === null ? null : 'exact',
      firstSeenAt: post?.firstSeenAt ?? now,
      lastSeenAt: now,
    };
    await db.posts.put(postRow);

    // An own post's counts are snapshotted by capture, where they also count in the weekly numbers.
    if (!isOwn && hasKnownCount(input.counts) && countsChanged(old?.counts, input.counts)) {
      await db.metricSnapshots.add(snapshotOf(key, input.platform, input.counts, now));
    }
    return { ...row, created: !old };
  });
}

/** Replaces the tags and note of a saved post. Throws when it is not in the library. */
export async function editInspiration(db: SocialDeskDB, key: PostKey, tags: readonly string[], note: string, now: number): Promise<InspirationRow> {
  return db.transaction('rw', [db.inspirations, db.libraryIndex], async () => {
    const old = await db.inspirations.get(key);
    if (!old) throw new Error(`Not in the library: ${key}`);
    const base = { ...old, tags: cleanTags(tags), note, updatedAt: now };
    const row: InspirationRow = { ...base, searchTerms: searchTermsOf(base) };
    await db.inspirations.put(row);
    await reindexInspirations(db.libraryIndex, [{ before: old, after: row }]);
    return row;
  });
}

/**
 * Counts of posts seen in the feed: for those in the library, a snapshot when
 * a count changed (so the library can show how the post grew). Other posts are
 * ignored: nothing of them is stored. Resolves with the keys that are saved.
 */
export async function recordSightings(db: SocialDeskDB, sightings: readonly Sighting[], now: number): Promise<PostKey[]> {
  if (sightings.length === 0) return [];
  const keys = sightings.map((s) => postKey(s.platform, s.postId));
  return db.transaction('rw', [db.inspirations, db.posts, db.metricSnapshots], async () => {
    const rows = await db.inspirations.bulkGet(keys);
    const saved: PostKey[] = [];
    const changed: InspirationRow[] = [];
    const snapshots: MetricSnapshotRow[] = [];
    const latest = new Map<PostKey, InspirationRow>();
    for (const [i, sighting] of sightings.entries()) {
      const key = keys[i] as PostKey;
      const row = latest.get(key) ?? rows[i];
      if (!row) continue;
      if (!latest.has(key)) saved.push(key);
      latest.set(key, row);
      if (!hasKnownCount(sighting.counts) || !countsChanged(row.counts, sighting.counts)) continue;
      const next: InspirationRow = { ...row, ...countFields(row, sighting.counts, now) };
      latest.set(key, next);
      changed.push(next);
      snapshots.push(snapshotOf(key, row.platform, sighting.counts, now));
    }
    if (changed.length === 0) return saved;
    const posts = await db.posts.bulkGet(changed.map((r) => r.key));
    const own = new Set(posts.filter((p): p is PostRow => !!p && p.isOwn).map((p) => p.key));
    await db.inspirations.bulkPut([...new Map(changed.map((r) => [r.key, r])).values()]);
    await db.metricSnapshots.bulkAdd(snapshots.filter((s) => !own.has(s.postKey)));
    const seen = posts.filter((p): p is PostRow => !!p).map((p) => ({ ...p, lastSeenAt: now }));
    if (seen.length) await db.posts.bulkPut(seen);
    return saved;
  });
}

/**
 * Removes posts from the library with what was kept only because they were
 * saved: their count history and their posts row. A post that is also the
 * user's own or one they replied on keeps its row (no longer marked saved) and
 * its own snapshots. No daily rollup changes: saved posts never counted there.
 */
export async function deleteInspirations(db: SocialDeskDB, keys: readonly PostKey[]): Promise<number> {
  if (keys.length === 0) return 0;
  return db.transaction('rw', [db.inspirations, db.posts, db.metricSnapshots, db.libraryIndex], async () => {
    const rows = (await db.inspirations.bulkGet([...keys])).filter((r): r is InspirationRow => !!r);
    const existing = rows.map((r) => r.key);
    if (existing.length === 0) return 0;
    await db.inspirations.bulkDelete(existing);
    await reindexInspirations(
      db.libraryIndex,
      rows.map((before) => ({ before, after: undefined })),
    );
    const posts = await db.posts.bulkGet(existing);
    const keep: PostRow[] = [];
    const drop: PostKey[] = [];
    for (const p of posts) {
      if (!p) continue;
      if (p.isOwn || p.tracked.own || p.tracked.repliedOn) keep.push({ ...p, tracked: { ...p.tracked, saved: false } });
      else drop.push(p.key);
    }
    if (keep.length) await db.posts.bulkPut(keep);
    if (drop.length) await db.posts.bulkDelete(drop);
    await db.metricSnapshots
      .where('postKey')
      .anyOf(existing)
      .filter((s) => !s.own)
      .delete();
    return existing.length;
  });
}
