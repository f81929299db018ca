/**
 * What every page loads: the content scripts of the built extension (raw and
 * gzipped), and which modules make up one of them. The breakdown comes from a
 * separate build of that content script with a source map, into a temporary
 * folder (WXT's own pipeline and config; .output is not touched), whose minified
 * bytes are attributed to their source files through the map.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentModules, loaderPath, type LoaderManifest } from '../../lib/build/content-loaders';
import { ROOT } from '../e2e/harness';

export interface FileSize {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

export const gzipSize = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/**
 * Every content script the manifest makes pages load, with its size. A Chrome
 * build lists loaders (lib/build/content-loaders.ts); each counts with the
 * bundle it imports, which every page loads as well.
 */
export function contentScriptSizes(extensionDir: string): FileSize[] {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as LoaderManifest;
  const modules = new Set(contentModules(manifest));
  const files = [...new Set((manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]))];
  return files.map((file) => {
    const imported = [...modules].find((m) => loaderPath(m) === file);
    const parts = imported === undefined ? [file] : [file, imported];
    const sizes = parts.map((f) => readFileSync(join(extensionDir, f)));
    return { file: parts.join(' + '), rawBytes: sizes.reduce((n, b) => n + b.length, 0), gzipBytes: sizes.reduce((n, b) => n + gzipSize(b), 0) };
  });
}

