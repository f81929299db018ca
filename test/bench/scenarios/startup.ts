/**
 * 2. Start-up: each platform's own-post fixture loaded without and with each
 * extension, each in a new tab. The first visit to each site after the browser
 * starts is reported apart ("cold"); the later ones are the figure with the
 * budget (the extension and browser are running, the tab's renderer is new). Main-thread task and script time come from
 * Performance.getMetrics (per document, thread time) after the page settled.
 * Ours loads with the panel closed, as it is by default (only the always-loaded
 * content script runs), and again with the panel left open (its React UI is
 * loaded at once, shown as the variant `ours, panel open`). Then ours only: the
 * panel's time from the click on its tab to open, to the own post listed, and
 * to the next frame painted after that.
 */
import type { Page, Worker } from 'playwright-core';
import { inspectPages } from '../../../scripts/inspect-page';
import { cdpFor, metrics, startTrace, stopTrace, TRACE_CATEGORIES } from '../cdp';
import { countLongTasks, scriptEvaluation, summariseProfile, type ExtensionFrame, type LongTasks } from '../trace';
import { readFixture } from '../feed-page';
import { launchVariant, NAME_SHIM, OURS, setOwnProfiles, type Variant, type VariantSession } from '../browser';
import { stripScripts } from '../../e2e/harness';
import type { CommentsPage } from '../comments-page';
import { OURS_PANEL_OPEN } from '../figures';

export interface LoadSample {
  variant: string;
  platform: string;
  load: number;
  /** The first visit to this site since the browser started. */
  cold: boolean;
  /** The own-post fixture, or the busy own post built from it (comments-page.ts). */
  page: 'own-post' | 'busy';
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  /**
   * Busy page: the page's main-thread tasks of 50 ms or more by the time it settled,
   * by wall and by CPU time, from a trace (the Long Tasks API in the page does not
   * report tasks that run a content script).
   */
  longTasks?: { wall: number; cpu: number } | null;
  /**
   * Ours: the own post was read and answered by the log by the time the page had
   * settled (panel closed: the tab counts its waiting comments; panel open: the
   * panel lists the post).
   */
  ownPostHandled: boolean | null;
}


export interface PanelTiming {
  platform: string;
  /** How long the pointer rested on the tab before the click (0: clicked as it arrived). */
  restMs: number;
  /** Click → the panel's open state in the DOM. */
  openMs: number;
  /** Click → the own post listed in the panel (null: not within 5 s). */
  contentMs: number | null;
  /** Click → the frame after that painted. */
  interactiveMs: number | null;
}

const SETTLE_MS = 1_500;
/** A busy own post's page is given longer: an extension that reads it slowly must be seen to the end of it. */
const BUSY_SETTLE_MS = 3_000;
/** The pointer's rest on the panel's tab before the click, in the second set of clicks. */
export const PANEL_REST_MS = 200;

/** One load of ours traced (timeline and 100 µs sampling), to see what its start-up time is made of. */
export interface LoadDiagnosis {
  platform: string;
  /** The busy own post (comments-page.ts) rather than the own-post fixture. */
  busy: boolean;
  /** Extension code on the page's main thread (sampling profiler), ms. */
  extensionMs: number;
  /** Compiling the content script and running its top level (timeline events), ms. */
  compileMs: number;
  evaluateMs: number;
  extensionFrames: ExtensionFrame[];
  /**
   * The traced load's long tasks and the extension code sampled inside those by CPU time (trace.ts). The timeline
   * and the 100 µs sampling make this load slower than an untraced one, so it says whose the long tasks are, not
   * how many an ordinary load has.
   */
  longTasks: LongTasks | null;
}

async function diagnoseLoad(page: Page, url: string, platform: string, busy: boolean): Promise<LoadDiagnosis> {
  const cdp = await cdpFor(page);
  // 'toplevel' adds the tasks themselves, so the long ones can be told apart.
  await startTrace(cdp, [...TRACE_CATEGORIES, 'toplevel']);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(busy ? BUSY_SETTLE_MS : SETTLE_MS);
  const events = await stopTrace(cdp);
  await cdp.detach();
  const profile = summariseProfile(events, 'sd-bench-batch-', '/content-scripts/');
  const evaluation = scriptEvaluation(events, '/content-scripts/');
  return { platform, busy, extensionMs: profile.extensionMs, ...evaluation, extensionFrames: profile.extensionFrames.slice(0, 80), longTasks: profile.longTasks };
}

