/** A seeded source of uniform numbers in [0, 1). */
export interface Rng {
  next(): number;
}

/** splitmix32: spreads nearby seeds (0, 1, 2…) into unrelated states. */
function splitmix32(state: number): () => number {
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/** sfc32 (Chris Doty-Humphrey's small fast counter), seeded through splitmix32. Same seed → same stream. */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`createRng: seed must be a finite number, got ${seed}`);
  const init = splitmix32(Math.floor(seed) >>> 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // discard the warm-up outputs
  return { next };
}

/** A seed for an independent stream derived from a parent seed and a stream number (e.g. an epoch). */
export function deriveSeed(seed: number, stream: number): number {
  return splitmix32((Math.floor(seed) ^ Math.imul(Math.floor(stream) + 1, 0x85ebca6b)) >>> 0)();
}

/** Uniform integer in [0, n). */
export const randomInt = (rng: Rng, n: number): number => Math.floor(rng.next() * n);

/** Standard normal sample (Box–Muller). */
export function randomNormal(rng: Rng): number {
  const u = 1 - rng.next(); // (0, 1], so log is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Fisher–Yates shuffle in place; returns the same array. */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(array: T, rng: Rng): T {
  for (let i = array.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const tmp = array[i];
    array[i] = array[j];
    array[j] = tmp;
  }
  return array;
}
