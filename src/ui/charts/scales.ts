/** Domain and tick helpers shared by the charts (pure; d3 scales do the mapping). */

/** [min, max] of finite values, or undefined when there are none. */
export function extentOf(values: readonly number[]): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values)
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  return lo <= hi ? [lo, hi] : undefined;
}

/** Linear extent widened by `frac` of its span on each side (a flat extent gets a unit-ish pad). */
export function padLinear([lo, hi]: readonly [number, number], frac: number): [number, number] {
  const pad = hi > lo ? (hi - lo) * frac : Math.abs(lo) * 0.1 || 1;
  return [lo - pad, hi + pad];
}

/** Log extent widened by `frac` of its span in log space (a flat extent gets a factor of 2). */
export function padLog([lo, hi]: readonly [number, number], frac: number): [number, number] {
  const f = hi > lo ? Math.pow(hi / lo, frac) : 2;
  return [lo / f, hi * f];
}

/** pycls plot_values y-range: [e_min − Δ/5, e_max + Δ/5] with Δ = e_max − e_min. */
export function pyclsErrorRange([lo, hi]: readonly [number, number]): [number, number] {
  const d = hi - lo;
  if (d === 0) return padLinear([lo, hi], 0.2);
  return [lo - d / 5, hi + d / 5];
}

/** Readable log10 ticks: 1-2-5 per decade when few decades, powers of ten when many. */
export function logTicks([lo, hi]: readonly [number, number]): number[] {
  const k0 = Math.floor(Math.log10(lo));
  const k1 = Math.ceil(Math.log10(hi));
  const within = (v: number) => v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12);
  const decades: number[] = [];
  for (let k = k0; k <= k1; k++) decades.push(k);
  const tidy = (v: number) => Number(v.toPrecision(12));
  const powers = decades.map((k) => tidy(Math.pow(10, k))).filter(within);
  if (powers.length > 3) return powers;
  const oneTwoFive = decades.flatMap((k) => [1, 2, 5].map((m) => tidy(m * Math.pow(10, k)))).filter(within);
  if (oneTwoFive.length >= 3) return oneTwoFive;
  const all = decades
    .flatMap((k) => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((m) => tidy(m * Math.pow(10, k))))
    .filter(within);
  return all.length >= 2 ? all : [lo, hi];
}

/** Powers of two covering [lo, hi] (for log2 axes of widths and errors). */
export function log2Ticks([lo, hi]: readonly [number, number]): number[] {
  const out: number[] = [];
  for (let k = Math.ceil(Math.log2(lo) - 1e-9); k <= Math.floor(Math.log2(hi) + 1e-9); k++)
    out.push(Math.pow(2, k));
  return out;
}

/** Domain snapped outwards to powers of two. */
export function log2Domain([lo, hi]: readonly [number, number]): [number, number] {
  const a = Math.pow(2, Math.floor(Math.log2(lo)));
  const b = Math.pow(2, Math.ceil(Math.log2(hi)));
  return a === b ? [a / 2, b * 2] : [a, b];
}
