import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../background/handlers';
import { SocialDeskDB } from '../db/schema';
import { ERROR_CODES, type Request } from './protocol';
import { createRouter } from './router';
import { comment, ME, NOW, post, reading } from '@/test/builders';

/**
 * Every message handler behind the real router and a real (fake-indexeddb)
 * database, fed wrong shapes, wrong types, oversized strings, unknown types
 * and foreign senders: each is refused with a typed error and nothing is written.
 */

function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ID = 'ext-id';
const ORIGIN = `chrome-extension://${ID}/`;
const tab = { id: ID, url: 'https://www.linkedin.com/feed/', tab: { id: 1 } };
const page = { id: ID, url: `${ORIGIN}dashboard.html` };

const valid: Array<[Request, typeof tab | typeof page]> = [
  [{ type: 'CS_CAPTURE_PAGE', pageUrl: 'https://www.linkedin.com/feed/', reading: reading([post('1')], [comment('c1', '1')]) }, tab],
  [{ type: 'CS_SET_COMMENT_STATUS', interactionId: 'linkedin:comment_received:c1', status: 'dismissed' }, tab],
  [{ type: 'UI_GET_WEEK_STATS', now: NOW }, page],
  [{ type: 'UI_LIST_INTERACTIONS', limit: 10 }, page],
  [{ type: 'UI_LIST_WAITING', limit: 100 }, page],
  [{ type: 'UI_SET_COMMENT_STATUS', interactionId: 'linkedin:comment_received:c1', status: 'dismissed' }, page],
  [
    {
      type: 'UI_SAVE_INSPIRATION',
      inspiration: {
        platform: 'other',
        postId: null,
        url: 'https://blog.example/x',
        authorName: 'blog',
        authorUrl: null,
        text: 't',
        mediaKind: 'unknown',
        mediaUrl: null,
        publishedAt: null,
        counts: null,
        savedFromUrl: 'https://blog.example/x',
        tags: ['a'],
        note: null,
      },
    },
    page,
  ],
  [{ type: 'UI_RECORD_INTERACTION', interaction: { kind: 'mention', platform: 'other', url: 'https://f.example/', actorName: 'a', text: 'b', occurredAt: NOW } }, page],
  [{ type: 'UI_CLEANUP_SNAPSHOTS', olderThanDays: 365 }, page],
  [{ type: 'UI_DELETE_ALL_DATA', confirm: 'DELETE' }, page],
  [{ type: 'UI_LIST_WEEKLY_SUMMARIES', limit: 12 }, page],
  [{ type: 'UI_EXPORT_INTERACTIONS', after: null, limit: 500 }, page],
  [{ type: 'UI_EXPORT_INTERACTIONS', after: 'linkedin:comment_received:c1', limit: 500 }, page],
  [{ type: 'UI_EXPORT_SNAPSHOTS', after: 3, limit: 500 }, page],
  [{ type: 'UI_LIST_OWN_POSTS', before: [NOW, 'linkedin:1'], limit: 50 }, page],
  [{ type: 'UI_GET_POST_HISTORY', postKey: 'linkedin:1' }, page],
  [{ type: 'CS_LIST_TEMPLATES', platform: 'linkedin', language: 'zh' }, tab],
  [{ type: 'CS_RECORD_TEMPLATE_USE', templateId: 'starter-en-thanks', commentInteractionId: 'linkedin:comment_received:c1' }, tab],
  [{ type: 'UI_LIST_TEMPLATES', platform: null, language: null, query: 'thanks' }, page],
  [
    {
      type: 'UI_SAVE_TEMPLATE',
      template: { id: null, name: 'Thanks', body: '{Thanks|Thank you}, {first_name}!', category: 'thanks', language: 'en', platforms: ['facebook'], shortCode: '/ty' },
    },
    page,
  ],
  [{ type: 'UI_DELETE_TEMPLATE', id: 'starter-en-thanks' }, page],
  [{ type: 'UI_RESTORE_STARTER_TEMPLATES', languages: ['en'] }, page],
  // UI_TEMPLATE_STATS has no fields to break.
  [{ type: 'CS_SAVE_POST', pageUrl: 'https://www.linkedin.com/feed/', post: { ...post('9', { author: { name: 'Rival', profileUrl: 'https://www.linkedin.com/in/rival/' } }), mediaUrl: null } }, tab],
  [{ type: 'CS_EDIT_SAVED', key: 'linkedin:9', tags: ['coffee'], note: 'n' }, tab],
  [{ type: 'CS_UNSAVE', key: 'linkedin:9' }, tab],
  [{ type: 'CS_SEEN_POSTS', posts: [{ platform: 'linkedin', postId: '9', counts: { reactions: 1, comments: null, shares: 0, views: null } }] }, tab],
  [
    {
      type: 'UI_LIBRARY_QUERY',
      filter: { query: '咖啡', platforms: ['x'], author: { platform: 'x', name: 'a' }, tags: ['coffee'], savedFrom: 0, savedTo: NOW },
      sort: 'engagement',
      direction: 'desc',
      offset: 0,
      limit: 50,
    },
    page,
  ],
  [{ type: 'UI_LIBRARY_KEYS', filter: { query: 'q', platforms: [], author: null, tags: [], savedFrom: null, savedTo: null } }, page],
  // UI_LIBRARY_FACETS and UI_LIBRARY_AUTHORS have no fields to break.
  [{ type: 'UI_LIBRARY_EDIT', key: 'linkedin:9', tags: ['a'], note: '' }, page],
  [{ type: 'UI_LIBRARY_DELETE', target: { kind: 'keys', keys: ['linkedin:9'] } }, page],
  [{ type: 'UI_LIBRARY_DELETE', target: { kind: 'all', confirm: 'DELETE' } }, page],
  [{ type: 'UI_LIBRARY_EXPORT', filter: { query: '', platforms: ['x'], author: null, tags: [], savedFrom: null, savedTo: null }, sort: 'saved', direction: 'asc' }, page],
  [{ type: 'UI_LIBRARY_HISTORY', key: 'linkedin:9' }, page],
];

