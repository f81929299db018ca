/** Chrome DevTools Protocol helpers: page metrics, forced collection, tracing. */
import type { CDPSession, Page } from 'playwright-core';

export interface PageMetrics {
  /** ms of JavaScript run on the page's main thread (page and extension worlds). */
  scriptMs: number;
  /** ms of every task on the main thread (script, style, layout, parsing…). */
  taskMs: number;
  layoutMs: number;
  styleMs: number;
  heapUsedBytes: number;
}

export async function cdpFor(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return cdp;
}

export async function metrics(cdp: CDPSession): Promise<PageMetrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => list.find((m) => m.name === name)?.value ?? Number.NaN;
  return {
    scriptMs: get('ScriptDuration') * 1000,
    taskMs: get('TaskDuration') * 1000,
    layoutMs: get('LayoutDuration') * 1000,
    styleMs: get('RecalcStyleDuration') * 1000,
    heapUsedBytes: get('JSHeapUsedSize'),
  };
}

export function metricsDelta(a: PageMetrics, b: PageMetrics): PageMetrics {
  return {
    scriptMs: b.scriptMs - a.scriptMs,
    taskMs: b.taskMs - a.taskMs,
    layoutMs: b.layoutMs - a.layoutMs,
    styleMs: b.styleMs - a.styleMs,
    heapUsedBytes: b.heapUsedBytes - a.heapUsedBytes,
  };
}

/** JS heap in use after a full collection (twice: the first can leave garbage reachable from finalizers). */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await metrics(cdp)).heapUsedBytes;
}

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs. */
  tdur?: number;
  /** Thread (CPU) timestamp, µs. */
  tts?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { data?: Record<string, unknown> } & Record<string, unknown>;
}

/** Timeline events plus V8's sampling profiler at 100 µs, as the DevTools Performance panel records them. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.cpu_profiler.hires',
];

/**
 * Only the sampling profiler, the page's performance marks and the top-level
 * tasks (with their thread time): totals, batches and long tasks at the least
 * cost to the page.
 */
export const LIGHT_TRACE_CATEGORIES = ['disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'toplevel'];

export async function startTrace(cdp: CDPSession, categories: string[] = TRACE_CATEGORIES) {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: categories, excludedCategories: ['*'] },
  });
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream as string)));
  await cdp.send('Tracing.end');
  const stream = await done;
  const chunks: string[] = [];
  for (;;) {
    const r = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    chunks.push(r.base64Encoded ? Buffer.from(r.data, 'base64').toString('utf8') : r.data);
    if (r.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const text = chunks.join('');
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}
