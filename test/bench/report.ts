/** The benchmark's figures: budgets, PASS/MISS, the printed table and the machine they were measured on. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { findBrowser } from '../e2e/harness';

export interface Budget {
  op: '<=' | '>=';
  value: number;
}

export interface Figure {
  section: string;
  label: string;
  unit: string;
  /** Ours (null: could not be measured; see note). */
  ours: number | null;
  /** The same figure without any extension, measured side by side. */
  baseline?: number | null;
  /** The same figure for each --compare extension. */
  compare?: Record<string, number | null>;
  budget?: Budget;
  note?: string;
}

export type Verdict = 'PASS' | 'MISS' | 'INFO' | 'N/A';

export function verdict(f: Figure): Verdict {
  if (f.ours === null || Number.isNaN(f.ours)) return 'N/A';
  if (!f.budget) return 'INFO';
  return (f.budget.op === '<=' ? f.ours <= f.budget.value : f.ours >= f.budget.value) ? 'PASS' : 'MISS';
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  chromium: string;
  node: string;
  /** 1-minute load average when the run started (other work on the machine makes every figure slower). */
  loadAverage: number;
}

export function machine(): Machine {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(findBrowser(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // reported as unknown
  }
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${process.platform} ${release()}`,
    chromium,
    node: process.version,
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  };
}

export function fmt(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const abs = Math.abs(value);
  const digits = unit === 'count' || unit === 'rows/s' || unit === 'B' ? 0 : abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  const n = value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === 'count' ? n : unit === '×' ? `${n}×` : `${n} ${unit}`;
}

function budgetText(b: Budget | undefined, unit: string): string {
  return b ? `${b.op === '<=' ? '≤' : '≥'} ${fmt(b.value, unit)}` : '';
}

/** A plain-text table: figure, ours, baseline, each competitor, budget, verdict. */
export function table(figures: Figure[], compareKeys: string[]): string {
  const header = ['Figure', 'Ours', 'Baseline', ...compareKeys, 'Budget', 'Result'];
  const rows: string[][] = [];
  let section = '';
  for (const f of figures) {
    if (f.section !== section) {
      section = f.section;
      rows.push([`[${section}]`]);
    }
    rows.push([
      f.label,
      fmt(f.ours, f.unit),
      f.baseline === undefined ? '' : fmt(f.baseline, f.unit),
      ...compareKeys.map((k) => (f.compare && k in f.compare ? fmt(f.compare[k], f.unit) : '')),
      budgetText(f.budget, f.unit),
      verdict(f),
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.filter((r) => r.length > 1).map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows) out.push(r.length === 1 ? r[0]! : line(r));
  return out.join('\n');
}

/** The same table as Markdown, for BENCHMARKS.md. */
export function markdownTable(figures: Figure[], compareKeys: string[]): string {
  const header = ['Figure', 'Ours', 'Baseline', ...compareKeys, 'Budget', 'Result'];
  const out = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`];
  let section = '';
  for (const f of figures) {
    if (f.section !== section) {
      section = f.section;
      out.push(`| **${section}** |${' |'.repeat(header.length - 1)}`);
    }
    const cells = [
      f.label,
      fmt(f.ours, f.unit),
      f.baseline === undefined ? '' : fmt(f.baseline, f.unit),
      ...compareKeys.map((k) => (f.compare && k in f.compare ? fmt(f.compare[k], f.unit) : '')),
      budgetText(f.budget, f.unit),
      verdict(f) === 'MISS' ? '**MISS**' : verdict(f),
    ];
    out.push(`| ${cells.join(' | ')} |`);
  }
  return out.join('\n');
}
