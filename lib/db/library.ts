import Dexie from 'dexie';
import { engagementOf } from '../library/counts';
import type { Platform } from '../platforms/types';
import { normalise, queryTerms } from '../search/terms';
import type { InspirationRow, PostKey, SocialDeskDB } from './schema';

/**
 * The inspiration library's queries. Filters and search are answered from the
 * indexes alone (primary keys, never whole rows): the multi-entry
 * `*searchTerms` index for words and Chinese/Japanese/Korean bigrams, `*tags`,
 * `platform`, `authorName` and `savedAt`. Sorting walks the `savedAt`,
 * `engagement` or `growth` index, and only the page shown is read in full, so
 * a query costs about the same with ten thousand saved posts as with ten.
 */

export interface LibraryFilter {
  /** Free text: every word must be found (as a word prefix) in the text, note, author, site or tags. */
  query: string;
  /** Any of these platforms; empty = all. */
  platforms: Platform[];
  author: { platform: Platform; name: string } | null;
  /** Every one of these tags. */
  tags: string[];
  /** Saved at or after / at or before (epoch ms), or null. */
  savedFrom: number | null;
  savedTo: number | null;
}

export type LibrarySort = 'saved' | 'engagement' | 'growth';
export type SortDirection = 'desc' | 'asc';

export interface LibraryQuery {
  filter: LibraryFilter;
  sort: LibrarySort;
  direction: SortDirection;
  offset: number;
  limit: number;
}

/** A saved post as the library shows it (without its search terms). */
export type LibraryItem = Omit<InspirationRow, 'searchTerms'>;

export const EMPTY_FILTER: LibraryFilter = { query: '', platforms: [], author: null, tags: [], savedFrom: null, savedTo: null };

export function toItem(row: InspirationRow): LibraryItem {
  const { searchTerms: _terms, ...item } = row;
  void _terms;
  return item;
}

function intersect(a: Set<PostKey> | null, b: Iterable<PostKey>): Set<PostKey> {
  if (a === null) return new Set(b);
  const out = new Set<PostKey>();
  for (const k of b) if (a.has(k)) out.add(k);
  return out;
}

/** A Chinese/Japanese/Korean run of 3+ characters is looked up by its bigrams; these are checked as a whole afterwards. */
const LONG_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{3,}/gu;

/** The keys of every saved post the filter matches, or null when the filter matches everything. Call inside a transaction. */
async function matchingKeys(db: SocialDeskDB, filter: LibraryFilter): Promise<Set<PostKey> | null> {
  const lookups: Array<() => Promise<PostKey[]>> = [];
  for (const { term, prefix } of queryTerms(filter.query)) {
    lookups.push(() => (prefix ? db.inspirations.where('searchTerms').startsWith(term) : db.inspirations.where('searchTerms').equals(term)).primaryKeys());
  }
  for (const tag of filter.tags) lookups.push(() => db.inspirations.where('tags').equals(tag.toLowerCase()).primaryKeys());
  if (filter.platforms.length > 0) lookups.push(() => db.inspirations.where('platform').anyOf(filter.platforms).primaryKeys());
  const author = filter.author;
  if (author) {
    const prefix = `${author.platform}:`;
    lookups.push(async () => (await db.inspirations.where('authorName').equals(author.name).primaryKeys()).filter((k) => k.startsWith(prefix)));
  }
  if (filter.savedFrom !== null || filter.savedTo !== null) {
    const from = filter.savedFrom ?? Dexie.minKey;
    const to = filter.savedTo ?? Dexie.maxKey;
    lookups.push(() => db.inspirations.where('savedAt').between(from, to, true, true).primaryKeys());
  }
  if (lookups.length === 0) return null;

  let keys: Set<PostKey> | null = null;
  for (const lookup of lookups) {
    keys = intersect(keys, await lookup());
    if (keys.size === 0) return keys;
  }
  const found = keys ?? new Set<PostKey>();
  const longRuns = [...normalise(filter.query).matchAll(LONG_CJK)].map((m) => m[0]);
  if (longRuns.length === 0) return found;
  // Bigrams can all be there without the run itself: check the candidates as a whole.
  const exact = new Set<PostKey>();
  for (const row of await db.inspirations.bulkGet([...found])) {
    if (!row) continue;
    const fields = [row.text, row.note, row.authorName, row.site ?? '', ...row.tags].map(normalise);
    if (longRuns.every((run) => fields.some((f) => f.includes(run)))) exact.add(row.key);
  }
  return exact;
}