export async function ownIdentities(platforms: string[]): Promise<Record<string, string>> {
  const pages = platforms.map((p) => {
    const f = readFixture(p, 'own-post.html');
    return { file: f.path, url: f.url, now: Date.now() };
  });
  const inspections = await inspectPages(pages);
  const out: Record<string, string> = {};
  inspections.forEach((ins, i) => {
    const me = ins.reading.ownIdentity?.profileUrl ?? ins.reading.posts[0]?.author.profileUrl;
    if (me) out[platforms[i]!] = me;
  });
  return out;
}

async function loadOnce(page: Page, url: string, busy = false): Promise<Pick<LoadSample, 'taskMs' | 'scriptMs' | 'layoutMs' | 'styleMs' | 'longTasks'>> {
  const cdp = await cdpFor(page);
  // A busy page is traced for its long tasks.
  if (busy) await startTrace(cdp, ['toplevel', 'devtools.timeline']);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(busy ? BUSY_SETTLE_MS : SETTLE_MS);
  const m = await metrics(cdp);
  const events = busy ? await stopTrace(cdp) : null;
  await cdp.detach();
  const out = { taskMs: m.taskMs, scriptMs: m.scriptMs, layoutMs: m.layoutMs, styleMs: m.styleMs };
  if (events === null) return out;
  // The page's main thread: the one that parsed it.
  const parse = events.find((e) => e.name === 'ParseHTML' && (e.args?.beginData as { url?: string } | undefined)?.url === url) ?? events.find((e) => e.name === 'ParseHTML');
  return { ...out, longTasks: parse ? countLongTasks(events, parse.pid, parse.tid) : null };
}

/** Serves each platform's own-post fixture (scripts stripped) at its real address. */
function serveOwnPosts(session: VariantSession, platforms: string[]): void {
  for (const platform of platforms) {
    const f = readFixture(platform, 'own-post.html');
    session.serve(f.url, stripScripts(f.html));
  }
}

/**
 * Serves the busy own posts for the duration of `fn` (a busy post may share its
 * address with the own-post fixture), then the own-post fixtures again.
 */
async function withBusyPages<T>(session: VariantSession, platforms: string[], busy: ReadonlyMap<string, CommentsPage>, fn: () => Promise<T>): Promise<T> {
  for (const b of busy.values()) session.serve(b.url, b.html);
  try {
    return await fn();
  } finally {
    serveOwnPosts(session, platforms);
  }
}

/**
 * One load of an own post (the fixture at `url`, or a busy one, traced) in a new tab; with `panelOpen` given
 * (ours), whether the own post was read and answered by then.
 */
async function loadOwnPost(session: VariantSession, url: string, panelOpen: boolean | null, busy = false) {
  const page = await session.context.newPage();
  try {
    const m = await loadOnce(page, url, busy);
    return { ...m, ownPostHandled: panelOpen === null ? null : await ownPostHandled(page, panelOpen) };
  } finally {
    await page.close();
  }
}

/**
 * Rounds the start-up loads are spread over. In each round every variant gets a fresh browser, in turn, the
 * order rotated from round to round: a machine whose speed drifts over a run (other work, heat) then weighs on
 * every variant alike. Before, each variant ran all its loads in one browser, one after the other, and a
 * `--compare` column mostly measured its place in that order (BENCHMARKS.md, seventh and eighth sessions).
 */
export const STARTUP_ROUNDS = 3;

/** How the loads of one variant are spread over the rounds: a first (cold) visit and `warm` later visits per round, and `busy` busy-post loads. */
export function startupRounds(loads: number): { rounds: number; warm: number; busy: number } {
  const later = Math.max(1, loads - 1);
  const rounds = Math.min(STARTUP_ROUNDS, later);
  return { rounds, warm: Math.ceil(later / rounds), busy: Math.ceil(Math.max(1, loads) / rounds) };
}

