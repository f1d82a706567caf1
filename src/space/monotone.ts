import type { DiscreteLaw } from './domains';
import type { Rng } from './random';

/**
 * Exact sampling of independent draws x_1..x_S (x_i from laws[i]) conditioned on
 * x_1 <= x_2 <= ... <= x_S, by dynamic programming over stages. The result has the same law as
 * drawing independently and rejecting unordered sequences, without the ~S! wasted attempts.
 */

export interface ChainTable {
  /** Union of all laws' values, ascending. */
  grid: number[];
  /** masses[i][k]: mass of grid[k] under laws[i] (0 when absent). */
  masses: Float64Array[];
  /**
   * tail[i][k] = sum over k' >= k of masses[i][k'] * tail[i + 1][k'] (tail[S] = 1): the total weight of
   * ordered continuations from stage i with x_i >= grid[k]. Length grid.length + 1 (last entry 0).
   */
  tail: Float64Array[];
  /** Probability that independent draws come out ordered: tail[0][0]. */
  z: number;
}

function unionGrid(laws: DiscreteLaw[]): number[] {
  return [...new Set(laws.flatMap((l) => l.values))].sort((a, b) => a - b);
}

function massesOn(grid: number[], law: DiscreteLaw): Float64Array {
  const index = new Map(grid.map((v, k) => [v, k]));
  const out = new Float64Array(grid.length);
  law.values.forEach((v, j) => (out[index.get(v)!] += law.masses[j]));
  return out;
}

/** Suffix sums of masses * next, with a trailing 0. */
function suffix(masses: Float64Array, next: Float64Array | undefined): Float64Array {
  const out = new Float64Array(masses.length + 1);
  for (let k = masses.length - 1; k >= 0; k--) out[k] = out[k + 1] + masses[k] * (next ? next[k] : 1);
  return out;
}

export function chainTable(laws: DiscreteLaw[], grid: number[] = unionGrid(laws)): ChainTable {
  if (laws.length === 0) throw new Error('chainTable needs at least one stage law.');
  const masses = laws.map((l) => massesOn(grid, l));
  const tail: Float64Array[] = new Array(laws.length);
  for (let i = laws.length - 1; i >= 0; i--) tail[i] = suffix(masses[i], tail[i + 1]);
  return { grid, masses, tail, z: tail[0][0] };
}

/** Draws one ordered sequence; returns the grid indices (ascending, one per stage). */
export function sampleChain(table: ChainTable, rng: Rng): number[] {
  const { tail, grid } = table;
  const out: number[] = [];
  let from = 0;
  for (let i = 0; i < tail.length; i++) {
    const t = tail[i];
    // P(x_i = grid[k] | x_i >= grid[from]) is proportional to t[k] - t[k + 1]; t is nonincreasing.
    const threshold = t[from] - rng.next() * t[from];
    let lo = from;
    let hi = grid.length - 1;
    // Smallest k >= from with t[k + 1] < threshold; then t[k] >= threshold > t[k + 1], a positive weight.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid + 1] < threshold) hi = mid;
      else lo = mid + 1;
    }
    out.push(lo);
    from = lo;
  }
  return out;
}

/**
 * An upper bound of z over all ways to pick stage i's law from choices[i] (max-product DP).
 * Used as the envelope when the stage laws themselves are random (widths depend on the drawn b, g).
 */
export function chainBound(choices: DiscreteLaw[][], grid: number[]): number {
  let next: Float64Array | undefined;
  for (let i = choices.length - 1; i >= 0; i--) {
    const best = new Float64Array(grid.length + 1);
    for (const law of choices[i]) {
      const t = suffix(massesOn(grid, law), next);
      for (let k = 0; k < best.length; k++) if (t[k] > best[k]) best[k] = t[k];
    }
    next = best;
  }
  return next![0];
}
