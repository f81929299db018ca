import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedWorld } from '../bench/browser';
import { launch, readTable, ROOT, type Session, watchErrors } from './harness';

const POST_URL = 'https://www.linkedin.com/feed/update/urn:li:activity:7390000000000000001/';
const FIXTURE = readFileSync(join(ROOT, 'test/fixtures/linkedin/own-post.html'), 'utf8');

let session: Session;
beforeAll(async () => {
  session = await launch({ panelOpen: true });
  session.serve(POST_URL, FIXTURE);
});
afterAll(async () => {
  await session?.close();
});

describe('extension lifecycle', () => {
  it('three tabs capturing the same post at once store each row once', async () => {
    const pages = await Promise.all([0, 1, 2].map(() => session.context.newPage()));
    await Promise.all(pages.map((p) => p.goto(POST_URL)));
    for (const p of pages) await p.locator('social-desk-panel [data-testid="comment"]').first().waitFor({ timeout: 15_000 });
    await pages[0]!.waitForTimeout(1_500);
    const interactions = await readTable<{ id: string }>(session.worker, 'interactions');
    expect(interactions.length).toBe(await pages[0]!.locator('social-desk-panel [data-testid="comment"]').count());
    expect(new Set(interactions.map((i) => i.id)).size).toBe(interactions.length);
    expect(await readTable(session.worker, 'posts')).toHaveLength(1);
    expect(await readTable(session.worker, 'metricSnapshots')).toHaveLength(1);
    await Promise.all(pages.slice(1).map((p) => p.close()));
  });

  it('runs the content script as a module its loader imports, which the page cannot fetch at the extension’s address', async () => {
    const page = session.context.pages().find((p) => p.url() === POST_URL)!;
    // The manifest lists the loader (lib/build/content-loaders.ts); the panel the first test waited for is the bundle's work.
    const listed = await session.worker.evaluate(() => chrome.runtime.getManifest().content_scripts!.flatMap((c) => c.js ?? []));
    expect(listed).toContain('content-scripts/linkedin.loader.js');
    expect(listed).not.toContain('content-scripts/linkedin.js');
    // Sites probe for known extensions by fetching their web-accessible files; the bundle is reachable only at a per-session address.
    const probe = await page.evaluate(async (url) => {
      try {
        return (await fetch(url)).status;
      } catch {
        return 'refused';
      }
    }, `chrome-extension://${session.extensionId}/content-scripts/linkedin.js`);
    expect(probe).toBe('refused');
  });

  it('starts the bundle as an ordinary content script when its loader cannot import it (the loader’s last way in)', async () => {
    const page = session.context.pages().find((p) => p.url() === POST_URL)!;
    const errors = await watchErrors(session.context, page);
    const world = await isolatedWorld(page, session.extensionId);
    // Each content script instance that starts announces itself on the document (WXT's context), seen from the page too.
    await page.evaluate((type) => {
      const w = window as unknown as { sdStarts: number };
      w.sdStarts = 0;
      document.addEventListener(type, () => void w.sdStarts++);
    }, `${session.extensionId}:linkedin:wxt:content-script-started`);
    // What the loader sends when both imports fail; only this build's bundles are injected.
    const send = (script: string) => world.evaluate<{ ok: boolean; data?: unknown; error?: { code: string } }>(`chrome.runtime.sendMessage({ type: 'CS_START_CONTENT', script: ${JSON.stringify(script)} })`);
    expect(await send('content-scripts/linkedin.js')).toEqual({ ok: true, data: { started: true } });
    expect(await page.evaluate(() => (window as unknown as { sdStarts: number }).sdStarts)).toBe(1);
    expect((await send('content-scripts/nowhere.js')).error?.code).toBe('INTERNAL');
    expect((await send('background.js')).error?.code).toBe('BAD_MESSAGE');
    // The injected script takes over (the one the loader imported stands down): one panel, one Save action.
    await page.waitForTimeout(1_500);
    await page.locator('social-desk-panel [data-testid="comment"]').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('social-desk-panel').count()).toBe(1);
    expect(await page.locator('social-desk-save').count()).toBe(1);
    expect(errors).toEqual([]);
    await world.cdp.detach();
  });

  it('after the extension is updated with the tab open, the old panel goes and exactly one new panel mounts', async () => {
    const page = session.context.pages().find((p) => p.url() === POST_URL)!;
    // In the page and in the content scripts' worlds, old and new.
    const errors = await watchErrors(session.context, page);
    const oldWorker = session.worker;
    await oldWorker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await expect
      .poll(() => session.context.serviceWorkers().some((w: Worker) => w !== oldWorker && w.url().endsWith('/background.js')), { timeout: 20_000 })
      .toBe(true);
    session.worker = session.context.serviceWorkers().find((w) => w !== oldWorker && w.url().endsWith('/background.js'))!;
    // The re-injected content script mounts its panel; the old one removed its own.
    await expect.poll(() => page.locator('social-desk-panel').count(), { timeout: 15_000 }).toBe(1);
    await page.locator('social-desk-panel [data-testid="comment"]').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1_000);
    expect(await page.locator('social-desk-panel').count()).toBe(1);
    // Nothing of the old script is left in the page: one Save action on the post, not two.
    expect(await page.locator('social-desk-save').count()).toBe(1);
    expect(errors).toEqual([]);
    // The data survived the update and the new script captures into it without duplicates.
    const interactions = await readTable<{ id: string }>(session.worker, 'interactions');
    expect(interactions.length).toBeGreaterThan(0);
    expect(new Set(interactions.map((i) => i.id)).size).toBe(interactions.length);
  });
});
