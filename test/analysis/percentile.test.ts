import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile, percentileOfSorted, percentiles } from '../../src/analysis/percentile';

// Expected values derived by hand with numpy's linear rule: index p/100·(N−1), interpolate neighbours.
describe('percentile (numpy linear)', () => {
  it('interpolates between the neighbouring order statistics', () => {
    // [1,2,3,4]: N−1 = 3.
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5); // index 1.5
    expect(percentile([1, 2, 3, 4], 25)).toBe(1.75); // index 0.75
    expect(percentile([1, 2, 3, 4], 2.5)).toBeCloseTo(1.075, 14); // index 0.075
    expect(percentile([1, 2, 3, 4], 97.5)).toBeCloseTo(3.925, 14); // index 2.925
    expect(percentile([0, 10], 2.5)).toBe(0.25);
    expect(percentile([0, 10], 97.5)).toBe(9.75);
  });

  it('sorts unsorted input and hits the ends at 0 and 100', () => {
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([3, 1, 2], 100)).toBe(3);
    expect(percentile([10], 2.5)).toBe(10);
  });

  it('handles ties', () => {
    // index 0.9·3 = 2.7 between 5 and 7.
    expect(percentile([5, 5, 5, 7], 90)).toBeCloseTo(6.4, 14);
    expect(percentile([5, 5, 5, 7], 50)).toBe(5);
  });

  it('interpolates from the nearer neighbour like numpy _lerp (bit-exact)', () => {
    // Sorted [0.002, 0.433, 0.445, 0.762, 0.836]; p = 70 → index 2.8 → 0.445 + 0.8·0.317 = 0.6986.
    // numpy returns exactly 0.6986 here; the naive a + (b − a)·t gives 0.6985999999999999.
    expect(percentile([0.836, 0.433, 0.762, 0.002, 0.445], 70)).toBe(0.6986);
  });

  it('computes several percentiles with one call', () => {
    expect(percentiles([4, 3, 2, 1], [0, 50, 100])).toEqual([1, 2.5, 4]);
    expect(percentileOfSorted([1, 2, 3, 4], 25)).toBe(1.75);
  });

  it('rejects bad input', () => {
    expect(() => percentile([], 50)).toThrow(/at least 1/);
    expect(() => percentile([1, NaN], 50)).toThrow(/values\[1\] is NaN/);
    expect(() => percentile([1, 2], 101)).toThrow(/within \[0, 100\]/);
    expect(() => percentile([1, 2], -1)).toThrow(/within \[0, 100\]/);
    expect(() => percentileOfSorted([], 5)).toThrow(/at least 1/);
  });

  it('properties: monotone in p and bounded by min and max', () => {
    const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 });
    const p = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(
      fc.property(values, p, p, (v, p1, p2) => {
        const [a, b] = [Math.min(p1, p2), Math.max(p1, p2)];
        expect(percentile(v, a)).toBeLessThanOrEqual(percentile(v, b));
        expect(percentile(v, a)).toBeGreaterThanOrEqual(Math.min(...v));
        expect(percentile(v, b)).toBeLessThanOrEqual(Math.max(...v));
      }),
    );
  });
});
