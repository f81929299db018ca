import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspirationPostId, saveInspiration, type InspirationInput } from './inspirations';
import { recordManualInteraction } from './manual';
import { computeRollupsFromLog } from './rollups';
import { SocialDeskDB } from './schema';

let db: SocialDeskDB;
let n = 0;
beforeEach(async () => {
  db = new SocialDeskDB(`inspiration-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const input = (over: Partial<InspirationInput> = {}): InspirationInput => ({
  platform: 'other',
  postId: null,
  url: 'https://blog.example.tw/posts/pour-over',
  authorName: 'blog.example.tw',
  authorUrl: null,
  text: '手沖咖啡豆的五個秘訣',
  mediaKind: 'unknown',
  mediaUrl: null,
  publishedAt: null,
  counts: null,
  savedFromUrl: 'https://blog.example.tw/posts/pour-over',
  tags: ['Coffee', '#手沖'],
  note: 'for Friday’s post',
  ...over,
});

describe('saveInspiration', () => {
  it('updates the post saved from the feed when the same post is saved by its link (context menu), keeping what the feed read', async () => {
    const feed = input({
      platform: 'x',
      postId: '1866',
      url: 'https://x.com/rivalcafe/status/1866',
      authorName: 'Rival Café',
      authorUrl: 'https://x.com/rivalcafe',
      text: 'Our winter menu is here ☕',
      mediaKind: 'image',
      counts: { reactions: 120, comments: 8, shares: 4, views: null },
      tags: ['menu'],
      note: 'seasonal',
    });
    const first = await saveInspiration(db, feed, 1000);
    const again = await saveInspiration(
      db,
      input({ platform: 'x', postId: null, url: 'https://mobile.x.com/rivalcafe/status/1866/?s=20#top', authorName: 'X', text: 'winter menu', tags: ['Idea'], note: '' }),
      2000,
    );
    expect(await db.inspirations.count()).toBe(1);
    expect(again).toMatchObject({ key: first.key, created: false, text: 'Our winter menu is here ☕', authorName: 'Rival Café', mediaKind: 'image', tags: ['menu', 'idea'], note: 'seasonal' });
    expect(again.counts).toEqual(first.counts);
    // Another post at another address is a new one; ids in the query (YouTube's v) keep addresses apart.
    await saveInspiration(db, input({ platform: 'x', postId: null, url: 'https://x.com/rivalcafe/status/1867' }), 3000);
    await saveInspiration(db, input({ platform: 'youtube', postId: null, url: 'https://www.youtube.com/watch?v=aaa&t=5' }), 3000);
    await saveInspiration(db, input({ platform: 'youtube', postId: null, url: 'https://www.youtube.com/watch?v=bbb' }), 3000);
    await saveInspiration(db, input({ platform: 'youtube', postId: null, url: 'https://m.youtube.com/watch?v=aaa', note: 'new note' }), 4000);
    expect(await db.inspirations.count()).toBe(4);
    expect((await db.inspirations.where('platform').equals('youtube').toArray()).map((r) => r.note).sort()).toEqual(['for Friday’s post', 'new note']);
  });

  it('saves a page from any site under its host name, searchable in Chinese', async () => {
    const row = await saveInspiration(db, input(), 1000);
    expect(row).toMatchObject({ key: `other:${inspirationPostId(input())}`, site: 'blog.example.tw', tags: ['coffee', '手沖'] });
    expect(await db.inspirations.where('searchTerms').equals('咖啡').count()).toBe(1);
    expect((await db.posts.get(row.key))?.tracked.saved).toBe(true);
  });

  it('updates instead of duplicating, keeps the first save time and old tags when none are given', async () => {
    await saveInspiration(db, input(), 1000);
    const again = await saveInspiration(db, input({ text: 'edited', tags: null, note: null }), 2000);
    expect(await db.inspirations.count()).toBe(1);
    expect(again).toMatchObject({ savedAt: 1000, updatedAt: 2000, text: 'edited', tags: ['coffee', '手沖'], note: 'for Friday’s post' });
  });

  it('snapshots counts of a saved post only when they change, outside the weekly numbers', async () => {
    const withCounts = input({ platform: 'instagram', postId: 'ABC', url: 'https://www.instagram.com/p/ABC/', counts: { reactions: 10, comments: 1, shares: null, views: null } });
    await saveInspiration(db, withCounts, 1000);
    await saveInspiration(db, withCounts, 2000);
    await saveInspiration(db, { ...withCounts, counts: { reactions: 12, comments: 1, shares: null, views: null } }, 3000);
    expect(await db.metricSnapshots.count()).toBe(2);
    expect(await db.dailyRollups.count()).toBe(0);
  });
});

describe('saving again', () => {
  it('says whether it was new, and keeps the media link, profile and counts at saving when a later save has none', async () => {
    const first = await saveInspiration(
      db,
      input({ platform: 'x', postId: '77', url: 'https://x.com/a/status/77', mediaKind: 'image', mediaUrl: 'https://pbs.example/1.jpg', authorUrl: 'https://x.com/a', counts: { reactions: 5, comments: 1, shares: 0, views: 100 } }),
      1000,
    );
    const again = await saveInspiration(db, input({ platform: 'x', postId: '77', url: 'https://x.com/a/status/77', mediaUrl: null, authorUrl: null, counts: { reactions: 9, comments: null, shares: 0, views: 150 } }), 2000);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({
      created: false,
      mediaKind: 'image',
      mediaUrl: 'https://pbs.example/1.jpg',
      authorUrl: 'https://x.com/a',
      countsAtSave: { reactions: 5, comments: 1, shares: 0, views: 100 },
      // A count the page no longer shows keeps its last value.
      counts: { reactions: 9, comments: 1, shares: 0, views: 150 },
      engagement: 10,
      growth: 4,
    });
    expect(await db.inspirations.get(again.key)).not.toHaveProperty('created');
    expect(await db.metricSnapshots.count()).toBe(2);
  });
});

describe('recordManualInteraction', () => {
  it('records once and counts in the rollups', async () => {
    const entry = { kind: 'comment_received' as const, platform: 'other' as const, url: 'https://forum.example.hk/t/1', actorName: 'Ka Ming', text: '幾錢？', occurredAt: Date.UTC(2026, 10, 27, 3) };
    const a = await recordManualInteraction(db, entry, 5, { timeZone: 'Asia/Hong_Kong' });
    const b = await recordManualInteraction(db, entry, 6, { timeZone: 'Asia/Hong_Kong' });
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ site: 'forum.example.hk', status: 'open' });
    expect(await db.interactions.count()).toBe(1);
    expect(await db.dailyRollups.toArray()).toEqual(await computeRollupsFromLog(db, { timeZone: 'Asia/Hong_Kong' }));
    expect((await db.dailyRollups.toArray())[0]).toMatchObject({ day: '2026-11-27', platform: 'other', commentsReceived: 1 });
  });
});
