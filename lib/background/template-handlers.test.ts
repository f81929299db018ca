import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SocialDeskDB } from '../db/schema';
import type { TemplateSyncStatus } from '../messaging/protocol';
import { createRouter } from '../messaging/router';
import { readAllSettings, type OwnProfiles } from '../storage';
import { STARTER_TEMPLATES } from '../templates/starter';
import { createTemplateSync, SYNC_PREFIX } from '../templates/sync';
import { createHandlers, type SettingsAccess } from './handlers';
import { comment, ME, NOW, post, reading } from '@/test/builders';

/** The template messages behind the real router, with a real database and WXT's fake sync storage. */

const ID = 'ext-id';
const tab = { id: ID, url: 'https://www.facebook.com/maplecafe/posts/1', tab: { id: 1 } };
const page = { id: ID, url: `chrome-extension://${ID}/dashboard.html` };

let db: SocialDeskDB;
let route: ReturnType<typeof createRouter>;
let profiles: OwnProfiles;
let templateSync: NonNullable<SettingsAccess['templateSync']>;
let n = 0;

beforeEach(async () => {
  db = new SocialDeskDB(`template-handlers-${n++}`);
  await db.open();
  profiles = { facebook: { profileUrl: 'https://www.facebook.com/maplecafe', displayName: 'Maple Café', confirmed: true, detectedAt: 0 } };
  templateSync = createTemplateSync(db, fakeBrowser.storage.sync, { now: () => NOW });
  route = createRouter(
    createHandlers(db, {
      getOwnProfiles: async () => profiles,
      setOwnProfiles: async (v) => void (profiles = v),
      getWeekStart: async () => 1,
      getTimeZone: async () => 'Asia/Taipei',
      getAllSettings: async () => ({ ...(await readAllSettings()), ownProfiles: profiles, templateCampaign: 'Winter Menu' }),
      setAllSettings: async () => undefined,
      clearAllSettings: async () => undefined,
      now: () => NOW,
      templateSync,
    }),
    { extensionId: ID, extensionOrigin: `chrome-extension://${ID}/` },
  );
});
afterEach(async () => {
  await db.delete();
});

const template = { id: null, name: 'Market day', body: 'See you {Saturday|this weekend}, {first_name}!', category: 'other', language: 'en', platforms: ['facebook'], shortCode: '/market' };