/** The variants in the order they run in `round`: each one first in turn. */
export function roundOrder<T>(variants: readonly T[], round: number): T[] {
  return variants.map((_, i) => variants[(i + round) % variants.length] as T);
}

/**
 * Start-up loads of each platform's own-post fixture, and of its busy own post
 * (`busy`: the same post with many more comments, built by comments-page.ts) when
 * given, the panel closed, over the rounds of `startupRounds(loads)` (each variant
 * about `loads` own-post loads and `loads` busy loads in all). Then ours alone,
 * in one more browser: the panel left open, one traced load of each page, and
 * the panel's tab clicked.
 */
export async function runStartup(
  platforms: string[],
  variants: Variant[],
  loads: number,
  me: Record<string, string>,
  log: (l: string) => void,
  busy: ReadonlyMap<string, CommentsPage> = new Map(),
) {
  const samples: LoadSample[] = [];
  const diagnoses: LoadDiagnosis[] = [];
  const panel: PanelTiming[] = [];
  const panelErrors: string[] = [];
  const plan = startupRounds(loads);
  /** Each variant's loads of each page so far, numbered across the rounds. */
  const counted = new Map<string, number>();
  const next = (key: string) => {
    const n = counted.get(key) ?? 0;
    counted.set(key, n + 1);
    return n;
  };
  for (let round = 0; round < plan.rounds; round++) {
    for (const variant of roundOrder(variants, round)) {
      const session = await launchVariant(variant);
      // Ours, or another build of it: the user's own profiles set, and the own post's handling checked.
      const ours = variant.socialDesk === true && session.worker !== null;
      try {
        if (ours) await setOwnProfiles(session.worker!, me);
        serveOwnPosts(session, platforms);
        // The first visit to each site after the browser started, then the later ones (the budget's figure).
        for (let visit = 0; visit <= plan.warm; visit++) {
          for (const platform of platforms) {
            const m = await loadOwnPost(session, readFixture(platform, 'own-post.html').url, ours ? false : null);
            samples.push({ variant: variant.key, platform, load: next(`${variant.key}/${platform}`), cold: visit === 0, page: 'own-post', ...m });
          }
        }
        if (busy.size > 0) {
          await withBusyPages(session, platforms, busy, async () => {
            for (let load = 0; load < plan.busy; load++) {
              for (const platform of platforms) {
                const b = busy.get(platform);
                if (!b) continue;
                const m = await loadOwnPost(session, b.url, ours ? false : null, true);
                samples.push({ variant: variant.key, platform, load: next(`${variant.key}/${platform}/busy`), cold: false, page: 'busy', ...m });
              }
            }
          });
        }
      } finally {
        await session.close();
      }
    }
    log(`  start-up round ${round + 1} of ${plan.rounds}: ${variants.length} browsers, ${plan.warm + 1} loads of ${platforms.length} pages${busy.size > 0 ? ` and ${plan.busy} of ${busy.size} busy own posts` : ''} each`);
  }

  if (!variants.includes(OURS)) return { samples, panel, panelErrors, diagnoses };
  const session = await launchVariant(OURS);
  try {
    const worker = session.worker;
    if (worker === null) return { samples, panel, panelErrors, diagnoses };
    await setOwnProfiles(worker, me);
    serveOwnPosts(session, platforms);
    // The panel left open: its React UI is injected at once.
    await worker.evaluate(() => chrome.storage.local.set({ panelOpen: true }));
    for (let visit = 0; visit < loads; visit++) {
      for (const platform of platforms) {
        const m = await loadOwnPost(session, readFixture(platform, 'own-post.html').url, true);
        samples.push({ variant: OURS_PANEL_OPEN, platform, load: visit, cold: visit === 0, page: 'own-post', ...m });
      }
    }
    await worker.evaluate(() => chrome.storage.local.remove('panelOpen'));
    log(`  start-up ours, panel open: ${loads} loads of ${platforms.length} pages`);
    for (const platform of platforms) {
      const page = await session.context.newPage();
      diagnoses.push(await diagnoseLoad(page, readFixture(platform, 'own-post.html').url, platform, false));
      await page.close();
    }
    // And of each busy own post, the case where a load costs the most.
    await withBusyPages(session, platforms, busy, async () => {
      for (const platform of platforms) {
        const b = busy.get(platform);
        if (!b) continue;
        const page = await session.context.newPage();
        diagnoses.push(await diagnoseLoad(page, b.url, `${platform}, busy own post`, true));
        await page.close();
      }
    });
    for (const platform of platforms) {
      // Clicked as the pointer arrives (the budget's case), and after the pointer rested on the tab
      // for a moment as a person's does (hovering starts loading the panel's UI).
      for (const restMs of [0, PANEL_REST_MS]) {
        for (let rep = 0; rep < Math.max(1, loads - 1); rep++) {
          try {
            panel.push({ platform, restMs, ...(await panelOpenTiming(session.context.newPage.bind(session.context), worker, readFixture(platform, 'own-post.html').url, restMs)) });
          } catch (e) {
            panelErrors.push(`${platform}: ${e instanceof Error ? e.message : String(e)}`);
            break;
          }
        }
      }
    }
    log(`  panel: ${panel.length} clicks timed${panelErrors.length ? `, ${panelErrors.length} failed` : ''}`);
  } finally {
    await session.close();
  }
  return { samples, panel, panelErrors, diagnoses };
}

