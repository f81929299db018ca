/**
 * 4. Popup at scale and 5. Dashboard at scale, with our extension: one
 * browser for each of the popup's two scales, the dashboard in the large one.
 * The history is seeded straight into the extension's IndexedDB from its
 * service worker (inpage/db-bench.ts): own posts and interactions over
 * two years, with the daily rollups the product's own contribution functions
 * give for them (checked equal to a rebuild from the log at the small scale).
 * Pages are timed from their navigation start to the selector appearing and
 * the next frame after it, measured in the page.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { EXTENSION_DIR, launch } from '../../e2e/harness';
import { NAME_SHIM, setOwnProfiles, snapshotExtension, type VariantSession } from '../browser';
import { dbBench } from '../inpage';
import { ownProfileUrl, SEED_PLATFORMS } from '../inpage/db-bench';

export interface PageTiming {
  /** Navigation start → the selector in the DOM. */
  shownMs: number;
  /** … → the frame after it painted. */
  paintedMs: number;
}

export interface ScaleResult {
  interactions: number;
  posts: number;
  rollupRows: number;
  seedMs: number;
  /** Rollups equal to a rebuild from the log (checked at the small scale), or the sums agree (large). */
  consistent: boolean;
  consistency: string;
  popup: PageTiming[];
  /** The popup's one query alone: UI_GET_WEEK_STATS sent from an extension page, ms. */
  weekStatsMessage: number[];
  /** The popup page's DOMContentLoaded (its scripts parsed and run), ms from navigation start. */
  popupDomContentLoaded: number[];
  /** The floor: a page of the extension with one small script that sends the same message and shows its answer in a table. */
  floor: PageTiming[];
}

export interface DashboardResult {
  history: { tab: boolean; firstOpen: PageTiming | null; warm: PageTiming[]; message: number[]; weeks: number | null; note: string | null };
  library: {
    rows: number;
    seedMs: number;
    tab: boolean;
    direct: Array<{ query: string; total: number; ms: number[] }>;
    message: Array<{ query: string; total: number; ms: number[] }> | null;
    /** The library tab itself: from the input event of a query typed in its search box to the results painted (its typing pause included). */
    ui: Array<{ query: string; ms: number[] }> | null;
    note: string | null;
  };
}

interface SearchGlobal {
  __sdSearch?: Promise<number>;
}

/**
 * Types each query into the library tab's search box (one input event, as a
 * paste) and times, in the page, from that event to the frame after the last
 * change of the results painted (the last: the page stays quiet for 400 ms
 * after it, which the figure does not include).
 */
async function timeLibraryUi(context: BrowserContext, url: string, queries: string[], runs: number): Promise<Array<{ query: string; ms: number[] }>> {
  const page = await context.newPage();
  await page.addInitScript(NAME_SHIM);
  try {
    await page.goto(url);
    const box = page.locator('.sd-lib-search input[type="search"]');
    await box.waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="library-items"]').waitFor({ timeout: 30_000 });
    const out: Array<{ query: string; ms: number[] }> = [];
    for (let r = 0; r < runs; r++) {
      for (const query of [...queries, '']) {
        await page.evaluate(() => {
          const panel = document.querySelector('[role="tabpanel"]') as Element;
          const input = document.querySelector('.sd-lib-search input[type="search"]') as HTMLInputElement;
          (window as unknown as SearchGlobal).__sdSearch = new Promise<number>((resolve, reject) => {
            let typedAt: number | null = null;
            let lastChange: number | null = null;
            /** When the frame after the latest change was painted. */
            let paintedAt: number | null = null;
            let quiet: ReturnType<typeof setTimeout> | undefined;
            const settle = () => {
              clearTimeout(quiet);
              quiet = setTimeout(() => {
                mo.disconnect();
                if (lastChange === null || typedAt === null || paintedAt === null) return reject(new Error('the results did not change'));
                // The quiet time that shows the results stopped changing is not part of the figure.
                resolve(paintedAt - typedAt);
              }, 400);
            };
            input.addEventListener('input', (e) => {
              typedAt = e.timeStamp;
              settle();
            }, { once: true });
            const mo = new MutationObserver(() => {
              if (typedAt === null) return;
              const change = (lastChange = performance.now());
              requestAnimationFrame(() =>
                setTimeout(() => {
                  if (lastChange === change) paintedAt = performance.now();
                }, 0),
              );
              settle();
            });
            mo.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
            setTimeout(() => reject(new Error('no results within 30 s')), 30_000);
          });
        });
        await box.fill(query);
        const ms = await page.evaluate(() => (window as unknown as SearchGlobal).__sdSearch!);
        if (query === '') continue;
        const entry = out.find((e) => e.query === query) ?? (out.push({ query, ms: [] }), out[out.length - 1]!);
        entry.ms.push(ms);
      }
    }
    return out;
  } finally {
    await page.close();
  }
}

