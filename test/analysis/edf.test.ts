import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edf, edfAt } from '../../src/analysis/edf';

const finiteErrors = fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 });

describe('edf', () => {
  it('steps to i/n at the i-th smallest error (pycls plot_edf)', () => {
    const e = edf([0.3, 0.1, 0.2]);
    expect(e.n).toBe(3);
    expect(e.min).toBe(0.1);
    expect(e.mean).toBeCloseTo(0.2, 15);
    expect(e.points.map((p) => p.x)).toEqual([0.1, 0.2, 0.3]);
    expect(e.points.map((p) => p.y)).toEqual([1 / 3, 2 / 3, 1]);
  });

  it('merges tied errors into one point that counts all of them', () => {
    const e = edf([2, 1, 2, 2, 3]);
    expect(e.points).toEqual([
      { x: 1, y: 1 / 5 },
      { x: 2, y: 4 / 5 },
      { x: 3, y: 1 },
    ]);
    expect(e.mean).toBe(2);
  });

  it('a single model gives one point at height 1', () => {
    expect(edf([42])).toEqual({ n: 1, min: 42, mean: 42, points: [{ x: 42, y: 1 }] });
  });

  it('does not modify its input', () => {
    const errors = [3, 1, 2];
    edf(errors);
    expect(errors).toEqual([3, 1, 2]);
  });

  it('rejects empty and non-finite input with a clear message', () => {
    expect(() => edf([])).toThrow(/errors has 0 value\(s\).*at least 1/);
    expect(() => edf([0.1, NaN])).toThrow(/errors\[1\] is NaN.*finite/);
    expect(() => edf([Infinity])).toThrow(/errors\[0\] is Infinity/);
  });

  it('properties: sorted distinct x, strictly increasing y ending at 1, y = fraction ≤ x', () => {
    fc.assert(
      fc.property(finiteErrors, (errors) => {
        const { n, min, points } = edf(errors);
        expect(n).toBe(errors.length);
        expect(min).toBe(Math.min(...errors));
        expect(points[points.length - 1].y).toBe(1);
        points.forEach((p, i) => {
          if (i > 0) {
            expect(p.x).toBeGreaterThan(points[i - 1].x);
            expect(p.y).toBeGreaterThan(points[i - 1].y);
          }
          expect(p.y).toBe(errors.filter((e) => e <= p.x).length / n);
        });
      }),
    );
  });

  it('the mean equals the area left of the curve', () => {
    fc.assert(
      fc.property(finiteErrors, (errors) => {
        const { mean, points } = edf(errors);
        // Area between the y axis and the step curve: Σ x_k · (y_k − y_{k−1}).
        const area = points.reduce((sum, p, i) => sum + p.x * (p.y - (i > 0 ? points[i - 1].y : 0)), 0);
        expect(area).toBeCloseTo(mean, 9);
      }),
    );
  });
});

describe('edfAt', () => {
  const errors = [0.3, 0.1, 0.2];

  it('counts errors strictly below e (paper eq. 1)', () => {
    expect(edfAt(errors, 0.05)).toBe(0);
    expect(edfAt(errors, 0.1)).toBe(0);
    expect(edfAt(errors, 0.15)).toBe(1 / 3);
    expect(edfAt(errors, 0.2)).toBe(1 / 3);
    expect(edfAt(errors, 0.3)).toBe(2 / 3);
    expect(edfAt(errors, 0.31)).toBe(1);
    expect(edfAt(errors, Infinity)).toBe(1);
  });

  it('excludes every tied model at a tie', () => {
    expect(edfAt([1, 2, 2, 2, 3], 2)).toBe(1 / 5);
    expect(edfAt([1, 2, 2, 2, 3], 2.5)).toBe(4 / 5);
  });

  it('rejects empty samples and a NaN query', () => {
    expect(() => edfAt([], 1)).toThrow(/at least 1/);
    expect(() => edfAt([1], NaN)).toThrow(/NaN/);
  });

  it('matches the left limit of the step points', () => {
    fc.assert(
      fc.property(finiteErrors, fc.double({ min: -1, max: 101, noNaN: true }), (errors, e) => {
        const { points } = edf(errors);
        const below = points.filter((p) => p.x < e);
        expect(edfAt(errors, e)).toBe(below.length ? below[below.length - 1].y : 0);
      }),
    );
  });
});
