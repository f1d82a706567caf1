import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lawOf, type DiscreteLaw } from '../../src/space/domains';
import { chainBound, chainTable, sampleChain } from '../../src/space/monotone';
import { createRng } from '../../src/space/random';

/** All sequences over the laws with their product probabilities, by enumeration. */
function enumerate(laws: DiscreteLaw[]): { seq: number[]; p: number }[] {
  let out = [{ seq: [] as number[], p: 1 }];
  for (const law of laws) {
    out = out.flatMap(({ seq, p }) => law.values.map((v, i) => ({ seq: [...seq, v], p: p * law.masses[i] })));
  }
  return out;
}
const ordered = (xs: number[]) => xs.every((x, i) => i === 0 || x >= xs[i - 1]);

const law = fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }).chain((values) =>
  fc
    .array(fc.integer({ min: 1, max: 10 }), { minLength: values.length, maxLength: values.length })
    .map((w) => {
      const total = w.reduce((a, b) => a + b, 0);
      return lawOf(values.map((v, i) => [v, w[i] / total]));
    }),
);

describe('chain DP over nondecreasing sequences', () => {
  it('z is the probability that independent draws come out ordered (enumeration)', () => {
    fc.assert(
      fc.property(fc.array(law, { minLength: 1, maxLength: 4 }), (laws) => {
        const expected = enumerate(laws)
          .filter((e) => ordered(e.seq))
          .reduce((a, e) => a + e.p, 0);
        expect(chainTable(laws).z).toBeCloseTo(expected, 12);
      }),
    );
  });

  it('samples the conditional law of ordered sequences (frequencies vs enumeration)', () => {
    const laws = [
      lawOf([
        [1, 0.5],
        [2, 0.3],
        [3, 0.2],
      ]),
      lawOf([
        [1, 0.2],
        [2, 0.2],
        [3, 0.6],
      ]),
      lawOf([
        [2, 0.5],
        [3, 0.5],
      ]),
    ];
    const table = chainTable(laws);
    const target = enumerate(laws).filter((e) => ordered(e.seq));
    const rng = createRng(5);
    const n = 30_000;
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const seq = sampleChain(table, rng).map((k) => table.grid[k]);
      expect(ordered(seq)).toBe(true);
      counts.set(seq.join(), (counts.get(seq.join()) ?? 0) + 1);
    }
    for (const { seq, p } of target) {
      const q = p / table.z;
      expect(Math.abs((counts.get(seq.join()) ?? 0) / n - q)).toBeLessThan(
        5 * Math.sqrt((q * (1 - q)) / n) + 1e-9,
      );
    }
  });

  it('chainBound bounds z for every choice of stage laws', () => {
    fc.assert(
      fc.property(
        fc.array(law, { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 2, max: 3 }),
        (pool, stages) => {
          const grid = [...new Set(pool.flatMap((l) => l.values))].sort((a, b) => a - b);
          const bound = chainBound(new Array(stages).fill(pool), grid);
          const pick = (i: number, k: number) => pool[Math.floor(i / pool.length ** k) % pool.length];
          for (let i = 0; i < pool.length ** stages; i++) {
            const laws = Array.from({ length: stages }, (_, k) => pick(i, k));
            expect(chainTable(laws, grid).z).toBeLessThanOrEqual(bound + 1e-12);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
