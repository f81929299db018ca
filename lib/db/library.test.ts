import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engagementOf, growthOf } from '../library/counts';
import type { Platform } from '../platforms/types';
import { indexTerms, MAX_RUN_START, normalise } from '../search/terms';
import { recordCapture } from './capture';
import { deleteInspirations, editInspiration, recordSightings, saveInspiration } from './inspirations';
import { countHistory, EMPTY_FILTER, libraryAuthors, libraryFacets, libraryKeys, libraryRows, queryLibrary, topTags, type LibraryFilter } from './library';
import { reindexInspirations } from './library-index';
import { computeRollupsFromLog } from './rollups';
import { SocialDeskDB, type InspirationRow } from './schema';
import { inspirationInput, ME, NOW, post, reading } from '@/test/builders';

let db: SocialDeskDB;
let n = 0;
beforeEach(async () => {
  db = new SocialDeskDB(`library-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const HOUR = 3_600_000;

const input = inspirationInput;

const filter = (over: Partial<LibraryFilter> = {}): LibraryFilter => ({ ...EMPTY_FILTER, ...over });
const keysOf = async (f: Partial<LibraryFilter>) => (await queryLibrary(db, { filter: filter(f), sort: 'saved', direction: 'desc', offset: 0, limit: 500 })).items.map((i) => i.postId);

async function seedSmall() {
  await saveInspiration(db, input('a', { text: '手沖咖啡豆 新品上市', tags: ['咖啡', 'launch'], counts: { reactions: 100, comments: 10, shares: 5, views: null } }), NOW - 5 * HOUR);
  await saveInspiration(db, input('b', { text: 'Latte art workshop this Saturday, coffee on us', note: 'copy the carousel format', tags: ['Events'] }), NOW - 4 * HOUR);
  await saveInspiration(db, input('c', { platform: 'x', url: 'https://x.com/dimsum/status/c', authorName: 'Dim Sum Daily 點心', text: '沖咖 and 咖啡 are separate here', tags: ['launch'] }), NOW - 3 * HOUR);
  await saveInspiration(db, input('d', { platform: 'threads', url: 'https://www.threads.com/@tea/post/d', authorName: 'dadaocheng.tea', text: 'Oolong tasting', counts: { reactions: 7, comments: null, shares: null, views: 50 } }), NOW - 2 * HOUR);
  await saveInspiration(
    db,
    { ...input('e'), platform: 'other', postId: null, url: 'https://blog.example.tw/coffee-guide', authorName: 'Example blog', text: '咖啡沖煮指南', tags: ['咖啡'] },
    NOW - HOUR,
  );
}

describe('searching the library', () => {
  beforeEach(seedSmall);

  it('finds English words by their beginning, in any order, over text, notes, authors and tags', async () => {
    expect(await keysOf({ query: 'coff' })).toEqual(['b']);
    expect(await keysOf({ query: 'COFFEE latte' })).toEqual(['b']);
    expect(await keysOf({ query: 'latte work' })).toEqual(['b']);
    expect(await keysOf({ query: 'carousel' })).toEqual(['b']); // the note
    expect(await keysOf({ query: 'dadaocheng' })).toEqual(['d']); // the author
    expect(await keysOf({ query: 'events' })).toEqual(['b']); // a tag
    expect(await keysOf({ query: 'blog.example' })).toEqual([expect.stringMatching(/^url:/)]); // the site of a page from another site
    expect(await keysOf({ query: 'nothing-like-this' })).toEqual([]);
  });

  it('finds Chinese inside longer runs without spaces: 咖啡 in 手沖咖啡豆', async () => {
    expect(await keysOf({ query: '咖啡' })).toEqual([expect.stringMatching(/^url:/), 'c', 'a']);
    // Three or more characters must appear together, not only as separate pairs.
    expect(await keysOf({ query: '沖咖啡' })).toEqual(['a']);
    expect(await keysOf({ query: '咖啡豆' })).toEqual(['a']);
    expect(await keysOf({ query: '點心' })).toEqual(['c']);
    expect(await keysOf({ query: '咖啡 launch' })).toEqual(['c', 'a']);
  });

  it('finds a Chinese run longer than the index confirms only where the whole run is', async () => {
    const run = '台北大稻埕手沖咖啡豆專賣店'; // 13 characters: the index confirms 8, the text the rest
    expect([...run].length).toBeGreaterThan(MAX_RUN_START);
    await saveInspiration(db, input('long', { text: `新店開幕：${run}` }), NOW);
    await saveInspiration(db, input('near', { text: `台北大稻埕手沖咖啡豆試飲，專賣店在隔壁` }), NOW);
    expect(await keysOf({ query: run })).toEqual(['long']);
    expect(await keysOf({ query: '台北大稻埕手沖咖啡豆' })).toEqual(['near', 'long']);
  });

  it('checks the text of a post with more runs than the index keeps', async () => {
    // 3,300 different characters in one run: more run starts than MAX_RUN_STARTS. A run before it pairs two of
    // them (first, so that its pair is among the MAX_TERMS search terms kept).
    const many = Array.from({ length: 3_300 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    const c = (i: number) => many[i] as string;
    await saveInspiration(db, input('many', { text: `${c(101)}${c(500)}，${many}` }), NOW);
    expect(await keysOf({ query: many.slice(100, 104) })).toEqual(['many']);
    expect(await keysOf({ query: many.slice(1_000, 1_020) })).toEqual(['many']);
    // Every pair of this run is in the post, the run itself is not.
    expect(await keysOf({ query: `${c(100)}${c(101)}${c(500)}` })).toEqual([]);
    expect(await keysOf({ query: `${c(101)}${c(500)}` })).toEqual(['many']);
  });

  it('follows edits and deletions: a post is found by what it says now', async () => {
    await editInspiration(db, 'instagram:b', ['手沖教室'], 'copy the reel format', NOW);
    expect(await keysOf({ query: 'carousel' })).toEqual([]);
    expect(await keysOf({ query: 'reel' })).toEqual(['b']);
    expect(await keysOf({ query: '手沖教' })).toEqual(['b']);
    expect(await keysOf({ query: 'events' })).toEqual([]);
    await deleteInspirations(db, ['instagram:a']);
    expect(await keysOf({ query: '沖咖啡' })).toEqual([]);
    expect(await keysOf({ query: '咖啡' })).toEqual([expect.stringMatching(/^url:/), 'c']);
  });

  it('filters by platform, author, every chosen tag and saved date, and combines them', async () => {
    expect(await keysOf({ platforms: ['x', 'threads'] })).toEqual(['d', 'c']);
    expect(await keysOf({ author: { platform: 'instagram', name: 'taipeifoodie' } })).toEqual(['b', 'a']);
    expect(await keysOf({ author: { platform: 'x', name: 'taipeifoodie' } })).toEqual([]);
    expect(await keysOf({ tags: ['launch'] })).toEqual(['c', 'a']);
    expect(await keysOf({ tags: ['launch', '咖啡'] })).toEqual(['a']);
    expect(await keysOf({ tags: ['LAUNCH'] })).toEqual(['c', 'a']);
    expect(await keysOf({ savedFrom: NOW - 4 * HOUR, savedTo: NOW - 2 * HOUR })).toEqual(['d', 'c', 'b']);
    expect(await keysOf({ query: '咖啡', platforms: ['instagram'], tags: ['launch'], savedTo: NOW - 5 * HOUR })).toEqual(['a']);
  });

  it('orders a search as the saved-time index orders the same posts, ties and both directions included', async () => {
    // Three more posts saved at one moment, beside the five: a search orders them from the index's saved times,
    // a filter without a query walks the `savedAt` index (saved time, then key).
    for (const id of ['t2', 't1', 't3']) await saveInspiration(db, input(id, { platform: 'threads', url: `https://www.threads.com/@cafe/post/${id}`, text: 'Oolong tasting too' }), NOW - 2 * HOUR);
    for (const direction of ['desc', 'asc'] as const) {
      const order = async (f: Partial<LibraryFilter>) => (await queryLibrary(db, { filter: filter(f), sort: 'saved', direction, offset: 0, limit: 50 })).items.map((i) => i.postId);
      const searched = await order({ query: 'oolong' });
      expect(searched).toEqual(await order({ platforms: ['threads'] }));
      expect(searched).toEqual(direction === 'desc' ? ['t3', 't2', 't1', 'd'] : ['d', 't1', 't2', 't3']);
    }
  });

  it('pages through the results with the total of all matches', async () => {
    const first = await queryLibrary(db, { filter: EMPTY_FILTER, sort: 'saved', direction: 'desc', offset: 0, limit: 2 });
    const second = await queryLibrary(db, { filter: EMPTY_FILTER, sort: 'saved', direction: 'desc', offset: 2, limit: 2 });
    expect(first.total).toBe(5);
    expect(first.items.map((i) => i.postId)).toEqual([expect.stringMatching(/^url:/), 'd']);
    expect(second.items.map((i) => i.postId)).toEqual(['c', 'b']);
    expect(first.items[0]).not.toHaveProperty('searchTerms');
  });

  it('sorts by engagement or growth, posts without known counts last', async () => {
    await recordSightings(db, [{ platform: 'threads', postId: 'd', counts: { reactions: 70, comments: 3, shares: null, views: 80 } }], NOW);
    const sorted = async (sort: 'engagement' | 'growth', direction: 'desc' | 'asc') =>
      (await queryLibrary(db, { filter: EMPTY_FILTER, sort, direction, offset: 0, limit: 10 })).items.map((i) => i.postId);
    expect((await sorted('engagement', 'desc')).slice(0, 2)).toEqual(['a', 'd']);
    expect((await sorted('engagement', 'asc')).slice(0, 2)).toEqual(['d', 'a']);
    // d grew by 63 reactions (comments were unknown at saving, so they do not count); a by 0.
    expect((await sorted('growth', 'desc')).slice(0, 2)).toEqual(['d', 'a']);
    expect(await sorted('engagement', 'desc')).toHaveLength(5);
  });

  it('offers platforms, tags and authors with their counts', async () => {
    const facets = await libraryFacets(db);
    expect(facets.total).toBe(5);
    expect(facets.platforms).toEqual([
      { platform: 'instagram', count: 2 },
      { platform: 'other', count: 1 },
      { platform: 'threads', count: 1 },
      { platform: 'x', count: 1 },
    ]);
    expect(facets.tags).toEqual([
      { tag: 'launch', count: 2 },
      { tag: '咖啡', count: 2 },
      { tag: 'events', count: 1 },
    ]);
    expect(facets.authors[0]).toEqual({ platform: 'instagram', name: 'taipeifoodie', count: 2 });
    expect(await topTags(db, 2)).toEqual(['launch', '咖啡']);
  });

  it('finds a post by a tag added later, and no longer by a removed one', async () => {
    await editInspiration(db, 'threads:d', ['#Tea', 'oolong'], 'try a tasting reel', NOW);
    expect(await keysOf({ query: 'reel' })).toEqual(['d']);
    expect(await keysOf({ tags: ['tea'] })).toEqual(['d']);
    await editInspiration(db, 'threads:d', [], '', NOW + 1);
    expect(await keysOf({ tags: ['tea'] })).toEqual([]);
    expect(await keysOf({ query: 'reel' })).toEqual([]);
    await expect(editInspiration(db, 'threads:nope', [], '', NOW)).rejects.toThrow(/Not in the library/);
  });

  it('exports every match in order, and lists the keys of a filter', async () => {
    const rows = await libraryRows(db, filter({ tags: ['launch'] }));
    expect(rows.map((r) => r.postId)).toEqual(['c', 'a']);
    expect(await libraryKeys(db, filter({ platforms: ['x'] }))).toEqual(['x:c']);
  });
});

