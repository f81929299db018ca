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
   * on the machine does not stretch). Null when the trace has no task events.
   */
  longTasks: { wall: number; cpu: number } | null;
}

const LONG_TASK_US = 50_000;

/** Counts the long top-level tasks (RunTask events) of one thread. */
export function countLongTasks(events: TraceEvent[], pid: number, tid: number): { wall: number; cpu: number } | null {
  const tasks = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'));
  if (tasks.length === 0) return null;
  let wall = 0;
  let cpu = 0;
  for (const t of tasks) {
    if ((t.dur ?? 0) >= LONG_TASK_US) wall++;
    if ((t.tdur ?? 0) >= LONG_TASK_US) cpu++;
  }
  return { wall, cpu };
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
  samples.forEach((s, i) => {
    const k = classify(s.node);
    if (k === 0) return;
    const next = samples[i + 1];
    const us = Math.min(next ? next.ts - s.ts : intervalUs, MAX_SAMPLE_US);
    scriptUs += us;
    if (k === 2) {
      extensionUs += us;
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
    longTasks: countLongTasks(events, chosen.pid, chosen.tid),
  };
}

/** Timeline time spent compiling and evaluating scripts whose url contains `urlPart` (devtools.timeline events). */
export function scriptEvaluation(events: TraceEvent[], urlPart: string): { compileMs: number; evaluateMs: number } {
  let compile = 0;
  let evaluate = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const url = (e.args?.data as { url?: string } | undefined)?.url ?? '';
    if (!url.includes(urlPart)) continue;
    if (e.name === 'v8.compile' || e.name === 'V8.CompileCode' || e.name === 'v8.produceCache') compile += e.dur;
    else if (e.name === 'EvaluateScript') evaluate += e.dur;
  }
  return { compileMs: compile / 1000, evaluateMs: evaluate / 1000 };
}
