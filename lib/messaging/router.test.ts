import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from './router';
import { reading, post, comment } from '@/test/builders';

const ID = 'our-extension-id';
const ORIGIN = `chrome-extension://${ID}/`;
const fromTab = { id: ID, url: 'https://www.linkedin.com/feed/', tab: { id: 3 } };
const fromPopup = { id: ID, url: `${ORIGIN}popup.html` };

const libraryItem = {
  key: 'x:1',
  platform: 'x' as const,
  postId: '1',
  url: 'https://x.com/a/status/1',
  authorName: 'a',
  authorUrl: null,
  text: '',
  mediaKind: 'text' as const,
  mediaUrl: null,
  publishedAt: null,
  savedFromUrl: 'https://x.com/home',
  site: null,
  savedAt: 1,
  updatedAt: 1,
  tags: [],
  note: '',
  countsAtSave: null,
  counts: null,
  countsAt: null,
  engagement: null,
  growth: null,
};

function setup() {
  const handlers = {
    CS_CAPTURE_PAGE: vi.fn(async () => ({ ownPostKeys: [], comments: [], added: 0, ownProfileUrl: null })),
    CS_SET_COMMENT_STATUS: vi.fn(async () => ({ status: 'dismissed' as const })),
    UI_GET_WEEK_STATS: vi.fn(async () => {
      throw Object.assign(new Error('wrapped'), { inner: { name: 'QuotaExceededError' } });
    }),
    UI_LIST_INTERACTIONS: vi.fn(async () => []),
    UI_LIST_WAITING: vi.fn(async () => ({ total: 0, items: [] })),
    UI_STORAGE_STATE: vi.fn(async () => ({ fullSince: null })),
    UI_SET_COMMENT_STATUS: vi.fn(async () => ({ status: 'dismissed' as const })),
    UI_SAVE_INSPIRATION: vi.fn(async () => ({ key: 'other:x', savedAt: 1, updatedAt: 1 })),
    UI_RECORD_INTERACTION: vi.fn(async () => ({ id: 'other:mention:x' })),
    UI_EXPORT_BACKUP: vi.fn(async () => ({ format: 'social-desk-backup' as const, version: 1, exportedAt: '', schemaVersion: 1, settings: {}, tables: {} })),
    UI_PREVIEW_IMPORT: vi.fn(async () => ({ ok: false as const, error: { kind: 'json' as const, path: '(file)', message: 'x' } })),
    UI_IMPORT_BACKUP: vi.fn(async () => ({ ok: false as const, error: { kind: 'json' as const, path: '(file)', message: 'x' } })),
    UI_STORAGE_USAGE: vi.fn(async () => ({
      tables: { posts: 0, metricSnapshots: 0, interactions: 0, templates: 0, inspirations: 0, dailyRollups: 0, weeklySummaries: 0, libraryIndex: 0 },
      usage: null,
      quota: null,
    })),
    UI_CLEANUP_SNAPSHOTS: vi.fn(async () => ({ deleted: 0 })),
    UI_DELETE_ALL_DATA: vi.fn(async () => ({ deletedRows: 0 })),
    UI_LIST_WEEKLY_SUMMARIES: vi.fn(async () => ({ weekStart: 1, timeZone: 'Asia/Taipei', nextSummaryDay: '2026-11-30', summaries: [] })),
    UI_EXPORT_INTERACTIONS: vi.fn(async () => ({ rows: [], next: null })),
    UI_EXPORT_SNAPSHOTS: vi.fn(async () => ({ rows: [], next: null })),
    UI_LIST_OWN_POSTS: vi.fn(async () => ({ posts: [], more: false })),
    UI_GET_POST_HISTORY: vi.fn(async () => ({ post: null, snapshots: [] })),
    CS_LIST_TEMPLATES: vi.fn(async () => ({ templates: [], campaign: 'social-replies', myName: null })),
    CS_RECORD_TEMPLATE_USE: vi.fn(async () => ({ useCount: 1 })),
    UI_LIST_TEMPLATES: vi.fn(async () => ({ templates: [], sync: { state: 'unavailable' as const, bytes: 0, limit: 0, at: null } })),
    UI_SAVE_TEMPLATE: vi.fn(async () => ({ ok: false as const, reason: 'not_found' as const, errors: [], conflictName: null })),
    UI_DELETE_TEMPLATE: vi.fn(async () => ({ deleted: false, sync: { state: 'unavailable' as const, bytes: 0, limit: 0, at: null } })),
    UI_RESTORE_STARTER_TEMPLATES: vi.fn(async () => ({ restored: 0, sync: { state: 'unavailable' as const, bytes: 0, limit: 0, at: null } })),
    UI_TEMPLATE_STATS: vi.fn(async () => []),
    CS_SAVE_POST: vi.fn(async () => ({ item: libraryItem, created: true, suggestedTags: [] })),
    CS_EDIT_SAVED: vi.fn(async () => ({ item: libraryItem })),
    CS_UNSAVE: vi.fn(async () => ({ deleted: 1 })),
    CS_SEEN_POSTS: vi.fn(async () => ({ saved: [] })),
    CS_LOAD_PANEL_UI: vi.fn(async () => ({ loaded: true as const })),
    CS_START_CONTENT: vi.fn(async () => ({ started: true as const })),
    UI_LIBRARY_QUERY: vi.fn(async () => ({ total: 0, items: [] })),
    UI_LIBRARY_KEYS: vi.fn(async () => ({ keys: [] })),
    UI_LIBRARY_FACETS: vi.fn(async () => ({ total: 0, platforms: [], tags: [], authors: [] })),
    UI_LIBRARY_AUTHORS: vi.fn(async () => ({ authors: [], own: [] })),
    UI_LIBRARY_EDIT: vi.fn(async () => ({ item: libraryItem })),
    UI_LIBRARY_DELETE: vi.fn(async () => ({ deleted: 0 })),
    UI_LIBRARY_EXPORT: vi.fn(async () => ({ items: [] })),
    UI_LIBRARY_HISTORY: vi.fn(async () => ({ snapshots: [] })),
  } satisfies Handlers;
  const storage = { full: vi.fn(), wrote: vi.fn() };
  return { handlers, storage, route: createRouter(handlers, { extensionId: ID, extensionOrigin: ORIGIN, storage }) };
}

