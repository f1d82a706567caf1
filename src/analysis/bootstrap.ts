/**
 * Empirical bootstrap of the "best value" of a metric (REGNET.md §6.3, pycls get_filters):
 * repeatedly sample models with replacement, keep the value of the one with the lowest error, and
 * report the [2.5, 50, 97.5] percentiles of those winning values. The median is the most likely
 * best value, the outer two bound the "good range" that apply_filters keeps.
 */
import { checkFinite, checkLength, checkSameLength } from './check';
import { percentiles } from './percentile';
import { randomIndex, type Rng } from './rng';

export interface BootstrapOptions {
  /** Fraction of models per repetition (≤ 1), or an absolute count (> 1, truncated). Default 0.25. */
  sample?: number;
  /** Number of repetitions B. Default 2500 as in pycls (the paper used 10^4). */
  reps?: number;
  /** Two-sided interval in percent: the band is [α/2, 100 − α/2]. Default 5. */
  alpha?: number;
}

/** [low, best, high]: the [α/2, 50, 100 − α/2] percentiles of the winners' values. */
export type BootstrapRange = [low: number, best: number, high: number];

export const BOOTSTRAP_DEFAULTS: Required<BootstrapOptions> = { sample: 0.25, reps: 2500, alpha: 5 };

/** Models drawn per repetition: int(sample) if sample > 1, else max(1, floor(n·sample)). */
export function bootstrapSampleSize(n: number, sample: number): number {
  if (!Number.isFinite(sample) || !(sample > 0)) {
    throw new Error(
      `bootstrap: sample must be a fraction in (0, 1] or a count > 1 (got ${sample}); pycls uses 0.25.`,
    );
  }
  return sample > 1 ? Math.trunc(sample) : Math.max(1, Math.floor(n * sample));
}

function resolve(options: BootstrapOptions): Required<BootstrapOptions> {
  const resolved = { ...BOOTSTRAP_DEFAULTS, ...options };
  const { reps, alpha } = resolved;
  if (!Number.isInteger(reps) || reps < 1) {
    throw new Error(`bootstrap: reps must be a positive integer (got ${reps}); pycls uses 2500.`);
  }
  if (!Number.isFinite(alpha) || !(alpha > 0 && alpha < 100)) {
    throw new Error(
      `bootstrap: alpha must be a percentage in (0, 100) (got ${alpha}); 5 gives a 95% interval.`,
    );
  }
  return resolved;
}

/**
 * Index of the winning model of each repetition: draw n_sample indices uniformly with
 * replacement, keep the one with the lowest error (ties go to the first drawn, like np.argmin).
 */
export function bootstrapWinners(
  errors: readonly number[],
  rng: Rng,
  options: BootstrapOptions = {},
): number[] {
  checkFinite('bootstrapWinners()', 'errors', errors);
  checkLength('bootstrapWinners()', 'errors', errors, 1);
  const { sample, reps } = resolve(options);
  const n = errors.length;
  const size = bootstrapSampleSize(n, sample);
  const winners = new Array<number>(reps);
  for (let r = 0; r < reps; r++) {
    let best = randomIndex(rng, n);
    for (let s = 1; s < size; s++) {
      const i = randomIndex(rng, n);
      if (errors[i] < errors[best]) best = i;
    }
    winners[r] = best;
  }
  return winners;
}

/** [low, best, high] of `values` over precomputed winners, so several metrics can share one set of draws. */
export function winnersRange(
  values: readonly number[],
  winners: readonly number[],
  options: Pick<BootstrapOptions, 'alpha'> = {},
): BootstrapRange {
  const { alpha } = resolve(options);
  checkFinite('winnersRange()', 'values', values);
  checkLength('winnersRange()', 'winners', winners, 1);
  const picked = winners.map((i) => {
    if (!Number.isInteger(i) || i < 0 || i >= values.length) {
      throw new Error(`winnersRange(): winner index ${i} is outside the ${values.length} values given.`);
    }
    return values[i];
  });
  const [low, best, high] = percentiles(picked, [alpha / 2, 50, 100 - alpha / 2]);
  return [low, best, high];
}

/**
 * Bootstrap range of the metric `values` of the best models, judged by `errors` (one entry of
 * each per model). Deterministic for a given rng state.
 */
export function bootstrapBest(
  values: readonly number[],
  errors: readonly number[],
  rng: Rng,
  options: BootstrapOptions = {},
): BootstrapRange {
  checkFinite('bootstrapBest()', 'values', values);
  checkSameLength('bootstrapBest()', ['values', values], ['errors', errors]);
  return winnersRange(values, bootstrapWinners(errors, rng, options), options);
}