describe('template messages', () => {
  it('gives the content script the starter set on first use, filtered, with the campaign and the user’s name', async () => {
    const answer = await route({ type: 'CS_LIST_TEMPLATES', platform: 'facebook', language: 'zh' }, tab);
    expect(answer).toMatchObject({ ok: true, data: { campaign: 'Winter Menu', myName: 'Maple Café' } });
    const data = (answer as { data: { templates: Array<{ language: string }> } }).data;
    expect(data.templates).toHaveLength(STARTER_TEMPLATES.filter((t) => t.language === 'zh-TW').length);
    expect(data.templates.every((t) => t.language === 'zh-TW')).toBe(true);
    expect(await route({ type: 'CS_LIST_TEMPLATES', platform: 'linkedin', language: null }, tab)).toMatchObject({ ok: true, data: { myName: null } });
  });

  it('saves, lists, deletes and restores from the dashboard, writing to sync storage each time', async () => {
    // The background seeds the starter set when it starts; the first list does the same.
    await route({ type: 'UI_LIST_TEMPLATES', platform: null, language: null, query: '' }, page);
    const saved = await route({ type: 'UI_SAVE_TEMPLATE', template }, page);
    expect(saved).toMatchObject({ ok: true, data: { ok: true, template: { name: 'Market day', shortCode: 'market', builtIn: false }, sync: { state: 'synced' } } });
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toContain(`${SYNC_PREFIX}meta`);
    const id = (saved as { data: { template: { id: string } } }).data.template.id;

    const list = await route({ type: 'UI_LIST_TEMPLATES', platform: 'facebook', language: 'en', query: 'market' }, page);
    expect(list).toMatchObject({ ok: true, data: { templates: [{ id }], sync: { state: 'synced' } } });

    const again = await route({ type: 'UI_SAVE_TEMPLATE', template: { ...template, name: 'Other' } }, page);
    expect(again).toMatchObject({ ok: true, data: { ok: false, reason: 'short_code_taken', conflictName: 'Market day' } });
    const broken = await route({ type: 'UI_SAVE_TEMPLATE', template: { ...template, shortCode: null, body: 'Hi {frist_name}' } }, page);
    expect(broken).toMatchObject({ ok: true, data: { ok: false, reason: 'body_errors', errors: [{ code: 'unknown_variable', start: 3, end: 15 }] } });

    expect(await route({ type: 'UI_DELETE_TEMPLATE', id }, page)).toMatchObject({ ok: true, data: { deleted: true, sync: { state: 'synced' } } });
    expect(await route({ type: 'UI_DELETE_TEMPLATE', id: 'starter-en-thanks' }, page)).toMatchObject({ ok: true, data: { deleted: true } });
    expect(await route({ type: 'UI_RESTORE_STARTER_TEMPLATES', languages: ['en'] }, page)).toMatchObject({ ok: true, data: { restored: 1 } });
  });

  it('records which template answered a comment, and the dashboard sees its stats', async () => {
    await route({ type: 'CS_CAPTURE_PAGE', pageUrl: 'https://www.linkedin.com/feed/', reading: reading([post('1')], [comment('c1', '1')]) }, { ...tab, url: 'https://www.linkedin.com/feed/' });
    profiles.linkedin = { profileUrl: ME, displayName: 'Mei Lin', confirmed: true, detectedAt: 0 };
    await route({ type: 'CS_LIST_TEMPLATES', platform: 'linkedin', language: 'zh' }, tab);
    const use = await route({ type: 'CS_RECORD_TEMPLATE_USE', templateId: 'starter-zh-TW-dm', commentInteractionId: 'linkedin:comment_received:c1' }, tab);
    expect(use).toEqual({ ok: true, data: { useCount: 1 } });
    const stats = await route({ type: 'UI_TEMPLATE_STATS' }, page);
    expect((stats as { data: Array<{ templateId: string; uses: number }> }).data.find((s) => s.templateId === 'starter-zh-TW-dm')).toMatchObject({ uses: 1, replies: 0 });
    // A template that is gone is a typed error, not a crash.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await route({ type: 'CS_RECORD_TEMPLATE_USE', templateId: 'nope', commentInteractionId: 'x' }, tab)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('keeps the template messages to their contexts', async () => {
    expect(await route({ type: 'UI_SAVE_TEMPLATE', template }, tab)).toMatchObject({ ok: false, error: { code: 'WRONG_CONTEXT' } });
    expect(await route({ type: 'CS_RECORD_TEMPLATE_USE', templateId: 'a', commentInteractionId: 'b' }, page)).toMatchObject({ ok: false, error: { code: 'WRONG_CONTEXT' } });
  });

  it('“Delete all my data” also removes the templates’ copy in sync storage, then starts again from the starter set', async () => {
    await fakeBrowser.storage.sync.set({ weekStart: 0 });
    await route({ type: 'UI_SAVE_TEMPLATE', template }, page);
    expect(await route({ type: 'UI_DELETE_ALL_DATA', confirm: 'DELETE' }, page)).toMatchObject({ ok: true });
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toEqual(['weekStart']);
    const list = await route({ type: 'UI_LIST_TEMPLATES', platform: null, language: null, query: '' }, page);
    expect((list as { data: { templates: unknown[] } }).data.templates).toHaveLength(STARTER_TEMPLATES.length);
  });

  it('says sync is unavailable when the background has none', async () => {
    const local = createRouter(
      createHandlers(db, {
        getOwnProfiles: async () => profiles,
        setOwnProfiles: async () => undefined,
        getWeekStart: async () => 1,
        getTimeZone: async () => 'Asia/Taipei',
        getAllSettings: readAllSettings,
        setAllSettings: async () => undefined,
        clearAllSettings: async () => undefined,
        now: () => NOW,
      }),
      { extensionId: ID, extensionOrigin: `chrome-extension://${ID}/` },
    );
    const unavailable: TemplateSyncStatus = { state: 'unavailable', bytes: 0, limit: 0, at: null };
    expect(await local({ type: 'UI_SAVE_TEMPLATE', template }, page)).toMatchObject({ ok: true, data: { ok: true, sync: unavailable } });
  });
});
