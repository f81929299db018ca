/**
 * 1. Feed overhead: each platform's synthetic feed (feed-page.ts) scrolled to
 * `posts` posts in a fresh profile, alternating browsers without and with each
 * extension, `runs` times each. Per run: JavaScript time on the page's main
 * thread (V8's sampling profiler: every world, microtasks included) and the
 * part of it in extension code, per batch too; main-thread task time
 * (Performance.getMetrics, thread time); long tasks (the page's own
 * PerformanceObserver); JS heap after forced collections before and after.
 */
import type { Page } from 'playwright-core';
import { cdpFor, heapAfterGc, LIGHT_TRACE_CATEGORIES, metrics, metricsDelta, startTrace, stopTrace } from '../cdp';
import { buildFeedPage, verifyFeed, type FeedPage } from '../feed-page';
import type { LongTaskSummary, RunOptions, RunResult } from '../page/feed-driver';
import { launchVariant, type Variant, type VariantSession } from '../browser';
import { feedStallMs, guardStall, StallError } from '../stall';
import { summariseProfile, type ExtensionFrame, type LongTasks } from '../trace';

export interface FeedRun {
  variant: string;
  run: number;
  posts: number;
  batches: number;
  wallMs: number;
  /** JS on the main thread, all worlds (sampling profiler). */
  scriptMs: number;
  /** The part of it with an extension frame on the stack. */
  extensionMs: number;
  /** Extension ms per batch of new posts. */
  batchExtensionMs: number[];
  /** Performance.getMetrics, thread time. */
  taskMs: number;
  scriptDurationMs: number;
  layoutMs: number;
  styleMs: number;
  longTasks: LongTaskSummary;
  /** Long top-level tasks in the trace: by wall time, and by the main thread's CPU time (not stretched by other load). */
  traceLongTasks: LongTasks | null;
  heapStartBytes: number;
  heapEndBytes: number;
  samplingIntervalUs: number;
  /** Our panel was on the page (a sanity check that the content script ran). */
  panel: boolean;
  /** The extension's functions by time (top 60; none for the baseline). */
  extensionFrames: ExtensionFrame[];
}

export interface FeedPlatformResult {
  platform: string;
  fixture: string;
  templates: number;
  postsPerCycle: number;
  droppedOwn: number;
  verification: { expected: number; read: number; missing: string[] };
  runs: FeedRun[];
}

/** Time for the extension's last idle-time batch and any message it sends to finish. */
const SETTLE_MS = 1_500;

async function benchError(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const bench = (window as unknown as { __sdBench?: { error: string | null } }).__sdBench;
    return bench ? bench.error : 'the bench script did not load';
  });
}

export async function runFeedOnce(feed: FeedPage, variant: Variant, run: number, options: RunOptions): Promise<FeedRun> {
  let session: VariantSession | null = null;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    // Stalled before the browser started: the launch's own handler below closes it when it comes.
    if (session === null) return;
    // A stalled browser may not answer its own close either.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([session.close(), new Promise((r) => (timer = setTimeout(r, 10_000)))]);
    clearTimeout(timer);
  };
  const launching = launchVariant(variant);
  // A browser that starts only after a stall is closed too.
  void launching.then((s) => (closed ? s.close() : undefined), () => undefined);
  return guardStall(
    async (step) => {
      try {
        step('starting the browser');
        session = await launching;
        if (closed) throw new Error('stalled');
        session.serve(feed.url, feed.html);
        step('loading the page');
        const page = await session.context.newPage();
        const cdp = await cdpFor(page);
        await page.goto(feed.url, { waitUntil: 'load' });
        const error = await benchError(page);
        if (error) throw new Error(`${feed.platform} feed page: ${error}`);
        // Let the content script start, read the page and mount its UI, as a user would wait for the page.
        await page.waitForTimeout(2_000);
        step('collecting garbage before the run');
        const heapStartBytes = await heapAfterGc(cdp);
        const m0 = await metrics(cdp);
        step('starting the trace');
        await startTrace(cdp, LIGHT_TRACE_CATEGORIES);
        step('scrolling the feed');
        const result = await page.evaluate((o) => (window as unknown as { __sdBench: { run(o: RunOptions): Promise<RunResult> } }).__sdBench.run(o), options);
        await page.waitForTimeout(SETTLE_MS);
        step('stopping the trace');
        const events = await stopTrace(cdp);
        step('collecting garbage after the run');
        const m1 = await metrics(cdp);
        const heapEndBytes = await heapAfterGc(cdp);
        const profile = summariseProfile(events);
        const d = metricsDelta(m0, m1);
        const panel = (await page.locator('social-desk-panel').count()) > 0;
        return {
          variant: variant.key,
          run,
          posts: result.posts,
          batches: result.batches,
          wallMs: result.durationMs,
          scriptMs: profile.scriptMs,
          extensionMs: profile.extensionMs,
          batchExtensionMs: profile.batches.map((b) => b.extensionMs),
          taskMs: d.taskMs,
          scriptDurationMs: d.scriptMs,
          layoutMs: d.layoutMs,
          styleMs: d.styleMs,
          longTasks: result.longTasks,
          traceLongTasks: profile.longTasks,
          heapStartBytes,
          heapEndBytes,
          samplingIntervalUs: profile.intervalUs,
          panel,
          extensionFrames: profile.extensionFrames.slice(0, 60),
        };
      } finally {
        await close();
      }
    },
    feedStallMs(options.posts),
    close,
  );
}

export async function runFeed(
  platform: string,
  variants: Variant[],
  runs: number,
  options: RunOptions,
  log: (line: string) => void,
): Promise<FeedPlatformResult> {
  const feed = await buildFeedPage(platform);
  const verification = await verifyFeed(feed);
  if (verification.missing.length > 0) {
    throw new Error(`${platform}: the synthetic feed's clones do not read as new posts (${verification.missing.length} of ${verification.expected} missing)`);
  }
  const out: FeedPlatformResult = {
    platform,
    fixture: feed.fixture,
    templates: feed.config.templates.length,
    postsPerCycle: feed.postsPerCycle,
    droppedOwn: feed.droppedOwn,
    verification,
    runs: [],
  };
  for (let r = 0; r < runs; r++) {
    // Alternate which browser goes first, so neither always runs on a cooler machine.
    const order = r % 2 === 0 ? variants : [...variants].reverse();
    for (const v of order) {
      const t0 = Date.now();
      let run: FeedRun;
      try {
        run = await runFeedOnce(feed, v, r, options);
      } catch (e) {
        if (!(e instanceof StallError)) throw e;
        // Seen twice in long through-scrolled runs (the browser stopped answering); not reproduced on its own.
        log(`  ${platform} run ${r + 1}/${runs} ${v.key}: ${e.message}; running it again in a fresh browser`);
        run = await runFeedOnce(feed, v, r, options);
      }
      out.runs.push(run);
      log(
        `  ${platform} run ${r + 1}/${runs} ${v.key.padEnd(10)} script ${run.scriptMs.toFixed(0)} ms (extension ${run.extensionMs.toFixed(0)}), ` +
          `tasks ${run.taskMs.toFixed(0)} ms, long tasks ${run.longTasks.count} (${run.traceLongTasks?.cpu ?? '?'} by CPU time${run.traceLongTasks?.cpu ? `, extension code in them ${(run.traceLongTasks.extensionMs ?? 0).toFixed(1)} ms` : ''}), heap +${((run.heapEndBytes - run.heapStartBytes) / 1e6).toFixed(2)} MB  [${((Date.now() - t0) / 1000).toFixed(0)} s]`,
      );
    }
  }
  return out;
}