describe('saved posts seen again', () => {
  it('snapshots the counts of saved posts when they change, and stores nothing of other posts', async () => {
    await saveInspiration(db, input('a', { counts: { reactions: 10, comments: 1, shares: null, views: null } }), NOW);
    const counts = { reactions: 10, comments: 1, shares: null, views: null };
    expect(await recordSightings(db, [{ platform: 'instagram', postId: 'a', counts }, { platform: 'instagram', postId: 'zzz', counts }], NOW + 1)).toEqual(['instagram:a']);
    expect(await db.metricSnapshots.count()).toBe(1);
    await recordSightings(db, [{ platform: 'instagram', postId: 'a', counts: { reactions: 25, comments: 4, shares: null, views: null } }], NOW + 2);
    expect(await countHistory(db, 'instagram:a')).toEqual([
      { capturedAt: NOW, reactions: 10, comments: 1, shares: null, views: null },
      { capturedAt: NOW + 2, reactions: 25, comments: 4, shares: null, views: null },
    ]);
    const row = (await db.inspirations.get('instagram:a')) as InspirationRow;
    expect(row).toMatchObject({ countsAtSave: { reactions: 10, comments: 1 }, counts: { reactions: 25, comments: 4 }, countsAt: NOW + 2, engagement: 29, growth: 18 });
    expect(await db.posts.get('instagram:zzz')).toBeUndefined();
    expect(await db.dailyRollups.count()).toBe(0);
  });

  it('starts the growth baseline at the first counts known when saved without any', async () => {
    await saveInspiration(db, { ...input('m'), platform: 'other', postId: 'm', counts: null }, NOW);
    await recordSightings(db, [{ platform: 'other', postId: 'm', counts: { reactions: 3, comments: null, shares: null, views: null } }], NOW + 1);
    await recordSightings(db, [{ platform: 'other', postId: 'm', counts: { reactions: 5, comments: null, shares: null, views: null } }], NOW + 2);
    expect(await db.inspirations.get('other:m')).toMatchObject({ countsAtSave: { reactions: 3 }, engagement: 5, growth: 2 });
  });
});

