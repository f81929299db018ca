/** Turns the raw measurements into the figures of the table, each with its budget. */
import type { BundleBreakdown, FileSize } from './bundle';
import type { Figure } from './report';
import type { CaptureResultFigures } from './scenarios/capture';
import type { DashboardResult, ScaleResult } from './scenarios/data';
import type { FeedPlatformResult, FeedRun } from './scenarios/feed';
import type { LoadSample, PanelTiming } from './scenarios/startup';
import { PLATFORM_NAMES, type Platform } from '../../lib/platforms/types';
import { distribution, max, median } from './stats';

export const BUDGETS = {
  addedScriptPerPostMs: 0.3,
  batchP95Ms: 4,
  addedLongTasks: 0,
  heapGrowthMb: 2,
  startupAddedMs: 15,
  contentScriptGzipKb: 60,
  panelInteractiveMs: 100,
  captureRowsPerSecond: 5000,
  popupMs: 100,
  popupRatio: 1.5,
  searchMs: 50,
} as const;

const nameOf = (p: string) => (p in PLATFORM_NAMES && PLATFORM_NAMES[p as Platform]) || p;
const MB = 1e6;

/** One value per extension variant ('ours', 'compare:…'), from a function of its runs (and the baseline's). */
function perVariant(
  runs: FeedRun[],
  extensionKeys: string[],
  fn: (mine: FeedRun[], base: FeedRun[]) => number | null,
): { ours: number | null; compare: Record<string, number | null> } {
  const base = runs.filter((r) => r.variant === 'baseline');
  const of = (k: string) => fn(runs.filter((r) => r.variant === k), base);
  return { ours: of('ours'), compare: Object.fromEntries(extensionKeys.filter((k) => k !== 'ours').map((k) => [k, of(k)])) };
}

/** Median of the run-by-run differences (run r with the extension minus run r without). */
function pairedMedian(mine: FeedRun[], base: FeedRun[], value: (r: FeedRun) => number): number | null {
  const diffs = mine.map((m) => {
    const b = base.find((x) => x.run === m.run);
    return b ? value(m) - value(b) : Number.NaN;
  });
  const ok = diffs.filter((d) => !Number.isNaN(d));
  return ok.length ? median(ok) : null;
}

