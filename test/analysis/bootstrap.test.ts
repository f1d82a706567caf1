import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bootstrapBest,
  bootstrapSampleSize,
  bootstrapWinners,
  winnersRange,
} from '../../src/analysis/bootstrap';
import { createRng, type Rng } from '../../src/analysis/rng';

/** An rng that makes randomIndex(rng, n) return the given indices in order. */
function scripted(indices: number[], n: number): Rng {
  let k = 0;
  return {
    next: () => {
      if (k >= indices.length) throw new Error('scripted rng: ran out of draws');
      return (indices[k++] + 0.5) / n;
    },
  };
}

const FAST = { reps: 200 };

describe('bootstrapSampleSize (pycls n_sample)', () => {
  it('takes a fraction of n, at least 1, or an absolute count when sample > 1', () => {
    expect(bootstrapSampleSize(100, 0.25)).toBe(25);
    expect(bootstrapSampleSize(10, 0.25)).toBe(2); // floor(2.5)
    expect(bootstrapSampleSize(3, 0.25)).toBe(1); // max(1, floor(0.75))
    expect(bootstrapSampleSize(10, 1)).toBe(10); // 1 is a fraction, not a count
    expect(bootstrapSampleSize(10, 5.9)).toBe(5); // int(5.9)
    expect(bootstrapSampleSize(3, 40)).toBe(40); // a count may exceed n (draws are with replacement)
  });

  it('rejects non-positive or non-finite sample', () => {
    for (const bad of [0, -0.5, NaN, Infinity])
      expect(() => bootstrapSampleSize(10, bad)).toThrow(/sample must be/);
  });
});

describe('bootstrapWinners', () => {
  it('keeps the lowest error in each draw', () => {
    // errors [0.3, 0.1, 0.2], 2 draws per rep: (0,2) → 2, (1,0) → 1, (0,0) → 0.
    const winners = bootstrapWinners([0.3, 0.1, 0.2], scripted([0, 2, 1, 0, 0, 0], 3), {
      sample: 2,
      reps: 3,
    });
    expect(winners).toEqual([2, 1, 0]);
  });

  it('breaks ties by the first drawn model, as np.argmin over the draw does', () => {
    const errors = [0.5, 0.5, 0.5];
    expect(bootstrapWinners(errors, scripted([2, 0], 3), { sample: 2, reps: 1 })).toEqual([2]);
    expect(bootstrapWinners(errors, scripted([1, 2, 0], 3), { sample: 3, reps: 1 })).toEqual([1]);
  });

  it('rejects bad options and input', () => {
    const rng = createRng(1);
    expect(() => bootstrapWinners([], rng)).toThrow(/at least 1/);
    expect(() => bootstrapWinners([0.1, NaN], rng)).toThrow(/errors\[1\] is NaN/);
    expect(() => bootstrapWinners([0.1], rng, { reps: 0 })).toThrow(/reps must be a positive integer/);
    expect(() => bootstrapWinners([0.1], rng, { reps: 2.5 })).toThrow(/reps must be a positive integer/);
    expect(() => bootstrapWinners([0.1], rng, { alpha: 100 })).toThrow(/alpha must be a percentage/);
  });
});