describe('deleting from the library', () => {
  it('deletes one, many or all, with their count history, keeping what the user’s own posts need', async () => {
    const ctx = { now: NOW, timeZone: 'Asia/Taipei', ownProfileUrl: ME };
    // The user's own post, saved too.
    await recordCapture(db, reading([post('own1', { publishedAt: { at: NOW - HOUR, precision: 'hour' } })], []), ctx);
    await saveInspiration(db, input('own1', { platform: 'linkedin', url: 'https://www.linkedin.com/feed/update/urn:li:activity:own1/', counts: { reactions: 11, comments: 2, shares: 1, views: null } }), NOW);
    for (const id of ['a', 'b', 'c']) await saveInspiration(db, input(id, { counts: { reactions: 1, comments: 0, shares: 0, views: null } }), NOW);
    const rollups = await db.dailyRollups.toArray();
    expect(rollups).toEqual(await computeRollupsFromLog(db, ctx));

    expect(await deleteInspirations(db, ['instagram:a'])).toBe(1);
    expect(await db.posts.get('instagram:a')).toBeUndefined();
    expect(await db.metricSnapshots.where('postKey').equals('instagram:a').count()).toBe(0);
    expect(await deleteInspirations(db, ['instagram:b', 'instagram:c', 'instagram:gone'])).toBe(2);
    expect(await deleteInspirations(db, ['linkedin:own1'])).toBe(1);

    expect(await db.inspirations.count()).toBe(0);
    expect(await db.posts.get('linkedin:own1')).toMatchObject({ isOwn: true, tracked: { own: true, saved: false } });
    expect(await db.metricSnapshots.where('postKey').equals('linkedin:own1').count()).toBe(1); // capture's own snapshot
    expect(await db.dailyRollups.toArray()).toEqual(rollups);
    expect(await db.dailyRollups.toArray()).toEqual(await computeRollupsFromLog(db, ctx));
  });
});