const capture = { type: 'CS_CAPTURE_PAGE', pageUrl: 'https://www.linkedin.com/feed/', reading: reading([post('1')], [comment('c', '1')]) };

describe('router', () => {
  it('runs the handler for a valid message from the right context', async () => {
    const { route, handlers } = setup();
    expect(await route(capture, fromTab)).toMatchObject({ ok: true });
    expect(handlers.CS_CAPTURE_PAGE).toHaveBeenCalledOnce();
  });

  it.each([
    ['a foreign extension', { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' }],
    ['a web page (no id)', { url: 'https://evil.example/' }],
  ])('rejects %s with FOREIGN_SENDER', async (_, sender) => {
    const { route, handlers } = setup();
    expect(await route(capture, sender)).toEqual({ ok: false, error: { code: 'FOREIGN_SENDER', message: expect.any(String) } });
    expect(handlers.CS_CAPTURE_PAGE).not.toHaveBeenCalled();
  });

  it.each([
    ['no type', {}],
    ['unknown type', { type: 'CS_DROP_DATABASE' }],
    ['not an object', 'hello'],
    ['null', null],
    ['a wrong field type', { ...capture, pageUrl: 42 }],
    ['a non-http url', { ...capture, pageUrl: 'javascript:alert(1)' }],
    ['an oversized text', { ...capture, reading: reading([post('1', { text: 'x'.repeat(20_001) })], []) }],
    ['a negative count', { ...capture, reading: reading([post('1', { counts: { reactions: -1, comments: 0, shares: 0, views: null } })], []) }],
    ['an unknown platform', { ...capture, reading: { ...capture.reading, platform: 'myspace' } }],
  ])('rejects a message with %s as BAD_MESSAGE', async (_, message) => {
    const { route, handlers } = setup();
    const result = await route(message, fromTab);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    expect(handlers.CS_CAPTURE_PAGE).not.toHaveBeenCalled();
  });

  it('rejects content-script messages from extension pages and page messages from tabs', async () => {
    const { route } = setup();
    expect(await route(capture, fromPopup)).toMatchObject({ ok: false, error: { code: 'WRONG_CONTEXT' } });
    expect(await route({ type: 'UI_LIST_INTERACTIONS', limit: 5 }, fromTab)).toMatchObject({ ok: false, error: { code: 'WRONG_CONTEXT' } });
    expect(await route({ type: 'UI_LIST_INTERACTIONS', limit: 5 }, fromPopup)).toMatchObject({ ok: true });
  });

  it('reports a full disk as STORAGE_FULL, and says when a write goes through again', async () => {
    const { route, storage } = setup();
    expect(await route({ type: 'UI_GET_WEEK_STATS' }, fromPopup)).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } });
    expect(storage.full).toHaveBeenCalledOnce();
    // Reads and refused writes prove nothing; a stored capture does.
    await route({ type: 'UI_LIST_INTERACTIONS', limit: 5 }, fromPopup);
    await route({ type: 'UI_IMPORT_BACKUP', text: '{' }, fromPopup);
    expect(storage.wrote).not.toHaveBeenCalled();
    await route(capture, fromTab);
    expect(storage.wrote).toHaveBeenCalledOnce();
  });
});
