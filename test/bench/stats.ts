/** Small statistics for the benchmark's figures. */

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: the smallest value with at least q of the values at or below it.
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export const median = (values: readonly number[]) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const p95 = (values: readonly number[]) => quantile(values, 0.95);
export const max = (values: readonly number[]) => (values.length ? Math.max(...values) : Number.NaN);
export const min = (values: readonly number[]) => (values.length ? Math.min(...values) : Number.NaN);
export const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

export interface Distribution {
  n: number;
  median: number;
  p95: number;
  max: number;
  min: number;
}

export function distribution(values: readonly number[]): Distribution {
  return { n: values.length, median: median(values), p95: p95(values), max: max(values), min: min(values) };
}
