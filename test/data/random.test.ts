import { describe, expect, it } from 'vitest';
import { createRng, shuffleInPlace } from '../../src/data/random';

describe('createRng', () => {
  it('repeats for a seed, differs across seeds, stays in [0, 1) and looks uniform', () => {
    const take = (seed: number, n: number) =>
      Array.from({ length: n }, createRng(seed).next.bind(createRng(seed)));
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 20000 }, () => a.next());
    expect(Array.from({ length: 20000 }, () => b.next())).toEqual(xs);
    expect(take(43, 5)).not.toEqual(xs.slice(0, 5));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01); // σ of the mean ≈ 0.002
    const deciles = new Array(10).fill(0);
    for (const x of xs) deciles[Math.floor(x * 10)]++;
    deciles.forEach((d) => expect(Math.abs(d - 2000)).toBeLessThan(200)); // σ ≈ 42
  });

  it('shuffles into a permutation', () => {
    const arr = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = shuffleInPlace([...arr], createRng(1));
    expect([...shuffled].sort((x, y) => x - y)).toEqual(arr);
    expect(shuffled).not.toEqual(arr);
  });

  it('rejects a seed that is not an integer', () => {
    expect(() => createRng(Number.NaN)).toThrow(/must be an integer/);
    expect(() => createRng(1.5)).toThrow(/must be an integer/);
  });
});
