import { invalid } from '../validation';

/**
 * The p-th percentile by the nearest-rank method: the smallest value such that at least p % of the values are less
 * than or equal to it — the value at rank ⌈p/100 · n⌉ of the sorted list (1-based). Always one of the values (a
 * number of days someone really waited, never an interpolation); undefined for no values. The median is p = 50 (for
 * an even count: the lower of the two middle values).
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (!(p > 0 && p <= 100)) throw invalid('p', 'percentyl z przedziału (0, 100]');
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1];
}

export interface Spread {
  count: number;
  median: number | undefined;
  p90: number | undefined;
}

export function spread(values: readonly number[]): Spread {
  return { count: values.length, median: percentile(values, 50), p90: percentile(values, 90) };
}
