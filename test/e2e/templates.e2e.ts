import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STARTER_TEMPLATES } from '@/lib/templates/starter';
import { itemBytes, SETTINGS_RESERVE_BYTES, SYNC_PREFIX, SYNC_QUOTA, syncItemsFor } from '@/lib/templates/sync';
import { launch, openExtensionPage, readTable, sendFromPage, type Session } from './harness';

/**
 * The dashboard's Reply templates tab in the real extension: starter set,
 * editing with errors, and templates in Chrome's own storage.sync (with its
 * real quotas) — written after each change, merged when "another browser"
 * writes there.
 */

let session: Session;
let page: Page;
beforeAll(async () => {
  session = await launch();
  page = await openExtensionPage(session, 'dashboard.html#/templates');
});
afterAll(async () => {
  await session?.close();
});

type SyncData = Record<string, unknown>;
const readSync = () => session.worker.evaluate(() => chrome.storage.sync.get(null) as Promise<SyncData>);
const writeSync = (items: SyncData) => session.worker.evaluate((i) => chrome.storage.sync.set(i), items);
const names = () => page.locator('[data-testid="template-item"] strong').allTextContents();

function syncedPayload(all: SyncData): { t: unknown[][]; d: unknown[][] } {
  const meta = all[`${SYNC_PREFIX}meta`] as { n: number };
  const text = Array.from({ length: meta.n }, (_, i) => all[`${SYNC_PREFIX}${i}`] as string).join('');
  return JSON.parse(text) as { t: unknown[][]; d: unknown[][] };
}

describe('reply templates in the dashboard', () => {
  it('ships the starter set in English and Traditional Chinese and copies it to sync storage', async () => {
    await expect.poll(async () => (await names()).length).toBe(STARTER_TEMPLATES.length);
    expect(await names()).toEqual(expect.arrayContaining(['Thanks for the love', '謝謝支持', 'Price enquiry', '價格詢問']));
    // Starters link to an example page until the user puts in theirs: the list says so.
    const price = page.locator('[data-testid="template-item"]').filter({ has: page.locator('strong', { hasText: /^Price enquiry$/ }) });
    await expect.poll(() => price.textContent()).toContain('Replace the example link');
    await expect.poll(async () => Object.keys(await readSync()).some((k) => k === `${SYNC_PREFIX}meta`)).toBe(true);
    const all = await readSync();
    for (const [k, v] of Object.entries(all)) expect(itemBytes(k, v)).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES_PER_ITEM);
    expect(syncedPayload(all).t).toHaveLength(STARTER_TEMPLATES.length);
    await expect.poll(() => page.getByTestId('templates-sync').textContent()).toMatch(/^Synced to your other browsers/);
  });

  it('creates a template: an unknown variable blocks saving until fixed; the new template is synced', async () => {
    await page.getByRole('button', { name: 'New template' }).click();
    const editor = page.getByRole('form', { name: 'New template' });
    await editor.getByLabel('Name', { exact: true }).fill('Market day');
    await editor.getByLabel('Reply text').fill('Hi {firstname}! See you at {link:https://maple.example/market?day=sat#map}');
    await expect.poll(() => editor.getByRole('alert').textContent()).toContain('Unknown variable {firstname}.');
    expect(await editor.getByRole('button', { name: 'Save template' }).isDisabled()).toBe(true);
    await editor.getByLabel('Reply text').fill('Hi {first_name}! See you at {link:https://maple.example/market?day=sat#map}');
    await expect
      .poll(() => editor.getByTestId('template-preview').textContent())
      .toBe('Hi Amy! See you at https://maple.example/market?day=sat&utm_source=facebook&utm_medium=social&utm_campaign=social-replies#map');
    await editor.getByLabel('Short code').fill('market');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('“Market day” saved.');
    const rows = await readTable<{ name: string; shortCode: string | null; deletedAt?: number | null }>(session.worker, 'templates');
    expect(rows.find((r) => r.name === 'Market day')).toMatchObject({ shortCode: 'market', deletedAt: null });
    await expect.poll(async () => syncedPayload(await readSync()).t.some((t) => t[1] === 'Market day')).toBe(true);
  });

  it('merges a template another browser wrote to sync storage, and a deletion from there', async () => {
    const payload = syncedPayload(await readSync());
    const now = Date.now();
    payload.t.push(['tpl-from-laptop', 'From my laptop', '{Thanks|Thank you}, {first_name}!', 'thanks', 'en', '', 'laptop', 0, now, now]);
    // The laptop deleted a starter template after this browser seeded it.
    payload.t = payload.t.filter((t) => t[0] !== 'starter-en-photo');
    payload.d.push(['starter-en-photo', now]);
    const items = syncItemsFor(JSON.stringify(payload));
    await writeSync(items);
    await expect.poll(names, { timeout: 10_000 }).toContain('From my laptop');
    expect(await names()).not.toContain('Thanks for the photo');
    const rows = await readTable<{ id: string; deletedAt?: number | null }>(session.worker, 'templates');
    expect(rows.find((r) => r.id === 'starter-en-photo')?.deletedAt).toBe(now);
  });

  it('keeps templates local and says so when they no longer fit the sync quota', async () => {
    for (let i = 0; i < 24; i++) {
      const answer = await sendFromPage(page, {
        type: 'UI_SAVE_TEMPLATE',
        template: { id: null, name: `Long ${i}`, body: `{first_name} ${'長'.repeat(1_600)}`, category: 'other', language: 'zh-TW', platforms: [], shortCode: null },
      });
      expect(answer).toMatchObject({ ok: true, data: { ok: true } });
    }
    await page.reload();
    await expect
      .poll(() => page.getByTestId('templates-sync').textContent())
      .toMatch(/^Your templates need [\d.,]+ KB but the browser’s sync storage has room for [\d.,]+ KB, so they stay on this computer only\./);
    // The last copy that fitted stays, complete, within the quota with room for the settings; Chrome refused nothing.
    const all = await readSync();
    const synced = syncedPayload(all).t.filter((t) => String(t[1]).startsWith('Long '));
    expect(synced.length).toBeGreaterThan(5);
    expect(synced.length).toBeLessThan(24);
    const total = Object.entries(all).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
    expect(total).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES - SETTINGS_RESERVE_BYTES);
    // Deleting a few makes them fit again.
    const rows = await readTable<{ id: string; name: string; deletedAt?: number | null }>(session.worker, 'templates');
    for (const row of rows.filter((r) => r.name.startsWith('Long ') && !r.deletedAt).slice(0, 10)) {
      expect(await sendFromPage(page, { type: 'UI_DELETE_TEMPLATE', id: row.id })).toMatchObject({ ok: true, data: { deleted: true } });
    }
    await page.reload();
    await expect.poll(() => page.getByTestId('templates-sync').textContent()).toMatch(/^Synced to your other browsers/);
    expect(syncedPayload(await readSync()).t.filter((t) => String(t[1]).startsWith('Long '))).toHaveLength(14);
  });
});
