/**
 * Where the extension's feed time goes: the profiler's extension frames
 * (minified) mapped through the analysis build's source maps to source files,
 * modules and original function names. Only when the analysed script is byte
 * for byte the measured one; otherwise the frames are left unmapped and said so.
 */
import { relative } from 'node:path';
import { ROOT } from '../e2e/harness';
import { decodeMappings, moduleOf, originalPositionFor, type AnalysedScript, type DecodedMappings } from './bundle';
import type { ExtensionFrame } from './trace';

export interface MappedScripts {
  /** By content script file name in the extension (e.g. content-scripts/linkedin.js). */
  scripts: Map<string, { analysed: AnalysedScript; decoded: DecodedMappings }>;
}

export function mappedScripts(analysed: AnalysedScript[], matches: (a: AnalysedScript) => boolean): MappedScripts {
  const scripts = new Map<string, { analysed: AnalysedScript; decoded: DecodedMappings }>();
  for (const a of analysed) if (matches(a)) scripts.set(`content-scripts/${a.entry}.js`, { analysed: a, decoded: decodeMappings(a.map) });
  return { scripts };
}

export interface Hotspots {
  mapped: boolean;
  /** Extension ms per post by the module of the innermost extension frame. */
  modules: Array<{ module: string; msPerPost: number; share: number }>;
  /** Functions by total time (what they called included), per post. */
  functions: Array<{ where: string; name: string; totalMsPerPost: number; selfMsPerPost: number }>;
  /** Functions by self time (the innermost extension frame, native calls it made included). */
  selfFunctions: Array<{ where: string; name: string; totalMsPerPost: number; selfMsPerPost: number }>;
}

/** `frames` summed over `runs` runs of `posts` posts each. */
export function hotspots(frames: ExtensionFrame[], runs: number, posts: number, mapped: MappedScripts): Hotspots {
  const per = (ms: number) => ms / runs / posts;
  const locate = (f: ExtensionFrame) => {
    const path = f.url.replace(/^chrome-extension:\/\/[^/]+\//, '');
    const script = mapped.scripts.get(path);
    const pos = script && f.line >= 0 ? originalPositionFor(script.analysed.map, script.decoded, f.line, f.column) : null;
    if (!pos) return { module: `(${path}, unmapped)`, where: `${path}:${f.line + 1}:${f.column + 1}`, name: f.functionName || '(anonymous)', mapped: false };
    const file = pos.source.startsWith('/') ? relative(ROOT, pos.source) : pos.source;
    return { module: moduleOf(pos.source), where: `${file}:${pos.line + 1}`, name: pos.name ?? (f.functionName ? `${f.functionName} (minified)` : '(anonymous)'), mapped: true };
  };
  const merged = new Map<string, { where: string; name: string; module: string; total: number; self: number; mapped: boolean }>();
  for (const f of frames) {
    const l = locate(f);
    const key = `${l.where}|${l.name}`;
    const m = merged.get(key) ?? { ...l, total: 0, self: 0 };
    m.total += f.totalMs;
    m.self += f.selfMs;
    merged.set(key, m);
  }
  const list = [...merged.values()];
  const selfTotal = list.reduce((s, f) => s + f.self, 0) || 1;
  const byModule = new Map<string, number>();
  for (const f of list) byModule.set(f.module, (byModule.get(f.module) ?? 0) + f.self);
  return {
    mapped: list.some((f) => f.mapped),
    modules: [...byModule]
      .map(([module, self]) => ({ module, msPerPost: per(self), share: self / selfTotal }))
      .sort((a, b) => b.msPerPost - a.msPerPost),
    functions: list
      .sort((a, b) => b.total - a.total)
      .slice(0, 60)
      .map((f) => ({ where: f.where, name: f.name, totalMsPerPost: per(f.total), selfMsPerPost: per(f.self) })),
    selfFunctions: [...list]
      .sort((a, b) => b.self - a.self)
      .slice(0, 30)
      .map((f) => ({ where: f.where, name: f.name, totalMsPerPost: per(f.total), selfMsPerPost: per(f.self) })),
  };
}

/** Modules by self time, then the project's own functions by total time, then any functions by self time. */
export function hotspotsText(platform: string, h: Hotspots, top = 6, unit = 'ms/post'): string {
  const n = (v: number) => v.toFixed(3).padStart(7);
  const row = (f: Hotspots['functions'][number]) => `      ${n(f.totalMsPerPost)} total ${n(f.selfMsPerPost)} self  ${f.name} — ${f.where}`;
  const lines = [`  ${platform}${h.mapped ? '' : ' (not mapped: the analysed build differs from the measured one)'}  [${unit}]`];
  lines.push(`    by module (self): ${h.modules.slice(0, top).map((m) => `${m.module} ${m.msPerPost.toFixed(3)} (${(m.share * 100).toFixed(0)}%)`).join(', ')}`);
  lines.push('    project functions by total:');
  for (const f of h.functions.filter((x) => !x.where.startsWith('node_modules/')).slice(0, top)) lines.push(row(f));
  lines.push('    functions by self:');
  for (const f of h.selfFunctions.slice(0, top)) lines.push(row(f));
  return lines.join('\n');
}