export function feedFigures(results: FeedPlatformResult[], extensionKeys: string[]): Figure[] {
  const out: Figure[] = [];
  for (const res of results) {
    const section = `Feed: ${nameOf(res.platform)} (${res.runs[0]?.posts ?? '?'} posts)`;
    const runs = res.runs;
    const base = runs.filter((r) => r.variant === 'baseline');
    const posts = runs[0]?.posts ?? 1;
    const side = (value: (r: FeedRun) => number) => ({
      baseline: base.length ? median(base.map(value)) : null,
      ...perVariant(runs, extensionKeys, (mine) => (mine.length ? median(mine.map(value)) : null)),
    });
    out.push({ section, label: 'page script per post, with / without', unit: 'ms', ...side((r) => r.scriptMs / r.posts) });
    out.push({
      section,
      label: 'added script per post',
      unit: 'ms',
      ...perVariant(runs, extensionKeys, (mine, b) => {
        const d = pairedMedian(mine, b, (r) => r.scriptMs);
        return d === null ? null : d / posts;
      }),
      budget: { op: '<=', value: BUDGETS.addedScriptPerPostMs },
    });
    out.push({
      section,
      label: 'script with / without (ratio)',
      unit: '×',
      ...perVariant(runs, extensionKeys, (mine, b) => (mine.length && b.length ? median(mine.map((r) => r.scriptMs)) / median(b.map((r) => r.scriptMs)) : null)),
    });
    out.push({
      section,
      label: 'extension code per post (attributed)',
      unit: 'ms',
      ...perVariant(runs, extensionKeys, (mine) => (mine.length ? median(mine.map((r) => r.extensionMs / r.posts)) : null)),
    });
    out.push({
      section,
      label: 'added main-thread time per post',
      unit: 'ms',
      ...perVariant(runs, extensionKeys, (mine, b) => {
        const d = pairedMedian(mine, b, (r) => r.taskMs);
        return d === null ? null : d / posts;
      }),
    });
    const batches = (mine: FeedRun[]) => distribution(mine.flatMap((r) => r.batchExtensionMs));
    out.push({ section, label: 'extension per batch of new posts, median', unit: 'ms', ...perVariant(runs, extensionKeys, (m) => (m.length ? batches(m).median : null)) });
    out.push({
      section,
      label: 'extension per batch of new posts, p95',
      unit: 'ms',
      ...perVariant(runs, extensionKeys, (m) => (m.length ? batches(m).p95 : null)),
      budget: { op: '<=', value: BUDGETS.batchP95Ms },
    });
    out.push({ section, label: 'extension per batch of new posts, max', unit: 'ms', ...perVariant(runs, extensionKeys, (m) => (m.length ? batches(m).max : null)) });
    out.push({ section, label: 'long tasks ≥ 50 ms, with / without', unit: 'count', ...side((r) => r.longTasks.count) });
    out.push({
      section,
      label: 'long tasks added',
      unit: 'count',
      ...perVariant(runs, extensionKeys, (mine, b) => (mine.length && b.length ? median(mine.map((r) => r.longTasks.count)) - median(b.map((r) => r.longTasks.count)) : null)),
      budget: { op: '<=', value: BUDGETS.addedLongTasks },
    });
    const cpuLong = (r: FeedRun) => r.traceLongTasks?.cpu ?? Number.NaN;
    out.push({ section, label: 'long tasks ≥ 50 ms of CPU time, with / without', unit: 'count', ...side(cpuLong) });
    out.push({
      section,
      label: 'long tasks of CPU time added',
      unit: 'count',
      ...perVariant(runs, extensionKeys, (mine, b) => (mine.length && b.length ? median(mine.map(cpuLong)) - median(b.map(cpuLong)) : null)),
      budget: { op: '<=', value: BUDGETS.addedLongTasks },
    });
    // Whose long tasks they are: a long task of the page's own holds little of our code (BENCHMARKS.md, nineteenth session).
    const inLong = (r: FeedRun) => r.traceLongTasks?.extensionMs ?? Number.NaN;
    out.push({
      section,
      label: 'extension code inside the long tasks of CPU time, per run',
      unit: 'ms',
      ...perVariant(runs, extensionKeys, (mine) => (mine.some((r) => Number.isFinite(inLong(r))) ? median(mine.map(inLong).filter(Number.isFinite)) : null)),
    });
    out.push({
      section,
      label: '… the most in any one long task',
      unit: 'ms',
      ...perVariant(runs, extensionKeys, (mine) => {
        const most = mine.map((r) => r.traceLongTasks?.maxExtensionMs ?? Number.NaN).filter(Number.isFinite);
        return most.length ? Math.max(...most) : null;
      }),
    });
    out.push({ section, label: 'JS heap after GC at the end, with / without', unit: 'MB', ...side((r) => r.heapEndBytes / MB) });
    out.push({
      section,
      label: 'heap growth over the feed, added',
      unit: 'MB',
      ...perVariant(runs, extensionKeys, (mine, b) => pairedMedian(mine, b, (r) => (r.heapEndBytes - r.heapStartBytes) / MB)),
      budget: { op: '<=', value: BUDGETS.heapGrowthMb },
    });
  }
  return out;
}

/** The start-up samples of ours loaded with the panel left open (its React UI loaded at once). */
/** One set of start-up loads per variant (`of`): each variant's median, and its difference to the baseline's. */
function sideBySide(of: (variant: string) => LoadSample[], extensionKeys: string[]) {
  const med = (variant: string, value: (s: LoadSample) => number) => {
    const loads = of(variant);
    return loads.length ? median(loads.map(value)) : null;
  };
  const added = (variant: string, value: (s: LoadSample) => number) => {
    const mine = med(variant, value);
    const base = med('baseline', value);
    return mine === null || base === null ? null : mine - base;
  };
  const byVariant = (value: (s: LoadSample) => number) => ({
    ours: added('ours', value),
    compare: Object.fromEntries(extensionKeys.filter((k) => k !== 'ours').map((k) => [k, added(k, value)])),
  });
  return { med, added, byVariant };
}