describe('authors view', () => {
  it('ranks competitors by how often they were saved, with their average engagement against the user’s own on that platform', async () => {
    const ctx = { now: NOW, timeZone: 'Asia/Taipei', ownProfileUrl: ME };
    await recordCapture(db, reading([post('o1', { counts: { reactions: 40, comments: 5, shares: 5, views: null } }), post('o2', { counts: { reactions: 10, comments: 0, shares: 0, views: null } })], []), ctx);
    const li = (id: string, name: string, reactions: number | null) =>
      input(id, { platform: 'linkedin', url: `https://www.linkedin.com/feed/update/urn:li:activity:${id}/`, authorName: name, authorUrl: `https://www.linkedin.com/in/${name}/`, counts: reactions === null ? null : { reactions, comments: 0, shares: 0, views: null } });
    await saveInspiration(db, li('r1', 'rival', 100), NOW);
    await saveInspiration(db, li('r2', 'rival', 200), NOW);
    await saveInspiration(db, li('r3', 'rival', null), NOW);
    await saveInspiration(db, li('p1', 'peer', 20), NOW);
    await saveInspiration(db, input('i1', { authorName: 'rival' }), NOW); // same name, other platform: another author

    const { authors, own } = await libraryAuthors(db);
    expect(authors[0]).toEqual({ platform: 'linkedin', name: 'rival', url: 'https://www.linkedin.com/in/rival/', saved: 3, avgEngagement: 150, measured: 2 });
    expect(authors.find((a) => a.name === 'peer')).toMatchObject({ saved: 1, avgEngagement: 20 });
    expect(authors.find((a) => a.platform === 'instagram')).toMatchObject({ name: 'rival', saved: 1, avgEngagement: null });
    expect(own).toEqual(
      expect.arrayContaining([
        { platform: 'linkedin', posts: 2, avgEngagement: 30 },
        { platform: 'instagram', posts: 0, avgEngagement: null },
      ]),
    );
  });
});