/** The panel's UI script, which the background injects only when the panel is first needed (lib/content/panel-ui.ts). */
export function onDemandScriptSizes(extensionDir: string): FileSize[] {
  return ['panel-ui.js']
    .filter((file) => existsSync(join(extensionDir, file)))
    .map((file) => {
      const bytes = readFileSync(join(extensionDir, file));
      return { file, rawBytes: bytes.length, gzipBytes: gzipSize(bytes) };
    });
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one source-map segment (base64 VLQ). */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const digit = B64_VALUE.get(c);
    if (digit === undefined) throw new Error(`bad VLQ character ${c}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

export interface SourceMapV3 {
  sources: string[];
  mappings: string;
  names?: string[];
}

/** Segments per generated line: [column, source, source line, source column, name?] (absolute, 0-based). */
export type DecodedMappings = number[][][];

export function decodeMappings(map: SourceMapV3): DecodedMappings {
  let source = 0;
  let line = 0;
  let column = 0;
  let name = 0;
  return map.mappings.split(';').map((lineMap) => {
    let col = 0;
    const out: number[][] = [];
    for (const seg of lineMap.split(',')) {
      if (!seg) continue;
      const f = decodeVlq(seg);
      col += f[0]!;
      if (f.length < 4) continue;
      source += f[1]!;
      line += f[2]!;
      column += f[3]!;
      if (f.length >= 5) {
        name += f[4]!;
        out.push([col, source, line, column, name]);
      } else out.push([col, source, line, column]);
    }
    return out;
  });
}

export interface OriginalPosition {
  source: string;
  line: number;
  column: number;
  name: string | null;
}

/** Where generated line/column (0-based) came from: the last segment at or before it on that line. */
export function originalPositionFor(map: SourceMapV3, decoded: DecodedMappings, line: number, column: number): OriginalPosition | null {
  const segs = decoded[line];
  if (!segs || segs.length === 0) return null;
  let lo = 0;
  let hi = segs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid]![0]! <= column) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return null;
  const s = segs[found]!;
  return { source: map.sources[s[1]!] ?? '(unknown)', line: s[2]!, column: s[3]!, name: s[4] === undefined ? null : (map.names?.[s[4]] ?? null) };
}

/**
 * Attributes every character of the generated code to the source file its
 * mapping segment points at (unmapped code to '(unmapped)'). Returns the
 * generated text per source, so each can be measured raw and gzipped.
 */
export function attributeBytes(code: string, map: SourceMapV3): Map<string, string> {
  const lines = code.split('\n');
  const parts = new Map<string, string[]>();
  const add = (source: string, text: string) => {
    if (!text) return;
    const list = parts.get(source);
    if (list) list.push(text);
    else parts.set(source, [text]);
  };
  let srcIdx = 0;
  const lineMaps = map.mappings.split(';');
  lines.forEach((line, lineNo) => {
    let col = 0;
    const segs: Array<{ col: number; source: number | null }> = [];
    for (const seg of (lineMaps[lineNo] ?? '').split(',')) {
      if (!seg) continue;
      const f = decodeVlq(seg);
      col += f[0]!;
      if (f.length >= 4) {
        // Source line/column (f[2], f[3]) and names are not needed for sizes.
        srcIdx += f[1]!;
        segs.push({ col, source: srcIdx });
      } else segs.push({ col, source: null });
    }
    add('(unmapped)', line.slice(0, segs[0]?.col ?? line.length));
    segs.forEach((s, i) => {
      const end = segs[i + 1]?.col ?? line.length;
      add(s.source === null ? '(unmapped)' : (map.sources[s.source] ?? '(unknown)'), line.slice(s.col, end));
    });
    if (lineNo < lines.length - 1) add('(unmapped)', '\n');
  });
  return new Map([...parts].map(([k, v]) => [k, v.join('')]));
}

/** A readable module name: the npm package, or the project folder the file is in. */
export function moduleOf(source: string): string {
  const path = source.replace(/\\/g, '/');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (source.startsWith('(')) return source;
  if (source.startsWith('\0') || source.includes('virtual:')) return '(virtual modules)';
  const rel = relative(ROOT, path.startsWith('/') ? path : join(ROOT, path));
  const segs = rel.split('/');
  // lib/platforms/linkedin/extract.ts -> lib/platforms/linkedin; components/panel/Panel.tsx -> components/panel
  return segs.length > 2 ? segs.slice(0, segs[0] === 'lib' && segs[1] === 'platforms' ? 3 : 2).join('/') : rel;
}

export interface ModuleSize {
  module: string;
  rawBytes: number;
  /** gzip of this module's code alone (a module compresses better inside the whole file, so these add up to more than the file). */
  gzipAloneBytes: number;
  share: number;
}

export interface BundleBreakdown {
  entry: string;
  rawBytes: number;
  gzipBytes: number;
  modules: ModuleSize[];
  /** Source files per module, largest first (top 5 each). */
  files: Record<string, Array<{ file: string; rawBytes: number }>>;
}

export function breakdown(code: string, map: SourceMapV3, entry: string): BundleBreakdown {
  const bySource = attributeBytes(code, map);
  const byModule = new Map<string, string[]>();
  const files: Record<string, Array<{ file: string; rawBytes: number }>> = {};
  for (const [source, text] of bySource) {
    const m = moduleOf(source);
    (byModule.get(m) ?? byModule.set(m, []).get(m)!).push(text);
    (files[m] ??= []).push({ file: source.startsWith('/') ? relative(ROOT, source) : source, rawBytes: text.length });
  }
  const total = code.length;
  const modules = [...byModule]
    .map(([module, texts]) => {
      const text = texts.join('');
      return { module, rawBytes: text.length, gzipAloneBytes: gzipSize(text), share: text.length / total };
    })
    .sort((a, b) => b.rawBytes - a.rawBytes);
  for (const k of Object.keys(files)) files[k] = files[k]!.sort((a, b) => b.rawBytes - a.rawBytes).slice(0, 5);
  return { entry, rawBytes: Buffer.byteLength(code), gzipBytes: gzipSize(code), modules, files };
}

export interface AnalysedScript {
  entry: string;
  /** The minified code, without the sourceMappingURL comment. */
  code: string;
  /** Its map, with absolute source paths. */
  map: SourceMapV3;
}

/**
 * Builds content scripts with source maps into a temporary folder, with WXT's
 * own pipeline and the project's config (.output is not touched).
 */
export async function analysisBuild(entries: string[]): Promise<AnalysedScript[]> {
  const { build } = await import('wxt');
  const out = mkdtempSync(join(tmpdir(), 'social-desk-bench-analysis-'));
  try {
    const quiet = () => undefined;
    // Only failures are worth printing from this side build (its "skipped entrypoints" warning is expected).
    const logger = { debug: quiet, log: quiet, info: quiet, warn: quiet, success: quiet, error: console.error, fatal: console.error, level: 1 };
    await build({ root: ROOT, outDir: out, filterEntrypoints: entries, logger, vite: () => ({ build: { sourcemap: true } }) });
    return entries.map((entry) => {
      const file = join(out, 'chrome-mv3', 'content-scripts', `${entry}.js`);
      if (!existsSync(file)) throw new Error(`the analysis build wrote no content-scripts/${entry}.js`);
      const code = readFileSync(file, 'utf8').replace(/\n?\/\/# sourceMappingURL=.*\s*$/, '');
      const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMapV3 & { sourceRoot?: string };
      const base = resolve(dirname(file), map.sourceRoot ?? '');
      map.sources = map.sources.map((s) => (s.startsWith('\0') || /^[a-z]+:/.test(s) ? s : resolve(base, s)));
      return { entry, code, map };
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Whether the analysed script is byte for byte the one measured (so its map applies to the measured profile). */
export function sameScript(analysed: AnalysedScript, measuredFile: string): boolean {
  const measured = readFileSync(measuredFile, 'utf8').replace(/\n?\/\/# sourceMappingURL=.*\s*$/, '');
  return measured.trimEnd() === analysed.code.trimEnd();
}
