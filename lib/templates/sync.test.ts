import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SocialDeskDB } from '@/lib/db/schema';
import { deleteTemplate, ensureStarterTemplates, listTemplates, saveTemplate } from '@/lib/db/templates';
import type { TemplateInput } from '@/lib/messaging/protocol';
import { NOW } from '@/test/builders';
import {
  chunkString,
  createTemplateSync,
  itemBytes,
  mergeRemoteTemplates,
  SETTINGS_RESERVE_BYTES,
  SYNC_PREFIX,
  SYNC_QUOTA,
  touchesTemplates,
  type SyncArea,
} from './sync';

/**
 * Two "browsers" (two databases) share one sync storage: WXT's fakeBrowser
 * `storage.sync`, wrapped so it refuses writes over Chrome's quotas exactly as
 * Chrome does. A test that passes never hit that refusal.
 */

let n = 0;
let a: SocialDeskDB;
let b: SocialDeskDB;
let clock = NOW;
const now = () => clock;

beforeEach(async () => {
  a = new SocialDeskDB(`sync-a-${n}`);
  b = new SocialDeskDB(`sync-b-${n++}`);
  await Promise.all([a.open(), b.open()]);
  clock = NOW;
});
afterEach(async () => {
  await Promise.all([a.delete(), b.delete()]);
});

class QuotaError extends Error {}

/** Chrome's storage.sync quotas on top of the fake area. */
function chromeSync(): SyncArea & { writes: number } {
  const area = fakeBrowser.storage.sync;
  const wrapped = {
    writes: 0,
    get: (keys?: null | string | string[]) => area.get(keys ?? null) as Promise<Record<string, unknown>>,
    remove: (keys: string | string[]) => area.remove(keys),
    async set(items: Record<string, unknown>) {
      const after = { ...(await area.get(null)), ...items };
      for (const [k, v] of Object.entries(items)) {
        if (itemBytes(k, v) > SYNC_QUOTA.QUOTA_BYTES_PER_ITEM) throw new QuotaError(`QUOTA_BYTES_PER_ITEM quota exceeded (${k})`);
      }
      const total = Object.entries(after).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
      if (total > SYNC_QUOTA.QUOTA_BYTES) throw new QuotaError('QUOTA_BYTES quota exceeded');
      if (Object.keys(after).length > SYNC_QUOTA.MAX_ITEMS) throw new QuotaError('MAX_ITEMS quota exceeded');
      wrapped.writes++;
      await area.set(items);
    },
  };
  return wrapped;
}

const input = (over: Partial<TemplateInput> = {}): TemplateInput => ({
  id: null,
  name: 'Thanks',
  body: '{Thanks|Thank you}, {first_name}!',
  category: 'thanks',
  language: 'en',
  platforms: [],
  shortCode: null,
  ...over,
});

async function create(db: SocialDeskDB, over: Partial<TemplateInput> = {}) {
  const result = await saveTemplate(db, input(over), clock);
  if (!result.ok) throw new Error(result.reason);
  return result.template;
}

const contents = async (db: SocialDeskDB) =>
  (await listTemplates(db, {}, clock)).map((t) => ({ id: t.id, name: t.name, body: t.body, updatedAt: t.updatedAt })).sort((x, y) => x.id.localeCompare(y.id));

async function syncKeys() {
  return Object.keys(await fakeBrowser.storage.sync.get(null)).filter((k) => k.startsWith(SYNC_PREFIX)).sort();
}

