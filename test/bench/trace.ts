/**
 * Reads V8's sampling profile out of a Chrome trace: how much JavaScript ran on
 * the page's main thread, how much of it in extension code (any stack with a
 * chrome-extension:// frame, whichever world it runs in, microtasks included),
 * and, when the page marked its batches with performance.mark, per batch.
 */
import type { TraceEvent } from './cdp';

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number };
}

/** A function of extension code as the profiler names it (minified name; 0-based line and column of its start). */
export interface ExtensionFrame {
  url: string;
  functionName: string;
  line: number;
  column: number;
  /** ms with this function running, itself or through what it called (native calls included). */
  totalMs: number;
  /** ms with this function the innermost extension frame on the stack. */
  selfMs: number;
}

interface Sample {
  ts: number;
  node: number;
}

export interface ProfileSummary {
  /** µs between samples the profiler was asked for (median of the observed deltas). */
  intervalUs: number;
  samples: number;
  /** ms of JavaScript (including the native calls it makes), all worlds. */
  scriptMs: number;
  /** ms of it in extension code. */
  extensionMs: number;
  /** Per marked batch: extension ms and all script ms from the batch's mark to the next. */
  batches: Array<{ extensionMs: number; scriptMs: number }>;
  /** Extension functions by total time, largest first (at most 200). */
  extensionFrames: ExtensionFrame[];
  /**
   * Top-level tasks of that thread of 50 ms or more: by wall time (what the
   * Long Tasks API counts) and by the thread's own CPU time (which other load
   * on the machine does not stretch), with the extension's code sampled inside
   * the long ones by CPU time. Null when the trace has no task events.
   */
  longTasks: LongTasks | null;
}

export interface LongTasks {
  wall: number;
  cpu: number;
  /**
   * ms of extension code the profiler sampled inside the long tasks by CPU time: in all, and in the one that
   * held the most. A long task of the page's own with little of ours in it was not ours to split, though what
   * our code did to the page earlier (elements added, styles) can still make the page's own task longer.
   */
  extensionMs?: number;
  maxExtensionMs?: number;
}

/** A traced load's long tasks by CPU time and our code inside them, for its diagnosis line. */
export function longTasksText(t: LongTasks | null): string {
  if (t === null) return '';
  if (t.cpu === 0) return '; no long task by CPU time';
  return `; ${t.cpu} long task${t.cpu === 1 ? '' : 's'} by CPU time, extension code in them ${(t.extensionMs ?? 0).toFixed(1)} ms (at most ${(t.maxExtensionMs ?? 0).toFixed(1)} in one)`;
}

const LONG_TASK_US = 50_000;
/** A microtask checkpoint starting this soon after a task ends is that task's. */
const ADJACENT_US = 200;

const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const MICROTASKS = 'BlinkScheduler_PerformMicrotaskCheckpoint';

/**
 * Counts the long tasks of one thread, by wall time and by CPU time. A task is a
 * top-level RunTask with the microtask checkpoint Blink runs right after it (a
 * separate top-level event: promise continuations, most of an async content
 * script, run there), as the HTML event loop counts a task. A task still running
 * when the trace stopped has only its begin event (`B`): it counts by what it had
 * run by the trace's last event (CPU time from thread timestamps when the events
 * carry them, else wall time).
 */
export function countLongTasks(events: TraceEvent[], pid: number, tid: number): { wall: number; cpu: number } | null {
  const top = topLevelTasks(events, pid, tid);
  return top === null ? null : countLong(top);
}

function countLong(top: readonly TaskSpan[]): { wall: number; cpu: number } {
  let wall = 0;
  let cpu = 0;
  for (const t of top) {
    if (t.end - t.start >= LONG_TASK_US) wall++;
    if (t.cpu >= LONG_TASK_US) cpu++;
  }
  return { wall, cpu };
}

interface TaskSpan {
  start: number;
  end: number;
  cpu: number;
  microtasks: boolean;
}