/** The note when some of a variant's loads had not read and counted the own post by the time they settled. */
function unhandledNote(variant: string, loads: LoadSample[]): string | undefined {
  const missed = loads.filter((s) => s.ownPostHandled === false).length;
  return missed ? `${variant}: the own post was not read and counted by then in ${missed} of ${loads.length} loads` : undefined;
}

export const OURS_PANEL_OPEN = 'ours, panel open';

export function startupFigures(
  samples: LoadSample[],
  panel: PanelTiming[],
  panelErrors: string[],
  sizes: FileSize[],
  extensionKeys: string[],
  platforms: string[],
  onDemand: FileSize[] = [],
  /** The busy own posts loaded (comments-page.ts): comments on each platform's page, and the platforms whose page could not be built. */
  busy: { comments: Record<string, number>; failed: Record<string, string> } = { comments: {}, failed: {} },
): Figure[] {
  const out: Figure[] = [];
  const section = 'Start-up (own-post page)';
  for (const platform of platforms) {
    const of = (variant: string, first: boolean) => samples.filter((s) => s.page === 'own-post' && s.variant === variant && s.platform === platform && s.cold === first);
    const later = sideBySide((variant) => of(variant, false), extensionKeys);
    const first = sideBySide((variant) => of(variant, true), extensionKeys);
    const unhandled = (variant: string) => unhandledNote(variant, of(variant, false).concat(of(variant, true)));
    out.push({
      section,
      label: `${nameOf(platform)}: added main-thread time per load`,
      unit: 'ms',
      ...later.byVariant((s) => s.taskMs),
      budget: { op: '<=', value: BUDGETS.startupAddedMs },
      note: unhandled('ours'),
    });
    if (samples.some((s) => s.variant === OURS_PANEL_OPEN && s.platform === platform)) {
      out.push({
        section,
        label: `${nameOf(platform)}: … with the panel left open (its UI loaded at once)`,
        unit: 'ms',
        ours: later.added(OURS_PANEL_OPEN, (s) => s.taskMs),
        note: unhandled(OURS_PANEL_OPEN),
      });
    }
    out.push({ section, label: `${nameOf(platform)}: … on the first visit after browser start`, unit: 'ms', ...first.byVariant((s) => s.taskMs) });
    out.push({ section, label: `${nameOf(platform)}: added script per load (ScriptDuration)`, unit: 'ms', ...later.byVariant((s) => s.scriptMs) });
  }
  const busySection = 'Start-up (busy own post: the own post with many comments)';
  for (const platform of platforms) {
    const failed = busy.failed[platform];
    const comments = busy.comments[platform];
    if (failed !== undefined) {
      out.push({ section: busySection, label: `${nameOf(platform)}: added main-thread time per load`, unit: 'ms', ours: null, note: `no busy page: ${failed}` });
      continue;
    }
    if (comments === undefined) continue;
    const of = (variant: string) => samples.filter((s) => s.page === 'busy' && s.variant === variant && s.platform === platform);
    const loads = sideBySide(of, extensionKeys);
    out.push({
      section: busySection,
      label: `${nameOf(platform)}: added main-thread time per load, ${comments} comments`,
      unit: 'ms',
      ...loads.byVariant((s) => s.taskMs),
      note: unhandledNote('ours', of('ours')),
    });
    for (const [kind, what] of [['wall', 'wall time'], ['cpu', 'CPU time']] as const) {
      const long = (s: LoadSample) => s.longTasks?.[kind] ?? Number.NaN;
      const others = Object.fromEntries(extensionKeys.filter((k) => k !== 'ours').map((k) => [k, loads.med(k, long)]));
      out.push({ section: busySection, label: `${nameOf(platform)}: long tasks ≥ 50 ms of ${what} per load, with / without`, unit: 'count', ours: loads.med('ours', long), baseline: loads.med('baseline', long), compare: others });
      out.push({ section: busySection, label: `${nameOf(platform)}: long tasks of ${what} added`, unit: 'count', ...loads.byVariant(long), budget: { op: '<=', value: BUDGETS.addedLongTasks } });
    }
  }
  const sizeSection = 'What every page loads (content scripts)';
  for (const s of sizes) {
    out.push({ section: sizeSection, label: `${s.file}, gzipped`, unit: 'KB', ours: s.gzipBytes / 1000, budget: { op: '<=', value: BUDGETS.contentScriptGzipKb } });
    out.push({ section: sizeSection, label: `${s.file}, raw`, unit: 'KB', ours: s.rawBytes / 1000 });
  }
  for (const s of onDemand) {
    out.push({ section: sizeSection, label: `${s.file} (loaded when the panel is first needed), gzipped`, unit: 'KB', ours: s.gzipBytes / 1000 });
  }
  const panelSection = 'Panel (ours)';
  const rested = panel.filter((p) => p.restMs > 0);
  const restedInteractive = rested.map((p) => p.interactiveMs).filter((v): v is number => v !== null);
  const clicked = panel.filter((p) => p.restMs === 0);
  const interactive = clicked.map((p) => p.interactiveMs).filter((v): v is number => v !== null);
  out.push({
    section: panelSection,
    label: 'click on the tab → own post listed and painted, median',
    unit: 'ms',
    ours: interactive.length ? median(interactive) : null,
    budget: { op: '<=', value: BUDGETS.panelInteractiveMs },
    note: panelErrors.length ? panelErrors.join('; ') : interactive.length < clicked.length ? `${clicked.length - interactive.length} clicks never listed the own post` : undefined,
  });
  out.push({ section: panelSection, label: 'click → painted, max', unit: 'ms', ours: interactive.length ? max(interactive) : null });
  out.push({ section: panelSection, label: 'click → panel open in the DOM, median', unit: 'ms', ours: clicked.length ? median(clicked.map((p) => p.openMs)) : null });
  if (rested.length) {
    out.push({
      section: panelSection,
      label: `… when the pointer rested ${rested[0]!.restMs} ms on the tab first (its UI loads on hover), median`,
      unit: 'ms',
      ours: restedInteractive.length ? median(restedInteractive) : null,
    });
  }
  return out;
}

