import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCapture, setCommentStatus } from '@/lib/db/capture';
import { computeRollupsFromLog } from '@/lib/db/rollups';
import { SocialDeskDB } from '@/lib/db/schema';
import { getWeekStats } from '@/lib/db/stats';
import type { WeekStats, WeeklySummaries } from '@/lib/messaging/protocol';
import { addDays, dayKey, lastFinishedWeekStart, startOfDayMs, startOfWeek, weekRange } from '@/lib/stats/days';
import { formatMetric, METRICS } from '@/lib/stats/summary-text';
import { comment, post, reading } from '@/test/builders';
import { tEn } from '@/test/i18n';
import { inspectPages } from '../../scripts/inspect-page';
import { EXTENSION_DIR, launch, openExtensionPage, readTable, ROOT, sendFromPage, type Session } from './harness';

/**
 * The popup in real Chromium: after the content script captured real fixture
 * pages, and over a database holding two years of history (built in Node by
 * the real write paths, then written into the extension's IndexedDB through
 * its service worker). The dashboard's weekly summaries agree with the popup.
 */

const TZ = 'Asia/Taipei';
const DAY = 86_400_000;
const H = 3_600_000;

async function useSettings(session: Session, settings: Record<string, unknown>) {
  await session.worker.evaluate((s) => chrome.storage.sync.set(s), settings);
}

function fixture(platform: string) {
  const path = join(ROOT, 'test/fixtures', platform, 'own-post.html');
  const html = readFileSync(path, 'utf8');
  const url = /<!--\s*url:\s*(\S+)\s*-->/.exec(html)?.[1] as string;
  return { path, html, url };
}

/** The popup's figures as shown, to compare with what the data says they must be. */
async function popupFigures(session: Session) {
  const popup = await openExtensionPage(session, 'popup.html');
  await popup.locator('[data-testid="metricCommentsReceived"] .sd-value').waitFor({ timeout: 15_000 });
  const figures: Record<string, string> = {};
  for (const m of METRICS) figures[m.key] = ((await popup.locator(`[data-testid="${m.label}"] .sd-value`).textContent()) ?? '').trim();
  return { popup, figures };
}

function expectedFigures(stats: WeekStats) {
  return Object.fromEntries(METRICS.map((m) => [m.key, formatMetric(m.kind, stats.thisWeek[m.key], tEn)]));
}

/** Loads the extension's raw log into a Node database and computes the week from it, as the popup should show it. */
async function weekStatsFromExtension(session: Session, name: string, now: number): Promise<WeekStats> {
  const db = new SocialDeskDB(name);
  await db.open();
  await db.posts.bulkPut(await readTable(session.worker, 'posts'));
  await db.metricSnapshots.bulkPut(await readTable(session.worker, 'metricSnapshots'));
  await db.interactions.bulkPut(await readTable(session.worker, 'interactions'));
  // The extension's rollups must be exactly a rebuild of its log.
  const rebuilt = await computeRollupsFromLog(db, { timeZone: TZ });
  const stored = (await readTable<{ day: string; platform: string }>(session.worker, 'dailyRollups')).sort((a, b) => (a.day + a.platform).localeCompare(b.day + b.platform));
  expect(stored).toEqual(rebuilt);
  await db.dailyRollups.bulkPut(rebuilt);
  const stats = await getWeekStats(db, { now, timeZone: TZ, weekStart: 1 });
  await db.delete();
  return stats;
}

/** The built popup page's scripts: the ones popup.html names and every chunk they import, statically or not. */
function popupScripts(): Map<string, string> {
  const html = readFileSync(join(EXTENSION_DIR, 'popup.html'), 'utf8');
  const files = new Map<string, string>();
  const queue = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1] as string);
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (files.has(file)) continue;
    const code = readFileSync(join(EXTENSION_DIR, file), 'utf8');
    files.set(file, code);
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*"\.\/([^"]+\.js)"/g)) queue.push(join(file, '..', m[1] as string));
  }
  return files;
}