/** The thread's top-level tasks in order (see countLongTasks), or null when the trace has no task events for it. */
function topLevelTasks(events: TraceEvent[], pid: number, tid: number): TaskSpan[] | null {
  const thread = events.filter((e) => e.pid === pid && e.tid === tid);
  const relevant = thread.filter((e) => (TASK_EVENTS.has(e.name) || e.name === MICROTASKS) && (e.ph === 'X' || e.ph === 'B' || e.ph === 'E'));
  if (!relevant.some((e) => TASK_EVENTS.has(e.name))) return null;
  // Loops, not Math.max(...array): a feed's trace has more events than a call can take arguments.
  let traceEnd = Number.NEGATIVE_INFINITY;
  for (const e of events) traceEnd = Math.max(traceEnd, e.ts + (e.dur ?? 0));
  let threadEndTts = Number.NEGATIVE_INFINITY;
  for (const e of thread) if (e.tts !== undefined) threadEndTts = Math.max(threadEndTts, e.tts + (e.tdur ?? 0));
  const spans: TaskSpan[] = [];
  const open: TraceEvent[] = [];
  const close = (begin: TraceEvent, end: number, endTts: number | undefined) =>
    spans.push({ start: begin.ts, end, cpu: begin.tts !== undefined && endTts !== undefined && Number.isFinite(endTts) ? endTts - begin.tts : end - begin.ts, microtasks: begin.name === MICROTASKS });
  for (const e of [...relevant].sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X') spans.push({ start: e.ts, end: e.ts + (e.dur ?? 0), cpu: e.tdur ?? e.dur ?? 0, microtasks: e.name === MICROTASKS });
    else if (e.ph === 'B') open.push(e);
    else {
      const begin = open.pop();
      if (begin) close(begin, e.ts, e.tts);
    }
  }
  for (const begin of open) close(begin, traceEnd, threadEndTts);
  // Top-level spans only (a checkpoint inside a task is part of it), in order.
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const top: TaskSpan[] = [];
  for (const span of spans) {
    const last = top[top.length - 1];
    if (last && span.start < last.end) continue;
    // A checkpoint that follows a task at once finishes that task.
    if (last && span.microtasks && span.start - last.end <= ADJACENT_US) {
      last.end = span.end;
      last.cpu += span.cpu;
      continue;
    }
    top.push({ ...span });
  }
  return top;
}

const NOT_SCRIPT = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);
/** A sample stands for the time until the next one, but never for more than this (gaps are not script). */
const MAX_SAMPLE_US = 2_000;

function isExtensionUrl(url: string | undefined) {
  return url?.startsWith('chrome-extension://') ?? false;
}

/**
 * The thread is the one that emitted the first `sd-bench-batch-*` mark, else
 * the first whose profile has a frame from a url containing `threadWithUrl`,
 * else the one with the most samples.
 */
