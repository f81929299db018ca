import { describe, expect, it } from 'vitest';
import { distribution, median, p95, quantile } from './stats';

describe('stats', () => {
  it('takes the median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('uses the nearest rank for quantiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(p95(values)).toBe(95);
    expect(quantile(values, 1)).toBe(100);
    expect(quantile([7], 0.95)).toBe(7);
    expect(p95([1, 2, 3, 4, 100])).toBe(100);
  });

  it('summarises a distribution', () => {
    expect(distribution([5, 1, 9])).toEqual({ n: 3, median: 5, p95: 9, max: 9, min: 1 });
  });
});
