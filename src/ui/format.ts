/** Number formats shown in the lab. Every figure goes through one of these, so tests can pin them. */

const EXACT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** An exact integer with thousands separators: 199040872 → "199,040,872". */
export const formatExact = (x: number): string => (Number.isFinite(x) ? EXACT.format(x) : '–');

/** Flops (multiply-adds) in the paper's units: 199040872 → "199.0 MF", 1.6e9 → "1.60 GF". */
export function formatFlops(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x >= 1e9) return `${(x / 1e9).toFixed(2)} GF`;
  if (x >= 1e6) return `${(x / 1e6).toFixed(1)} MF`;
  return `${(x / 1e3).toFixed(1)} kF`;
}

/** Params or acts: 2684792 → "2.68 M", 45100 → "45.1 k". */
export function formatCount(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x >= 1e9) return `${(x / 1e9).toFixed(2)} B`;
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)} M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)} k`;
  return String(x);
}

/** A flops band in compact units for labels: [2e6, 6e6] → "2–6 MF". */
export function formatBand([lo, hi]: readonly number[]): string {
  const unit = hi >= 1e9 ? 1e9 : 1e6;
  const suffix = unit === 1e9 ? 'GF' : 'MF';
  const n = (x: number) => String(Number((x / unit).toPrecision(4)));
  return `${n(lo)}–${n(hi)} ${suffix}`;
}

/** A count given by its log10 as a power of ten with one decimal in the exponent: 18.26 → "10^18.3". */
export function formatPow10(log10: number): string {
  if (!Number.isFinite(log10)) return log10 === -Infinity ? '0' : '–';
  return `10^${log10.toFixed(1)}`;
}

/** A duration in the largest two units: 384 → "6 min 24 s", 5400 → "1 h 30 min", 42 → "42 s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}
