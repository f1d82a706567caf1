import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edf } from '../../src/analysis/edf';
import { complexityBin, normalizedEdf } from '../../src/analysis/normalized-edf';

describe('complexityBin', () => {
  it('uses uniform half-open bins with hi in the last bin', () => {
    const opts = { lo: 0, hi: 4, bins: 2 };
    expect([0, 1.99, 2, 3.5, 4].map((c) => complexityBin(c, opts))).toEqual([0, 0, 1, 1, 1]);
    expect([-0.1, 4.1].map((c) => complexityBin(c, opts))).toEqual([-1, -1]);
  });

  it('assigns values next to float edges exactly as numpy.histogram does', () => {
    // numpy: histogram([0.3, 0.6, 0.7, 0.9, 0.1 + 0.2], bins=10, range=(0, 1)) has its edges from
    // linspace, where edge 3 = 0.30000000000000004, so 0.3 falls in bin 2 and 0.1 + 0.2 in bin 3.
    const opts = { lo: 0, hi: 1, bins: 10 };
    expect([0.3, 0.6, 0.7, 0.9, 0.1 + 0.2].map((c) => complexityBin(c, opts))).toEqual([2, 5, 6, 9, 3]);
    // numpy: histogram([0.1·k for k in 1..7], bins=6, range=(0.1, 0.7)) → one per bin; 0.1·7 > 0.7 is dropped.
    const ks = [1, 2, 3, 4, 5, 6, 7].map((k) => 0.1 * k);
    expect(ks.map((c) => complexityBin(c, { lo: 0.1, hi: 0.7, bins: 6 }))).toEqual([0, 1, 2, 3, 4, 5, -1]);
  });
});