/** Sends a message from an extension page as its code would, timed in the page. */
async function timedMessage<T>(page: Page, message: unknown): Promise<{ ms: number; answer: { ok: boolean; data?: T; error?: { message: string } } }> {
  return page.evaluate(async (m) => {
    const t0 = performance.now();
    const answer = await chrome.runtime.sendMessage(m);
    return { ms: performance.now() - t0, answer };
  }, message);
}

const DAYS = 730;
const CHUNK = 20_000;
export const LIBRARY_QUERIES = ['coffee', 'esp', '咖啡', '手沖咖啡', 'latte vegan', '台北 brunch', 'zzzz-no-match'];

interface ShownGlobal {
  __sdShown?: Record<string, { shownAt: number; paintedAt: number | null }>;
}

/**
 * Opens `url` in a new tab with a script that notes, from the document's start,
 * when each selector first matches and when the frame after it is painted.
 */
async function openTimed(context: BrowserContext, url: string, selectors: string[], timeoutMs: number): Promise<{ page: Page; timings: Record<string, PageTiming | null> }> {
  const page = await context.newPage();
  await page.addInitScript(NAME_SHIM);
  await page.addInitScript((sels: string[]) => {
    const g = window as unknown as ShownGlobal;
    g.__sdShown = {};
    const check = () => {
      for (const s of sels) {
        if (g.__sdShown![s] || !document.querySelector(s)) continue;
        const entry = { shownAt: performance.now(), paintedAt: null as number | null };
        g.__sdShown![s] = entry;
        requestAnimationFrame(() => setTimeout(() => (entry.paintedAt = performance.now()), 0));
      }
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  }, selectors);
  await page.goto(url);
  const deadline = Date.now() + timeoutMs;
  let shown: ShownGlobal['__sdShown'] = {};
  while (Date.now() < deadline) {
    shown = await page.evaluate(() => (window as unknown as ShownGlobal).__sdShown ?? {});
    if (Object.values(shown).some((e) => e.paintedAt !== null)) break;
    await page.waitForTimeout(20);
  }
  const timings: Record<string, PageTiming | null> = {};
  for (const s of selectors) {
    const e = shown[s];
    timings[s] = e && e.paintedAt !== null ? { shownMs: e.shownAt, paintedMs: e.paintedAt } : null;
  }
  return { page, timings };
}

/**
 * The floor page, added to the benchmark's copy of the extension only: what
 * any extension page that asks the service worker for the week and shows the
 * answer costs in this browser, without our page's code (React, the checks of
 * the answer, the layout).
 */
const FLOOR_PAGE = 'bench-floor.html';
const FLOOR_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>floor</title><script type="module" src="/bench-floor.js"></script></head><body><div id="root"></div></body></html>\n';
const FLOOR_JS = `chrome.runtime.sendMessage({ type: 'UI_GET_WEEK_STATS' }).then((answer) => {
  const table = document.createElement('table');
  table.className = 'sd-metrics';
  table.createTBody().insertRow().insertCell().textContent = answer && answer.ok ? String(answer.data.days.length) : 'error';
  document.getElementById('root').append(table);
});
`;

async function popupTiming(session: VariantSession, path = 'popup.html'): Promise<PageTiming & { domContentLoaded: number }> {
  const table = 'table.sd-metrics tbody tr';
  const { page, timings } = await openTimed(session.context, `chrome-extension://${session.extensionId}/${path}`, [table, '[data-testid="empty-state"]', '[role="alert"]'], 30_000);
  try {
    const t = timings[table];
    if (!t) {
      const text = (await page.locator('body').innerText()).slice(0, 200);
      throw new Error(`${path} showed no metrics table within 30 s (it shows: ${JSON.stringify(text)})`);
    }
    const domContentLoaded = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? Number.NaN);
    return { ...t, domContentLoaded };
  } finally {
    await page.close();
  }
}

type Seeded = Omit<ScaleResult, 'popup' | 'weekStatsMessage' | 'popupDomContentLoaded' | 'floor'>;

