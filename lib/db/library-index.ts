import Dexie, { type Table } from 'dexie';
import { libraryIndexTerms } from '../search/terms';
import type { InspirationRow, LibraryIndexRow, PostKey, SocialDeskDB } from './schema';

type LibraryIndexTable = Table<LibraryIndexRow, [string, number]>;

/**
 * The inspiration library's search index: for each term (lib/search/terms.ts
 * `libraryIndexTerms`), the saved posts that have it, with when each was saved,
 * in a few rows of the `libraryIndex` table. A query reads a term's rows (one
 * request) instead of one index entry per post, which in Chromium costs about
 * as much per post as reading a small row: with 10,000 saved posts, a common
 * word's 6,000 entries took 30–40 ms to read, its rows here about 1 ms. With
 * the saved times at hand, results are put in order without walking the
 * `savedAt` index.
 *
 * A term's posts are split over SHARDS rows by their key, so saving a post
 * rewrites rows of at most 1/SHARDS of the library per term. Every write of a
 * saved post's text, note, author, tags or saved time goes through
 * `reindexInspirations`, in the same transaction.
 */

export const SHARDS = 64;

function shardOf(key: PostKey): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) >>> 0;
  return h % SHARDS;
}

/** The first index in a sorted list at which `key` is or would be. */
function position(keys: readonly PostKey[], key: PostKey): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as PostKey) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type IndexedRow = Pick<InspirationRow, 'key' | 'savedAt' | 'text' | 'note' | 'authorName' | 'site' | 'tags'>;

/** What to take out of and put into one row of the index. */
interface RowEdit {
  id: [string, number];
  remove: Set<PostKey>;
  add: Map<PostKey, number>;
}

/**
 * Brings the index up to date with saved posts that changed: `before` as the
 * index has it (undefined: it was not saved), `after` as it is now (undefined:
 * deleted). Only the terms that changed are written. Call inside a transaction
 * that includes `libraryIndex`.
 */
export async function reindexInspirations(index: LibraryIndexTable, changes: Iterable<{ before: IndexedRow | undefined; after: IndexedRow | undefined }>): Promise<void> {
  const edits = new Map<string, RowEdit>();
  const edit = (term: string, key: PostKey) => {
    const shard = shardOf(key);
    const id = `${shard}\u0000${term}`;
    let e = edits.get(id);
    if (!e) edits.set(id, (e = { id: [term, shard], remove: new Set(), add: new Map() }));
    return e;
  };
  for (const { before, after } of changes) {
    const old = new Set(before ? libraryIndexTerms(before) : []);
    const now = new Set(after ? libraryIndexTerms(after) : []);
    const moved = before && after && before.savedAt !== after.savedAt;
    if (before) for (const term of old) if (moved || !now.has(term)) edit(term, before.key).remove.add(before.key);
    if (after) for (const term of now) if (moved || !old.has(term)) edit(term, after.key).add.set(after.key, after.savedAt);
  }
  if (edits.size === 0) return;
  const list = [...edits.values()];
  const rows = await index.bulkGet(list.map((e) => e.id));
  const put: LibraryIndexRow[] = [];
  const drop: Array<[string, number]> = [];
  list.forEach((e, i) => {
    const row = rows[i] ?? { term: e.id[0], shard: e.id[1], keys: [], savedAt: [] };
    for (const key of e.remove) {
      const at = position(row.keys, key);
      if (row.keys[at] === key) {
        row.keys.splice(at, 1);
        row.savedAt.splice(at, 1);
      }
    }
    for (const [key, savedAt] of e.add) {
      const at = position(row.keys, key);
      if (row.keys[at] === key) row.savedAt[at] = savedAt;
      else {
        row.keys.splice(at, 0, key);
        row.savedAt.splice(at, 0, savedAt);
      }
    }
    if (row.keys.length) put.push(row);
    else if (rows[i]) drop.push(e.id);
  });
  if (put.length) await index.bulkPut(put);
  if (drop.length) await index.bulkDelete(drop);
}

/**
 * The saved posts under a term, or under any term that begins with it, with
 * when each was saved. Call inside a transaction that includes `libraryIndex`.
 */
export async function postsWithTerm(db: SocialDeskDB, term: string, prefix: boolean): Promise<Map<PostKey, number>> {
  const rows = await db.libraryIndex
    .where('[term+shard]')
    .between([term, Dexie.minKey], [prefix ? `${term}\uffff` : term, Dexie.maxKey], true, true)
    .toArray();
  const out = new Map<PostKey, number>();
  for (const row of rows) row.keys.forEach((key, i) => out.set(key, row.savedAt[i] as number));
  return out;
}
