/**
 * Seeded randomness for sampling design spaces.
 *
 * The generator (sfc32, seeded through splitmix32) uses only 32-bit integer operations, so a seed
 * gives the same stream on every machine and engine. The pycls sweep primitives (REGNET.md §5.1)
 * are built on top; each one is prepared once (validated, constants precomputed) and then drawn
 * many times. Log-uniform draws go through Math.exp/Math.log (fdlibm ports in V8 and SpiderMonkey);
 * only a draw within an ulp of a quantization boundary could round differently on another engine.
 */

export interface Rng {
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform float in [0, 1) with 53 random bits. */
  next(): number;
}

/** splitmix32: spreads a seed over well-mixed 32-bit words. */
export function splitmix32(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/** sfc32 (Chris Doty-Humphrey's small fast counting generator), seeded by splitmix32. */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`The random seed must be an integer (got ${seed}); pass e.g. 0, 1 or 42.`);
  }
  const low = seed >>> 0;
  const high = Math.floor(seed / 2 ** 32) | 0;
  const mix = splitmix32(low);
  let a = mix();
  let b = mix() ^ high;
  let c = mix();
  let d = mix();
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up so that nearby seeds decorrelate.
  for (let i = 0; i < 12; i++) nextUint32();
  return {
    nextUint32,
    next: () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992,
  };
}

// ---------------------------------------------------------------------------------------------
// Decimal-exact quantization (pycls builds n * q with Python's Decimal(str(q))).

