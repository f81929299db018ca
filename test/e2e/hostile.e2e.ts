import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openExtensionPage, readTable, ROOT, type Session } from './harness';

/**
 * Page content is untrusted. A comment whose text is markup with a script in
 * it is shown as text in the panel, the popup's world and the dashboard, and
 * no script runs anywhere; the extension itself sends nothing to the network.
 */
const POST_URL = 'https://www.linkedin.com/feed/update/urn:li:activity:7390000000000000001/';
const HOSTILE = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>';
const escaped = HOSTILE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const FIXTURE = readFileSync(join(ROOT, 'test/fixtures/linkedin/own-post.html'), 'utf8').replace(
  'Do you ship to Singapore? Would love to try the Guji natural for our café.',
  escaped,
);

let session: Session;
const dialogs: string[] = [];
beforeAll(async () => {
  expect(FIXTURE).toContain(escaped);
  session = await launch({ panelOpen: true });
  session.serve(POST_URL, FIXTURE);
  session.context.on('page', (p) => p.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss())));
});
afterAll(async () => {
  await session?.close();
});

describe('hostile page content', () => {
  it('is shown as text in the panel and never runs', async () => {
    const page = await session.context.newPage();
    page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await page.goto(POST_URL);
    const panel = page.locator('social-desk-panel');
    const shown = panel.locator('[data-testid="comment"] .sd-comment-text', { hasText: 'onerror' });
    await shown.waitFor({ timeout: 15_000 });
    expect(await shown.textContent()).toBe(HOSTILE);
    expect(await panel.locator('[data-testid="comment"] img, [data-testid="comment"] script').count()).toBe(0);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect.poll(async () => (await readTable<{ text: string }>(session.worker, 'interactions')).some((i) => i.text === HOSTILE)).toBe(true);
    await page.close();
  });

  it('is shown as text in the dashboard’s log, and nothing runs in the extension’s pages', async () => {
    const dashboard = await openExtensionPage(session, 'dashboard.html#/settings');
    const cell = dashboard.locator('[data-testid="log-row"] td', { hasText: 'onerror' }).first();
    await cell.waitFor({ timeout: 10_000 });
    expect(await cell.textContent()).toBe(HOSTILE);
    expect(await dashboard.locator('[data-testid="log-row"] img').count()).toBe(0);
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.locator('[data-testid="metricCommentsReceived"]').waitFor();
    for (const p of [dashboard, popup]) expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await dashboard.close();
    await popup.close();
  });

  it('sends nothing to the page’s own message listeners', async () => {
    // Pages' window "message" handlers are often careless; the content script never posts to the page's window.
    const page = await session.context.newPage();
    await page.addInitScript(() => {
      const seen: unknown[] = [];
      (window as unknown as { __messages: unknown[] }).__messages = seen;
      addEventListener('message', (e) => seen.push(e.data));
    });
    await page.goto(POST_URL);
    await page.locator('social-desk-panel [data-testid="own-post"]').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __messages: unknown[] }).__messages)).toEqual([]);
    await page.close();
  });

  it('the extension made no network request of its own', () => {
    // Every request the browser tried, other than the served pages, was recorded and aborted by the harness.
    // The fixture page has no external resources, so anything here came from the extension.
    expect(session.blocked.filter((u) => !/^https:\/\/www\.linkedin\.com\/favicon\.ico$/.test(u))).toEqual([]);
  });
});
