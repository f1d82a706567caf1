/**
 * Plain error EDF (REGNET.md §6.2, paper eq. 1): F(e) = (1/n)·Σ 1[e_i < e].
 *
 * The curve is returned as pycls draws it: the sorted errors against the cumulative fraction, so
 * the step at the i-th smallest error reaches i/n. Tied errors are merged into one point whose y
 * counts all of them; read as a step-after curve this is the same picture as pycls' duplicates.
 *
 * Empty input throws: there is no meaningful min or mean, and a silent NaN would leak into the
 * legend. Callers that may have no finished runs check `errors.length` first.
 */
import { checkFinite, checkLength } from './check';

export interface EdfPoint {
  /** An error value present in the sample. */
  x: number;
  /** Cumulative weight (fraction of models) with error ≤ x: the level the step reaches at x. */
  y: number;
}

export interface Edf {
  /** Number of models. */
  n: number;
  /** Smallest error. */
  min: number;
  /** Mean error: the area to the left of the curve. */
  mean: number;
  /** One point per distinct error, sorted by x, y strictly increasing up to 1. */
  points: EdfPoint[];
}

export function edf(errors: readonly number[]): Edf {
  checkFinite('edf()', 'errors', errors);
  checkLength('edf()', 'errors', errors, 1);
  const sorted = [...errors].sort((a, b) => a - b);
  const n = sorted.length;
  const points: EdfPoint[] = [];
  let sum = 0;
  sorted.forEach((e, i) => {
    sum += e;
    // i/n rather than a running sum of 1/n: exact ends (y = 1) and no accumulated rounding.
    if (i + 1 === n || sorted[i + 1] !== e) points.push({ x: e, y: (i + 1) / n });
  });
  return { n, min: sorted[0], mean: sum / n, points };
}

/** F(e) = fraction of errors strictly below e (a model with error exactly e is not counted). */
export function edfAt(errors: readonly number[], e: number): number {
  checkFinite('edfAt()', 'errors', errors);
  checkLength('edfAt()', 'errors', errors, 1);
  if (Number.isNaN(e)) throw new Error('edfAt(): the error value to evaluate at is NaN; pass a number.');
  let below = 0;
  for (const x of errors) if (x < e) below++;
  return below / errors.length;
}
