import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectPages } from '../../scripts/inspect-page';
import { launch, readTable, ROOT, watchErrors, type Session } from './harness';

/**
 * Each platform's own fixture pages, served at their real addresses: the real
 * content script reads them and the panel lists the user's post with its
 * comments; a page whose markup changed shows the health notice and stores
 * nothing wrong.
 */
const FIXTURES = join(ROOT, 'test/fixtures');

function fixture(platform: string, name: string) {
  const path = join(FIXTURES, platform, name);
  const html = readFileSync(path, 'utf8');
  const url = /<!--\s*url:\s*(\S+)\s*-->/.exec(html)?.[1];
  if (!url) throw new Error(`${path} has no <!-- url: … --> comment saying where it is served`);
  return { path, html, url };
}

const platforms = readdirSync(FIXTURES).filter(
  (p) => existsSync(join(FIXTURES, p, 'own-post.html')) && existsSync(join(ROOT, 'lib/platforms', p, 'index.ts')),
);

let session: Session;
beforeAll(async () => {
  session = await launch({ panelOpen: true });
});
afterAll(async () => {
  await session?.close();
});

describe.each(platforms)('%s', (platform) => {
  it('lists the user’s own post and its comments in the panel, and stores them', async () => {
    const own = fixture(platform, 'own-post.html');
    // What the adapter reads there, to know who the signed-in user is when the page chrome does not say.
    const [inspection] = await inspectPages([{ file: own.path, url: own.url, now: Date.now() }]);
    const reading = inspection!.reading;
    expect(reading.posts.length).toBeGreaterThan(0);
    const me = reading.ownIdentity?.profileUrl ?? reading.posts[0]!.author.profileUrl;
    expect(me).toBeTruthy();
    await session.worker.evaluate(
      ([p, url]) => chrome.storage.sync.set({ ownProfiles: { [p as string]: { profileUrl: url, displayName: null, confirmed: true, detectedAt: 0 } } }),
      [platform, me] as const,
    );
    const expectedComments = reading.comments.filter((c) => reading.posts.some((p) => p.postId === c.postId && p.author.profileUrl === me)).length;
    expect(expectedComments).toBeGreaterThan(0);

    session.serve(own.url, own.html);
    const page = await session.context.newPage();
    const errors = await watchErrors(session.context, page);
    await page.goto(own.url);
    const panel = page.locator('social-desk-panel');
    await expect.poll(() => panel.locator('[data-testid="own-post"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => panel.locator('[data-testid="comment"]').count(), { timeout: 10_000 }).toBe(expectedComments);
    await expect
      .poll(async () => (await readTable<{ platform: string }>(session.worker, 'interactions')).filter((i) => i.platform === platform).length, { timeout: 10_000 })
      .toBe(expectedComments);
    // Nothing of ours lands on the platform's origin.
    expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => /social|desk|wxt/i.test(k)))).toEqual([]);
    // The fixture's own scripts are ours too (the editors); nothing in any world failed.
    expect(errors).toEqual([]);
    await page.close();
  });

  it.runIf(existsSync(join(FIXTURES, platform, 'broken.html')))('shows the health notice on changed markup and stores nothing wrong', async () => {
    const broken = fixture(platform, 'broken.html');
    const before = await readTable<{ id: string; postKey: string | null }>(session.worker, 'interactions');
    session.serve(broken.url, broken.html);
    const page = await session.context.newPage();
    await page.goto(broken.url);
    const notice = page.locator('social-desk-panel [data-testid="health-notice"]');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toMatch(/\d{4}\.\d+\.\d+/); // names the adapter version
    await page.waitForTimeout(1_000);
    const after = await readTable<{ id: string; postKey: string | null }>(session.worker, 'interactions');
    // Any comment stored from the broken page belongs to a post that page really shows.
    const [inspection] = await inspectPages([{ file: broken.path, url: broken.url, now: Date.now() }]);
    const postKeys = new Set(inspection!.reading.posts.map((p) => `${platform}:${p.postId}`));
    const added = after.filter((a) => !before.some((b) => b.id === a.id));
    for (const row of added) expect(postKeys.has(row.postKey ?? '')).toBe(true);
    await page.close();
  });
});

describe('privacy on every platform', () => {
  it('no content script, page of ours or the service worker sent a request: only what the fixtures themselves reference was tried', () => {
    // Every request outside the served pages was recorded and aborted by the harness. The fixture pages may
    // name images and the like; the browser asks for a favicon. Anything else would have come from the extension.
    const referenced = new Set<string>();
    for (const platform of platforms) {
      for (const name of readdirSync(join(FIXTURES, platform)).filter((f) => f.endsWith('.html'))) {
        for (const m of readFileSync(join(FIXTURES, platform, name), 'utf8').matchAll(/(?:src|href|poster|srcset)="(https?:\/\/[^"\s]+)/g)) referenced.add(m[1]!.replaceAll('&amp;', '&'));
      }
    }
    expect(platforms.length).toBe(7);
    expect(session.blocked.filter((u) => !referenced.has(u) && !/^https:\/\/[^/]+\/favicon\.ico$/.test(u))).toEqual([]);
  });
});
