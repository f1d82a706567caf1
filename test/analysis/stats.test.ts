import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edf } from '../../src/analysis/edf';
import { normalizedEdf } from '../../src/analysis/normalized-edf';
import {
  averageRanks,
  ksDistance,
  ksDistanceOfEdfs,
  max,
  mean,
  min,
  pearson,
  spearman,
} from '../../src/analysis/stats';

const sample = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 30 });

describe('mean / min / max', () => {
  it('summarise small samples', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(min([3, -1, 2])).toBe(-1);
    expect(max([3, -1, 2])).toBe(3);
  });

  it('work on samples too large to spread into Math.min', () => {
    const big = Array.from({ length: 300_000 }, (_, i) => i % 1000);
    expect(min(big)).toBe(0);
    expect(max(big)).toBe(999);
  });

  it('reject empty and non-finite input', () => {
    expect(() => mean([])).toThrow(/at least 1/);
    expect(() => min([1, NaN])).toThrow(/values\[1\] is NaN/);
    expect(() => max([])).toThrow(/at least 1/);
  });
});

describe('ksDistance', () => {
  it('is 0 for identical samples and 1 for disjoint ones', () => {
    expect(ksDistance([0.3, 0.1, 0.2], [0.2, 0.3, 0.1])).toBe(0);
    expect(ksDistance([1, 2], [3, 4, 5])).toBe(1);
    expect(ksDistance([3, 4, 5], [1, 2])).toBe(1);
  });

  it('matches hand-computed cases', () => {
    // a = [1,2,3], b = [2,3,4]: fractions ≤ v are 1/3 vs 0 at v = 1, 2/3 vs 1/3 at 2, 1 vs 2/3 at 3.
    expect(ksDistance([1, 2, 3], [2, 3, 4])).toBeCloseTo(1 / 3, 15);
    // a = [1,3], b = [2,4]: 1/2 at v = 1, 0 at 2, 1/2 at 3, 0 at 4.
    expect(ksDistance([1, 3], [2, 4])).toBe(0.5);
    // Ties: a = [1,1,2], b = [1,2,2]: 2/3 vs 1/3 at v = 1.
    expect(ksDistance([1, 1, 2], [1, 2, 2])).toBeCloseTo(1 / 3, 15);
    // Same support, different sizes: [1] vs [1,1,1] is 0.
    expect(ksDistance([1], [1, 1, 1])).toBe(0);
  });

  it('is symmetric, within [0, 1], and equals a brute-force sup over all sample values', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const d = ksDistance(a, b);
        expect(ksDistance(b, a)).toBe(d);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
        const frac = (s: number[], v: number) => s.filter((x) => x <= v).length / s.length;
        const brute = Math.max(...[...a, ...b].map((v) => Math.abs(frac(a, v) - frac(b, v))));
        expect(d).toBeCloseTo(brute, 12);
      }),
    );
  });

  it('agrees with the EDF-points form on plain EDFs', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        expect(ksDistanceOfEdfs(edf(a).points, edf(b).points)).toBeCloseTo(ksDistance(a, b), 12);
      }),
    );
  });

  it('compares normalized EDFs', () => {
    // Two bins over [0, 4]; a's low-complexity models are better. Normalized a: (1, .25), (2, .5), (3, 1);
    // b is a plain EDF of [1.5, 2.5]: (1.5, .5), (2.5, 1). Largest gap: at 1.5 → |.25 − .5| = .25,
    // at 2 → |.5 − .5| = 0, at 2.5 → |.5 − 1| = .5.
    const a = normalizedEdf([1, 2, 3], [1, 1.5, 3], { lo: 0, hi: 4, bins: 2 });
    expect(ksDistanceOfEdfs(a.points, edf([1.5, 2.5]).points)).toBe(0.5);
  });

  it('rejects empty samples and unsorted points', () => {
    expect(() => ksDistance([], [1])).toThrow(/a has 0 value/);
    expect(() => ksDistance([1], [NaN])).toThrow(/b\[0\] is NaN/);
    expect(() => ksDistanceOfEdfs([], [{ x: 1, y: 1 }])).toThrow(/EDF a has no points/);
    expect(() =>
      ksDistanceOfEdfs(
        [
          { x: 2, y: 0.5 },
          { x: 1, y: 1 },
        ],
        [{ x: 1, y: 1 }],
      ),
    ).toThrow(/sorted by x/);
  });
});

describe('averageRanks', () => {
  it('gives 1-based ranks with ties sharing their average rank', () => {
    expect(averageRanks([30, 10, 20])).toEqual([3, 1, 2]);
    expect(averageRanks([10, 20, 20, 30, 20])).toEqual([1, 3, 3, 5, 3]);
    expect(averageRanks([7, 7])).toEqual([1.5, 1.5]);
  });
});

describe('spearman', () => {
  it('is 1 for a monotone increasing relation and −1 for a decreasing one', () => {
    expect(spearman([1, 2, 3, 4], [10, 100, 1000, 10000])).toBe(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
  });

  it('matches the textbook example (IQ vs hours of TV): ρ = 1 − 6·194/(10·99) = −29/165', () => {
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    expect(spearman(iq, tv)).toBeCloseTo(-29 / 165, 12);
  });

  it('uses average ranks for ties', () => {
    // ranks x = [1, 2.5, 2.5, 4], y = [1, 2, 3, 4]: Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → √0.9.
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(Math.sqrt(0.9), 12);
  });

  it('is invariant under strictly increasing transforms', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 3, maxLength: 20 }),
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 20, maxLength: 20 }),
        (x, yAll) => {
          const y = yAll.slice(0, x.length);
          fc.pre(new Set(y).size > 1);
          expect(
            spearman(
              x.map((v) => v ** 3 + 2 * v),
              y,
            ),
          ).toBeCloseTo(spearman(x, y), 12);
        },
      ),
    );
  });

  it('rejects constant, mismatched or too short input', () => {
    expect(() => spearman([1, 1, 1], [1, 2, 3])).toThrow(/all values of x are equal/);
    expect(() => spearman([1, 2], [1, 2, 3])).toThrow(/x has 2 entries but y has 3/);
    expect(() => spearman([1], [1])).toThrow(/at least 2/);
  });
});

describe('pearson', () => {
  it('matches a hand-computed case: 6 / √(10·6)', () => {
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 12);
  });

  it('is ±1 on exact lines', () => {
    expect(pearson([1, 2, 3], [5, 7, 9])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [9, 7, 5])).toBeCloseTo(-1, 12);
  });

  it('rejects constant input', () => {
    expect(() => pearson([1, 2, 3], [4, 4, 4])).toThrow(/all values of y are equal/);
  });
});
