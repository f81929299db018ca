import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SocialDeskDB } from '../db/schema';
import { responseSchemaFor, type Request } from '../messaging/protocol';
import { createRouter } from '../messaging/router';
import { createHandlers } from './handlers';
import { NOW, post } from '@/test/builders';

/** The library's messages behind the real router and database, answers checked against their schemas. */

const ID = 'ext';
const tab = { id: ID, url: 'https://x.com/home', tab: { id: 1 } };
const page = { id: ID, url: `chrome-extension://${ID}/dashboard.html` };

let db: SocialDeskDB;
let now = NOW;
let route: ReturnType<typeof createRouter>;
let n = 0;
beforeEach(async () => {
  db = new SocialDeskDB(`library-handlers-${n++}`);
  await db.open();
  route = createRouter(
    createHandlers(db, {
      getOwnProfiles: async () => ({}),
      setOwnProfiles: async () => undefined,
      getWeekStart: async () => 1,
      getTimeZone: async () => 'Asia/Taipei',
      getAllSettings: async () => ({}) as never,
      setAllSettings: async () => undefined,
      clearAllSettings: async () => undefined,
      now: () => now,
    }),
    { extensionId: ID, extensionOrigin: `chrome-extension://${ID}/` },
  );
});
afterEach(async () => {
  await db.delete();
});

async function ask<T extends Request>(message: T, sender: typeof tab | typeof page) {
  const answer = await route(message, sender);
  const parsed = responseSchemaFor(message.type).safeParse(answer);
  expect(parsed.success, JSON.stringify(answer)).toBe(true);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data as never as Record<string, unknown> & { [k: string]: never };
}

const tweet = (id: string, reactions: number) =>
  post(id, {
    platform: 'x',
    url: `https://x.com/rival/status/${id}`,
    author: { name: 'Rival 對手', profileUrl: 'https://x.com/rival' },
    text: `手沖咖啡豆 tweet ${id}`,
    counts: { reactions, comments: 1, shares: 2, views: 100 },
  });

describe('library messages', () => {
  it('saves from the feed, says it is saved when seen again, snapshots growth, edits, searches, exports and deletes', async () => {
    const saved = await ask({ type: 'CS_SAVE_POST', pageUrl: 'https://x.com/home', post: { ...tweet('1', 10), mediaUrl: 'https://pbs.example/1.jpg' } }, tab);
    expect(saved).toMatchObject({ created: true, item: { key: 'x:1', mediaUrl: 'https://pbs.example/1.jpg', savedFromUrl: 'https://x.com/home', engagement: 13 } });
    await ask({ type: 'CS_EDIT_SAVED', key: 'x:1', tags: ['Coffee', '#手沖'], note: '好文' }, tab);
    expect(await ask({ type: 'CS_SAVE_POST', pageUrl: 'https://x.com/home', post: { ...tweet('2', 5), mediaUrl: null } }, tab)).toMatchObject({ suggestedTags: ['coffee', '手沖'] });

    now += 3_600_000;
    const seen = await ask({ type: 'CS_SEEN_POSTS', posts: [tweet('1', 40), tweet('3', 1)].map((p) => ({ platform: p.platform, postId: p.postId, counts: p.counts })) }, tab);
    expect(seen).toEqual({ saved: ['x:1'] });
    expect(await ask({ type: 'UI_LIBRARY_HISTORY', key: 'x:1' }, page)).toMatchObject({ snapshots: [{ reactions: 10 }, { reactions: 40 }] });

    const filter = { query: '咖啡 tweet', platforms: [], author: null, tags: ['手沖'], savedFrom: null, savedTo: null };
    expect(await ask({ type: 'UI_LIBRARY_QUERY', filter, sort: 'growth', direction: 'desc', offset: 0, limit: 10 }, page)).toMatchObject({ total: 1, items: [{ key: 'x:1', growth: 30 }] });
    expect(await ask({ type: 'UI_LIBRARY_FACETS' }, page)).toMatchObject({ total: 2, tags: [{ tag: 'coffee', count: 1 }, { tag: '手沖', count: 1 }] });
    expect(await ask({ type: 'UI_LIBRARY_AUTHORS' }, page)).toMatchObject({ authors: [{ name: 'Rival 對手', saved: 2 }], own: [{ platform: 'x', posts: 0, avgEngagement: null }] });
    expect(await ask({ type: 'UI_LIBRARY_EXPORT', filter: { ...filter, query: '', tags: [] }, sort: 'saved', direction: 'asc' }, page)).toMatchObject({ items: [{ key: 'x:1' }, { key: 'x:2' }] });
    expect(await ask({ type: 'UI_LIBRARY_KEYS', filter: { ...filter, query: '', tags: [] } }, page)).toEqual({ keys: ['x:2', 'x:1'] });
    expect(await ask({ type: 'UI_LIBRARY_EDIT', key: 'x:2', tags: ['launch'], note: '' }, page)).toMatchObject({ item: { tags: ['launch'] } });

    expect(await ask({ type: 'CS_UNSAVE', key: 'x:2' }, tab)).toEqual({ deleted: 1 });
    expect(await ask({ type: 'UI_LIBRARY_DELETE', target: { kind: 'all', confirm: 'DELETE' } }, page)).toEqual({ deleted: 1 });
    expect(await db.inspirations.count()).toBe(0);
    expect(await db.metricSnapshots.count()).toBe(0);
    expect(await db.posts.count()).toBe(0);
  });

  it('answers an edit of a post that is not saved with a typed error', async () => {
    expect(await route({ type: 'UI_LIBRARY_EDIT', key: 'x:404', tags: [], note: '' }, page)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
