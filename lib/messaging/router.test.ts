import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from './router';
import { reading, post, comment } from '@/test/builders';

const ID = 'our-extension-id';
const ORIGIN = `chrome-extension://${ID}/`;
const fromTab = { id: ID, url: 'https://www.linkedin.com/feed/', tab: { id: 3 } };
const fromPopup = { id: ID, url: `${ORIGIN}popup.html` };

function setup() {
  const handlers = {
    CS_CAPTURE_PAGE: vi.fn(async () => ({ ownPostKeys: [], comments: [], added: 0, ownProfileUrl: null })),
    CS_SET_COMMENT_STATUS: vi.fn(async () => ({ status: 'dismissed' as const })),
    UI_GET_WEEK_STATS: vi.fn(async () => {
      throw Object.assign(new Error('wrapped'), { inner: { name: 'QuotaExceededError' } });
    }),
    UI_LIST_INTERACTIONS: vi.fn(async () => []),
    UI_SAVE_INSPIRATION: vi.fn(async () => ({ key: 'other:x', savedAt: 1, updatedAt: 1 })),
    UI_RECORD_INTERACTION: vi.fn(async () => ({ id: 'other:mention:x' })),
    UI_EXPORT_BACKUP: vi.fn(async () => ({ format: 'social-desk-backup' as const, version: 1, exportedAt: '', schemaVersion: 1, settings: {}, tables: {} })),
    UI_PREVIEW_IMPORT: vi.fn(async () => ({ ok: false as const, error: { kind: 'json' as const, path: '(file)', message: 'x' } })),
    UI_IMPORT_BACKUP: vi.fn(async () => ({ ok: false as const, error: { kind: 'json' as const, path: '(file)', message: 'x' } })),
    UI_STORAGE_USAGE: vi.fn(async () => ({
      tables: { posts: 0, metricSnapshots: 0, interactions: 0, templates: 0, inspirations: 0, dailyRollups: 0 },
      usage: null,
      quota: null,
    })),
    UI_CLEANUP_SNAPSHOTS: vi.fn(async () => ({ deleted: 0 })),
    UI_DELETE_ALL_DATA: vi.fn(async () => ({ deletedRows: 0 })),
  } satisfies Handlers;
  return { handlers, route: createRouter(handlers, { extensionId: ID, extensionOrigin: ORIGIN }) };
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

  it('reports a full disk as STORAGE_FULL', async () => {
    const { route } = setup();
    expect(await route({ type: 'UI_GET_WEEK_STATS' }, fromPopup)).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } });
  });
});
