import type { Grid } from '../../store/analysis-params';
import { log2Ticks, logTicks } from '../charts/scales';

const MAX_TICKS = 7;

/** Every k-th tick so that at most MAX_TICKS remain (first one kept). */
function thin(ticks: number[]): number[] {
  const k = Math.ceil(ticks.length / MAX_TICKS);
  return k <= 1 ? ticks : ticks.filter((_, i) => i % k === 0);
}

const within = ([lo, hi]: readonly [number, number]) => (v: number) =>
  v >= lo - 1e-9 * Math.abs(lo) && v <= hi + 1e-9 * Math.abs(hi);

/**
 * x ticks a parameter can actually take: the listed values of a choice domain (b, g), powers of two on log
 * axes of whole-number steps (d, w), whole multiples of the step on linear ones; never 1.5 of a bottleneck
 * ratio or 9 of a width. A constant column (every model has b = 4) gets its one value. Falls back to `fallback`
 * (the chart's own ticks) when none would remain.
 */
export function paramTicks(
  grid: Grid,
  logX: boolean,
  domain: readonly [number, number],
  fallback: readonly number[],
): number[] {
  const inside = within(domain);
  let ticks: number[];
  if (grid.kind === 'values') ticks = grid.values.filter(inside);
  else if (grid.kind === 'step' && Number.isInteger(grid.q))
    ticks = logX
      ? log2Ticks([domain[0], domain[1]]).filter((v) => v % grid.q === 0)
      : fallback.filter((v) => v % grid.q === 0);
  else ticks = logX ? logTicks(domain) : [...fallback];
  return ticks.length ? thin(ticks) : [...fallback];
}
