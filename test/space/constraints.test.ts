import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandViolation,
  constraintHolds,
  constraintKey,
  constraintLabel,
  constraintProblems,
  INCREASING_D,
  INCREASING_W,
  parseConstraint,
  quantizedLinear,
  rangeConstraint,
  SHARED_B,
  SHARED_G,
  violatedConstraints,
  type Constraint,
  type ModelFacts,
} from '../../src/space/constraints';
import { findPreset } from '../../src/space/presets';
import { getSpace } from '../../src/space/spaces';

const A = getSpace('anynetx_a');
const E = getSpace('anynetx_e');
const REGNETX = getSpace('regnetx');

const anynetModel = (d: number[], w: number[], b: number[], g: number[], flops = 380e6): ModelFacts => {
  const design: Record<string, number> = {};
  d.forEach((_, i) =>
    Object.assign(design, {
      [`d${i + 1}`]: d[i],
      [`w${i + 1}`]: w[i],
      [`b${i + 1}`]: b[i],
      [`g${i + 1}`]: g[i],
    }),
  );
  return { design, complexity: { flops, params: 5e6, acts: 4e6 } };
};

const constraint: fc.Arbitrary<Constraint> = fc.oneof(
  fc.constantFrom(SHARED_B, SHARED_G, INCREASING_W, INCREASING_D),
  fc.integer({ min: 1, max: 8 }).map(quantizedLinear),
  fc
    .tuple(
      fc.constantFrom('w1', 'd4', 'g', 'wa', 'flops', 'params'),
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
    )
    // + 0 turns -0 into 0 (a key writes both as "0").
    .map(([p, a, b]) => rangeConstraint(p, Math.min(a, b) + 0, Math.max(a, b) + 0)),
);

describe('constraint keys and labels', () => {
  it('parseConstraint reads back every key exactly', () => {
    fc.assert(
      fc.property(constraint, (c) => {
        expect(parseConstraint(constraintKey(c))).toEqual(c);
      }),
    );
  });

  it('labels read as the UI chips do', () => {
    expect([SHARED_B, SHARED_G, INCREASING_W, INCREASING_D].map(constraintLabel)).toEqual([
      'shared b',
      'shared g',
      'increasing widths',
      'increasing depths',
    ]);
    expect(constraintLabel(quantizedLinear(4))).toBe('quantized linear, 4 stages');
    expect(constraintLabel(rangeConstraint('w1', 64, 256))).toBe('64 ≤ w1 ≤ 256');
    expect(constraintLabel(rangeConstraint('flops', 360e6, 400e6))).toBe('360e6 ≤ flops ≤ 400e6');
    expect(constraintLabel(rangeConstraint('g', 8, 16))).toBe('8 ≤ g ≤ 16 (every stage)');
  });

  it('accepts friendly spellings and explains unreadable ones', () => {
    expect(parseConstraint(' Shared-B ')).toEqual(SHARED_B);
    expect(parseConstraint('quantized-linear')).toEqual(quantizedLinear(4));
    expect(parseConstraint('flops=360e6..400e6')).toEqual(rangeConstraint('flops', 360e6, 400e6));
    expect(() => parseConstraint('wider please')).toThrow(
      /Cannot read the constraint 'wider please'.*w1=64\.\.256/,
    );
    expect(() => parseConstraint('w1=a..b')).toThrow(/Cannot read/);
  });
});

describe('constraintProblems', () => {
  it('accepts the paper constraints where they belong', () => {
    for (const c of [SHARED_B, SHARED_G, INCREASING_W, INCREASING_D, rangeConstraint('w3', 8, 64)]) {
      expect(constraintProblems(A, c)).toEqual([]);
    }
    expect(constraintProblems(REGNETX, quantizedLinear(4))).toEqual([]);
    expect(constraintProblems(REGNETX, rangeConstraint('wm', 2, 2.5))).toEqual([]);
  });

  it('explains misplaced or malformed constraints', () => {
    expect(constraintProblems(A, quantizedLinear(4)).join()).toMatch(/RegNet spaces only/);
    expect(constraintProblems(REGNETX, SHARED_B).join()).toMatch(/AnyNet spaces only/);
    expect(constraintProblems(A, rangeConstraint('wa', 1, 2)).join()).toMatch(/no parameter 'wa'.*w1/);
    expect(constraintProblems(A, rangeConstraint('w9', 1, 2)).join()).toMatch(/no parameter 'w9'/);
    expect(constraintProblems(A, rangeConstraint('w1', 9, 2)).join()).toMatch(/swap/);
    expect(constraintProblems(A, rangeConstraint('w1', 0, Infinity)).join()).toMatch(/finite/);
    expect(constraintProblems(A, { kind: 'shared', param: 'w' } as unknown as Constraint).join()).toMatch(
      /Only b and g/,
    );
  });
});

describe('constraintHolds on models', () => {
  const good = anynetModel([1, 2, 2, 5], [32, 64, 64, 256], [2, 2, 2, 2], [8, 8, 8, 8]);
  const bad = anynetModel([3, 2, 2, 5], [32, 24, 64, 256], [1, 2, 2, 2], [8, 8, 16, 8]);

  it('checks shared and increasing on the design record', () => {
    expect(violatedConstraints(E, good)).toEqual([]);
    expect(violatedConstraints(E, bad).map(constraintKey)).toEqual([
      'shared-b',
      'shared-g',
      'increasing-w',
      'increasing-d',
    ]);
  });

  it('checks ranges on one stage, on every stage, and on complexity', () => {
    expect(constraintHolds(A, rangeConstraint('w1', 32, 32), good)).toBe(true);
    expect(constraintHolds(A, rangeConstraint('w2', 8, 63), good)).toBe(false);
    expect(constraintHolds(A, rangeConstraint('w', 32, 256), good)).toBe(true);
    expect(constraintHolds(A, rangeConstraint('w', 33, 256), good)).toBe(false);
    expect(constraintHolds(A, rangeConstraint('flops', 360e6, 400e6), good)).toBe(true);
    expect(constraintHolds(A, rangeConstraint('flops', 390e6, 400e6), good)).toBe(false);
  });

  it('checks the RegNet stage count from the RegNet parameters', () => {
    const p = findPreset('RegNetX-200MF')!;
    const model: ModelFacts = { design: {}, complexity: { flops: 0, params: 0, acts: 0 }, regnet: p };
    expect(constraintHolds(REGNETX, quantizedLinear(4), model)).toBe(true);
    expect(constraintHolds(REGNETX, quantizedLinear(3), model)).toBe(false);
    // wa large against w0 skips stage indices (k jumps from 0 to 2): numStages != totalStages.
    const skipping = { ...model, regnet: { ...p, depth: 3, w0: 8, wa: 100, wm: 2 } };
    expect(constraintHolds(REGNETX, quantizedLinear(3), skipping)).toBe(false);
    expect(constraintHolds(REGNETX, quantizedLinear(4), { ...model, regnet: undefined })).toBe(false);
  });

  it('bandViolation names the first metric outside the band', () => {
    const cx = { flops: 380e6, params: 5e6, acts: 4e6 };
    expect(bandViolation({ flops: [360e6, 400e6] }, cx)).toBeUndefined();
    expect(bandViolation({ flops: [360e6, 400e6], params: [0, 4e6] }, cx)).toBe('params');
    expect(bandViolation({}, cx)).toBeUndefined();
  });
});