describe('a library of 10,000 saved posts', () => {
  it('answers search, filters and sorts from the indexes, exactly as a scan of every row would', async () => {
    const words = ['coffee', 'latte', 'bakery', 'launch', 'sale', 'workshop', 'matcha', 'croissant'];
    const zh = ['手沖咖啡豆', '菠蘿油', '港式奶茶', '抹茶拿鐵', '過年禮盒', '咖啡廳'];
    const platforms: Platform[] = ['instagram', 'x', 'threads', 'facebook', 'linkedin', 'tiktok'];
    const rows: InspirationRow[] = [];
    let seed = 42;
    const r = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
    for (let i = 0; i < 10_000; i++) {
      const platform = pick(platforms);
      const text = `${pick(words)} ${pick(zh)} ${pick(words)} #${i}`;
      const tags = r() < 0.5 ? [pick(['coffee', 'events', '咖啡', 'launch'])] : [];
      const reactions = r() < 0.8 ? Math.floor(r() * 5000) : null;
      const counts = reactions === null ? null : { reactions, comments: Math.floor(r() * 100), shares: null, views: null };
      const atSave = counts && { ...counts, reactions: Math.floor((counts.reactions ?? 0) * r()) };
      const authorName = `author${i % 300}`;
      rows.push({
        key: `${platform}:${i}`,
        platform,
        postId: String(i),
        url: `https://example.com/${platform}/${i}`,
        authorName,
        authorUrl: null,
        text,
        mediaKind: 'text',
        mediaUrl: null,
        publishedAt: null,
        savedFromUrl: 'https://example.com/',
        site: null,
        savedAt: NOW - i * 60_000,
        updatedAt: NOW,
        tags,
        note: '',
        searchTerms: indexTerms(text, '', authorName, '', ...tags),
        countsAtSave: atSave,
        counts,
        countsAt: counts ? NOW : null,
        engagement: engagementOf(counts),
        growth: growthOf(atSave, counts),
      });
    }
    await db.transaction('rw', [db.inspirations, db.libraryIndex], async () => {
      await db.inspirations.bulkAdd(rows);
      await reindexInspirations(
        db.libraryIndex,
        rows.map((after) => ({ before: undefined, after })),
      );
    });

    const scan = (f: LibraryFilter) => {
      const q = normalise(f.query).split(/\s+/).filter(Boolean);
      return rows.filter((row) => {
        const hay = normalise([row.text, row.note, row.authorName, ...row.tags].join(' '));
        const words_ = hay.split(/[^\p{L}\p{N}_]+/u);
        const textMatch = q.every((term) => (/^[a-z]/.test(term) ? words_.some((w) => w.startsWith(term)) : hay.includes(term)));
        return (
          textMatch &&
          (f.platforms.length === 0 || f.platforms.includes(row.platform)) &&
          f.tags.every((t) => row.tags.includes(t)) &&
          (f.savedFrom === null || row.savedAt >= f.savedFrom) &&
          (f.savedTo === null || row.savedAt <= f.savedTo) &&
          (f.author === null || (row.platform === f.author.platform && row.authorName === f.author.name))
        );
      });
    };
    const cases: LibraryFilter[] = [
      filter({ query: '咖啡' }),
      filter({ query: '咖啡豆' }),
      filter({ query: 'coff 奶茶' }),
      filter({ query: '沖咖啡' }),
      filter({ query: '手沖咖啡豆 latte' }),
      filter({ query: 'latte', savedFrom: NOW - 3_000 * 60_000, savedTo: NOW - 1_000 * 60_000 }),
      filter({ query: 'matcha', platforms: ['x', 'tiktok'], tags: ['events'] }),
      filter({ tags: ['咖啡'], savedFrom: NOW - 2_000 * 60_000 }),
      filter({ author: { platform: 'instagram', name: 'author7' } }),
    ];
    for (const f of cases) {
      const expected = scan(f)
        .sort((a, b) => b.savedAt - a.savedAt)
        .map((row) => row.key);
      const got = await queryLibrary(db, { filter: f, sort: 'saved', direction: 'desc', offset: 0, limit: 500 });
      expect(got.total, JSON.stringify(f)).toBe(expected.length);
      expect(got.items.map((i) => i.key)).toEqual(expected.slice(0, 500));
    }
    expect(scan(cases[0]!).length).toBeGreaterThan(1000);

    const byEngagement = await queryLibrary(db, { filter: filter({ query: 'latte' }), sort: 'engagement', direction: 'desc', offset: 0, limit: 100 });
    const engagements = byEngagement.items.map((i) => i.engagement);
    expect(engagements.every((e) => e !== null)).toBe(true);
    expect([...engagements].sort((a, b) => (b ?? 0) - (a ?? 0))).toEqual(engagements);
    const best = Math.max(...scan(filter({ query: 'latte' })).map((row) => row.engagement ?? -1));
    expect(engagements[0]).toBe(best);
  }, 180_000);
});
