import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openExtensionPage, readTable, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

describe('manual mode on any other site', () => {
  it('saves a page and a selection as inspiration, with the site’s host name', async () => {
    const q = new URLSearchParams({ mode: 'inspiration', url: 'https://blog.example.tw/pour-over', page: 'https://blog.example.tw/pour-over', text: '手沖咖啡豆 <img src=x onerror=alert(1)>', source: 'Example blog' });
    const page = await openExtensionPage(session, `record.html?${q.toString()}`);
    await page.getByLabel(/Tags|標籤/).fill('coffee, 手沖');
    await page.getByRole('button', { name: /^(Save|儲存)$/ }).click();
    await page.getByRole('status').waitFor();
    const rows = await readTable<{ platform: string; site: string; text: string; tags: string[] }>(session.worker, 'inspirations');
    expect(rows).toEqual([expect.objectContaining({ platform: 'other', site: 'blog.example.tw', text: '手沖咖啡豆 <img src=x onerror=alert(1)>', tags: ['coffee', '手沖'] })]);
    // Saving the same page again updates it.
    await page.getByRole('button', { name: /^(Save|儲存)$/ }).click();
    await page.waitForTimeout(300);
    expect(await readTable(session.worker, 'inspirations')).toHaveLength(1);
    await page.close();
  });

  it('records an interaction seen on another site and counts it this week', async () => {
    const q = new URLSearchParams({ mode: 'interaction', url: 'https://forum.example.hk/t/42', text: '' });
    const page = await openExtensionPage(session, `record.html?${q.toString()}`);
    await page.getByLabel(/^(Who|對象)$/).fill('Ka Ming');
    await page.getByLabel(/^(Text|內容)$/).fill('請問幾錢？');
    await page.getByRole('button', { name: /^(Save|儲存)$/ }).click();
    await page.getByRole('status').waitFor();
    const rows = await readTable<{ platform: string; site: string; kind: string; status: string }>(session.worker, 'interactions');
    expect(rows).toEqual([expect.objectContaining({ platform: 'other', site: 'forum.example.hk', kind: 'comment_received', status: 'open' })]);
    const popup = await openExtensionPage(session, 'popup.html');
    await expect.poll(() => popup.locator('[data-testid="waiting"]').textContent()).toMatch(/: 1$/);
    await popup.close();
    await page.close();
  });
});
