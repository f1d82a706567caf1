import { format, precisionFixed } from 'd3';

/** How error values arrive: 0.352 ('fraction') or 35.2 ('percent'); both are shown as "35.2%". */
export type ErrorUnit = 'fraction' | 'percent';

export const toPercent = (value: number, unit: ErrorUnit): number =>
  unit === 'fraction' ? value * 100 : value;

/** An error as a percentage with fixed decimals, e.g. 0.3521 → "35.2%". */
export function formatError(value: number, unit: ErrorUnit, digits = 1): string {
  if (!Number.isFinite(value)) return '–';
  return `${toPercent(value, unit).toFixed(digits)}%`;
}

/** pycls prints "best: v" with 4 significant digits (`{:.3e}` read back as a float). */
export function formatSignificant(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return '–';
  return format(`.${digits}~g`)(value);
}

/** Tick labels for an error axis: as many decimals as the tick step needs, then "%". */
export function errorTickFormat(ticks: readonly number[], unit: ErrorUnit): (v: number) => string {
  const step = ticks.length > 1 ? Math.abs(toPercent(ticks[1], unit) - toPercent(ticks[0], unit)) : 1;
  const digits = step > 0 ? precisionFixed(step) : 0;
  return (v) => `${toPercent(v, unit).toFixed(digits)}%`;
}

/** Compact tick labels for counts and sizes: 1.5k, 2M, 0.25. */
export function formatTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return format('.3~s')(v);
  return format('.4~g')(v);
}

/** A cumulative fraction (0..1) as "0.42". */
export const formatFraction = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : '–');