describe('normalizedEdf', () => {
  it('weights each bin to 1/bins (hand-computed)', () => {
    // Bins [0,2) and [2,4]: bin 0 holds models 0 and 1 (w = 1/(2·2)), bin 1 holds model 2 (w = 1/2).
    const r = normalizedEdf([0.1, 0.2, 0.3], [1, 1.2, 3], { lo: 0, hi: 4, bins: 2 });
    expect(r.weights).toEqual([0.25, 0.25, 0.5]);
    expect(r.binCounts).toEqual([2, 1]);
    expect(r.points).toEqual([
      { x: 0.1, y: 0.25 },
      { x: 0.2, y: 0.5 },
      { x: 0.3, y: 1 },
    ]);
    expect(r.n).toBe(3);
    expect(r.dropped).toBe(0);
    expect(r.min).toBe(0.1);
    expect(r.mean).toBeCloseTo(0.1 * 0.25 + 0.2 * 0.25 + 0.3 * 0.5, 15);
  });

  it('drops models outside [lo, hi] and gives them weight 0', () => {
    const r = normalizedEdf([0.5, 0.1, 0.2, 0.3], [10, 1, 3, -1], { lo: 0, hi: 4, bins: 2 });
    expect(r.n).toBe(2);
    expect(r.dropped).toBe(2);
    expect(r.weights).toEqual([0, 0.5, 0.5, 0]);
    expect(r.min).toBe(0.1);
    expect(r.points).toEqual([
      { x: 0.1, y: 0.5 },
      { x: 0.2, y: 1 },
    ]);
  });

  it('merges tied errors into one point', () => {
    const r = normalizedEdf([0.2, 0.2, 0.4], [1, 3, 3], { lo: 0, hi: 4, bins: 2 });
    // weights: model 0 → 1/2, models 1 and 2 → 1/4 each.
    expect(r.points).toEqual([
      { x: 0.2, y: 0.75 },
      { x: 0.4, y: 1 },
    ]);
  });

  it('names the empty bin and suggests a fix', () => {
    expect(() => normalizedEdf([0.1, 0.2], [0.5, 2.5], { lo: 0, hi: 3, bins: 3 })).toThrow(
      /complexity bin 2 of 3, \[1, 2\), holds no model.*fewer bins/,
    );
    expect(() => normalizedEdf([0.1], [0.5], { lo: 0, hi: 3, bins: 3 })).toThrow(/and 1 more empty bin/);
  });

  it('rejects bad input clearly', () => {
    expect(() => normalizedEdf([0.1], [9], { lo: 0, hi: 3, bins: 1 })).toThrow(
      /no model has complexity inside \[0, 3\].*span \[9, 9\]/,
    );
    expect(() => normalizedEdf([0.1, 0.2], [1], { lo: 0, hi: 3, bins: 1 })).toThrow(/errors has 2 entries/);
    expect(() => normalizedEdf([0.1], [1], { lo: 3, hi: 3, bins: 1 })).toThrow(/lo < hi/);
    expect(() => normalizedEdf([0.1], [1], { lo: 0, hi: 3, bins: 0 })).toThrow(
      /bins must be a positive integer/,
    );
    expect(() => normalizedEdf([0.1], [1], { lo: 0, hi: 3, bins: 2.5 })).toThrow(
      /bins must be a positive integer/,
    );
    expect(() => normalizedEdf([], [], { lo: 0, hi: 3, bins: 1 })).toThrow(/at least 1/);
    expect(() => normalizedEdf([0.1], [NaN], { lo: 0, hi: 3, bins: 1 })).toThrow(/complexity\[0\] is NaN/);
  });

  // Models placed bin by bin: `perBin[k]` models in bin k at a random offset inside it.
  const binnedSweep = (bins: number, perBin: fc.Arbitrary<number>) =>
    fc
      .array(perBin, { minLength: bins, maxLength: bins })
      .chain((counts) =>
        fc.tuple(
          fc.constant(counts),
          fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
            minLength: counts.reduce((a, b) => a + b, 0),
            maxLength: counts.reduce((a, b) => a + b, 0),
          }),
          fc.array(fc.integer({ min: 0, max: 1000 }), {
            minLength: counts.reduce((a, b) => a + b, 0),
            maxLength: counts.reduce((a, b) => a + b, 0),
          }),
        ),
      )
      .map(([counts, offsets, errors]) => {
        const complexity = counts.flatMap((c, k) => Array.from({ length: c }, () => k));
        // Bin k of [0, bins] with unit width is [k, k + 1); keep inside by a margin.
        return { counts, complexity: complexity.map((k, i) => k + 0.01 + 0.98 * offsets[i]), errors };
      });

  it('properties: weights sum to 1, each bin carries 1/bins, the curve ends at 1', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((bins) => binnedSweep(bins, fc.integer({ min: 1, max: 5 })).map((s) => ({ bins, ...s }))),
        ({ bins, counts, complexity, errors }) => {
          const r = normalizedEdf(errors, complexity, { lo: 0, hi: bins, bins });
          expect(r.binCounts).toEqual(counts);
          expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
          for (let k = 0; k < bins; k++) {
            const inBin = r.weights.filter((_, i) => Math.floor(complexity[i]) === k);
            expect(inBin.reduce((a, b) => a + b, 0)).toBeCloseTo(1 / bins, 12);
          }
          expect(r.points[r.points.length - 1].y).toBe(1);
          r.points.forEach((p, i) => i > 0 && expect(p.y).toBeGreaterThan(r.points[i - 1].y));
        },
      ),
    );
  });

  it('reduces to the plain EDF when every bin holds the same number of models', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }))
          .chain(([bins, perBin]) => binnedSweep(bins, fc.constant(perBin)).map((s) => ({ bins, ...s }))),
        ({ bins, complexity, errors }) => {
          const plain = edf(errors);
          const norm = normalizedEdf(errors, complexity, { lo: 0, hi: bins, bins });
          expect(norm.points.map((p) => p.x)).toEqual(plain.points.map((p) => p.x));
          norm.points.forEach((p, i) => expect(p.y).toBeCloseTo(plain.points[i].y, 12));
          expect(norm.mean).toBeCloseTo(plain.mean, 9);
          expect(norm.min).toBe(plain.min);
        },
      ),
    );
  });
});