export function captureFigures(c: CaptureResultFigures): Figure[] {
  const section = `Capture (${c.batches} batches of ${c.commentsPerBatch} comments, real message path and database)`;
  const rows = c.rowsWritten;
  const checked = c.batches * c.commentsPerBatch;
  return [
    {
      section,
      label: 'interactions written per second',
      unit: 'rows/s',
      ours: c.firstPass.totalMs > 0 ? rows / (c.firstPass.totalMs / 1000) : null,
      budget: { op: '>=', value: BUDGETS.captureRowsPerSecond },
    },
    { section, label: 'per batch, median', unit: 'ms', ours: median(c.firstPass.batchMs) },
    { section, label: 're-capture of existing rows, per second', unit: 'rows/s', ours: c.recapture.totalMs > 0 ? checked / (c.recapture.totalMs / 1000) : null },
    { section, label: 're-capture per batch, median', unit: 'ms', ours: median(c.recapture.batchMs) },
    {
      section,
      label: `IndexedDB alone, with the ${c.ceiling.indexes} interaction indexes`,
      unit: 'rows/s',
      ours: c.ceiling.indexedPerSecond,
      note: 'the same rows put in one transaction into a scratch store: the ceiling for any write path',
    },
    { section, label: 'IndexedDB alone, no indexes', unit: 'rows/s', ours: c.ceiling.plainPerSecond },
  ];
}

