/**
 * Runs inside the extension (its service worker or one of its pages), against
 * the real IndexedDB database the built extension created: seeds years of
 * activity and a saved-post library, and times the product's own queries.
 * Bundled by test/bench/inpage.ts into a script that defines
 * `globalThis.__sdDbBench`.
 *
 * The database is opened in Dexie's dynamic mode (its schema as the built
 * extension made it), so this never upgrades or changes it; rows are shaped by
 * the project's own types and the rollups come from lib/db/rollups.ts's
 * contribution functions, so they are what the product would have written.
 */
import Dexie from 'dexie';
import { saveInspiration } from '../../../lib/db/inspirations';
import { queryLibrary, EMPTY_FILTER } from '../../../lib/db/library';
import { applyContributions, computeRollupsFromLog, interactionContributions, postContributions, type Contribution } from '../../../lib/db/rollups';
import { DB_NAME, SocialDeskDB, type InteractionRow, type PostRow } from '../../../lib/db/schema';
import type { Platform } from '../../../lib/platforms/types';
import { defaultTimeZone } from '../../../lib/stats/days';

export const SEED_PLATFORMS: Platform[] = ['linkedin', 'facebook', 'instagram', 'x', 'youtube', 'threads', 'tiktok'];
const HOSTS: Record<string, string> = {
  linkedin: 'https://www.linkedin.com/in/',
  facebook: 'https://www.facebook.com/',
  instagram: 'https://www.instagram.com/',
  x: 'https://x.com/',
  youtube: 'https://www.youtube.com/@',
  threads: 'https://www.threads.com/@',
  tiktok: 'https://www.tiktok.com/@',
};
const DAY = 86_400_000;
const POST_EVERY_DAYS = 3;

/** The signed-in user's profile on each platform in the seeded data. */
export const ownProfileUrl = (p: string) => `${HOSTS[p]}bench-shop`;

/** Deterministic 32-bit hash of an integer (so a seed is the same every run); `unit` maps it to [0, 1). */
export function mix(n: number): number {
  let x = (n ^ 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}
const unit = (n: number) => mix(n) / 2 ** 32;

let opened: Promise<SocialDeskDB> | null = null;

/**
 * The extension's database as it is (dynamic mode: no version declared, so no
 * upgrade), with the table properties the lib functions use.
 */
export function openDb(): Promise<SocialDeskDB> {
  opened ??= (async () => {
    const declared = new SocialDeskDB('__sd-bench-never-opened');
    const db = new Dexie(DB_NAME);
    await db.open();
    for (const t of db.tables) (db as unknown as Record<string, unknown>)[t.name] = t;
    const missing = declared.tables.map((t) => t.name).filter((n) => !db.tables.some((t) => t.name === n));
    if (missing.length) throw new Error(`The built extension's database lacks ${missing.join(', ')}: rebuild (npm run build) before benchmarking.`);
    return db as unknown as SocialDeskDB;
  })();
  return opened;
}

export interface SeedPlan {
  /** Interactions in all. */
  total: number;
  /** Days of history, ending `now`. */
  days: number;
  now: number;
}

function planStart(plan: SeedPlan) {
  return plan.now - plan.days * DAY;
}

/** The own posts of the seeded history: one every three days on each platform. */
export function seedPosts(plan: SeedPlan): PostRow[] {
  const start = planStart(plan);
  const rows: PostRow[] = [];
  const perPlatform = Math.floor(plan.days / POST_EVERY_DAYS);
  for (const platform of SEED_PLATFORMS) {
    for (let k = 0; k < perPlatform; k++) {
      const publishedAt = start + k * POST_EVERY_DAYS * DAY + (mix(k) % (6 * 3600_000));
      rows.push({
        key: `${platform}:benchpost${k}`,
        platform,
        postId: `benchpost${k}`,
        url: `${HOSTS[platform]}bench-shop/posts/${k}`,
        authorName: 'Bench Shop 板橋小店',
        authorUrl: ownProfileUrl(platform),
        isOwn: true,
        tracked: { own: true, saved: false, repliedOn: false },
        textExcerpt: `Post ${k}: 新品上市，歡迎留言詢問 / new arrivals this week`,
        mediaKind: 'image',
        publishedAt,
        publishedPrecision: 'exact',
        firstSeenAt: publishedAt,
        lastSeenAt: publishedAt,
      });
    }
  }
  return rows;
}

/**
 * Interactions `from`..`to` (multiples of 10) of the seeded history. Every ten
 * form a thread on one own post: seven comments received and three replies of
 * the user answering the first three of them, so 30% are replies, 30% answered
 * comments, 20% dismissed and 20% still open, spread evenly over the days.
 */
export function seedInteractions(plan: SeedPlan, from: number, to: number): InteractionRow[] {
  const start = planStart(plan);
  const span = (plan.days - POST_EVERY_DAYS) * DAY;
  const perPlatform = Math.floor(plan.days / POST_EVERY_DAYS);
  const rows: InteractionRow[] = [];
  for (let g = Math.floor(from / 10); g * 10 < Math.min(to, plan.total); g++) {
    const platform = SEED_PLATFORMS[g % SEED_PLATFORMS.length]!;
    const base = start + Math.floor(unit(g) * span);
    const k = Math.min(perPlatform - 1, Math.floor((base - start) / (POST_EVERY_DAYS * DAY)));
    const postKey = `${platform}:benchpost${k}`;
    const thread: InteractionRow[] = [];
    for (let j = 0; j < 10 && g * 10 + j < plan.total; j++) {
      const i = g * 10 + j;
      const reply = j >= 7;
      const occurredAt = reply ? 0 : base + j * 7 * 60_000;
      thread.push({
        id: `${platform}:${reply ? 'reply_sent' : 'comment_received'}:bench-${i}`,
        kind: reply ? 'reply_sent' : 'comment_received',
        platform,
        postKey,
        platformItemId: `bench-${i}`,
        parentItemId: reply ? `bench-${g * 10 + (j - 7)}` : null,
        actorName: reply ? 'Bench Shop 板橋小店' : `Fan ${mix(i) % 5000} 粉絲`,
        actorUrl: reply ? ownProfileUrl(platform) : `${HOSTS[platform]}fan-${mix(i) % 5000}`,
        text: reply ? `謝謝你的留言！Thanks for asking (${i})` : `請問還有貨嗎？Is this still available? (${i})`,
        occurredAt,
        occurredPrecision: 'exact',
        capturedAt: occurredAt,
        status: reply ? 'none' : j >= 5 ? 'open' : j >= 3 ? 'dismissed' : 'open',
        repliedById: null,
        inReplyToId: null,
        responseMs: null,
        templateId: null,
        site: null,
      });
    }
    // Link the replies to the comments they answer.
    for (let j = 7; j < thread.length; j++) {
      const reply = thread[j]!;
      const comment = thread[j - 7]!;
      const responseMs = 5 * 60_000 + (mix(g * 10 + j) % (2 * DAY));
      reply.occurredAt = Math.min(plan.now - 60_000, comment.occurredAt + responseMs);
      reply.capturedAt = reply.occurredAt;
      reply.responseMs = reply.occurredAt - comment.occurredAt;
      reply.inReplyToId = comment.id;
      comment.status = 'replied';
      comment.repliedById = reply.id;
      comment.responseMs = reply.responseMs;
    }
    rows.push(...thread);
  }
  return rows;
}

function putAll(idb: IDBDatabase, store: string, rows: readonly object[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(store, 'readwrite', { durability: 'relaxed' });
    const os = tx.objectStore(store);
    for (const r of rows) os.put(r);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });
}

