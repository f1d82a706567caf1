/**
 * Randomness as the analysis layer needs it: only uniform floats in [0, 1). The project's seeded
 * generator (sfc32, src/space/random.ts) satisfies this interface, so a sweep's seed drives both the
 * sampling of models and the bootstrap, and tests can pass a scripted source instead.
 */
export interface Rng {
  /** A uniform float in [0, 1). */
  next(): number;
}

export { createRng } from '../space/random';

/** A uniform integer index in [0, n) (guards a source that returns exactly 1). */
export function randomIndex(rng: Rng, n: number): number {
  return Math.min(n - 1, Math.floor(rng.next() * n));
}
