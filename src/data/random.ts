import { splitmix32, type Rng } from '../space/random';

// One generator for the whole lab (sfc32 seeded by splitmix32, 32-bit integer ops only): the sampler's.
export { createRng, type Rng } from '../space/random';

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