async function seedHistory(session: VariantSession, total: number, log: (l: string) => void): Promise<Seeded> {
  const call = await dbBench(session.worker!);
  const plan = { total, days: DAYS, now: Date.now() };
  const t0 = Date.now();
  await call('clearActivity');
  const posts = await call('seedPostRows', plan);
  let lastLog = Date.now();
  for (let from = 0; from < total; from += CHUNK) {
    await call('seedInteractionChunk', plan, from, Math.min(total, from + CHUNK));
    if (Date.now() - lastLog > 10_000) {
      log(`    seeded ${Math.min(total, from + CHUNK).toLocaleString('en')} of ${total.toLocaleString('en')} interactions [${((Date.now() - t0) / 1000).toFixed(0)} s]`);
      lastLog = Date.now();
    }
  }
  const seedMs = Date.now() - t0;
  const counts = await call('counts');
  let consistent: boolean;
  let consistency: string;
  if (total <= 20_000) {
    const check = await call('rollupsMatchLog');
    consistent = check.equal && counts.interactions === total;
    consistency = `rollups ${check.equal ? 'equal' : 'differ from'} a rebuild from the log (${check.stored} rows)`;
  } else {
    consistent = counts.interactions === total;
    consistency = `${counts.interactions} interaction rows (same generator as the checked small scale)`;
  }
  return { interactions: counts.interactions ?? 0, posts, rollupRows: counts.dailyRollups ?? 0, seedMs, consistent, consistency };
}

async function weekStatsTimes(session: VariantSession, runs: number): Promise<number[]> {
  const probe = await session.context.newPage();
  try {
    await probe.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const out: number[] = [];
    for (let r = 0; r < runs; r++) {
      const { ms, answer } = await timedMessage(probe, { type: 'UI_GET_WEEK_STATS' });
      if (!answer.ok) throw new Error(`UI_GET_WEEK_STATS failed: ${answer.error?.message}`);
      out.push(ms);
    }
    return out;
  } finally {
    await probe.close();
  }
}

/**
 * Each scale has its own browser, both open from seeding to the end, and the
 * popup is opened in them in turn (small, large, large, small, …), so the two
 * medians share the machine's state: measured one scale after the other, minutes
 * apart, their ratio also measured how busy the machine was at each time. The
 * floor page is opened after each popup, in the same browser.
 */