describe('winnersRange / bootstrapBest', () => {
  it('reports numpy percentiles [2.5, 50, 97.5] of the winners’ values (hand-computed)', () => {
    // Winners [2, 1, 0] → values [30, 20, 10]; sorted, N − 1 = 2: index 0.05 → 10.5, 1 → 20, 1.95 → 29.5.
    const range = bootstrapBest([10, 20, 30], [0.3, 0.1, 0.2], scripted([0, 2, 1, 0, 0, 0], 3), {
      sample: 2,
      reps: 3,
    });
    expect(range[0]).toBeCloseTo(10.5, 12);
    expect(range[1]).toBe(20);
    expect(range[2]).toBeCloseTo(29.5, 12);
  });

  it('honours alpha', () => {
    // alpha 50 → percentiles [25, 50, 75] of [10, 20, 30, 40]: indices 0.75, 1.5, 2.25.
    expect(winnersRange([10, 20, 30, 40], [0, 1, 2, 3], { alpha: 50 })).toEqual([17.5, 25, 32.5]);
  });

  it('is forced to [x, x, x] when every model has the same value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }).map((v) => v + 0), // −0 + 0 = +0: compare plain zeros
        fc.integer(),
        (errors, x, seed) => {
          const values = errors.map(() => x);
          expect(bootstrapBest(values, errors, createRng(seed), FAST)).toEqual([x, x, x]);
        },
      ),
    );
  });

  it('is forced to the only model’s value when n = 1', () => {
    expect(bootstrapBest([7], [0.4], createRng(3))).toEqual([7, 7, 7]);
  });

  it('finds a strictly best model that every draw contains (almost surely)', () => {
    // n = 2 with 60 draws per rep: a rep misses model 1 with probability 2^−60.
    expect(bootstrapBest([3, 8], [0.9, 0.1], createRng(5), { sample: 60 })).toEqual([8, 8, 8]);
  });

  it('with one draw per rep, winners are uniform over the models', () => {
    // 2500 uniform picks of values 0..9: ~250 of each, so the 2.5% and 97.5% points are 0 and 9 and
    // the median is 4, 4.5 or 5. A biased index (e.g. never drawing the last model) would fail.
    const values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const [low, best, high] = bootstrapBest(
      values,
      values.map(() => 0.5),
      createRng(11),
      { sample: 1 / 20 },
    );
    expect(low).toBe(0);
    expect(high).toBe(9);
    expect([4, 4.5, 5]).toContain(best);
  });

  const sweep = fc.integer({ min: 1, max: 40 }).chain((n) =>
    fc.record({
      values: fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }),
      errors: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n }),
      seed: fc.integer(),
      sample: fc.oneof(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.integer({ min: 2, max: 20 })),
    }),
  );

  it('properties: low ≤ best ≤ high, all within the range of the values', () => {
    fc.assert(
      fc.property(sweep, ({ values, errors, seed, sample }) => {
        const [low, best, high] = bootstrapBest(values, errors, createRng(seed), { ...FAST, sample });
        expect(low).toBeLessThanOrEqual(best);
        expect(best).toBeLessThanOrEqual(high);
        expect(low).toBeGreaterThanOrEqual(Math.min(...values));
        expect(high).toBeLessThanOrEqual(Math.max(...values));
      }),
    );
  });

  it('properties: deterministic for a seed', () => {
    fc.assert(
      fc.property(sweep, ({ values, errors, seed, sample }) => {
        const a = bootstrapBest(values, errors, createRng(seed), { ...FAST, sample });
        const b = bootstrapBest(values, errors, createRng(seed), { ...FAST, sample });
        expect(a).toEqual(b);
      }),
    );
  });

  it('properties: only the order of errors matters (a strictly increasing map changes nothing)', () => {
    fc.assert(
      fc.property(sweep, ({ values, errors, seed, sample }) => {
        const a = bootstrapBest(values, errors, createRng(seed), { ...FAST, sample });
        const warped = errors.map((e) => e * e * e + 7 * e + 1); // integers stay exact
        expect(bootstrapBest(values, warped, createRng(seed), { ...FAST, sample })).toEqual(a);
      }),
    );
  });

  it('properties: shifting and scaling the values moves the range with them', () => {
    fc.assert(
      fc.property(
        sweep,
        fc.double({ min: 0.5, max: 4, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (s, scale, shift) => {
          const opts = { ...FAST, sample: s.sample };
          const base = bootstrapBest(s.values, s.errors, createRng(s.seed), opts);
          const moved = bootstrapBest(
            s.values.map((v) => v * scale + shift),
            s.errors,
            createRng(s.seed),
            opts,
          );
          moved.forEach((m, i) => expect(m).toBeCloseTo(base[i] * scale + shift, 6));
        },
      ),
    );
  });

  it('rejects mismatched lengths and bad winners', () => {
    expect(() => bootstrapBest([1, 2], [0.1], createRng(1))).toThrow(/values has 2 entries but errors has 1/);
    expect(() => winnersRange([1, 2], [2])).toThrow(/winner index 2 is outside the 2 values/);
    expect(() => winnersRange([1, 2], [])).toThrow(/winners has 0 value/);
  });
});
