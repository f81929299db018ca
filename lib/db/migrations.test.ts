import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { computeRollupsFromLog } from './rollups';
import { saveInspiration } from './inspirations';
import { EMPTY_FILTER, queryLibrary } from './library';
import { OPEN_COMMENTS_DAY, SocialDeskDB, type DailyRollupRow } from './schema';
import { inspirationInput, NOW } from '@/test/builders';
import { dumpDatabase, seedDatabase, SEED_TZ } from '@/test/seed';

/**
 * Every schema version that has shipped, frozen as it shipped. A database made
 * by that version, with data, must open with the current code with every row
 * intact and every rollup equal to a rebuild from the log. When version 2 is
 * added to schema.ts, add it here too (and its upgrade's expectations).
 */
const SHIPPED: Record<number, Record<string, string>> = {
  1: {
    posts: 'key, platform, isOwn, lastSeenAt, [platform+publishedAt]',
    metricSnapshots: '++id, postKey, [postKey+capturedAt], capturedAt, [platform+capturedAt]',
    interactions:
      'id, kind, postKey, platformItemId, [platform+occurredAt], [status+occurredAt], [kind+occurredAt], occurredAt, capturedAt, actorUrl, templateId',
    templates: 'id, shortCode, category, updatedAt, lastUsedAt',
    inspirations: 'key, platform, savedAt, authorName, *tags, *searchTerms, engagement, growth',
    dailyRollups: '[day+platform], day',
    weeklySummaries: 'startDay',
  },
  2: {
    posts: 'key, platform, isOwn, lastSeenAt, [platform+publishedAt]',
    metricSnapshots: '++id, postKey, [postKey+capturedAt], capturedAt, [platform+capturedAt]',
    interactions: 'id, postKey, [platform+occurredAt], [status+occurredAt], [kind+occurredAt], capturedAt, templateId',
    templates: 'id, shortCode, category, updatedAt, lastUsedAt',
    inspirations: 'key, platform, savedAt, authorName, *tags, *searchTerms, engagement, growth',
    dailyRollups: '[day+platform], day',
    weeklySummaries: 'startDay',
  },
  3: {
    posts: 'key, platform, isOwn, lastSeenAt, [platform+publishedAt]',
    metricSnapshots: '++id, postKey, [postKey+capturedAt], capturedAt, [platform+capturedAt]',
    interactions: 'id, postKey, [platform+occurredAt], [status+occurredAt], [kind+occurredAt], capturedAt, templateId',
    templates: 'id, shortCode, category, updatedAt, lastUsedAt',
    inspirations: 'key, platform, savedAt, authorName, *tags, *searchTerms, engagement, growth',
    dailyRollups: '[day+platform], day',
    weeklySummaries: 'startDay',
    libraryIndex: '[term+shard]',
  },
};
// Version 4 changed no store (its upgrade writes the rollups' open-comments rows): laid out as version 3.
SHIPPED[4] = SHIPPED[3]!;
// Version 5 dropped the interactions' unused [platform+occurredAt] index.
SHIPPED[5] = { ...SHIPPED[4]!, interactions: 'id, postKey, [status+occurredAt], [kind+occurredAt], capturedAt, templateId' };
// Version 6 dropped [kind+occurredAt] and capturedAt: received comments are found by status (COMMENT_STATUSES).
SHIPPED[6] = { ...SHIPPED[5]!, interactions: 'id, postKey, [status+occurredAt], templateId' };

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('schema migrations', () => {
  it('the newest shipped version is the current one (a new version must be frozen here)', () => {
    const current = new SocialDeskDB('migrations-current');
    const latest = Math.max(...Object.keys(SHIPPED).map(Number));
    expect(current.verno).toBe(latest);
    const stores = Object.fromEntries(current.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]));
    const frozen = Object.fromEntries(Object.entries(SHIPPED[latest]!).map(([name, src]) => [name, src.replace(/\s+/g, ' ')]));
    expect(stores).toEqual(frozen);
  });

  it.each(Object.keys(SHIPPED).map(Number))('a database made by version %i opens with every row intact and rollups equal to a rebuild', async (version) => {
    // The rows that version wrote (made here by the real write paths).
    const source = new SocialDeskDB(`migrations-source-${version}`);
    opened.push(source);
    await seedDatabase(source, { captures: 10, inspirations: 30, bulkPosts: 20, bulkSnapshots: 100, bulkInteractions: 200, templates: 5 });
    const rows = await dumpDatabase(source);
    source.close();

    // A database laid out exactly as that version made it.
    const old = new Dexie(`migrations-v${version}`);
    old.version(version).stores(SHIPPED[version]!);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      // Tables that version did not have are made by the upgrades (the library index, version 3).
      for (const [table, list] of Object.entries(rows)) if (list.length && table in SHIPPED[version]!) await old.table(table).bulkAdd(list);
    });
    old.close();

    const current = new SocialDeskDB(`migrations-v${version}`);
    opened.push(current);
    await current.open();
    // Every row intact, and the library index built by the upgrade equal to the one the write paths kept.
    expect(await dumpDatabase(current)).toEqual(rows);
    expect(rows.libraryIndex!.length).toBeGreaterThan(0);
    const stored = (await current.dailyRollups.toArray()).sort((a, b) => (a.day + a.platform).localeCompare(b.day + b.platform));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(await computeRollupsFromLog(current, { timeZone: SEED_TZ }));
  });

  it('version 2 makes saved posts’ search terms again, so a version-1 library finds words that run into Chinese', async () => {
    const source = new SocialDeskDB('migrations-terms-source');
    opened.push(source);
    await seedDatabase(source, { captures: 1, inspirations: 3, bulkPosts: 0, bulkSnapshots: 0, bulkInteractions: 0, templates: 0 });
    const [row] = await source.inspirations.toArray();
    source.close();
    const old = new Dexie('migrations-terms');
    old.version(1).stores(SHIPPED[1]!);
    await old.open();
    // As version 1 indexed it: "iPhone手機殼" was one token, so no term "iphone".
    await old.table('inspirations').add({ ...row, text: 'iPhone手機殼 新款', searchTerms: ['iphone手機殼', '新款'] });
    old.close();
    const current = new SocialDeskDB('migrations-terms');
    opened.push(current);
    await current.open();
    expect(await current.inspirations.where('searchTerms').equals('iphone').count()).toBe(1);
    expect(await current.inspirations.where('searchTerms').equals('手機').count()).toBe(1);
  });

  it('version 3 builds the library index, so a version-2 library answers every query as before', async () => {
    const source = new SocialDeskDB('migrations-index-source');
    opened.push(source);
    await seedDatabase(source, { captures: 1, inspirations: 40, bulkPosts: 0, bulkSnapshots: 0, bulkInteractions: 0, templates: 0 });
    // Bigrams of 沖咖啡 without the run (it must not be found there), and a run longer than the index confirms.
    await saveInspiration(source, inspirationInput('pairs', { text: '沖咖 and 咖啡 apart' }), NOW);
    await saveInspiration(source, inspirationInput('long', { text: '台北大稻埕手沖咖啡豆專賣店 coffee' }), NOW);
    const queries = ['手沖咖啡豆', '沖咖啡', '咖啡', '備註', 'rival', 'note 競品', 'coffee', '台北大稻埕手沖咖啡豆專賣店', 'nothing-like-this'];
    const answers = async (db: SocialDeskDB) =>
      Promise.all(queries.map((query) => queryLibrary(db, { filter: { ...EMPTY_FILTER, query }, sort: 'saved', direction: 'desc', offset: 0, limit: 500 })));
    const before = await answers(source);
    const rows = await source.inspirations.toArray();
    source.close();

    const old = new Dexie('migrations-index');
    old.version(2).stores(SHIPPED[2]!);
    await old.open();
    await old.table('inspirations').bulkAdd(rows);
    old.close();
    const current = new SocialDeskDB('migrations-index');
    opened.push(current);
    await current.open();
    expect(await current.libraryIndex.count()).toBeGreaterThan(0);
    const after = await answers(current);
    expect(after).toEqual(before);
    const found = (query: string) => after[queries.indexOf(query)]!.items.map((i) => i.postId);
    expect(after.map((a) => a.total)).toEqual([41, 41, 42, 26, 40, 26, 21, 1, 0]);
    expect(found('沖咖啡')).toContain('long');
    expect(found('沖咖啡')).not.toContain('pairs');
    expect(found('咖啡')).toContain('pairs');
    expect(found('台北大稻埕手沖咖啡豆專賣店')).toEqual(['long']);
  });
});

