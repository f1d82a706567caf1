import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  designConstraintHolds,
  INCREASING_D,
  INCREASING_W,
  rangeConstraint,
  SHARED_B,
  SHARED_G,
  type Constraint,
} from '../../src/space/constraints';
import type { AnyNetSpace } from '../../src/space/design-space';
import { choiceDomain } from '../../src/space/domains';
import { countNondecreasing, exactSize, paperSize } from '../../src/space/size';
import { getSpace, withConstraint } from '../../src/space/spaces';

/** Binomial coefficient in BigInt. */
function choose(n: number, k: number): bigint {
  let out = 1n;
  for (let i = 0; i < k; i++) out = (out * BigInt(n - i)) / BigInt(i + 1);
  return out;
}

describe('paper size (Table 1), computed from the domains', () => {
  it.each([
    ['anynetx_a', '1.8e18'],
    ['anynetx_b', '6.8e16'],
    ['anynetx_c', '3.2e14'],
    ['anynetx_d', '1.3e13'],
    ['anynetx_e', '5.5e11'],
    ['regnetx', '3.0e8'],
    ['regnety', '3.0e8'],
  ])('%s ~ %s', (id, text) => {
    expect(paperSize(getSpace(id)).text).toBe(text);
  });

  it('is (16·128·3·6)^4 for A and divides by 4! per increasing constraint', () => {
    expect(paperSize(getSpace('anynetx_a')).value).toBeCloseTo((16 * 128 * 3 * 6) ** 4, -4);
    expect(paperSize(getSpace('anynetx_d')).value / paperSize(getSpace('anynetx_c')).value).toBeCloseTo(
      1 / 24,
      12,
    );
    expect(paperSize(getSpace('anynetx_e')).value / paperSize(getSpace('anynetx_d')).value).toBeCloseTo(
      1 / 24,
      12,
    );
  });

  it('narrows with range constraints: 64 ≤ w1 ≤ 256 leaves 25 of 128 widths', () => {
    const A = getSpace('anynetx_a');
    const narrowed = paperSize(withConstraint(A, rangeConstraint('w1', 64, 256))).value;
    expect(narrowed / paperSize(A).value).toBeCloseTo(25 / 128, 12);
    const regnet = getSpace('regnetx');
    expect(
      paperSize(withConstraint(regnet, rangeConstraint('d', 1, 16))).value / paperSize(regnet).value,
    ).toBeCloseTo(1 / 4, 12);
  });

  it('says what it does not count', () => {
    expect(paperSize(getSpace('anynetx_a')).notCounted).toEqual(['flops band 360e6–400e6']);
    expect(exactSize(getSpace('regnetx')).notCounted).toEqual([
      'quantized linear, 4 stages',
      'flops band 360e6–400e6',
    ]);
    const withFlops = withConstraint(getSpace('anynetx_a'), rangeConstraint('params', 0, 5e6));
    expect(exactSize(withFlops).notCounted).toContain('0 ≤ params ≤ 5e6');
  });
});

describe('exact size', () => {
  const C131_4 = choose(131, 4); // nondecreasing 4-sequences over 128 widths
  const C19_4 = choose(19, 4); // ... over 16 depths

  it.each([
    ['anynetx_a', 36864n ** 4n],
    ['anynetx_b', 3n * 12288n ** 4n],
    ['anynetx_c', 18n * 2048n ** 4n],
    ['anynetx_d', 18n * 16n ** 4n * C131_4],
    ['anynetx_e', 18n * C19_4 * C131_4],
    // d 12..28, w0 8..256 step 8, wa 8..256 step 0.1, wm 2..3 step 0.001, g 8..128 step 8, b = 1.
    ['regnetx', 17n * 32n * 2481n * 1001n * 16n * 1n],
  ])('%s', (id, expected) => {
    const size = exactSize(getSpace(id));
    expect(size.count).toBe(expected);
    expect(size.log10).toBeCloseTo(Math.log10(Number(expected)), 9);
  });

  it('counts nondecreasing sequences of length 4 over k values as C(k+3, 4)', () => {
    for (let k = 1; k <= 40; k++) {
      const values = Array.from({ length: k }, (_, i) => i);
      expect(countNondecreasing([values, values, values, values])).toBe(choose(k + 3, 4));
    }
    expect(countNondecreasing([[1, 5], [2, 3], [4]])).toBe(2n); // 1,2,4 and 1,3,4 (5 has no successor)
    expect(countNondecreasing([])).toBe(1n);
  });

  /** A 3-stage space with tiny domains, small enough to enumerate. */
  const tiny: AnyNetSpace = {
    ...(getSpace('anynetx_a') as AnyNetSpace),
    id: 'tiny',
    stages: 3,
    domains: {
      d: choiceDomain([1, 2, 3]),
      w: choiceDomain([8, 16, 24]),
      b: choiceDomain([1, 2]),
      g: choiceDomain([1, 4]),
    },
  };

  function bruteForce(space: AnyNetSpace): number {
    const families = ['d', 'w', 'b', 'g'] as const;
    const keys = families.flatMap((p) => [1, 2, 3].map((i) => `${p}${i}`));
    const values = keys.map((k) => (space.domains[k[0] as 'd'] as { values: number[] }).values);
    let count = 0;
    const design: Record<string, number> = {};
    const walk = (i: number) => {
      if (i === keys.length) {
        if (space.constraints.every((c) => designConstraintHolds(space, c, design) !== false)) count++;
        return;
      }
      for (const v of values[i]) {
        design[keys[i]] = v;
        walk(i + 1);
      }
    };
    walk(0);
    return count;
  }

  const rangeOn = fc
    .tuple(
      fc.constantFrom('d', 'w', 'b', 'g', 'd2', 'w1', 'w3', 'g2', 'flops'),
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 30 }),
    )
    .map(([p, a, b]) => rangeConstraint(p, Math.min(a, b), Math.max(a, b)));
  const constraints: fc.Arbitrary<Constraint[]> = fc
    .tuple(fc.subarray([SHARED_B, SHARED_G, INCREASING_W, INCREASING_D]), fc.array(rangeOn, { maxLength: 3 }))
    .map(([named, ranges]) => [...named, ...ranges]);

  it('equals brute-force enumeration on a small 3-stage space, for any mix of constraints', () => {
    fc.assert(
      fc.property(constraints, (cs) => {
        const space = { ...tiny, constraints: cs };
        expect(exactSize(space).count).toBe(BigInt(bruteForce(space)));
      }),
      { numRuns: 12 },
    );
  });

  it('reports an empty space as 0', () => {
    const empty = { ...tiny, constraints: [rangeConstraint('w1', 100, 200)] };
    expect(exactSize(empty)).toMatchObject({ count: 0n, text: '0' });
    expect(paperSize(empty).text).toBe('0');
  });
});
