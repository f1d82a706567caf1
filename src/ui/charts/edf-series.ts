import { bisector } from 'd3';

export interface EdfPoint {
  x: number;
  y: number;
}

/**
 * One EDF curve as the analysis layer returns it (`edf(errors)` → {n, min, mean, points}) plus a
 * name and a palette index. Points are (sorted error, cumulative fraction): the step at e_(i)
 * reaches y_i (i/n for the plain EDF, a weighted sum for the normalized one).
 */
export interface EdfSeries {
  name: string;
  /** Palette index (wraps); defaults to the series' position. */
  colorIndex?: number;
  points: readonly EdfPoint[];
  n: number;
  min: number;
  mean: number;
}

/** Throws a readable error for points the chart cannot draw as a cumulative step function. */
export function checkEdfSeries(s: EdfSeries): void {
  const where = `EdfChart: series "${s.name}"`;
  s.points.forEach((p, i) => {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y))
      throw new Error(
        `${where} has a non-finite point at index ${i} (${p.x}, ${p.y}); drop failed runs first.`,
      );
    if (p.y < 0 || p.y > 1 + 1e-9)
      throw new Error(`${where}: y must be a cumulative fraction in [0, 1] (index ${i} has ${p.y}).`);
    const prev = s.points[i - 1];
    if (prev && (p.x < prev.x || p.y < prev.y - 1e-12))
      throw new Error(
        `${where}: points must be sorted by error with nondecreasing y (index ${i} breaks the order).`,
      );
  });
}

const byX = bisector((p: EdfPoint) => p.x).right;

/** F(x) of a step-after EDF: y of the last point with p.x <= x, or 0 left of the first point. */
export function edfValueAt(points: readonly EdfPoint[], x: number): number {
  const i = byX(points, x);
  return i === 0 ? 0 : points[i - 1].y;
}

/**
 * Vertices of the step curve drawn with curveStepAfter: start on the floor at xStart, rise at each
 * point, and continue flat to xEnd, so every riser (also the first one, from 0) is visible.
 */
export function edfStepVertices(points: readonly EdfPoint[], xStart: number, xEnd: number): EdfPoint[] {
  if (points.length === 0) return [];
  const first = points[0];
  const last = points[points.length - 1];
  const out: EdfPoint[] = [];
  if (first.y > 0) out.push({ x: Math.min(xStart, first.x), y: 0 });
  out.push(...points);
  if (xEnd > last.x) out.push({ x: xEnd, y: last.y });
  return out;
}

/** Smallest error at which F reaches q (e.g. the median for q = 0.5); NaN when it never does. */
export function edfQuantile(points: readonly EdfPoint[], q: number): number {
  const p = points.find((pt) => pt.y >= q - 1e-12);
  return p ? p.x : NaN;
}
