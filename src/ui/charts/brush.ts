import { clamp } from './layout';

/** Drags shorter than this many px are clicks, not a range. */
export const MIN_BRUSH_PX = 3;

/**
 * The data range of a horizontal drag from pixel a to pixel b (plot coordinates), clamped to the
 * plot and inverted through the x scale; null when the drag is too short to mean a range.
 */
export function brushRange(
  a: number,
  b: number,
  invert: (px: number) => number,
  innerWidth: number,
): [number, number] | null {
  const lo = clamp(Math.min(a, b), 0, innerWidth);
  const hi = clamp(Math.max(a, b), 0, innerWidth);
  if (hi - lo < MIN_BRUSH_PX) return null;
  const v0 = invert(lo);
  const v1 = invert(hi);
  return [Math.min(v0, v1), Math.max(v0, v1)];
}