export async function runPopupAndDashboard(
  opts: { small: number; large: number; runs: number; library: number },
  log: (l: string) => void,
): Promise<{ scales: ScaleResult[]; dashboard: DashboardResult }> {
  const sessions: VariantSession[] = [];
  const dir = await snapshotExtension(EXTENSION_DIR);
  writeFileSync(join(dir, FLOOR_PAGE), FLOOR_HTML);
  writeFileSync(join(dir, 'bench-floor.js'), FLOOR_JS);
  try {
    const seeded: Seeded[] = [];
    for (const total of [opts.small, opts.large]) {
      const session = await launch({ extensionDir: dir });
      sessions.push(session);
      // The harness routes every request through this process to keep pages off the network. With a route in
      // place Playwright pauses every request, the extension's own files included, until this process lets it
      // go: 45-55 ms of each popup opening on this machine (its page and its four chunks), which a user's browser
      // never spends. Only extension pages are opened here, and they load nothing from the network.
      await session.context.unrouteAll();
      // The popup opens the database (the background creates it on first use).
      await popupTiming(session).catch(() => undefined);
      await setOwnProfiles(session.worker!, Object.fromEntries(SEED_PLATFORMS.map((p) => [p, ownProfileUrl(p)])));
      log(`  seeding ${total.toLocaleString('en')} interactions over two years…`);
      seeded.push(await seedHistory(session, total, log));
    }
    // One opening each first: the worker and the page's code warm up as on any ordinary use.
    for (const session of sessions) {
      await popupTiming(session);
      await popupTiming(session, FLOOR_PAGE);
    }
    const popup: PageTiming[][] = sessions.map(() => []);
    const popupDomContentLoaded: number[][] = sessions.map(() => []);
    const floor: PageTiming[][] = sessions.map(() => []);
    for (let r = 0; r < opts.runs; r++) {
      const order = r % 2 === 0 ? [0, 1] : [1, 0];
      for (const i of order) {
        const { domContentLoaded, ...t } = await popupTiming(sessions[i]!);
        popup[i]!.push(t);
        popupDomContentLoaded[i]!.push(domContentLoaded);
        const { domContentLoaded: _, ...f } = await popupTiming(sessions[i]!, FLOOR_PAGE);
        floor[i]!.push(f);
      }
    }
    const scales: ScaleResult[] = [];
    for (const [i, session] of sessions.entries()) {
      const weekStatsMessage = await weekStatsTimes(session, opts.runs);
      const s = seeded[i]!;
      scales.push({ ...s, popup: popup[i]!, weekStatsMessage, popupDomContentLoaded: popupDomContentLoaded[i]!, floor: floor[i]! });
      log(
        `  popup with ${s.interactions.toLocaleString('en')}: ${popup[i]!.map((p) => p.paintedMs.toFixed(0)).join(', ')} ms; the floor page ${floor[i]!.map((p) => p.paintedMs.toFixed(0)).join(', ')} ms; ` +
          `its query alone ${weekStatsMessage.map((m) => m.toFixed(0)).join(', ')} ms (seeded in ${(s.seedMs / 1000).toFixed(0)} s; ${s.consistency})`,
      );
    }
    // The small browser is not needed for the dashboard, which is measured at the large scale alone.
    await sessions.shift()!.close();
    const dashboard = await runDashboard(sessions[0]!, opts, log);
    return { scales, dashboard };
  } finally {
    for (const session of sessions) await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runDashboard(session: VariantSession, opts: { runs: number; library: number }, log: (l: string) => void): Promise<DashboardResult> {
  const base = `chrome-extension://${session.extensionId}/dashboard.html`;
  const probe = await session.context.newPage();
  await probe.goto(base);
  await probe.waitForSelector('[role="tablist"]', { timeout: 15_000 });
  const hasHistory = (await probe.locator('#tab-history').count()) > 0;
  const hasLibrary = (await probe.locator('#tab-library').count()) > 0;

  // Weekly history: the tab as the user opens it, and its message alone.
  const history: DashboardResult['history'] = { tab: hasHistory, firstOpen: null, warm: [], message: [], weeks: null, note: null };
  const weekSel = '[data-testid="summary"]';
  const emptySel = '[data-testid="history-empty"]';
  if (hasHistory) {
    for (let r = 0; r <= opts.runs; r++) {
      const { page, timings } = await openTimed(session.context, `${base}#/history`, [weekSel, emptySel], 120_000);
      await page.close();
      const t = timings[weekSel];
      if (!t) {
        history.note = timings[emptySel] ? 'the history tab showed no weeks (empty state)' : 'no weekly summary appeared within 120 s';
        break;
      }
      if (r === 0) history.firstOpen = t;
      else history.warm.push(t);
    }
  } else history.note = 'the built dashboard has no history tab: only the query was measured';
  for (let r = 0; r < opts.runs; r++) {
    const { ms, answer } = await timedMessage<{ summaries: unknown[] }>(probe, { type: 'UI_LIST_WEEKLY_SUMMARIES', limit: 520 });
    if (!answer.ok) {
      history.note = `${history.note ? `${history.note}; ` : ''}UI_LIST_WEEKLY_SUMMARIES failed: ${answer.error?.message}`;
      break;
    }
    history.message.push(ms);
    history.weeks = answer.data?.summaries.length ?? null;
  }
  log(`  history: tab ${hasHistory ? `first ${history.firstOpen?.paintedMs.toFixed(0) ?? '—'} ms, then ${history.warm.map((w) => w.paintedMs.toFixed(0)).join(', ')} ms` : 'absent'}; message ${history.message.map((m) => m.toFixed(0)).join(', ')} ms (${history.weeks ?? '?'} weeks)`);

  // Inspiration library: 10,000 saved posts through the product's save function, then searches.
  log(`  saving ${opts.library.toLocaleString('en')} posts to the library…`);
  const call = await dbBench(probe);
  const seeded = await call('seedLibrary', opts.library, Date.now());
  const direct = await call('timeLibraryQueries', LIBRARY_QUERIES, opts.runs);
  let message: DashboardResult['library']['message'] = [];
  let note: string | null = hasLibrary ? null : 'the built dashboard has no library tab: its query and message were measured';
  for (const query of LIBRARY_QUERIES) {
    const ms: number[] = [];
    let total = 0;
    for (let r = 0; r < opts.runs; r++) {
      const { ms: took, answer } = await timedMessage<{ total: number }>(probe, {
        type: 'UI_LIBRARY_QUERY',
        filter: { query, platforms: [], author: null, tags: [], savedFrom: null, savedTo: null },
        sort: 'saved',
        direction: 'desc',
        offset: 0,
        limit: 50,
      });
      if (!answer.ok) {
        note = `${note}; UI_LIBRARY_QUERY failed: ${answer.error?.message}`;
        message = null;
        break;
      }
      ms.push(took);
      total = answer.data?.total ?? 0;
    }
    if (message === null) break;
    message.push({ query, total, ms });
  }
  await probe.close();
  let ui: Array<{ query: string; ms: number[] }> | null = null;
  if (hasLibrary) {
    try {
      ui = await timeLibraryUi(session.context, `${base}#/library`, LIBRARY_QUERIES.filter((q) => !q.includes('no-match')), Math.max(1, Math.min(3, opts.runs)));
    } catch (e) {
      note = `${note}; the tab's search box could not be timed: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  log(`  library search (${seeded.rows} saved, seeded in ${(seeded.ms / 1000).toFixed(0)} s): ${direct.map((d) => `${d.query} ${Math.max(...d.ms).toFixed(0)} ms`).join(', ')}`);
  return { history, library: { rows: seeded.rows, seedMs: seeded.ms, tab: hasLibrary, direct, message, ui, note } };
}
