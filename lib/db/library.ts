import Dexie from 'dexie';
import { engagementOf } from '../library/counts';
import type { Platform } from '../platforms/types';
import { MAX_RUN_START, normalise, queryTerms, UNINDEXED_RUNS } from '../search/terms';
import { postsWithTerm } from './library-index';
import { compareKeys, type InspirationRow, type PostKey, type SocialDeskDB } from './schema';

/**
 * The inspiration library's queries. Filters and search are answered from
 * indexes alone (never whole rows, but for a rare long Chinese query): the
 * library index (lib/db/library-index.ts) for words, Chinese/Japanese/Korean
 * characters, bigrams and runs, with when each match was saved; `*tags`,
 * `platform`, `authorName` and `savedAt`. A search is put in order from the
 * saved times the library index gave; other filters walk the `savedAt`,
 * `engagement` or `growth` index. Only the page shown is read in full.
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

/** A Chinese/Japanese/Korean run of 3+ characters is looked up by its bigrams and by the run itself (lib/search/terms.ts cjkRunStarts). */
const LONG_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{3,}/gu;

/** Posts that may have a term: `sure` ones have it; `unsure` ones must be checked against their text. */
interface TermMatch {
  sure: Map<PostKey, number>;
  unsure: Map<PostKey, number>;
}

/** The posts with a CJK run of 3+ characters in their text, note, author, site or tags. Call inside a transaction. */
async function postsWithRun(db: SocialDeskDB, run: string): Promise<TermMatch> {
  const chars = [...run];
  const starts = await postsWithTerm(db, chars.slice(0, MAX_RUN_START).join(''), true);
  // Posts with too many runs to index them all are checked by their text, as is a run longer than the index confirms.
  const unsure = await postsWithTerm(db, UNINDEXED_RUNS, false);
  if (chars.length <= MAX_RUN_START) return { sure: starts, unsure };
  for (const [key, savedAt] of starts) unsure.set(key, savedAt);
  return { sure: new Map(), unsure };
}

/**
 * The posts whose text, note, author, site or tags have every term of the
 * query, with when each was saved; null when the query has no terms. Every
 * term's posts are read from the library index (a few rows per term); the
 * smallest set is intersected first. Call inside a transaction.
 */
async function postsMatchingText(db: SocialDeskDB, query: string): Promise<Map<PostKey, number> | null> {
  const terms = queryTerms(query);
  if (terms.length === 0) return null;
  const runs = [...normalise(query).matchAll(LONG_CJK)].map((m) => m[0]);
  const matches: TermMatch[] = await Promise.all([
    ...terms.map(async ({ term, prefix }) => ({ sure: await postsWithTerm(db, term, prefix), unsure: new Map<PostKey, number>() })),
    ...runs.map((run) => postsWithRun(db, run)),
  ]);
  matches.sort((a, b) => a.sure.size + a.unsure.size - (b.sure.size + b.unsure.size));
  const [first, ...rest] = matches as [TermMatch, ...TermMatch[]];
  // The smallest set, taken as it is (its map was made for this query): a common word has thousands of posts.
  const found = first.sure;
  for (const [key, savedAt] of first.unsure) found.set(key, savedAt);
  const toCheck = new Set(first.unsure.keys());
  for (const m of rest) {
    for (const key of found.keys()) {
      if (m.sure.has(key)) continue;
      if (m.unsure.has(key)) toCheck.add(key);
      else found.delete(key);
    }
    if (found.size === 0) return found;
  }
  const unsure = [...toCheck].filter((k) => found.has(k));
  if (unsure.length === 0) return found;
  // The rest of the query was matched already: only the runs are checked here.
  for (const row of await db.inspirations.bulkGet(unsure)) {
    if (!row) continue;
    const fields = [row.text, row.note, row.authorName, row.site ?? '', ...row.tags].map(normalise);
    if (!runs.every((run) => fields.some((f) => f.includes(run)))) found.delete(row.key);
  }
  return found;
}

/** The keys a filter matched: a set, or the map of saved times itself when the query was the only filter. */
type KeySet = Pick<ReadonlySet<PostKey>, 'has' | 'size' | 'keys'>;

/**
 * The saved posts the filter matches: their keys, and when each was saved if
 * the filter had a query (the index knows it); null when the filter matches
 * everything. Call inside a transaction.
 */