export function summariseProfile(events: TraceEvent[], marker = 'sd-bench-batch-', threadWithUrl?: string): ProfileSummary {
  // performance.mark() appears as a blink.user_timing event named after the mark.
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith(marker) && e.ph !== 'e').sort((a, b) => a.ts - b.ts);
  const profiles = events.filter((e) => e.name === 'Profile' && e.ph === 'P');
  const chunksOf = (p: TraceEvent) => events.filter((e) => e.name === 'ProfileChunk' && e.pid === p.pid && e.id === p.id);
  let chosen = marks[0] ? profiles.find((p) => p.pid === marks[0]!.pid && p.tid === marks[0]!.tid) : undefined;
  if (!chosen && threadWithUrl) {
    chosen = profiles.find((p) =>
      chunksOf(p).some((c) => ((c.args?.data?.cpuProfile as { nodes?: ProfileNode[] })?.nodes ?? []).some((n) => n.callFrame.url?.includes(threadWithUrl))),
    );
  }
  if (!chosen) {
    chosen = profiles
      .map((p) => ({ p, n: chunksOf(p).reduce((s, c) => s + ((c.args?.data?.cpuProfile as { samples?: number[] })?.samples?.length ?? 0), 0) }))
      .sort((a, b) => b.n - a.n)[0]?.p;
  }
  if (!chosen) return { intervalUs: 0, samples: 0, scriptMs: 0, extensionMs: 0, batches: [], extensionFrames: [], longTasks: null };

  const nodes = new Map<number, ProfileNode>();
  const samples: Sample[] = [];
  let t = Number((chosen.args?.data as { startTime?: number }).startTime ?? chosen.ts);
  for (const chunk of chunksOf(chosen).sort((a, b) => a.ts - b.ts)) {
    const data = chunk.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    ids.forEach((node, i) => {
      t += deltas[i] ?? 0;
      samples.push({ ts: t, node });
    });
  }
  samples.sort((a, b) => a.ts - b.ts);

  // Classify each node once: script or not, extension or not (any frame up the stack).
  const kind = new Map<number, 0 | 1 | 2>(); // 0 not script, 1 script, 2 extension script
  const classify = (id: number): 0 | 1 | 2 => {
    const known = kind.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    let k: 0 | 1 | 2 = 0;
    if (node && !NOT_SCRIPT.has(node.callFrame.functionName ?? '')) {
      k = 1;
      for (let n: ProfileNode | undefined = node; n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
        if (isExtensionUrl(n.callFrame.url)) {
          k = 2;
          break;
        }
      }
    }
    kind.set(id, k);
    return k;
  };

  // The extension frames on each node's stack, innermost first (memoised per node).
  const frameKey = (n: ProfileNode) => `${n.callFrame.url}|${n.callFrame.functionName ?? ''}|${n.callFrame.lineNumber ?? -1}|${n.callFrame.columnNumber ?? -1}`;
  const stacks = new Map<number, string[]>();
  const extStack = (id: number): string[] => {
    const known = stacks.get(id);
    if (known) return known;
    const node = nodes.get(id);
    const parent = node?.parent === undefined ? [] : extStack(node.parent);
    const own = node && isExtensionUrl(node.callFrame.url) ? [frameKey(node), ...parent.filter((k) => k !== frameKey(node))] : parent;
    stacks.set(id, own);
    return own;
  };
  const frames = new Map<string, ExtensionFrame>();
  const frameOf = (key: string): ExtensionFrame => {
    let f = frames.get(key);
    if (!f) {
      const [url, functionName, line, column] = key.split('|');
      f = { url: url!, functionName: functionName!, line: Number(line), column: Number(column), totalMs: 0, selfMs: 0 };
      frames.set(key, f);
    }
    return f;
  };

  const deltas = samples.slice(1).map((s, i) => s.ts - samples[i]!.ts);
  const sorted = [...deltas].sort((a, b) => a - b);
  const intervalUs = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const bounds = marks.map((m) => m.ts);
  const batches = bounds.map(() => ({ extensionMs: 0, scriptMs: 0 }));
  let scriptUs = 0;
  let extensionUs = 0;
  let b = -1;
  // The long tasks by CPU time, in order, and the extension's sampled time inside each.
  const tasks = topLevelTasks(events, chosen.pid, chosen.tid);
  const longByCpu = (tasks ?? []).filter((t) => t.cpu >= LONG_TASK_US);
  const extensionInLong = longByCpu.map(() => 0);
  let l = 0;
  samples.forEach((s, i) => {
    const k = classify(s.node);
    if (k === 0) return;
    const next = samples[i + 1];
    const us = Math.min(next ? next.ts - s.ts : intervalUs, MAX_SAMPLE_US);
    scriptUs += us;
    if (k === 2) {
      extensionUs += us;
      while (l < longByCpu.length && longByCpu[l]!.end <= s.ts) l++;
      if (l < longByCpu.length && s.ts >= longByCpu[l]!.start) extensionInLong[l]! += us;
      const stack = extStack(s.node);
      stack.forEach((key, depth) => {
        const f = frameOf(key);
        f.totalMs += us / 1000;
        if (depth === 0) f.selfMs += us / 1000;
      });
    }
    while (b + 1 < bounds.length && s.ts >= bounds[b + 1]!) b++;
    if (b >= 0) {
      batches[b]!.scriptMs += us / 1000;
      if (k === 2) batches[b]!.extensionMs += us / 1000;
    }
  });
  const extensionFrames = [...frames.values()].sort((a, b) => b.totalMs - a.totalMs).slice(0, 200);
  return {
    intervalUs,
    samples: samples.length,
    scriptMs: scriptUs / 1000,
    extensionMs: extensionUs / 1000,
    batches,
    extensionFrames,
    longTasks:
      tasks === null
        ? null
        : { ...countLong(tasks), extensionMs: extensionInLong.reduce((a, b) => a + b, 0) / 1000, maxExtensionMs: extensionInLong.reduce((a, b) => Math.max(a, b), 0) / 1000 },
  };
}

/**
 * Timeline time spent compiling and evaluating scripts whose url contains `urlPart` (devtools.timeline events). A
 * content script loaded as a module (lib/build/content-loaders.ts) is compiled in `v8.compileModule` (its parse ran
 * on a background thread) and evaluated in `v8.evaluateModule`, which names the isolated world it ran in, not the url.
 */
export function scriptEvaluation(events: TraceEvent[], urlPart: string): { compileMs: number; evaluateMs: number } {
  let compile = 0;
  let evaluate = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    if (e.name === 'v8.evaluateModule') {
      // Modules of an isolated world (an extension's); the page's own run in the main world, which has no name.
      if (typeof e.args?.worldName === 'string' && e.args.worldName !== '') evaluate += e.dur;
      continue;
    }
    const url = (e.args?.data as { url?: string } | undefined)?.url ?? '';
    if (!url.includes(urlPart)) continue;
    if (e.name === 'v8.compile' || e.name === 'v8.compileModule' || e.name === 'V8.CompileCode' || e.name === 'v8.produceCache') compile += e.dur;
    else if (e.name === 'EvaluateScript') evaluate += e.dur;
  }
  return { compileMs: compile / 1000, evaluateMs: evaluate / 1000 };
}
