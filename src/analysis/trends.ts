/**
 * Error-versus-parameter series (REGNET.md §6.4, pycls plot_values / plot_trends): the raw scatter
 * (no binning, no smoothing), the bootstrap best value with its [2.5%, 97.5%] band, and the y-range
 * pycls draws the band over.
 */
import { bootstrapBest, type BootstrapOptions, type BootstrapRange } from './bootstrap';
import { checkFinite, checkLength } from './check';
import { max, min } from './stats';
import type { Rng } from './rng';

export interface TrendRecord {
  /** The parameter value of a model (e.g. w0, depth, log10 lr). */
  x: number;
  /** Its error. */
  error: number;
}

export interface ValueTrend {
  /** One scatter point per model: x = parameter value, y = error, in input order. */
  points: { x: number; y: number }[];
  /** Bootstrap band low (2.5%), best (median, the black line) and high (97.5%) of x. */
  low: number;
  best: number;
  high: number;
  /** Full [min, max] of x (plot_trends draws it as the light outer band). */
  xRange: [number, number];
  /** Error axis range [e_min − Δ/5, e_max + Δ/5]. */
  yRange: [number, number];
}

/**
 * [e_min − Δ/5, e_max + Δ/5] with Δ = e_max − e_min, as plot_values sets its y-limits. When all
 * errors are equal (Δ = 0) pycls would give an empty axis; we use Δ = |e| (or 1 for e = 0) instead.
 */
export function paddedErrorRange(errors: readonly number[]): [number, number] {
  const lo = min(errors);
  const hi = max(errors);
  const delta = hi > lo ? hi - lo : Math.abs(lo) || 1;
  return [lo - delta / 5, hi + delta / 5];
}

function split(records: readonly TrendRecord[], where: string): { xs: number[]; errors: number[] } {
  if (!Array.isArray(records)) throw new Error(`${where}: records must be an array of {x, error}.`);
  const xs = records.map((r) => r.x);
  const errors = records.map((r) => r.error);
  checkLength(where, 'records', xs, 1);
  checkFinite(where, 'records[].x', xs);
  checkFinite(where, 'records[].error', errors);
  return { xs, errors };
}

function trendOf(
  xs: number[],
  errors: number[],
  yRange: [number, number],
  rng: Rng,
  options: BootstrapOptions,
): ValueTrend {
  const [low, best, high]: BootstrapRange = bootstrapBest(xs, errors, rng, options);
  return {
    points: xs.map((x, i) => ({ x, y: errors[i] })),
    low,
    best,
    high,
    xRange: [min(xs), max(xs)],
    yRange,
  };
}

/** The plot_values series of one sweep. */
export function valueTrend(
  records: readonly TrendRecord[],
  rng: Rng,
  options: BootstrapOptions = {},
): ValueTrend {
  const { xs, errors } = split(records, 'valueTrend()');
  return trendOf(xs, errors, paddedErrorRange(errors), rng, options);
}

/**
 * The series of several sweeps side by side. pycls shares the error axis across sweeps, so every
 * result carries the same yRange, computed over all errors. The rng is consumed sweep by sweep.
 */
export function valueTrends(
  sweeps: readonly (readonly TrendRecord[])[],
  rng: Rng,
  options: BootstrapOptions = {},
): ValueTrend[] {
  if (sweeps.length === 0) throw new Error('valueTrends(): give at least one sweep of records.');
  const parts = sweeps.map((records, k) => split(records, `valueTrends(): sweep ${k}`));
  const yRange = paddedErrorRange(parts.flatMap((p) => p.errors));
  return parts.map(({ xs, errors }) => trendOf(xs, errors, yRange, rng, options));
}