describe('writing the compact copy', () => {
  it('writes chunks within the per-item quota, and another browser reads the same templates back', async () => {
    const area = chromeSync();
    await ensureStarterTemplates(a, clock);
    // Enough text (three bytes a character) to need several chunks.
    for (let i = 0; i < 8; i++) await create(a, { name: `長範本 ${i}`, body: `{first_name}你好，${'謝謝你的支持與鼓勵'.repeat(60)}"引號"\\斜線` });
    const status = await createTemplateSync(a, area, { now }).push();
    expect(status).toMatchObject({ state: 'synced' });
    const stored = await fakeBrowser.storage.sync.get(null);
    const keys = await syncKeys();
    expect(keys.length).toBeGreaterThan(3);
    for (const k of keys) expect(itemBytes(k, stored[k])).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES_PER_ITEM);
    expect(status.bytes).toBe(keys.reduce((sum, k) => sum + itemBytes(k, stored[k]), 0));

    await createTemplateSync(b, area, { now }).pull();
    expect(await contents(b)).toEqual(await contents(a));
  });

  it('does not write again when nothing changed', async () => {
    const area = chromeSync();
    await create(a);
    const sync = createTemplateSync(a, area, { now });
    await sync.push();
    const writes = area.writes;
    expect(await sync.push()).toMatchObject({ state: 'synced' });
    expect(area.writes).toBe(writes);
  });

  it('removes chunks a smaller copy no longer needs', async () => {
    const area = chromeSync();
    const big = await create(a, { body: 'x'.repeat(4_000) + '{first_name}' });
    const bigger = await create(a, { body: 'y'.repeat(4_900) + '{first_name}' });
    const sync = createTemplateSync(a, area, { now });
    await sync.push();
    const before = await syncKeys();
    expect(before.length).toBe(3);
    await deleteTemplate(a, big.id, ++clock);
    await deleteTemplate(a, bigger.id, clock);
    await sync.push();
    const after = await syncKeys();
    expect(after.length).toBeLessThan(before.length);
    await createTemplateSync(b, area, { now }).pull();
    expect(await contents(b)).toEqual([]);
  });
});

describe('quota', () => {
  it('skips the write and says so when the templates do not fit; the last copy that fitted stays', async () => {
    const area = chromeSync();
    const sync = createTemplateSync(a, area, { now });
    await create(a, { name: 'Small' });
    expect(await sync.push()).toMatchObject({ state: 'synced' });
    const before = await fakeBrowser.storage.sync.get(null);
    // 30 templates of ~4,000 bytes: over the 100 KB quota.
    for (let i = 0; i < 30; i++) await create(a, { name: `Big ${i}`, body: `{first_name} ${'a'.repeat(4_000)}` });
    const status = await sync.push();
    expect(status.state).toBe('too_large');
    expect(status.bytes).toBeGreaterThan(status.limit);
    expect(status.limit).toBe(SYNC_QUOTA.QUOTA_BYTES - SETTINGS_RESERVE_BYTES);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(before);
    expect(await sync.status()).toMatchObject({ state: 'too_large' });
    // Deleting enough makes it fit again.
    for (const t of (await listTemplates(a, { query: 'Big' }, clock)).slice(0, 15)) await deleteTemplate(a, t.id, ++clock);
    expect(await sync.push()).toMatchObject({ state: 'synced' });
  });

  it('leaves room for the settings items already in sync storage', async () => {
    const area = chromeSync();
    await fakeBrowser.storage.sync.set({ ownProfiles: { linkedin: { profileUrl: 'https://www.linkedin.com/in/mei/', displayName: 'Mei' } }, weekStart: 1 });
    const settingsBytes = itemBytes('ownProfiles', (await fakeBrowser.storage.sync.get('ownProfiles')).ownProfiles) + itemBytes('weekStart', 1);
    for (let i = 0; i < 21; i++) await create(a, { name: `Big ${i}`, body: `{first_name} ${'a'.repeat(4_000)}` });
    const status = await createTemplateSync(a, area, { now }).push();
    expect(status.limit).toBe(SYNC_QUOTA.QUOTA_BYTES - SETTINGS_RESERVE_BYTES - settingsBytes);
    expect(status.state).toBe('synced');
    // Two more would still fit the quota itself, but not with the settings' reserve kept free.
    for (let i = 0; i < 2; i++) await create(a, { name: `More ${i}`, body: `{first_name} ${'a'.repeat(4_000)}` });
    expect(await createTemplateSync(a, area, { now }).push()).toMatchObject({ state: 'too_large' });
    // Whatever was written, the settings can still grow by the reserve.
    const stored = await fakeBrowser.storage.sync.get(null);
    const total = Object.entries(stored).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
    expect(total).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES - SETTINGS_RESERVE_BYTES);
  });

  it('counts items against MAX_ITEMS', async () => {
    const area = chromeSync();
    const many: Record<string, number> = {};
    for (let i = 0; i < 485; i++) many[`setting${i}`] = i;
    await fakeBrowser.storage.sync.set(many);
    await create(a);
    expect(await createTemplateSync(a, area, { now }).push()).toMatchObject({ state: 'too_large' });
    expect(await syncKeys()).toEqual([]);
  });

  it('reports a refused write as an error and tries again on the next change', async () => {
    const area = chromeSync();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const set = vi.spyOn(area, 'set').mockRejectedValueOnce(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    await create(a);
    const sync = createTemplateSync(a, area, { now });
    expect(await sync.push()).toMatchObject({ state: 'error' });
    expect(await sync.push()).toMatchObject({ state: 'synced' });
    expect(set).toHaveBeenCalledTimes(2);
  });

  it('is unavailable without a sync area', async () => {
    expect(await createTemplateSync(a, null, { now }).push()).toEqual({ state: 'unavailable', bytes: 0, limit: 0, at: null });
  });
});