/** Every matching key in display order. Call inside a transaction. */
async function orderedKeys(db: SocialDeskDB, filter: LibraryFilter, sort: LibrarySort, direction: SortDirection): Promise<PostKey[]> {
  const keys = await matchingKeys(db, filter);
  // Nothing matches: no need to walk a sort index of every saved post.
  if (keys !== null && keys.size === 0) return [];
  const keep = (list: PostKey[]) => (keys === null ? list : list.filter((k) => keys.has(k)));
  const bySaved = async (dir: SortDirection) => {
    const list = await db.inspirations.orderBy('savedAt').primaryKeys();
    return keep(dir === 'desc' ? list.reverse() : list);
  };
  if (sort === 'saved') return bySaved(direction);
  // Posts whose engagement (or growth) is unknown are not in that index: they come last, newest saved first.
  const ranked = keep(await db.inspirations.orderBy(sort).primaryKeys());
  if (direction === 'desc') ranked.reverse();
  const inRanked = new Set(ranked);
  const rest = (await bySaved('desc')).filter((k) => !inRanked.has(k));
  return [...ranked, ...rest];
}

export async function queryLibrary(db: SocialDeskDB, q: LibraryQuery): Promise<{ total: number; items: LibraryItem[] }> {
  return db.transaction('r', [db.inspirations], async () => {
    const ordered = await orderedKeys(db, q.filter, q.sort, q.direction);
    const page = ordered.slice(q.offset, q.offset + q.limit);
    const rows = await db.inspirations.bulkGet(page);
    return { total: ordered.length, items: rows.filter((r): r is InspirationRow => !!r).map(toItem) };
  });
}

/** Every matching key, in display order (for "select all that match" and deleting a filter). */
export async function libraryKeys(db: SocialDeskDB, filter: LibraryFilter): Promise<PostKey[]> {
  return db.transaction('r', [db.inspirations], async () => orderedKeys(db, filter, 'saved', 'desc'));
}

/** Every matching saved post, newest saved first (for export). */
export async function libraryRows(db: SocialDeskDB, filter: LibraryFilter, sort: LibrarySort = 'saved', direction: SortDirection = 'desc'): Promise<LibraryItem[]> {
  return db.transaction('r', [db.inspirations], async () => {
    const ordered = await orderedKeys(db, filter, sort, direction);
    const out: LibraryItem[] = [];
    for (let i = 0; i < ordered.length; i += 500) {
      const rows = await db.inspirations.bulkGet(ordered.slice(i, i + 500));
      for (const r of rows) if (r) out.push(toItem(r));
    }
    return out;
  });
}

export interface LibraryFacets {
  total: number;
  platforms: Array<{ platform: Platform; count: number }>;
  tags: Array<{ tag: string; count: number }>;
  authors: Array<{ platform: Platform; name: string; count: number }>;
}

function platformOfKey(key: PostKey): Platform {
  return key.slice(0, key.indexOf(':')) as Platform;
}

const byCount = <T extends { count: number }>(label: (x: T) => string) => (a: T, b: T) => b.count - a.count || label(a).localeCompare(label(b));

/** What the filters offer: platforms, tags and authors with how many saved posts each has (from the indexes only). */
export async function libraryFacets(db: SocialDeskDB, maxAuthors = 1000, maxTags = 500): Promise<LibraryFacets> {
  return db.transaction('r', [db.inspirations], async () => {
    const total = await db.inspirations.count();
    const platforms = new Map<Platform, number>();
    for (const p of (await db.inspirations.orderBy('platform').keys()) as Platform[]) platforms.set(p, (platforms.get(p) ?? 0) + 1);
    const tags = new Map<string, number>();
    for (const t of (await db.inspirations.orderBy('tags').keys()) as string[]) tags.set(t, (tags.get(t) ?? 0) + 1);
    const authors = new Map<string, { platform: Platform; name: string; count: number }>();
    await db.inspirations.orderBy('authorName').eachKey((name, cursor) => {
      const platform = platformOfKey(String(cursor.primaryKey));
      const id = `${platform}\u0000${String(name)}`;
      const a = authors.get(id);
      if (a) a.count++;
      else authors.set(id, { platform, name: String(name), count: 1 });
    });
    return {
      total,
      platforms: [...platforms].map(([platform, count]) => ({ platform, count })).sort(byCount((x) => x.platform)),
      tags: [...tags].map(([tag, count]) => ({ tag, count })).sort(byCount((x) => x.tag)).slice(0, maxTags),
      authors: [...authors.values()].sort(byCount((x) => x.name)).slice(0, maxAuthors),
    };
  });
}