describe('schema version 4', () => {
  it('counts a version-3 database’s open comments into the rollups’ open-comments rows, equal to a rebuild', async () => {
    const source = new SocialDeskDB('migrations-open-source');
    opened.push(source);
    await seedDatabase(source, { captures: 10, inspirations: 0, bulkPosts: 20, bulkSnapshots: 0, bulkInteractions: 300, templates: 0 });
    const rows = await dumpDatabase(source);
    source.close();
    // As version 3 stored them: no open-comments rows.
    const v3Rollups = (rows.dailyRollups as DailyRollupRow[]).filter((r) => r.day !== OPEN_COMMENTS_DAY);
    expect(v3Rollups.length).toBeLessThan(rows.dailyRollups!.length);
    const old = new Dexie('migrations-open');
    old.version(3).stores(SHIPPED[3]!);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [table, list] of Object.entries({ ...rows, dailyRollups: v3Rollups })) if (list.length) await old.table(table).bulkAdd(list);
    });
    old.close();

    const current = new SocialDeskDB('migrations-open');
    opened.push(current);
    await current.open();
    const open = await current.dailyRollups.where('day').equals(OPEN_COMMENTS_DAY).toArray();
    const waiting = await current.interactions.where('[status+occurredAt]').between(['open', Dexie.minKey], ['open', Dexie.maxKey]).count();
    expect(waiting).toBeGreaterThan(0);
    expect(open.reduce((sum, r) => sum + r.commentsReceived, 0)).toBe(waiting);
    const stored = (await current.dailyRollups.toArray()).sort((a, b) => (a.day + a.platform).localeCompare(b.day + b.platform));
    expect(stored).toEqual(await computeRollupsFromLog(current, { timeZone: SEED_TZ }));
  });
});
