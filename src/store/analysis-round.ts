import type { Grid } from './analysis-params';

/** Decimal places of a step such as 0.1 or 0.001, so multiples print without binary noise. */
function decimals(q: number): number {
  const text = String(q);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

const fix = (v: number, places: number): number => Number(v.toFixed(Math.min(places, 20)));

/** Tolerance for a brushed value that is a grid value up to pixel-to-data rounding. */
const EPS = 1e-9;

function stepRange(lo: number, hi: number, q: number): [number, number] {
  const places = decimals(q);
  return [fix(Math.floor(lo / q + EPS) * q, places), fix(Math.ceil(hi / q - EPS) * q, places)];
}

function valuesRange(lo: number, hi: number, values: readonly number[]): [number, number] {
  let below: number | undefined;
  let above: number | undefined;
  for (const v of values) {
    if (v <= lo + EPS * Math.max(1, Math.abs(v))) below = v;
    if (above === undefined && v >= hi - EPS * Math.max(1, Math.abs(v))) above = v;
  }
  return [below ?? Math.floor(lo), above ?? Math.ceil(hi)];
}

/** Rounds to `digits` significant digits, down (dir -1) or up (dir +1). */
function significant(v: number, digits: number, dir: -1 | 1): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(v))) - digits + 1);
  const n = v / scale;
  const r = dir < 0 ? Math.floor(n + EPS) : Math.ceil(n - EPS);
  return Number((r * scale).toPrecision(digits + 1));
}

/**
 * Widens a brushed [lo, hi] to the parameter's grid so no brushed model falls outside the range:
 * multiples of the sampling step (d: integers, w: multiples of 8), the nearest allowed values of a
 * choice (b in {1, 2, 4}), or a few significant digits for complexity metrics.
 */
export function roundOutward(range: readonly [number, number], grid: Grid): [number, number] {
  const [a, b] = range;
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    throw new Error(`The brushed range [${a}, ${b}] is not finite; drag the brush again.`);
  }
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  switch (grid.kind) {
    case 'step':
      if (!(grid.q > 0)) throw new Error(`The grid step must be > 0 (got ${grid.q}).`);
      return stepRange(lo, hi, grid.q);
    case 'values':
      return valuesRange(lo, hi, grid.values);
    case 'significant':
      return [significant(lo, grid.digits, -1), significant(hi, grid.digits, 1)];
  }
}