export interface AuthorSummary {
  platform: Platform;
  name: string;
  /** A profile url from one of the saved posts, when the page showed one. */
  url: string | null;
  saved: number;
  /** Average engagement of their saved posts whose engagement is known; null when none is. */
  avgEngagement: number | null;
  /** How many of their saved posts have a known engagement. */
  measured: number;
}

export interface OwnBaseline {
  platform: Platform;
  /** The user's own posts on this platform with a known engagement. */
  posts: number;
  avgEngagement: number | null;
}

/**
 * Which authors were saved most, with their average engagement, and the
 * user's own average on each of their platforms (own posts' latest count
 * snapshots) to compare with.
 */
export async function libraryAuthors(db: SocialDeskDB, maxAuthors = 200): Promise<{ authors: AuthorSummary[]; own: OwnBaseline[] }> {
  const { authors, platforms } = await db.transaction('r', [db.inspirations], async () => {
    const engagement = new Map<PostKey, number>();
    await db.inspirations.orderBy('engagement').eachKey((value, cursor) => void engagement.set(String(cursor.primaryKey), Number(value)));
    const groups = new Map<string, { platform: Platform; name: string; keys: PostKey[] }>();
    await db.inspirations.orderBy('authorName').eachKey((name, cursor) => {
      const key = String(cursor.primaryKey);
      const platform = platformOfKey(key);
      const id = `${platform}\u0000${String(name)}`;
      const g = groups.get(id);
      if (g) g.keys.push(key);
      else groups.set(id, { platform, name: String(name), keys: [key] });
    });
    const top = [...groups.values()].sort((a, b) => b.keys.length - a.keys.length || a.name.localeCompare(b.name)).slice(0, maxAuthors);
    // One saved post per author for the profile link (the newest saved has the freshest url).
    const representatives = await db.inspirations.bulkGet(top.map((g) => g.keys[g.keys.length - 1] as PostKey));
    const summaries: AuthorSummary[] = top.map((g, i) => {
      const values = g.keys.map((k) => engagement.get(k)).filter((v): v is number => v !== undefined);
      return {
        platform: g.platform,
        name: g.name,
        url: representatives[i]?.authorUrl ?? null,
        saved: g.keys.length,
        avgEngagement: values.length ? values.reduce((s, v) => s + v, 0) / values.length : null,
        measured: values.length,
      };
    });
    return { authors: summaries, platforms: [...new Set(top.map((g) => g.platform))] };
  });

  const own = await db.transaction('r', [db.posts, db.metricSnapshots], async () =>
    Promise.all(
      platforms.map(async (platform): Promise<OwnBaseline> => {
        const posts = await db.posts.where('platform').equals(platform).filter((p) => p.isOwn).primaryKeys();
        const latest = await Promise.all(
          posts.map((key) => db.metricSnapshots.where('[postKey+capturedAt]').between([key, Dexie.minKey], [key, Dexie.maxKey]).last()),
        );
        const values = latest.map((s) => engagementOf(s ?? null)).filter((v): v is number => v !== null);
        return { platform, posts: values.length, avgEngagement: values.length ? values.reduce((s, v) => s + v, 0) / values.length : null };
      }),
    ),
  );
  return { authors, own };
}

/** A saved post's count history, oldest first. */
export async function countHistory(db: SocialDeskDB, key: PostKey) {
  const rows = await db.metricSnapshots.where('[postKey+capturedAt]').between([key, Dexie.minKey], [key, Dexie.maxKey]).toArray();
  return rows.map((s) => ({ capturedAt: s.capturedAt, reactions: s.reactions, comments: s.comments, shares: s.shares, views: s.views }));
}

/** The tags in use, most used first (suggestions when saving). */
export async function topTags(db: SocialDeskDB, max = 50): Promise<string[]> {
  const counts = new Map<string, number>();
  for (const t of (await db.inspirations.orderBy('tags').keys()) as string[]) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([tag]) => tag);
}