/** Whether ours had read the own post and had the log's answer: the panel lists it, or the closed panel's tab counts its waiting comments. */
async function ownPostHandled(page: Page, panelOpen: boolean): Promise<boolean> {
  if (panelOpen) return (await page.locator('social-desk-panel [data-testid="own-post"]').count()) > 0;
  const label = await page.locator('social-desk-panel button.sd-tab').first().getAttribute('aria-label', { timeout: 1_000 }).catch(() => null);
  return label !== null && /\d/.test(label);
}

interface TimingGlobal {
  __sdPanelTiming?: Promise<{ openMs: number; contentMs: number | null; interactiveMs: number | null }>;
}

/**
 * Loads the page with the panel closed (as the user left it), clicks the
 * panel's tab like a user (real input events; the pointer moves onto it, rests
 * `restMs`, clicks) and times, in the page, from the click event to the panel
 * open, its content shown and the next frame.
 */
async function panelOpenTiming(newPage: () => Promise<Page>, worker: Worker, url: string, restMs: number) {
  await worker.evaluate(() => chrome.storage.local.set({ panelOpen: false }));
  const page = await newPage();
  try {
    await page.addInitScript(NAME_SHIM);
    await page.goto(url, { waitUntil: 'load' });
    const tab = page.locator('social-desk-panel button[aria-expanded="false"]').first();
    await tab.waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      const root = document.querySelector('social-desk-panel')?.shadowRoot;
      if (!root) throw new Error('social-desk-panel has no open shadow root');
      const g = window as unknown as TimingGlobal;
      g.__sdPanelTiming = new Promise((resolve, reject) => {
        let clickAt: number | null = null;
        let openAt: number | null = null;
        addEventListener('click', (e) => void (clickAt = e.timeStamp), { capture: true, once: true });
        const finish = (contentAt: number | null) => {
          mo.disconnect();
          const at = clickAt as number;
          const openMs = (openAt as number) - at;
          if (contentAt === null) return resolve({ openMs, contentMs: null, interactiveMs: null });
          requestAnimationFrame(() => setTimeout(() => resolve({ openMs, contentMs: contentAt - at, interactiveMs: performance.now() - at }), 0));
        };
        const check = () => {
          if (clickAt === null) return;
          if (openAt === null && root.querySelector('[aria-expanded="true"]')) {
            openAt = performance.now();
            setTimeout(() => openAt !== null && finish(null), 5_000);
          }
          if (openAt !== null && root.querySelector('[data-testid="own-post"]')) finish(performance.now());
        };
        const mo = new MutationObserver(check);
        mo.observe(root, { subtree: true, childList: true, attributes: true });
        setTimeout(() => reject(new Error('the panel did not open within 10 s of the click')), 10_000);
      });
    });
    if (restMs > 0) {
      await tab.hover();
      await page.waitForTimeout(restMs);
    }
    await tab.click();
    return await page.evaluate(() => (window as unknown as TimingGlobal).__sdPanelTiming!);
  } finally {
    await page.close();
  }
}
