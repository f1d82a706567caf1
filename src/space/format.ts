/** Compact engineering notation for labels and messages: 360000000 -> "360e6", 2.5e9 -> "2.5e9", 1024 -> "1024". */
export function formatEngineering(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs < 10_000) return String(Number(x.toPrecision(6)));
  const exponent = Math.floor(Math.log10(abs) / 3) * 3;
  const mantissa = Number((x / 10 ** exponent).toPrecision(6));
  // toPrecision can round 999.9999 up to 1000: move to the next exponent.
  return Math.abs(mantissa) >= 1000
    ? `${Number((mantissa / 1000).toPrecision(6))}e${exponent + 3}`
    : `${mantissa}e${exponent}`;
}

/** A count as a power of ten with two significant digits: 1.847e18 -> "1.8e18", 640 -> "640". */
export function formatPowerOfTen(log10: number): string {
  if (log10 === -Infinity) return '0';
  if (log10 < 3) return String(Math.round(10 ** log10));
  let exponent = Math.floor(log10);
  let mantissa = Number((10 ** (log10 - exponent)).toFixed(1));
  if (mantissa >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  return `${mantissa.toFixed(1)}e${exponent}`;
}
