import { describe, expect, it } from 'vitest';
import type { TraceEvent } from './cdp';
import { countLongTasks, longTasksText, scriptEvaluation, summariseProfile } from './trace';

const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/content-scripts/linkedin.js';

function ev(e: Partial<TraceEvent> & { name: string }): TraceEvent {
  return { cat: 'disabled-by-default-v8.cpu_profiler', ph: 'P', ts: 0, pid: 1, tid: 1, ...e };
}

describe('profile summary', () => {
  it('counts script time, the extension part (any frame up the stack) and per batch', () => {
    const nodes = [
      { id: 1, callFrame: { functionName: '(root)' } },
      { id: 2, parent: 1, callFrame: { functionName: '(idle)' } },
      { id: 3, parent: 1, callFrame: { functionName: 'run', url: 'https://www.linkedin.com/feed/' } },
      { id: 4, parent: 1, callFrame: { functionName: 'batch', url: EXT } },
      // A DOM call made by extension code counts as the extension's.
      { id: 5, parent: 4, callFrame: { functionName: 'querySelectorAll' } },
      { id: 6, parent: 1, callFrame: { functionName: '(garbage collector)' } },
    ];
    // Samples every 100 µs from t=1000: page, page, ext, dom-from-ext, idle, gc, ext, page.
    const samples = [3, 3, 4, 5, 2, 6, 4, 3];
    const events: TraceEvent[] = [
      ev({ name: 'Profile', id: '0x1', ts: 1000, args: { data: { startTime: 1000 } } }),
      ev({ name: 'ProfileChunk', id: '0x1', ts: 1001, tid: 9, args: { data: { cpuProfile: { nodes, samples }, timeDeltas: [0, 100, 100, 100, 100, 100, 100, 100] } } }),
      { name: 'sd-bench-batch-0', cat: 'blink.user_timing', ph: 'I', ts: 1000, pid: 1, tid: 1 },
      { name: 'sd-bench-batch-1', cat: 'blink.user_timing', ph: 'I', ts: 1450, pid: 1, tid: 1 },
      // Another process's profile is ignored.
      ev({ name: 'Profile', id: '0x1', pid: 2, tid: 2, ts: 1000, args: { data: { startTime: 1000 } } }),
      ev({ name: 'ProfileChunk', id: '0x1', pid: 2, tid: 3, ts: 1001, args: { data: { cpuProfile: { nodes, samples: [4, 4, 4] }, timeDeltas: [0, 100, 100] } } }),
    ];
    const s = summariseProfile(events);
    expect(s.intervalUs).toBe(100);
    expect(s.samples).toBe(8);
    // Script: samples 0,1,2,3,6,7 → 6 × 0.1 ms; extension: 2,3,6 → 0.3 ms.
    expect(s.scriptMs).toBeCloseTo(0.6);
    expect(s.extensionMs).toBeCloseTo(0.3);
    expect(s.batches).toHaveLength(2);
    expect(s.batches[0]!.extensionMs).toBeCloseTo(0.2);
    expect(s.batches[1]!.extensionMs).toBeCloseTo(0.1);
    expect(s.batches[0]!.scriptMs + s.batches[1]!.scriptMs).toBeCloseTo(0.6);
    // The extension's function: 0.3 ms in all, of which the DOM call it made is part (native, so still its self time).
    expect(s.extensionFrames).toHaveLength(1);
    expect(s.extensionFrames[0]).toMatchObject({ url: EXT, functionName: 'batch' });
    expect(s.extensionFrames[0]!.totalMs).toBeCloseTo(0.3);
    expect(s.extensionFrames[0]!.selfMs).toBeCloseTo(0.3);
  });

  it('reports nothing without a profile', () => {
    expect(summariseProfile([])).toEqual({ intervalUs: 0, samples: 0, scriptMs: 0, extensionMs: 0, batches: [], extensionFrames: [], longTasks: null });
  });

  it('counts long tasks of one thread by wall time and by CPU time', () => {
    let ts = 0;
    const task = (dur: number, tdur: number, tid = 1): TraceEvent => ({ name: 'RunTask', cat: 'toplevel', ph: 'X', ts: (ts += 100_000), dur, tdur, pid: 1, tid });
    const events = [task(60_000, 20_000), task(70_000, 55_000), task(10_000, 10_000), task(90_000, 90_000, 2)];
    expect(countLongTasks(events, 1, 1)).toEqual({ wall: 2, cpu: 1 });
    expect(countLongTasks(events, 3, 3)).toBeNull();
  });

  const at = (ph: string, ts: number, tts?: number, name = 'RunTask', dur?: number): TraceEvent => ({
    name,
    cat: 'toplevel',
    ph,
    ts,
    ...(tts === undefined ? {} : { tts }),
    ...(dur === undefined ? {} : { dur, tdur: dur }),
    pid: 1,
    tid: 1,
  });

  it('counts a task by its begin and end events, and one still running when the trace stopped', () => {
    // 80 ms of wall, 30 of CPU; then a task begun at 200 ms and still running at the trace's last event (1.4 s later).
    const events = [at('B', 0, 0), at('E', 80_000, 30_000), at('B', 200_000, 40_000), at('X', 1_600_000, 1_400_000, 'Layout')];
    expect(countLongTasks(events, 1, 1)).toEqual({ wall: 2, cpu: 1 });
    expect(countLongTasks([at('X', 0, 0, 'RunTask', 1_000), at('B', 2_000, 2_000), at('X', 10_000, 10_000, 'Paint', 20_000)], 1, 1)).toEqual({ wall: 0, cpu: 0 });
  });

  it("counts the microtask checkpoint right after a task as that task's", () => {
    const checkpoint = 'BlinkScheduler_PerformMicrotaskCheckpoint';
    const events = [
      // 10 ms of task, then 45 ms of promise continuations: one task of 55 ms.
      at('X', 0, 0, 'RunTask', 10_000),
      at('X', 10_050, 10_050, checkpoint, 45_000),
      // A checkpoint inside a task is part of it, not more.
      at('X', 100_000, 100_000, 'RunTask', 30_000),
      at('X', 110_000, 110_000, checkpoint, 5_000),
      // A checkpoint of 60 ms on its own (long), still running when the trace stopped.
      at('X', 200_000, 200_000, 'RunTask', 1_000),
      at('B', 250_000, 250_000, checkpoint),
      at('X', 320_000, 320_000, 'Paint', 1_000),
    ];
    expect(countLongTasks(events, 1, 1)).toEqual({ wall: 2, cpu: 2 });
  });

  it('measures the extension code sampled inside each long task by CPU time', () => {
    const nodes = [
      { id: 1, callFrame: { functionName: '(root)' } },
      { id: 2, parent: 1, callFrame: { functionName: 'run', url: 'https://www.linkedin.com/feed/' } },
      { id: 3, parent: 1, callFrame: { functionName: 'batch', url: EXT } },
    ];
    // A sample every 1 ms from t=0: 100 samples.
    const samples = Array.from({ length: 100 }, (_, i) => (i % 4 === 0 ? 3 : 2));
    const profile = [
      ev({ name: 'Profile', id: '0x1', ts: 0, args: { data: { startTime: 0 } } }),
      ev({ name: 'ProfileChunk', id: '0x1', ts: 1, args: { data: { cpuProfile: { nodes, samples }, timeDeltas: samples.map((_, i) => (i === 0 ? 0 : 1_000)) } } }),
    ];
    const tasks = [
      // Long by CPU: 0–59 ms, extension samples at 0, 4, …, 56 (15 ms of them).
      at('X', 0, 0, 'RunTask', 60_000),
      // Long by wall only: 60–119 ms, but 20 ms of CPU (not counted).
      { ...at('X', 60_000, 60_000, 'RunTask', 60_000), tdur: 20_000 },
      // Not long: 130–140 ms (no samples there anyway).
      at('X', 130_000, 130_000, 'RunTask', 10_000),
    ];
    const s = summariseProfile([...profile, ...tasks]);
    expect(s.longTasks).toMatchObject({ wall: 2, cpu: 1 });
    expect(s.longTasks!.extensionMs).toBeCloseTo(15);
    expect(s.longTasks!.maxExtensionMs).toBeCloseTo(15);
    // Two long tasks by CPU (0–59 and 60–109 ms; the samples end at 99 ms: 15 and 10 ms of ours): the sum, and the larger one.
    const second = [at('X', 0, 0, 'RunTask', 60_000), at('X', 60_000, 60_000, 'RunTask', 50_000)];
    const t = summariseProfile([...profile, ...second]);
    expect(t.longTasks).toMatchObject({ wall: 2, cpu: 2 });
    expect(t.longTasks!.extensionMs).toBeCloseTo(25);
    expect(t.longTasks!.maxExtensionMs).toBeCloseTo(15);
    // As a traced load's diagnosis line prints it.
    expect(longTasksText(t.longTasks)).toBe('; 2 long tasks by CPU time, extension code in them 25.0 ms (at most 15.0 in one)');
    expect(longTasksText(s.longTasks)).toBe('; 1 long task by CPU time, extension code in them 15.0 ms (at most 15.0 in one)');
    expect(longTasksText({ wall: 1, cpu: 0 })).toBe('; no long task by CPU time');
    expect(longTasksText(null)).toBe('');
  });

  it('takes a trace of a feed’s size (more events than a call takes arguments)', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => at('X', i * 10, i * 10, 'Paint', 5));
    expect(countLongTasks([...many, at('X', 0, 0, 'RunTask', 60_000)], 1, 1)).toEqual({ wall: 1, cpu: 1 });
  });
});

describe('script evaluation', () => {
  const X = (name: string, dur: number, args: Record<string, unknown>) => ({ name, ph: 'X', ts: 0, dur, pid: 1, tid: 1, args }) as unknown as TraceEvent;
  const url = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/content-scripts/linkedin.js';
  it('counts a classic content script and one loaded as a module in an isolated world, not the page’s own scripts', () => {
    const events = [
      X('v8.compile', 1_000, { data: { url: url.replace('linkedin.js', 'linkedin.loader.js') } }),
      X('EvaluateScript', 2_000, { data: { url: url.replace('linkedin.js', 'linkedin.loader.js') } }),
      X('v8.compileModule', 300, { data: { url } }),
      X('v8.evaluateModule', 4_000, { worldId: 5, worldName: 'Social Desk' }),
      X('v8.evaluateModule', 9_000, { worldId: 0 }),
      X('EvaluateScript', 7_000, { data: { url: 'https://www.linkedin.com/app.js' } }),
    ];
    expect(scriptEvaluation(events, '/content-scripts/')).toEqual({ compileMs: 1.3, evaluateMs: 6 });
  });
});