/** Paths to every leaf of a value. */
function leaves(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

function setAt(root: unknown, path: Array<string | number>, replace: (old: unknown) => unknown | typeof DELETE): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  const next = replace(node[last]);
  if (next === DELETE) delete node[last];
  else node[last] = next;
  return copy;
}
const DELETE = Symbol('delete');

/** A change that no schema accepts: a different type, a missing required key, or a string over every bound. */
function breakLeaf(old: unknown, r: () => number): unknown {
  if (typeof old === 'string') return r() < 0.5 ? 12345 : 'x'.repeat(2_100_000);
  if (typeof old === 'number') return r() < 0.5 ? String(old) : { n: old };
  if (typeof old === 'boolean') return 'true';
  if (old === null) return r() < 0.5 ? { bogus: true } : [[]];
  return DELETE;
}

let db: SocialDeskDB;
let route: ReturnType<typeof createRouter>;

/** Every table's rows, so "nothing written" means no row added, changed or removed anywhere. */
async function snapshot() {
  return Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const));
}

beforeAll(async () => {
  db = new SocialDeskDB('fuzz-test');
  await db.open();
  let profiles = {};
  route = createRouter(
    createHandlers(db, {
      getOwnProfiles: async () => profiles,
      setOwnProfiles: async (v) => void (profiles = v),
      getWeekStart: async () => 1,
      getTimeZone: async () => 'Asia/Taipei',
      getAllSettings: async () => ({ ownProfiles: profiles, weekStart: 1, timeZone: 'Asia/Taipei', panelOpen: true, templateCampaign: 'social-replies', weeklySummaryNotify: false }),
      setAllSettings: async () => undefined,
      clearAllSettings: async () => undefined,
      now: () => NOW,
    }),
    { extensionId: ID, extensionOrigin: ORIGIN },
  );
  profiles = { linkedin: { profileUrl: ME, displayName: 'Mei Lin', confirmed: true, detectedAt: 0 } };
});
afterAll(async () => {
  await db.delete();
});

