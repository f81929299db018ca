import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openExtensionPage, readTable, ROOT, type Session } from './harness';

/**
 * The inspiration library end to end in real Chromium with the built
 * extension: posts saved with the in-page Save action on two platforms' feeds
 * (the project's fixtures at their real addresses), tagged in the dialog;
 * their counts snapshotted when seen again; a page saved from the record page
 * (the context menu's target); then the dashboard's library searched (English
 * and Chinese), filtered by tag and exported, with markup in a saved post shown
 * as text and never run.
 */

interface InspirationRow {
  key: string;
  platform: string;
  postId: string;
  url: string;
  authorName: string;
  authorUrl: string | null;
  text: string;
  savedFromUrl: string;
  tags: string[];
  note: string;
  countsAtSave: { reactions: number | null } | null;
  counts: { reactions: number | null } | null;
  growth: number | null;
}
interface SnapshotRow {
  postKey: string;
  own: boolean;
  reactions: number | null;
}

/**
 * A fixture at its real address. The hand-written fixtures carry none of the
 * sites' CSS, so their icons draw at the browser's default 300 px and cover the
 * posts; they get the small size they have on the real sites, so a click lands
 * where a user's would.
 */
function fixture(platform: string, name: string) {
  const html = readFileSync(join(ROOT, 'test/fixtures', platform, name), 'utf8').replace(
    '</head>',
    '<style>svg { width: 20px; height: 20px; } img, video { max-width: 320px; max-height: 320px; }</style></head>',
  );
  const url = /<!--\s*url:\s*(\S+)\s*-->/.exec(html)?.[1];
  if (!url) throw new Error(`${platform}/${name} has no url comment`);
  return { html, url };
}

const MARKUP = '<img src=x onerror="window.__pwned=1">';

let session: Session;
beforeAll(async () => {
  session = await launch();
  // The panel starts collapsed, so it covers nothing of the feed.
  await session.worker.evaluate(() => chrome.storage.local.set({ panelOpen: false }));
});
afterAll(async () => {
  await session?.close();
});

const inspirations = () => readTable<InspirationRow>(session.worker, 'inspirations');

/** Clicks the Save action of the post holding `text`, then tags it and adds a note in the dialog. */
async function saveFromFeed(page: Page, post: ReturnType<Page['locator']>, tags: string[], note: string, suggestion?: string) {
  const save = post.locator('social-desk-save button');
  await expect.poll(() => save.textContent(), { timeout: 15_000 }).toMatch(/Save/);
  // The page's own handlers (in its world, bubbling) never see the press of a real pointer.
  await page.evaluate(() => {
    const w = window as unknown as { sdSeen: string[] };
    w.sdSeen = [];
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) document.addEventListener(type, (e) => w.sdSeen.push(e.type));
  });
  await save.click();
  expect(await page.evaluate(() => (window as unknown as { sdSeen: string[] }).sdSeen)).toEqual([]);
  const dialog = page.locator('social-desk-panel [data-testid="save-dialog"]');
  await dialog.getByText('Saved to your inspiration library').waitFor({ timeout: 10_000 });
  if (suggestion) await dialog.getByRole('button', { name: `+ #${suggestion}` }).click();
  const field = dialog.getByLabel('Tags', { exact: true });
  for (const tag of tags) {
    await field.fill(tag);
    await field.press('Enter');
  }
  await dialog.getByLabel('Note').fill(note);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(() => save.textContent()).toBe('Saved');
}

