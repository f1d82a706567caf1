/**
 * Complexity-normalized error EDF (REGNET.md §6.2, from the NDS notebooks; not in pycls).
 *
 * Models are grouped into `bins` uniform complexity bins over [lo, hi] and weighted
 * w_i = 1 / (count(bin_i) · bins), so every bin carries 1/bins of the mass and the complexity
 * distribution becomes uniform: F̂(e) = Σ_i w_i·1[e_i < e]. Two design spaces whose samples differ in
 * flops are then compared at equal complexity.
 */
import { checkFinite, checkLength, checkSameLength } from './check';
import type { EdfPoint } from './edf';

export interface NormalizeOptions {
  /** Lower end of the complexity range (inclusive). */
  lo: number;
  /** Upper end of the complexity range (inclusive, as numpy.histogram's last bin). */
  hi: number;
  /** Number of uniform bins (the NDS paper uses 40 in Fig. 3, 10 elsewhere). */
  bins: number;
}

export interface NormalizedEdf {
  /** Models inside [lo, hi] (the ones the curve is built from). */
  n: number;
  /** Models dropped because their complexity lies outside [lo, hi]. */
  dropped: number;
  /** Smallest error among the kept models. */
  min: number;
  /** Weighted mean error Σ w_i·e_i: the area to the left of the normalized curve. */
  mean: number;
  /** One point per distinct kept error, sorted by x; y is the cumulative weight, ending at 1. */
  points: EdfPoint[];
  /** Weight of each input model, aligned with the input (0 for dropped models); sums to 1. */
  weights: number[];
  /** Models per bin, bin k covering [lo + k·(hi−lo)/bins, lo + (k+1)·(hi−lo)/bins). */
  binCounts: number[];
}

/** Left edge of bin k, computed as numpy.linspace does (k = bins gives hi exactly). */
function binEdge(k: number, { lo, hi, bins }: NormalizeOptions): number {
  return k === bins ? hi : lo + k * ((hi - lo) / bins);
}

/**
 * Bin of complexity c as numpy.histogram assigns it: bins are half-open [edge_k, edge_k+1) except
 * the last, which also holds hi. Returns -1 outside [lo, hi].
 */
export function complexityBin(c: number, options: NormalizeOptions): number {
  const { lo, hi, bins } = options;
  if (!(c >= lo && c <= hi)) return -1;
  let k = Math.min(bins - 1, Math.max(0, Math.floor((c - lo) * (bins / (hi - lo)))));
  // The division can land one bin off next to an edge; settle against the edges themselves.
  while (k > 0 && c < binEdge(k, options)) k--;
  while (k < bins - 1 && c >= binEdge(k + 1, options)) k++;
  return k;
}

function checkOptions(options: NormalizeOptions): void {
  const { lo, hi, bins } = options;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
    throw new Error(`normalizedEdf(): the complexity range [${lo}, ${hi}] must be finite with lo < hi.`);
  }
  if (!Number.isInteger(bins) || bins < 1) {
    throw new Error(`normalizedEdf(): bins must be a positive integer (got ${bins}); e.g. 10 or 40.`);
  }
}

export function normalizedEdf(
  errors: readonly number[],
  complexity: readonly number[],
  options: NormalizeOptions,
): NormalizedEdf {
  const where = 'normalizedEdf()';
  checkFinite(where, 'errors', errors);
  checkFinite(where, 'complexity', complexity);
  checkSameLength(where, ['errors', errors], ['complexity', complexity]);
  checkLength(where, 'errors', errors, 1);
  checkOptions(options);
  const { lo, hi, bins } = options;

  const binOf = complexity.map((c) => complexityBin(c, options));
  const binCounts = new Array<number>(bins).fill(0);
  for (const k of binOf) if (k >= 0) binCounts[k]++;

  const kept = binOf.filter((k) => k >= 0).length;
  if (kept === 0) {
    let cMin = complexity[0];
    let cMax = complexity[0];
    for (const c of complexity) [cMin, cMax] = [Math.min(cMin, c), Math.max(cMax, c)];
    throw new Error(
      `${where}: no model has complexity inside [${lo}, ${hi}] (the models span [${cMin}, ${cMax}]); choose a range that covers them.`,
    );
  }
  const empty = binCounts.flatMap((count, k) => (count === 0 ? [k] : []));
  if (empty.length > 0) {
    const k = empty[0];
    const others = empty.length > 1 ? ` (and ${empty.length - 1} more empty bin(s))` : '';
    throw new Error(
      `${where}: complexity bin ${k + 1} of ${bins}, [${binEdge(k, options)}, ${binEdge(k + 1, options)}), holds no model${others}; ` +
        'every bin needs at least one. Use fewer bins, or a range [lo, hi] that the models cover more evenly.',
    );
  }

  const weights = binOf.map((k) => (k >= 0 ? 1 / (binCounts[k] * bins) : 0));
  const order = errors.map((_, i) => i).filter((i) => binOf[i] >= 0);
  order.sort((p, q) => errors[p] - errors[q]);

  const points: EdfPoint[] = [];
  let cumulative = 0;
  let weightedSum = 0;
  order.forEach((i, pos) => {
    cumulative += weights[i];
    weightedSum += weights[i] * errors[i];
    const next = order[pos + 1];
    if (next === undefined || errors[next] !== errors[i])
      points.push({ x: errors[i], y: Math.min(1, cumulative) });
  });
  // The weights sum to 1 by construction; pin the end against rounding so the curve closes at 1.
  points[points.length - 1].y = 1;

  return {
    n: kept,
    dropped: errors.length - kept,
    min: errors[order[0]],
    mean: weightedSum,
    points,
    weights,
    binCounts,
  };
}