/** Number of decimal places in the shortest decimal form of x (0.1 -> 1, 1e-7 -> 7, 8 -> 0). */
export function decimalPlaces(x: number): number {
  const [mantissa, exponent] = String(x).split('e');
  const fraction = (mantissa.split('.')[1] ?? '').length;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/**
 * Returns a function n -> n * q computed in decimal, so that 3 * 0.1 gives 0.3 rather than
 * 0.30000000000000004.
 */
export function decimalMultiple(q: number): (n: number) => number {
  const places = decimalPlaces(q);
  if (places === 0) return (n) => n * q;
  const units = Math.round(q * 10 ** places);
  return (n) => {
    const product = n * units;
    const digits = Number.isSafeInteger(product) ? String(product) : String(BigInt(n) * BigInt(units));
    return Number(`${digits}e-${places}`);
  };
}

/** pycls quantize(f, q, op): op(f / q) * q in decimal. */
export function quantize(f: number, q: number, op: (x: number) => number = Math.floor): number {
  return decimalMultiple(q)(op(f / q));
}

// ---------------------------------------------------------------------------------------------
// The pycls primitives: each samples the closed range [low, high] quantized to q.

export type Draw = (rng: Rng) => number;

const TOLERANCE = 1e-9;

const isMultipleOf = (x: number, q: number): boolean => Math.abs(x / q - Math.round(x / q)) < TOLERANCE;

function isPowerOfTwo(x: number): boolean {
  if (!(x > 0) || !Number.isFinite(x)) return false;
  const e = Math.round(Math.log2(x));
  return 2 ** e === x;
}

function checkRange(
  name: string,
  low: number,
  high: number,
  q: number,
  options: { positive: boolean },
): void {
  const where = `${name}(${low}, ${high}, ${q})`;
  if (![low, high, q].every(Number.isFinite))
    throw new Error(`${where}: low, high and q must be finite numbers.`);
  if (!(q > 0)) throw new Error(`${where}: the quantum q must be > 0.`);
  if (!(low <= high)) throw new Error(`${where}: low must be <= high; swap the two ends.`);
  if (options.positive && !(low > 0))
    throw new Error(`${where}: low must be > 0 for a ${name} distribution.`);
}

function checkDivisible(name: string, low: number, high: number, q: number): void {
  if (!isMultipleOf(low, q) || !isMultipleOf(high, q)) {
    throw new Error(`${name}(${low}, ${high}, ${q}): both ends must be multiples of q = ${q}.`);
  }
}

function checkPowersOfTwo(name: string, low: number, high: number, q: number): void {
  if (![low, high, q].every(isPowerOfTwo)) {
    throw new Error(`${name}(${low}, ${high}, ${q}): low, high and q must all be powers of two.`);
  }
}

const TABLE_LIMIT = 100_000;

/** Multiples n * q with n in [nLow, nHigh]; clamping guards float edges (f / q landing just outside). */
function quantizer(low: number, high: number, q: number, op: (x: number) => number): (f: number) => number {
  const nLow = Math.ceil(low / q - TOLERANCE);
  const nHigh = Math.floor(high / q + TOLERANCE);
  const multiple = decimalMultiple(q);
  const clamp = (f: number) => Math.min(nHigh, Math.max(nLow, op(f / q)));
  if (decimalPlaces(q) === 0) return (f) => clamp(f) * q;
  if (nHigh - nLow >= TABLE_LIMIT) return (f) => multiple(clamp(f));
  // Decimal products are slow to build; small ranges get a table.
  const table = Array.from({ length: nHigh - nLow + 1 }, (_, i) => multiple(nLow + i));
  return (f) => table[clamp(f) - nLow];
}

/** uniform(l, h, q): f ~ U[l, h + q), floor(f / q) * q; a discrete uniform over {l, l + q, ..., h}. */
export function uniformDraw(low: number, high: number, q: number): Draw {
  checkRange('uniform', low, high, q, { positive: false });
  checkDivisible('uniform', low, high, q);
  const toValue = quantizer(low, high, q, Math.floor);
  const span = high + q - low;
  return (rng) => toValue(low + rng.next() * span);
}

/**
 * log_uniform(l, h, q): ln f ~ U[ln(l - q*), ln h) with q* = min(q, l / 2), then ceil(f / q) * q.
 * The lowest value absorbs the mass of (l - q*, l].
 */
export function logUniformDraw(low: number, high: number, q: number): Draw {
  checkRange('log_uniform', low, high, q, { positive: true });
  checkDivisible('log_uniform', low, high, q);
  const toValue = quantizer(low, high, q, Math.ceil);
  const lnLow = Math.log(low - Math.min(q, low / 2));
  const lnSpan = Math.log(high) - lnLow;
  return (rng) => toValue(Math.exp(lnLow + rng.next() * lnSpan));
}

/** power2_uniform(l, h, q): a uniform exponent e over [log2 l, log2 h], then floor(2^e / q) * q. */
export function power2UniformDraw(low: number, high: number, q: number): Draw {
  checkRange('power2_uniform', low, high, q, { positive: true });
  checkPowersOfTwo('power2_uniform', low, high, q);
  const eLow = Math.round(Math.log2(low));
  const count = Math.round(Math.log2(high)) - eLow + 1;
  const multiple = decimalMultiple(q);
  return (rng) => multiple(Math.floor(2 ** (eLow + Math.floor(rng.next() * count)) / q));
}

/**
 * power2_or_log_uniform(l, h, q): draw a power of two p in [l, h]; keep it when p < q, otherwise
 * redraw log-uniformly as a multiple of q from [max(l, q), h].
 */
export function power2OrLogUniformDraw(low: number, high: number, q: number): Draw {
  checkRange('power2_or_log_uniform', low, high, q, { positive: true });
  checkPowersOfTwo('power2_or_log_uniform', low, high, q);
  const power2 = power2UniformDraw(low, high, low);
  // With q > high every power of two is kept; the log branch never runs (and its range would be empty).
  if (q > high) return power2;
  const log = logUniformDraw(Math.max(low, q), high, Math.min(high, q));
  return (rng) => {
    const p = power2(rng);
    return p < q ? p : log(rng);
  };
}

/** A uniform choice among the given values (pycls value_sampler). */
export function choiceDraw(values: readonly number[]): Draw {
  if (values.length === 0) throw new Error('choice(): give at least one value to choose from.');
  const copy = [...values];
  return (rng) => copy[Math.floor(rng.next() * copy.length)];
}

/** One-shot forms of the primitives, named as in pycls sweep/random.py. */
export const uniform = (rng: Rng, low: number, high: number, q: number): number =>
  uniformDraw(low, high, q)(rng);
export const logUniform = (rng: Rng, low: number, high: number, q: number): number =>
  logUniformDraw(low, high, q)(rng);
export const power2Uniform = (rng: Rng, low: number, high: number, q: number): number =>
  power2UniformDraw(low, high, q)(rng);
export const power2OrLogUniform = (rng: Rng, low: number, high: number, q: number): number =>
  power2OrLogUniformDraw(low, high, q)(rng);