export function popupFigures(scales: ScaleResult[]): Figure[] {
  const section = 'Popup at scale (open → metrics table painted)';
  const out: Figure[] = [];
  const medians = scales.map((s) => median(s.popup.map((p) => p.paintedMs)));
  scales.forEach((s, i) => {
    out.push({
      section,
      label: `${s.interactions.toLocaleString('en')} interactions, median`,
      unit: 'ms',
      ours: medians[i]!,
      budget: i === scales.length - 1 ? { op: '<=', value: BUDGETS.popupMs } : undefined,
      note: s.consistent ? undefined : `seeded data inconsistent: ${s.consistency}`,
    });
  });
  if (scales.length === 2) out.push({ section, label: 'large ÷ small', unit: '×', ours: medians[1]! / medians[0]!, budget: { op: '<=', value: BUDGETS.popupRatio } });
  for (const s of scales) {
    out.push({ section, label: `${s.interactions.toLocaleString('en')}: its query alone (UI_GET_WEEK_STATS), median`, unit: 'ms', ours: median(s.weekStatsMessage) });
    out.push({ section, label: `${s.interactions.toLocaleString('en')}: page scripts run (DOMContentLoaded), median`, unit: 'ms', ours: median(s.popupDomContentLoaded) });
    out.push({
      section,
      label: `${s.interactions.toLocaleString('en')}: the floor, median`,
      unit: 'ms',
      ours: s.floor.length ? median(s.floor.map((p) => p.paintedMs)) : null,
      note: 'a page of the extension whose one small script sends the same message and puts its answer in a table: what any such page costs in this browser',
    });
  }
  return out;
}

export function dashboardFigures(d: DashboardResult, interactions: number): Figure[] {
  const section = `Dashboard at scale (${interactions.toLocaleString('en')} interactions, 2 years; ${d.library.rows.toLocaleString('en')} saved posts)`;
  const out: Figure[] = [];
  out.push({ section, label: 'history tab: first open → first week painted', unit: 'ms', ours: d.history.firstOpen?.paintedMs ?? null, note: d.history.note ?? undefined });
  out.push({ section, label: 'history tab: later opens, median', unit: 'ms', ours: d.history.warm.length ? median(d.history.warm.map((w) => w.paintedMs)) : null });
  out.push({ section, label: 'weekly summaries message (UI_LIST_WEEKLY_SUMMARIES), median', unit: 'ms', ours: d.history.message.length ? median(d.history.message) : null });
  const worst = (list: Array<{ ms: number[] }> | null) => (list && list.length ? Math.max(...list.map((q) => median(q.ms))) : null);
  out.push({
    section,
    label: 'library search, slowest query (median, through its message)',
    unit: 'ms',
    ours: worst(d.library.message),
    budget: { op: '<=', value: BUDGETS.searchMs },
    note: d.library.note ?? undefined,
  });
  out.push({ section, label: 'library search, slowest query (median, the query alone)', unit: 'ms', ours: worst(d.library.direct) });
  out.push({
    section,
    label: 'library tab: typed query → results painted, slowest (median)',
    unit: 'ms',
    ours: worst(d.library.ui),
    note: d.library.ui ? 'includes the search box’s 200 ms pause after typing (LibraryToolbar), by design' : undefined,
  });
  return out;
}

export function breakdownText(b: BundleBreakdown, top = 15): string {
  const lines = [`Largest modules of content-scripts/${b.entry}.js (analysis build with a source map: ${(b.rawBytes / 1000).toFixed(1)} KB raw, ${(b.gzipBytes / 1000).toFixed(1)} KB gzipped):`];
  lines.push(`  ${'module'.padEnd(34)} ${'raw KB'.padStart(8)} ${'share'.padStart(6)} ${'gzip alone KB'.padStart(14)}`);
  for (const m of b.modules.slice(0, top)) {
    lines.push(`  ${m.module.padEnd(34)} ${(m.rawBytes / 1000).toFixed(1).padStart(8)} ${`${(m.share * 100).toFixed(1)}%`.padStart(6)} ${(m.gzipAloneBytes / 1000).toFixed(1).padStart(14)}`);
  }
  return lines.join('\n');
}