export async function clearActivity(): Promise<void> {
  const db = await openDb();
  await db.transaction('rw', [db.interactions, db.dailyRollups, db.posts, db.metricSnapshots, db.weeklySummaries], async () => {
    await Promise.all([db.interactions.clear(), db.dailyRollups.clear(), db.posts.clear(), db.metricSnapshots.clear(), db.weeklySummaries.clear()]);
  });
}

/** Writes the own posts and their rollup contributions. */
export async function seedPostRows(plan: SeedPlan): Promise<number> {
  const db = await openDb();
  const posts = seedPosts(plan);
  const ctx = { timeZone: defaultTimeZone() };
  await putAll(db.backendDB(), 'posts', posts);
  await db.transaction('rw', [db.dailyRollups], () => applyContributions(db, posts.flatMap((p) => postContributions(p, ctx))));
  return posts.length;
}

/** Writes interactions `from`..`to` in one transaction (raw IndexedDB), then their rollup contributions in another. */
export async function seedInteractionChunk(plan: SeedPlan, from: number, to: number): Promise<{ rows: number; ms: number; putMs: number }> {
  const t0 = performance.now();
  const db = await openDb();
  const rows = seedInteractions(plan, from, to);
  await putAll(db.backendDB(), 'interactions', rows);
  const t1 = performance.now();
  const ctx = { timeZone: defaultTimeZone() };
  const contributions: Contribution[] = rows.flatMap((r) => interactionContributions(r, ctx));
  await db.transaction('rw', [db.dailyRollups], () => applyContributions(db, contributions));
  return { rows: rows.length, ms: performance.now() - t0, putMs: t1 - t0 };
}

/** Whether the stored rollups equal a rebuild from the raw log (lib/db/rollups.ts). */
export async function rollupsMatchLog(): Promise<{ equal: boolean; stored: number; rebuilt: number }> {
  const db = await openDb();
  const ctx = { timeZone: defaultTimeZone() };
  const norm = (rows: Array<{ day: string; platform: string; responseTimesMs: number[] }>) =>
    JSON.stringify(
      rows
        .map((r) => ({ ...r, responseTimesMs: [...r.responseTimesMs].sort((a, b) => a - b) }))
        .sort((a, b) => (a.day + a.platform).localeCompare(b.day + b.platform)),
    );
  const rebuilt = await computeRollupsFromLog(db, ctx);
  const stored = await db.dailyRollups.toArray();
  return { equal: norm(rebuilt) === norm(stored), stored: stored.length, rebuilt: rebuilt.length };
}