describe('inspiration library', () => {
  it('saves posts from two platforms’ feeds with the in-page Save action, tagged, with counts', async () => {
    const x = fixture('x', 'home-timeline.html');
    session.serve(x.url, x.html);
    const page = await session.context.newPage();
    await page.goto(x.url);
    // One Save action per tweet the adapter reads, in its own action bar.
    const tweets = page.locator('article[data-testid="tweet"]');
    await expect.poll(() => page.locator('social-desk-save').count(), { timeout: 15_000 }).toBe(5);
    expect(await page.locator('[role="group"] > social-desk-save').count()).toBe(5);
    const taipeiEats = tweets.filter({ hasText: '排隊也值得' });
    await saveFromFeed(page, taipeiEats, ['coffee', 'Queue'], 'hook: the queue');

    let rows = await inspirations();
    expect(rows).toEqual([
      expect.objectContaining({
        key: 'x:2123718492287926284',
        platform: 'x',
        url: 'https://x.com/taipei_eats/status/2123718492287926284',
        authorUrl: 'https://x.com/taipei_eats',
        savedFromUrl: 'https://x.com/home',
        tags: ['coffee', 'queue'],
        note: 'hook: the queue',
        countsAtSave: expect.objectContaining({ reactions: 210 }),
      }),
    ]);
    expect(rows[0]!.text).toContain('排隊也值得');
    // The saved text is the post's, without our button's label.
    expect(rows[0]!.text).not.toMatch(/Save/);
    expect((await readTable<SnapshotRow>(session.worker, 'metricSnapshots')).filter((s) => s.postKey === rows[0]!.key)).toHaveLength(1);
    await page.close();

    const ig = fixture('instagram', 'feed.html');
    session.serve(ig.url, ig.html);
    const igPage = await session.context.newPage();
    await igPage.goto(ig.url);
    const card = igPage.locator('article').filter({ hasText: '滷肉飯' });
    // "coffee" is offered: it is a tag already in use.
    await saveFromFeed(igPage, card, ['滷肉飯'], 'ranking format', 'coffee');
    rows = await inspirations();
    expect(rows.find((r) => r.platform === 'instagram')).toMatchObject({ authorName: 'taipeifoodie', tags: ['coffee', '滷肉飯'], note: 'ranking format', savedFromUrl: 'https://www.instagram.com/' });
    await igPage.close();
  });

  it.each([
    ['facebook', 'feed.html'],
    ['x', 'home-timeline.html'],
  ])('puts the Save action into a post that arrives on %s before the first frame that renders it', async (platform, name) => {
    const f = fixture(platform, name);
    session.serve(f.url, f.html);
    const page = await session.context.newPage();
    await page.goto(f.url);
    await expect.poll(() => page.locator('social-desk-save').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // A copy of the first feed item arrives, as infinite scroll adds one. The page's own observer is made after
    // the extension's, so its callback runs after ours, and the frame it asks for runs after the one we asked for:
    // what that frame sees is what the page first renders (Facebook: put in before reading; X: read in the frame).
    const inFirstFrame = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const host = document.querySelector('social-desk-save')!;
          let item: Element = host;
          while (item.parentElement && item.parentElement.querySelectorAll('social-desk-save').length === 1) item = item.parentElement;
          const copy = item.cloneNode(true) as Element;
          for (const old of copy.querySelectorAll('social-desk-save')) old.remove();
          const observer = new MutationObserver(() => {
            observer.disconnect();
            requestAnimationFrame(() => resolve(copy.querySelector('social-desk-save') !== null));
          });
          observer.observe(document.body, { childList: true, subtree: true });
          item.after(copy);
        }),
    );
    expect(inFirstFrame).toBe(true);
    await page.close();
  });

  it('snapshots a saved post’s counts when it is seen again in the feed', async () => {
    const x = fixture('x', 'home-timeline.html');
    const grown = x.html.replace('aria-label="210 Likes. Like"', 'aria-label="350 Likes. Like"').replace('210 likes, 4821 views', '350 likes, 4821 views');
    expect(grown).not.toBe(x.html);
    session.serve(x.url, grown);
    const page = await session.context.newPage();
    await page.goto(x.url);
    const key = 'x:2123718492287926284';
    await expect
      .poll(async () => (await readTable<SnapshotRow>(session.worker, 'metricSnapshots')).filter((s) => s.postKey === key).map((s) => s.reactions), { timeout: 15_000 })
      .toEqual([210, 350]);
    expect((await inspirations()).find((r) => r.key === key)).toMatchObject({ counts: expect.objectContaining({ reactions: 350 }), growth: 140 });
    // The page knows it is saved: its action says so.
    await expect.poll(() => page.locator('article[data-testid="tweet"]').filter({ hasText: '排隊也值得' }).locator('social-desk-save button').textContent()).toBe('Saved');
    // Other people's posts were only asked about: nothing of them is stored (the user's own are, by capture).
    const others = (await readTable<{ key: string; isOwn: boolean }>(session.worker, 'posts')).filter((p) => p.key.startsWith('x:') && !p.isOwn);
    expect(others.map((p) => p.key)).toEqual([key]);
    await page.close();
  });

  it('saves the post in view from the panel', async () => {
    await session.worker.evaluate(() => chrome.storage.local.set({ panelOpen: true }));
    const threads = fixture('threads', 'own-post.html');
    session.serve(threads.url, threads.html);
    const page = await session.context.newPage();
    await page.goto(threads.url);
    const inView = page.locator('social-desk-panel [data-testid="in-view"]');
    await inView.waitFor({ timeout: 15_000 });
    const author = (await inView.locator('strong').textContent()) ?? '';
    await inView.getByRole('button', { name: 'Save to library' }).click();
    const dialog = page.locator('social-desk-panel [data-testid="save-dialog"]');
    await dialog.getByText('Saved to your inspiration library').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => inView.getByRole('button').textContent()).toBe('Saved · edit tags and note');
    expect((await inspirations()).find((r) => r.platform === 'threads')).toMatchObject({ authorName: author, savedFromUrl: threads.url });
    await session.worker.evaluate(() => chrome.storage.local.set({ panelOpen: false }));
    await page.close();
  });

  it('saves a page from another site through the record page (the context menu’s target)', async () => {
    const q = new URLSearchParams({
      mode: 'inspiration',
      url: 'https://blog.example.tw/pour-over',
      page: 'https://blog.example.tw/pour-over',
      text: `手沖咖啡豆 guide ${MARKUP}`,
      source: 'Example blog',
    });
    const page = await openExtensionPage(session, `record.html?${q.toString()}`);
    // The library's tags are offered here too.
    await page.getByRole('button', { name: '+ #coffee' }).click();
    await page.getByLabel('Tags', { exact: true }).fill('guide');
    await page.getByLabel('Tags', { exact: true }).press('Enter');
    await page.getByRole('button', { name: /^Save$/ }).click();
    await page.getByRole('status').waitFor();
    expect((await inspirations()).find((r) => r.platform === 'other')).toMatchObject({ authorName: 'Example blog', tags: ['coffee', 'guide'], text: `手沖咖啡豆 guide ${MARKUP}` });
    await page.close();
  });

  it('searches, filters by tag and exports the library in the dashboard, showing markup as text', async () => {
    const page = await openExtensionPage(session, 'dashboard.html#/library');
    const items = page.getByTestId('library-item');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(4);
    // The saved markup is text on the page; no element was made of it, nothing ran.
    await expect.poll(() => page.getByTestId('library-text').filter({ hasText: MARKUP }).count()).toBe(1);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    const search = page.getByLabel('Search');
    await search.fill('咖啡');
    await expect.poll(() => items.count()).toBe(1);
    await expect.poll(() => items.first().textContent()).toContain('手沖咖啡豆');
    await search.fill('queue');
    await expect.poll(() => items.count()).toBe(1);
    await expect.poll(() => items.first().textContent()).toContain('排隊也值得');
    await search.fill('');
    await expect.poll(() => items.count()).toBe(4);

    await items.filter({ hasText: '滷肉飯' }).getByRole('button', { name: '#coffee' }).click();
    await expect.poll(() => items.count()).toBe(3);
    await items.filter({ hasText: '滷肉飯' }).getByRole('button', { name: '#滷肉飯' }).click();
    await expect.poll(() => items.count()).toBe(1);
    await expect.poll(() => page.getByTestId('library-total').textContent()).toBe('1 of 4 saved posts match');

    const exported = async (name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
      const path = await download.path();
      return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
    };
    const csv = await exported('CSV');
    expect(csv.name).toMatch(/^social-desk-library-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^saved_at,platform,site,author,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('taipeifoodie');

    await page.getByLabel('Export').selectOption('all');
    const json = JSON.parse((await exported('JSON')).text) as { count: number; items: InspirationRow[] };
    expect(json.count).toBe(4);
    expect(json.items.map((i) => i.platform).sort()).toEqual(['instagram', 'other', 'threads', 'x']);
    const md = (await exported('Markdown')).text;
    expect(md).toContain('\\<img src=x onerror="window.\\_\\_pwned=1"\\>');
    expect(md).toContain('#滷肉飯');
    await page.close();
  });

  it('shows the authors view and deletes one and then all saved posts', async () => {
    const page = await openExtensionPage(session, 'dashboard.html#/library');
    await page.getByRole('button', { name: 'Authors' }).click();
    await expect.poll(() => page.getByTestId('author-row').count(), { timeout: 10_000 }).toBe(4);
    await page.getByRole('button', { name: 'Saved posts' }).click();
    const items = page.getByTestId('library-item');
    await expect.poll(() => items.count()).toBe(4);
    const blog = items.filter({ hasText: 'guide' });
    await blog.getByRole('button', { name: 'Delete' }).click();
    await blog.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => items.count()).toBe(3);
    await page.getByRole('button', { name: 'Delete all…' }).click();
    await page.getByTestId('library-confirm').getByRole('button', { name: 'Delete' }).click();
    await page.getByTestId('library-empty').waitFor();
    expect(await inspirations()).toEqual([]);
    expect((await readTable<SnapshotRow>(session.worker, 'metricSnapshots')).filter((s) => !s.own)).toEqual([]);
    await page.close();
  });
});