describe('merging', () => {
  it('takes newer templates from sync and keeps this browser’s usage counts', async () => {
    const area = chromeSync();
    const syncA = createTemplateSync(a, area, { now });
    const syncB = createTemplateSync(b, area, { now });
    const t = await create(a, { name: 'v1' });
    await syncA.push();
    await syncB.pull();
    await b.templates.update(t.id, { useCount: 9, lastUsedAt: clock });
    clock += 1000;
    await saveTemplate(a, input({ id: t.id, name: 'v2' }), clock);
    await syncA.push();
    await syncB.pull();
    expect(await b.templates.get(t.id)).toMatchObject({ name: 'v2', useCount: 9, lastUsedAt: NOW });
  });

  it('keeps a local edit newer than the synced copy, and sends it back', async () => {
    const area = chromeSync();
    const syncA = createTemplateSync(a, area, { now });
    const syncB = createTemplateSync(b, area, { now });
    const t = await create(a, { name: 'v1' });
    await syncA.push();
    await syncB.pull();
    clock += 1000;
    await saveTemplate(a, input({ id: t.id, name: 'from A' }), clock);
    clock += 1000;
    await saveTemplate(b, input({ id: t.id, name: 'from B, later' }), clock);
    await syncA.push();
    await syncB.pull(); // B merges A's older edit (ignored) and writes its own
    await syncA.pull();
    expect((await a.templates.get(t.id))?.name).toBe('from B, later');
    expect((await b.templates.get(t.id))?.name).toBe('from B, later');
  });

  it('carries deletions as tombstones, and an edit made after a deletion wins', async () => {
    const area = chromeSync();
    const syncA = createTemplateSync(a, area, { now });
    const syncB = createTemplateSync(b, area, { now });
    const gone = await create(a, { name: 'Gone' });
    const kept = await create(a, { name: 'Kept' });
    await syncA.push();
    await syncB.pull();
    clock += 1000;
    await deleteTemplate(a, gone.id, clock);
    await deleteTemplate(a, kept.id, clock);
    clock += 1000;
    // B edits "Kept" after A deleted it, before seeing the deletion.
    await saveTemplate(b, input({ id: kept.id, name: 'Kept, edited' }), clock);
    await syncA.push();
    await syncB.pull();
    expect((await listTemplates(b, {}, clock)).map((t) => t.name)).toEqual(['Kept, edited']);
    await syncA.pull();
    expect((await listTemplates(a, {}, clock)).map((t) => t.name)).toEqual(['Kept, edited']);
    // A deletion is not undone by an old copy coming back.
    expect((await a.templates.get(gone.id))?.deletedAt).toBe(NOW + 1000);
  });

  it('lets a starter template edited elsewhere win over the same starter freshly seeded here', async () => {
    const area = chromeSync();
    await ensureStarterTemplates(a, clock);
    clock += 1000;
    await saveTemplate(a, input({ id: 'starter-en-thanks', name: 'Our thanks', shortCode: 'thanks' }), clock);
    await deleteTemplate(a, 'starter-en-hours', clock);
    await createTemplateSync(a, area, { now }).push();
    // A new browser: seeded first, then merged.
    clock += 60_000;
    await ensureStarterTemplates(b, clock);
    await createTemplateSync(b, area, { now }).push();
    expect((await b.templates.get('starter-en-thanks'))?.name).toBe('Our thanks');
    expect((await b.templates.get('starter-en-hours'))?.deletedAt).toBe(NOW + 1000);
    expect(await contents(b)).toEqual(await contents(a));
  });

  it('settles on the same copy when two browsers edit at the same millisecond, then stops writing', async () => {
    const area = chromeSync();
    const syncA = createTemplateSync(a, area, { now });
    const syncB = createTemplateSync(b, area, { now });
    const t = await create(a, { name: 'v1' });
    await syncA.push();
    await syncB.pull();
    clock += 1000;
    await saveTemplate(a, input({ id: t.id, name: 'A' }), clock);
    await saveTemplate(b, input({ id: t.id, name: 'B' }), clock);
    await syncA.push();
    await syncB.push();
    await syncA.pull();
    expect((await a.templates.get(t.id))?.name).toBe((await b.templates.get(t.id))?.name);
    const writes = area.writes;
    await syncA.pull();
    await syncB.pull();
    expect(area.writes).toBe(writes);
  });

  it('does not rewrite a copy that differs only in which old deletions it still carries', async () => {
    const area = chromeSync();
    const t = await create(a);
    await deleteTemplate(a, t.id, clock);
    const syncA = createTemplateSync(a, area, { now });
    await syncA.push();
    const writes = area.writes;
    // Half a year later the tombstone is past its time here, but sync has nothing this browser lacks.
    clock += 200 * 86_400_000;
    expect(await syncA.push()).toMatchObject({ state: 'synced' });
    expect(area.writes).toBe(writes);
  });

  it('waits for every chunk of a write before merging it', async () => {
    const area = chromeSync();
    for (let i = 0; i < 3; i++) await create(a, { name: `T${i}`, body: `{first_name} ${'b'.repeat(5_000)}` });
    await createTemplateSync(a, area, { now }).push();
    const all = await fakeBrowser.storage.sync.get(null);
    // The sync server delivered the meta and the first chunk only.
    await fakeBrowser.storage.sync.clear();
    await fakeBrowser.storage.sync.set({ [`${SYNC_PREFIX}meta`]: all[`${SYNC_PREFIX}meta`], [`${SYNC_PREFIX}0`]: all[`${SYNC_PREFIX}0`] });
    await createTemplateSync(b, { ...area, set: async () => undefined }, { now }).pull();
    expect(await b.templates.count()).toBe(0);
  });

  it('ignores malformed entries from sync storage', async () => {
    const payload = JSON.stringify({
      t: [
        ['ok', 'Fine', 'Hi {first_name}', 'thanks', 'en', 'facebook,myspace', null, 0, 1, 2],
        ['bad', 42, 'x', 'c', 'en', '', null, 0, 1, 2],
        ['short'],
        'junk',
      ],
      d: [['x', 'not a time'], ['gone', 5]],
    });
    expect(await mergeRemoteTemplates(a, payload)).toBe(2);
    expect(await a.templates.get('ok')).toMatchObject({ name: 'Fine', platforms: ['facebook'], useCount: 0 });
    expect(await a.templates.get('gone')).toMatchObject({ deletedAt: 5 });
    expect(await mergeRemoteTemplates(a, '{not json')).toBe(0);
    expect(await mergeRemoteTemplates(a, '[]')).toBe(0);
  });
});

describe('helpers', () => {
  it('chunks by JSON bytes without splitting a character', () => {
    const text = `${'咖啡'.repeat(500)}😀"\\\n${'é'.repeat(300)}😀`;
    const chunks = chunkString(text, 200);
    expect(chunks.join('')).toBe(text);
    for (const c of chunks) {
      expect(new TextEncoder().encode(JSON.stringify(c)).length).toBeLessThanOrEqual(200);
      expect(c).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
    expect(chunkString('', 100)).toEqual(['']);
  });

  it('recognises changes to the synced templates only', () => {
    expect(touchesTemplates({ [`${SYNC_PREFIX}meta`]: {} }, 'sync')).toBe(true);
    expect(touchesTemplates({ [`${SYNC_PREFIX}meta`]: {} }, 'local')).toBe(false);
    expect(touchesTemplates({ weekStart: {} }, 'sync')).toBe(false);
  });

  it('clears only its own keys', async () => {
    const area = chromeSync();
    await fakeBrowser.storage.sync.set({ weekStart: 0 });
    await create(a);
    const sync = createTemplateSync(a, area, { now });
    await sync.push();
    await sync.clear();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({ weekStart: 0 });
  });
});
