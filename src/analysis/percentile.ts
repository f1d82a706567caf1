/**
 * numpy.percentile with its default 'linear' method: percentile p sits at the fractional index
 * p/100·(N−1) of the sorted values and is interpolated between its two neighbours.
 */
import { checkFinite, checkLength } from './check';

/** numpy's _lerp: interpolate from the nearer end so that t = 1 returns b exactly. */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Percentile p ∈ [0, 100] of values already sorted ascending. */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile(): p must be within [0, 100] (got ${p}).`);
  checkLength('percentile()', 'values', sorted, 1);
  const index = (p / 100) * (sorted.length - 1);
  const below = Math.floor(index);
  const above = Math.min(sorted.length - 1, below + 1);
  return lerp(sorted[below], sorted[above], index - below);
}

/** Percentile p ∈ [0, 100] of values, as numpy.percentile(values, p). */
export function percentile(values: readonly number[], p: number): number {
  checkFinite('percentile()', 'values', values);
  checkLength('percentile()', 'values', values, 1);
  return percentileOfSorted(
    [...values].sort((a, b) => a - b),
    p,
  );
}

/** Several percentiles of the same values with one sort, as numpy.percentile(values, ps). */
export function percentiles(values: readonly number[], ps: readonly number[]): number[] {
  checkFinite('percentiles()', 'values', values);
  checkLength('percentiles()', 'values', values, 1);
  const sorted = [...values].sort((a, b) => a - b);
  return ps.map((p) => percentileOfSorted(sorted, p));
}