export async function counts(): Promise<Record<string, number>> {
  const db = await openDb();
  const out: Record<string, number> = {};
  for (const t of db.tables) out[t.name] = await t.count();
  return out;
}

const WORDS = ['coffee', 'roastery', 'latte', 'espresso', 'bakery', 'croissant', 'matcha', 'bubble', 'tea', 'brunch', 'vegan', 'seasonal', 'giveaway', 'opening', 'discount', 'workshop', 'handmade', 'ceramic', 'plant', 'florist', 'skincare', 'fitness', 'yoga', 'bookshop', 'vintage'];
const ZH = ['手沖咖啡', '珍珠奶茶', '烘焙坊', '限時優惠', '新品上市', '週年慶', '抹茶拿鐵', '手作課程', '花藝設計', '早午餐', '素食', '台北', '香港', '開幕活動', '抽獎'];

/** Saves `count` posts to the library through lib/db/inspirations.ts saveInspiration, 500 per transaction. */
export async function seedLibrary(count: number, now: number): Promise<{ ms: number; rows: number }> {
  const t0 = performance.now();
  const db = await openDb();
  for (let from = 0; from < count; from += 500) {
    await db.transaction('rw', db.tables, async () => {
      for (let i = from; i < Math.min(count, from + 500); i++) {
        const h = mix(i + 1_000_000);
        const platform = SEED_PLATFORMS[h % SEED_PLATFORMS.length]!;
        const words = Array.from({ length: 18 }, (_, w) => WORDS[mix(i * 31 + w) % WORDS.length]).join(' ');
        const zh = Array.from({ length: 4 }, (_, w) => ZH[mix(i * 17 + w) % ZH.length]).join('，');
        await saveInspiration(
          db,
          {
            platform,
            postId: `lib${i}`,
            url: `${HOSTS[platform]}shop-${h % 800}/posts/lib${i}`,
            authorName: `Shop ${h % 800} 小店`,
            authorUrl: `${HOSTS[platform]}shop-${h % 800}`,
            text: `${zh}。${words} #${WORDS[h % WORDS.length]} (${i})`,
            mediaKind: 'image',
            mediaUrl: null,
            publishedAt: now - Math.floor(unit(i + 2_000_000) * 365 * DAY),
            counts: { reactions: h % 5000, comments: h % 300, shares: h % 90, views: null },
            savedFromUrl: `${HOSTS[platform]}feed`,
            tags: [WORDS[h % 7]!, ZH[h % 5]!],
            note: i % 5 === 0 ? `idea for our ${WORDS[h % WORDS.length]} campaign` : null,
          },
          now - (count - i) * 60_000,
        );
      }
    });
  }
  return { ms: performance.now() - t0, rows: count };
}

/** Times lib/db/library.ts queryLibrary (the library tab's search) for each query, `repeats` times. */
export async function timeLibraryQueries(queries: string[], repeats: number): Promise<Array<{ query: string; total: number; ms: number[] }>> {
  const db = await openDb();
  const out: Array<{ query: string; total: number; ms: number[] }> = [];
  for (const query of queries) {
    const ms: number[] = [];
    let total = 0;
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now();
      const result = await queryLibrary(db, { filter: { ...EMPTY_FILTER, query }, sort: 'saved', direction: 'desc', offset: 0, limit: 50 });
      ms.push(performance.now() - t0);
      total = result.total;
    }
    out.push({ query, total, ms });
  }
  return out;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error);
  });
}

/**
 * What this browser's IndexedDB can write at all: the same interaction rows put
 * in one transaction into a scratch store with the interactions table's key and
 * indexes (copied from the real database), and into one without indexes.
 */
export async function idbCeiling(rows: number): Promise<{ rows: number; indexes: number; indexedPerSecond: number; plainPerSecond: number }> {
  const real = (await openDb()).backendDB();
  const store = real.transaction('interactions').objectStore('interactions');
  const keyPath = store.keyPath;
  const indexes = [...store.indexNames].map((n) => {
    const i = store.index(n);
    return { name: n, keyPath: i.keyPath, multiEntry: i.multiEntry, unique: i.unique };
  });
  const name = 'sd-bench-scratch';
  await deleteDatabase(name);
  const scratch = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => {
      const indexed = r.result.createObjectStore('indexed', { keyPath });
      for (const i of indexes) indexed.createIndex(i.name, i.keyPath, { multiEntry: i.multiEntry, unique: i.unique });
      r.result.createObjectStore('plain', { keyPath });
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  try {
    const data = seedInteractions({ total: rows, days: 730, now: Date.now() }, 0, rows);
    const t0 = performance.now();
    await putAll(scratch, 'indexed', data);
    const t1 = performance.now();
    await putAll(scratch, 'plain', data);
    const t2 = performance.now();
    return { rows, indexes: indexes.length, indexedPerSecond: rows / ((t1 - t0) / 1000), plainPerSecond: rows / ((t2 - t1) / 1000) };
  } finally {
    scratch.close();
    await deleteDatabase(name);
  }
}

export const api = { clearActivity, seedPostRows, seedInteractionChunk, rollupsMatchLog, counts, seedLibrary, timeLibraryQueries, idbCeiling };
export type DbBench = typeof api;