async function matchingKeys(db: SocialDeskDB, filter: LibraryFilter): Promise<{ keys: KeySet; savedAt: Map<PostKey, number> | null } | null> {
  const savedAt = await postsMatchingText(db, filter.query);
  if (savedAt) {
    for (const [key, at] of savedAt) {
      if ((filter.savedFrom !== null && at < filter.savedFrom) || (filter.savedTo !== null && at > filter.savedTo)) savedAt.delete(key);
    }
    if (savedAt.size === 0) return { keys: new Set(), savedAt };
  }
  const lookups: Array<() => Promise<PostKey[]>> = [];
  for (const tag of filter.tags) lookups.push(() => db.inspirations.where('tags').equals(tag.toLowerCase()).primaryKeys());
  if (filter.platforms.length > 0) lookups.push(() => db.inspirations.where('platform').anyOf(filter.platforms).primaryKeys());
  const author = filter.author;
  if (author) {
    const prefix = `${author.platform}:`;
    lookups.push(async () => (await db.inspirations.where('authorName').equals(author.name).primaryKeys()).filter((k) => k.startsWith(prefix)));
  }
  if (!savedAt && (filter.savedFrom !== null || filter.savedTo !== null)) {
    const from = filter.savedFrom ?? Dexie.minKey;
    const to = filter.savedTo ?? Dexie.maxKey;
    lookups.push(() => db.inspirations.where('savedAt').between(from, to, true, true).primaryKeys());
  }
  if (!savedAt && lookups.length === 0) return null;

  // Without other filters the query's saved times are the keys: no copy of a common word's thousands of posts.
  let keys: KeySet | null = savedAt;
  for (const lookup of lookups) {
    const found = await lookup();
    if (keys === null) keys = new Set(found);
    else {
      const both = new Set<PostKey>();
      for (const k of found) if (keys.has(k)) both.add(k);
      keys = both;
    }
    if (keys.size === 0) break;
  }
  return { keys: keys ?? new Set(), savedAt };
}

/**
 * Keys in the order of the `savedAt` index (saved time, then key), from the saved times the library index gave;
 * `desc` is that order reversed. The keys and times are sorted as two arrays through their positions, not as a pair
 * of each: a common word's thousands of posts made as many small arrays for the collector.
 */
function bySavedTime(savedAt: ReadonlyMap<PostKey, number>, keys: Iterable<PostKey>, direction: SortDirection): PostKey[] {
  const list: PostKey[] = [];
  const times: number[] = [];
  for (const key of keys) {
    list.push(key);
    times.push(savedAt.get(key) as number);
  }
  const sign = direction === 'desc' ? -1 : 1;
  const order = Array.from(list, (_, i) => i);
  order.sort((a, b) => sign * ((times[a] as number) - (times[b] as number) || compareKeys(list[a] as PostKey, list[b] as PostKey)));
  return order.map((i) => list[i] as PostKey);
}

/** Every matching key in display order. Call inside a transaction. */
async function orderedKeys(db: SocialDeskDB, filter: LibraryFilter, sort: LibrarySort, direction: SortDirection): Promise<PostKey[]> {
  const match = await matchingKeys(db, filter);
  // Nothing matches: no need to walk a sort index of every saved post.
  if (match !== null && match.keys.size === 0) return [];
  const keys = match?.keys ?? null;
  const savedAt = match?.savedAt ?? null;
  const keep = (list: PostKey[]) => (keys === null ? list : list.filter((k) => keys.has(k)));
  const bySaved = async (dir: SortDirection, except: ReadonlySet<PostKey> = new Set()) => {
    if (savedAt && keys) return bySavedTime(savedAt, except.size === 0 ? keys.keys() : [...keys.keys()].filter((k) => !except.has(k)), dir);
    const list = await db.inspirations.orderBy('savedAt').primaryKeys();
    return keep(dir === 'desc' ? list.reverse() : list).filter((k) => !except.has(k));
  };
  if (sort === 'saved') return bySaved(direction);
  // Posts whose engagement (or growth) is unknown are not in that index: they come last, newest saved first.
  const ranked = keep(await db.inspirations.orderBy(sort).primaryKeys());
  if (direction === 'desc') ranked.reverse();
  return [...ranked, ...(await bySaved('desc', new Set(ranked)))];
}

export async function queryLibrary(db: SocialDeskDB, q: LibraryQuery): Promise<{ total: number; items: LibraryItem[] }> {
  return db.transaction('r', [db.inspirations, db.libraryIndex], async () => {
    const ordered = await orderedKeys(db, q.filter, q.sort, q.direction);
    const page = ordered.slice(q.offset, q.offset + q.limit);
    const rows = await db.inspirations.bulkGet(page);
    return { total: ordered.length, items: rows.filter((r): r is InspirationRow => !!r).map(toItem) };
  });
}

/** Every matching key, in display order (for "select all that match" and deleting a filter). */
export async function libraryKeys(db: SocialDeskDB, filter: LibraryFilter): Promise<PostKey[]> {
  return db.transaction('r', [db.inspirations, db.libraryIndex], async () => orderedKeys(db, filter, 'saved', 'desc'));
}

/** Every matching saved post, newest saved first (for export). */
export async function libraryRows(db: SocialDeskDB, filter: LibraryFilter, sort: LibrarySort = 'saved', direction: SortDirection = 'desc'): Promise<LibraryItem[]> {
  return db.transaction('r', [db.inspirations, db.libraryIndex], async () => {
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