describe('fuzzing every message handler', () => {
  it('refuses broken messages with a typed error and writes nothing', async () => {
    const r = rng(20261128);
    const before = await snapshot();
    let tried = 0;
    for (const [message, sender] of valid) {
      const paths = leaves(message).filter((p) => p[0] !== 'type');
      for (let i = 0; i < 40; i++) {
        const path = paths[Math.floor(r() * paths.length)]!;
        const broken = setAt(message, path, (old) => breakLeaf(old, r));
        const result = await route(broken, sender);
        expect(result.ok, `${message.type} with ${path.join('.')} broken`).toBe(false);
        if (result.ok) continue;
        expect(ERROR_CODES).toContain(result.error.code);
        expect(result.error.code).toBe('BAD_MESSAGE');
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(150);
    expect(await snapshot()).toEqual(before);
  });

  it('answers a restore of a bad file with the file’s error, and one that is not text with BAD_MESSAGE', async () => {
    // UI_PREVIEW_IMPORT / UI_IMPORT_BACKUP carry any text by design (a backup file), so they are not in `valid`.
    const before = await snapshot();
    for (const type of ['UI_PREVIEW_IMPORT', 'UI_IMPORT_BACKUP']) {
      expect(await route({ type, text: 42 }, page)).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
      expect(await route({ type, text: '{"format":"social-desk-backup","version":1,"tables":{"posts":[{"key":' }, page)).toMatchObject({
        ok: true,
        data: { ok: false },
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses unknown types, non-objects and random values', async () => {
    const r = rng(7);
    const before = await snapshot();
    const randomValue = (depth: number): unknown => {
      const k = Math.floor(r() * 6);
      if (depth > 2 || k === 0) return Math.floor(r() * 1e6) - 5e5;
      if (k === 1) return 'CS_' + Math.floor(r() * 1e9).toString(36);
      if (k === 2) return null;
      if (k === 3) return Array.from({ length: 3 }, () => randomValue(depth + 1));
      return { type: r() < 0.5 ? 'UI_' + Math.floor(r() * 1e6).toString(36) : randomValue(depth + 1), data: randomValue(depth + 1) };
    };
    for (let i = 0; i < 300; i++) {
      const result = await route(randomValue(0), r() < 0.5 ? tab : page);
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses every valid message from another extension, a web page, or the wrong context', async () => {
    const before = await snapshot();
    // The messages without fields (nothing to break above) are refused from the wrong senders too.
    const fieldless: Array<[Request, typeof tab | typeof page]> = [
      ...(['UI_EXPORT_BACKUP', 'UI_STORAGE_USAGE', 'UI_STORAGE_STATE', 'UI_TEMPLATE_STATS', 'UI_LIBRARY_FACETS', 'UI_LIBRARY_AUTHORS'] as const).map(
        (type): [Request, typeof page] => [{ type }, page],
      ),
      [{ type: 'CS_LOAD_PANEL_UI' }, tab],
    ];
    for (const [message, sender] of [...valid, ...fieldless]) {
      expect(await route(message, { id: 'other-extension', url: 'chrome-extension://other-extension/x.html' })).toMatchObject({ ok: false, error: { code: 'FOREIGN_SENDER' } });
      expect(await route(message, { url: 'https://evil.example/', tab: { id: 9 } })).toMatchObject({ ok: false, error: { code: 'FOREIGN_SENDER' } });
      expect(await route(message, sender === tab ? page : tab)).toMatchObject({ ok: false, error: { code: 'WRONG_CONTEXT' } });
    }
    expect(await snapshot()).toEqual(before);
  });
});