describe('the built popup page', () => {
  it('loads neither the database, nor Zod’s full build, nor the schemas of the other messages (its script time, BENCHMARKS.md)', () => {
    const scripts = popupScripts();
    const all = [...scripts.values()].join('\n');
    expect(scripts.size).toBeGreaterThan(1);
    expect(all).toContain('UI_GET_WEEK_STATS');
    // Markers of each, which the extension's other chunks do hold: Dexie's name, the full build's JSON-schema export, another message's type.
    const chunks = readdirSync(join(EXTENSION_DIR, 'chunks')).map((f) => readFileSync(join(EXTENSION_DIR, 'chunks', f), 'utf8')).join('\n');
    for (const marker of ['Dexie', 'toJSONSchema', 'CS_CAPTURE_PAGE']) {
      expect(chunks, marker).toContain(marker);
      expect(all, marker).not.toContain(marker);
    }
  });
});

describe('the popup after capturing fixture pages', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch({ panelOpen: true });
    await useSettings(session, { timeZone: TZ, weekStart: 1 });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows a new user what to do instead of zeros', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.locator('[data-testid="empty-state"]').waitFor({ timeout: 15_000 });
    expect(await popup.locator('[data-testid="empty-state"]').textContent()).toContain('Open one of your own posts');
    expect(await popup.locator('[data-testid="metricCommentsReceived"]').count()).toBe(0);
    await popup.close();
  });

  it('shows this week’s numbers from LinkedIn and Instagram posts, split by platform', async () => {
    const profiles: Record<string, unknown> = {};
    for (const platform of ['linkedin', 'instagram']) {
      const own = fixture(platform);
      const [inspection] = await inspectPages([{ file: own.path, url: own.url, now: Date.now() }]);
      const r = inspection!.reading;
      profiles[platform] = { profileUrl: r.ownIdentity?.profileUrl ?? r.posts[0]!.author.profileUrl, displayName: null, confirmed: true, detectedAt: 0 };
    }
    await useSettings(session, { ownProfiles: profiles });
    for (const platform of ['linkedin', 'instagram']) {
      const own = fixture(platform);
      session.serve(own.url, own.html);
      const page = await session.context.newPage();
      await page.goto(own.url);
      await expect.poll(() => page.locator('social-desk-panel [data-testid="comment"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await expect
        .poll(async () => (await readTable<{ platform: string }>(session.worker, 'interactions')).filter((i) => i.platform === platform).length, { timeout: 10_000 })
        .toBeGreaterThan(0);
      await page.close();
    }
    const rows = await readTable<{ id: string; kind: string; platform: string; occurredAt: number; status: string; text: string }>(session.worker, 'interactions');
    const now = Date.now();
    const weekStart = startOfWeek(dayKey(now, TZ), 1);
    // Counted by hand from the raw rows: comments received whose local day is in this week.
    const thisWeek = rows.filter((r) => r.kind === 'comment_received' && dayKey(r.occurredAt, TZ) >= weekStart);
    const waiting = rows.filter((r) => r.status === 'open').length;

    const expected = await weekStatsFromExtension(session, 'popup-e2e-capture', now);
    expect(expected.thisWeek.commentsReceived).toBe(thisWeek.length);
    const { popup, figures } = await popupFigures(session);
    expect(figures).toEqual(expectedFigures(expected));
    expect(figures.commentsReceived).toBe(String(thisWeek.length));
    expect(await popup.locator('[data-testid="waiting"]').textContent()).toBe(waiting > 0 ? `Comments waiting for a reply: ${waiting}` : 'No comments waiting for a reply.');
    for (const p of expected.byPlatform) {
      expect(await popup.locator(`[data-testid="platform-${p.platform}"] td`).first().textContent()).toMatch(new RegExp(`^${p.thisWeek.commentsReceived}\\b`));
    }
    if (expected.topPost?.url) expect(await popup.locator('[data-testid="top-post"] a').getAttribute('href')).toBe(expected.topPost.url);
    else expect(await popup.locator('[data-testid="top-post"]').textContent()).toContain('No post has gained engagement this week yet.');
    // The chart has the seven days and says today's count in words.
    expect(await popup.locator('[data-testid="week-chart"] g[data-day]').count()).toBe(7);
    const today = expected.days.find((d) => d.day === expected.today)!;
    const todayCount = Object.values(today.byPlatform).reduce((a, b) => a + b, 0);
    expect(await popup.locator('[data-testid="week-chart-text"] li').last().textContent()).toContain(`comments ${todayCount}`);
    // The waiting link opens the dashboard's reply queue.
    expect(waiting).toBeGreaterThan(0);
    const queueHref = await popup.locator('[data-testid="waiting"] a').getAttribute('href');
    expect(queueHref).toBe(`chrome-extension://${session.extensionId}/dashboard.html#/queue`);
    await popup.close();

    // That queue lists every waiting comment of both platforms, as text, and "No reply needed" is stored.
    const dashboard = await session.context.newPage();
    await dashboard.goto(queueHref!);
    const items = dashboard.locator('[data-testid="queue-page-item"]');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(waiting);
    expect(new Set(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-platform'))))).toEqual(new Set(['linkedin', 'instagram']));
    const open = rows.filter((r) => r.status === 'open');
    const firstText = await items.first().locator('.sd-text').textContent();
    const first = open.find((r) => r.text === firstText);
    expect(first).toBeDefined();
    await items.first().locator('[data-testid="queue-page-dismiss"]').click();
    await expect.poll(() => items.count()).toBe(waiting - 1);
    await expect
      .poll(async () => (await readTable<{ id: string; status: string }>(session.worker, 'interactions')).find((r) => r.id === first!.id)?.status)
      .toBe('dismissed');
    await dashboard.close();
  });
});

describe('the popup and the history over two years of data', () => {
  let session: Session;
  const ME_LINKEDIN = 'https://www.linkedin.com/in/mei-lin-coffee/';
  const ME_INSTAGRAM = 'https://www.instagram.com/linsbakery.tw/';
  const now = Date.now();
  // Each week's post goes out shortly before now's weekday and hour, its comments and replies within
  // `unit`s after it; this week's fits between the week's start and now whenever the test runs
  // (on a Monday just after midnight too).
  const sinceWeekStart = now - startOfDayMs(startOfWeek(dayKey(now, TZ), 1), TZ);
  const lead = Math.min(2 * H, sinceWeekStart * 0.8);
  const unit = Math.min(10 * 60_000, lead / 12);
  let node: SocialDeskDB;

  beforeAll(async () => {
    session = await launch();
    await useSettings(session, { timeZone: TZ, weekStart: 1 });
    // Two years of weekly posts, with comments, replies, dismissals and growing counts, through the real write paths.
    node = new SocialDeskDB('popup-e2e-two-years');
    await node.open();
    for (let w = 104; w >= 0; w--) {
      const at = now - w * 7 * DAY - lead;
      const platform = w % 3 === 0 ? 'instagram' : 'linkedin';
      const me = platform === 'instagram' ? ME_INSTAGRAM : ME_LINKEDIN;
      const id = `s${w}`;
      const author = { name: 'Mei Lin', profileUrl: me };
      const comments = [];
      for (let k = 0; k < 3 + (w % 5); k++) {
        comments.push(comment(`${id}c${k}`, id, { platform, text: k % 4 === 0 ? '幾錢？' : k % 4 === 1 ? 'Arrived broken, very disappointed' : '好喝！', time: { at: at + k * unit, precision: 'minute' }, author: { name: `Fan ${k % 3}`, profileUrl: `https://example.com/fan-${k % 3}` } }));
        if (k % 2 === 0) comments.push(comment(`${id}r${k}`, id, { platform, parentId: `${id}c${k}`, author, text: '謝謝！', time: { at: at + k * unit + 3 * unit, precision: 'minute' } }));
      }
      const p = (reactions: number) => post(id, { platform, author, text: `Week ${w} 新品 #${w}`, url: `https://www.${platform}.com/p/${id}/`, publishedAt: { at, precision: 'minute' }, counts: { reactions, comments: comments.length, shares: w % 2, views: null } });
      const ctx = (t: number) => ({ now: t, timeZone: TZ, ownProfileUrl: me });
      await recordCapture(node, reading([p(10 + w)], comments, { platform }), ctx(at + H));
      if (at + 2 * DAY < now) await recordCapture(node, reading([p(30 + 2 * w)], [], { platform }), ctx(at + 2 * DAY));
      if (w % 4 === 1) await setCommentStatus(node, `${platform}:comment_received:${id}c1`, 'dismissed', { timeZone: TZ });
    }
    const tables: Record<string, unknown[]> = {
      posts: await node.posts.toArray(),
      metricSnapshots: await node.metricSnapshots.toArray(),
      interactions: await node.interactions.toArray(),
      dailyRollups: await node.dailyRollups.toArray(),
    };
    expect(tables.interactions!.length).toBeGreaterThan(700);
    // Straight into the extension's database (raw IndexedDB, in its service worker).
    await session.worker.evaluate(
      (all) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('social-desk');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(Object.keys(all), 'readwrite');
            for (const [name, rows] of Object.entries(all)) for (const row of rows) tx.objectStore(name).put(row);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      tables,
    );
  });
  afterAll(async () => {
    await node?.delete();
    await session?.close();
  });

  it('opens the popup with this week’s correct figures', async () => {
    const expected = await getWeekStats(node, { now: Date.now(), timeZone: TZ, weekStart: 1 });
    expect(expected.thisWeek.commentsReceived).toBeGreaterThan(0);
    const { popup, figures } = await popupFigures(session);
    expect(figures).toEqual(expectedFigures(expected));
    expect(await popup.locator('[data-testid="waiting"]').textContent()).toBe(`Comments waiting for a reply: ${expected.waiting}`);
    expect(await popup.locator('[data-testid="top-post"] a').getAttribute('href')).toBe(expected.topPost!.url);
    const before = expected.lastWeekSameDays.commentsReceived;
    const nowCount = expected.thisWeek.commentsReceived;
    const pct = before === 0 ? null : Math.round((Math.abs(nowCount - before) / before) * 100);
    const arrow = nowCount > before ? '↑' : nowCount < before ? '↓' : '→';
    expect(await popup.locator('[data-testid="metricCommentsReceived"] .sd-change').textContent()).toBe(pct === null ? (nowCount === 0 ? '→ 0%' : '↑ new') : `${arrow} ${pct}%`);
    await popup.close();
  });

  it('summarises every finished week, and each agrees with the popup on that week’s last minute', async () => {
    const dashboard = await openExtensionPage(session, 'dashboard.html#/history');
    await dashboard.locator('[data-testid="summary"]').first().waitFor({ timeout: 30_000 });
    const answer = (await sendFromPage(dashboard, { type: 'UI_LIST_WEEKLY_SUMMARIES', limit: 520 })) as { ok: true; data: WeeklySummaries };
    const summaries = answer.data.summaries;
    const last = lastFinishedWeekStart(Date.now(), TZ, 1);
    const first = startOfWeek(dayKey(now - 104 * 7 * DAY - lead, TZ), 1);
    const weeks = Math.round((Date.parse(last) - Date.parse(first)) / (7 * DAY)) + 1;
    expect(summaries).toHaveLength(weeks);
    expect(summaries[0]!.startDay).toBe(last);
    for (const s of summaries) {
      const popupThen = await getWeekStats(node, { now: weekRange(s.startDay, TZ).endMs - 60_000, timeZone: TZ, weekStart: 1 });
      expect(s.total, s.startDay).toEqual(popupThen.thisWeek);
    }
    // The page shows the newest week unfolded, with the same figure, and the charts span at least 12 weeks.
    const newest = dashboard.locator('[data-testid="summary"]').first();
    expect(await newest.getAttribute('data-week')).toBe(last);
    const cell = await newest.locator('[data-testid="summary-commentsReceived"] td').first().textContent();
    expect(cell).toBe(String(summaries[0]!.total.commentsReceived));
    expect(await dashboard.locator('[data-testid="history-chart"]').first().locator('g[data-week]').count()).toBe(12);
    expect(await dashboard.locator('[data-testid="history-chart"]').first().locator('g[data-week]').last().getAttribute('data-week')).toBe(last);
    expect(addDays(last, 7)).toBe(startOfWeek(dayKey(Date.now(), TZ), 1));
    await dashboard.close();
  });

  it('exports the interaction log with every row', async () => {
    const dashboard = await openExtensionPage(session, 'dashboard.html#/history');
    await dashboard.locator('[data-testid="summary"]').first().waitFor({ timeout: 30_000 });
    const download = dashboard.waitForEvent('download');
    await dashboard.getByRole('button', { name: 'Interaction log (JSON)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^social-desk-interactions-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await file.path();
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { rows: Array<{ id: string }> };
    expect(parsed.rows.length).toBe(await node.interactions.count());
    expect(new Set(parsed.rows.map((r) => r.id)).size).toBe(parsed.rows.length);
    await dashboard.close();
  });
});
