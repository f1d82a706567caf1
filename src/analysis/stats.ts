/**
 * Summary statistics used across the analysis layer: mean/min/max, the Kolmogorov–Smirnov distance
 * between EDFs (NDS compares sub-samples to the full EDF with it), and rank/linear correlation.
 */
import { checkFinite, checkLength, checkSameLength } from './check';
import type { EdfPoint } from './edf';

export function mean(values: readonly number[]): number {
  checkFinite('mean()', 'values', values);
  checkLength('mean()', 'values', values, 1);
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function min(values: readonly number[]): number {
  checkFinite('min()', 'values', values);
  checkLength('min()', 'values', values, 1);
  // A loop, not Math.min(...values): spreading a large sweep overflows the call stack.
  let m = values[0];
  for (const v of values) if (v < m) m = v;
  return m;
}

export function max(values: readonly number[]): number {
  checkFinite('max()', 'values', values);
  checkLength('max()', 'values', values, 1);
  let m = values[0];
  for (const v of values) if (v > m) m = v;
  return m;
}

/**
 * Two-sample Kolmogorov–Smirnov distance sup_e |F_a(e) − F_b(e)| between the plain EDFs of two
 * error samples. Both EDFs are step functions that jump only at sample values, so the supremum is
 * attained just right of some sample value: compare the fractions ≤ v at every v of either sample.
 */
export function ksDistance(a: readonly number[], b: readonly number[]): number {
  for (const [name, s] of [
    ['a', a],
    ['b', b],
  ] as const) {
    checkFinite('ksDistance()', name, s);
    checkLength('ksDistance()', name, s, 1);
  }
  const sa = [...a].sort((x, y) => x - y);
  const sb = [...b].sort((x, y) => x - y);
  let i = 0;
  let j = 0;
  let sup = 0;
  while (i < sa.length || j < sb.length) {
    const v = j >= sb.length || (i < sa.length && sa[i] <= sb[j]) ? sa[i] : sb[j];
    while (i < sa.length && sa[i] === v) i++;
    while (j < sb.length && sb[j] === v) j++;
    sup = Math.max(sup, Math.abs(i / sa.length - j / sb.length));
  }
  return sup;
}

/**
 * KS distance between two EDFs given as step points (x sorted, y = cumulative weight reached at x),
 * e.g. two normalized EDFs. A curve's value at v is the y of its last point with x ≤ v (0 before
 * its first point), the same step-after reading the chart uses.
 */
export function ksDistanceOfEdfs(a: readonly EdfPoint[], b: readonly EdfPoint[]): number {
  for (const [name, pts] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (pts.length === 0)
      throw new Error(`ksDistanceOfEdfs(): EDF ${name} has no points; give a non-empty EDF.`);
    pts.forEach((p, k) => {
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y) || (k > 0 && p.x < pts[k - 1].x)) {
        throw new Error(
          `ksDistanceOfEdfs(): EDF ${name} point ${k} is (${p.x}, ${p.y}); points must be finite and sorted by x.`,
        );
      }
    });
  }
  let i = 0;
  let j = 0;
  let ya = 0;
  let yb = 0;
  let sup = 0;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i].x <= b[j].x) ? a[i].x : b[j].x;
    while (i < a.length && a[i].x === v) ya = a[i++].y;
    while (j < b.length && b[j].x === v) yb = b[j++].y;
    sup = Math.max(sup, Math.abs(ya - yb));
  }
  return sup;
}

/** 1-based ranks; tied values share the average of the ranks they span ([10, 20, 20] → [1, 2.5, 2.5]). */
export function averageRanks(values: readonly number[]): number[] {
  checkFinite('averageRanks()', 'values', values);
  const order = values.map((_, i) => i).sort((p, q) => values[p] - values[q]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    // Positions start..end-1 hold ranks start+1..end; their average is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    start = end;
  }
  return ranks;
}

/** Pearson correlation coefficient of paired samples. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const where = 'pearson()';
  checkFinite(where, 'x', x);
  checkFinite(where, 'y', y);
  checkSameLength(where, ['x', x], ['y', y]);
  checkLength(where, 'x', x, 2);
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) {
    const which = sxx === 0 ? 'x' : 'y';
    throw new Error(`${where}: all values of ${which} are equal, so the correlation is undefined.`);
  }
  // Clamp rounding noise so callers can rely on the [-1, 1] range.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Spearman rank correlation: Pearson correlation of the average ranks (ties handled as scipy does). */
export function spearman(x: readonly number[], y: readonly number[]): number {
  const where = 'spearman()';
  checkFinite(where, 'x', x);
  checkFinite(where, 'y', y);
  checkSameLength(where, ['x', x], ['y', y]);
  checkLength(where, 'x', x, 2);
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  if (rx.every((r) => r === rx[0]) || ry.every((r) => r === ry[0])) {
    const which = rx.every((r) => r === rx[0]) ? 'x' : 'y';
    throw new Error(`${where}: all values of ${which} are equal, so the rank correlation is undefined.`);
  }
  return pearson(rx, ry);
}
