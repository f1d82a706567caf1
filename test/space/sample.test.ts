import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMAGENET_SHAPE, type NetworkShape } from '../../src/space/anynet';
import { adjustCompatibility } from '../../src/space/compat';
import { complexity } from '../../src/space/complexity';
import {
  bandViolation,
  INCREASING_D,
  INCREASING_W,
  quantizedLinear,
  rangeConstraint,
  SHARED_B,
  SHARED_G,
  violatedConstraints,
  type Constraint,
} from '../../src/space/constraints';
import type { AnyNetSpace, DesignSpace } from '../../src/space/design-space';
import { choiceDomain, domainLaw, domainValues, type Domain } from '../../src/space/domains';
import { lastStageIndex } from '../../src/space/propose-regnet';
import { generateRegNet, regnetToAnyNet } from '../../src/space/regnet';
import { sampleSpace, SamplingError, type SampledModel } from '../../src/space/sample';
import { childSpace, getSpace, SPACE_IDS } from '../../src/space/spaces';

const BAND = { flops: [360e6, 400e6] as [number, number] };
const CIFAR: NetworkShape = { resolution: 32, channels: 3, classes: 10, stem: 'cifar' };

const sample = (
  space: DesignSpace,
  n: number,
  seed: number,
  extra: Partial<Parameters<typeof sampleSpace>[1]> = {},
) => sampleSpace(space, { n, seed, shape: IMAGENET_SHAPE, ...extra });

const stageKeyOf = (m: SampledModel) => JSON.stringify(m.config.stages);

describe('sampleSpace: reproducibility', () => {
  it('gives the same models for the same seed and different ones for different seeds', () => {
    const A = getSpace('anynetx_a');
    const first = sample(A, 25, 7);
    expect(sample(A, 25, 7)).toEqual(first);
    expect(sample(A, 25, 8).models).not.toEqual(first.models);
    const R = getSpace('regnety');
    expect(sample(R, 10, 1)).toEqual(sample(R, 10, 1));
    expect(sample(R, 10, 1).models).not.toEqual(sample(R, 10, 2).models);
  });

  it('reports attempts and rejections that add up', () => {
    const { models, attempts, rejections } = sample(getSpace('anynetx_d'), 20, 3);
    const rejected = Object.values(rejections).reduce((a, b) => a + b, 0);
    expect(models.length + rejected).toBe(attempts);
    expect(Object.keys(rejections)).toEqual(expect.arrayContaining(['flops band 360e6–400e6']));
  });
});

describe('sampleSpace: every model belongs to its space', () => {
  it.each(SPACE_IDS)('%s (property over seeds)', (id) => {
    const space = getSpace(id);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
        const { models } = sample(space, 12, seed);
        expect(models).toHaveLength(12);
        expect(new Set(models.map(stageKeyOf)).size).toBe(12);
        for (const m of models) {
          expect(m.space).toBe(id);
          expect(violatedConstraints(space, m)).toEqual([]);
          expect(bandViolation(BAND, m.complexity)).toBeUndefined();
          expect(m.complexity).toEqual(complexity(m.config));
          expect(m.config.seRatio).toBe(space.seRatio);
          expect(m.config.stem).toEqual({ type: 'imagenet', width: 32 });
          expect(m.config.stages.every((s) => s.stride === 2)).toBe(true);
        }
      }),
      { numRuns: 4 },
    );
  });

  it('AnyNet designs hold the resolved stages, inside the domains where compatibility keeps them', () => {
    const space = getSpace('anynetx_a') as AnyNetSpace;
    for (const m of sample(space, 40, 11).models) {
      m.config.stages.forEach((s, i) => {
        expect(m.design[`d${i + 1}`]).toBe(s.depth);
        expect(m.design[`w${i + 1}`]).toBe(s.width);
        expect(m.design[`b${i + 1}`]).toBe(s.bottleneckRatio);
        expect(m.design[`g${i + 1}`]).toBe(s.groupWidth);
        expect(s.depth >= 1 && s.depth <= 16).toBe(true);
        expect([1, 2, 4]).toContain(s.bottleneckRatio);
        // Compatibility may round the width and lower g, never beyond the bottleneck width.
        expect((s.width / s.bottleneckRatio) % s.groupWidth).toBe(0);
      });
    }
  });

  it('RegNet samples have 4 stages, no skipped stage, and rebuild from their parameters', () => {
    const space = getSpace('regnetx');
    const values = Object.fromEntries(
      Object.entries(space.domains).map(([k, d]) => [k, new Set(domainValues(d))]),
    );
    for (const m of sample(space, 40, 5).models) {
      const gen = generateRegNet(m.regnet!);
      expect(gen.numStages).toBe(4);
      expect(gen.totalStages).toBe(4);
      expect(m.config.stages).toHaveLength(4);
      expect(regnetToAnyNet(m.regnet!, IMAGENET_SHAPE).config).toEqual(m.config);
      for (const [k, v] of Object.entries(m.design)) expect(values[k].has(v)).toBe(true);
      expect(m.regnet).toMatchObject({
        depth: m.design.d,
        w0: m.design.w0,
        wa: m.design.wa,
        wm: m.design.wm,
        seRatio: 0,
      });
    }
    expect(sample(getSpace('regnety'), 5, 5).models.every((m) => m.regnet!.seRatio === 0.25)).toBe(true);
  });

  it('a wanted stage count other than 4 is honoured', () => {
    const three = { ...getSpace('regnetx'), constraints: [quantizedLinear(3)] };
    for (const m of sample(three, 10, 2, { band: {} }).models)
      expect(generateRegNet(m.regnet!).numStages).toBe(3);
  });

  it('samples at CIFAR size with the band the caller gives', () => {
    const band = { flops: [5e6, 50e6] as [number, number] };
    const { models } = sampleSpace(getSpace('anynetx_e'), { n: 10, seed: 4, shape: CIFAR, band });
    for (const m of models) {
      expect(m.config.stem.type).toBe('cifar');
      expect(m.config.input.resolution).toBe(32);
      expect(m.config.head.classes).toBe(10);
      expect(bandViolation(band, complexity(m.config))).toBeUndefined();
    }
  });

  it('torchvision rounding resolves stages with torchvision compatibility', () => {
    for (const m of sample(getSpace('anynetx_c'), 10, 6, { rounding: 'torchvision' }).models) {
      expect(m.rounding).toBe('torchvision');
      for (const s of m.config.stages) expect((s.width / s.bottleneckRatio) % s.groupWidth).toBe(0);
    }
  });
});

describe('sampleSpace: range constraints and child spaces', () => {
  const narrowedFirstModels = (parent: DesignSpace, extra: Constraint[], seed: number, k: number) => {
    const child = childSpace(parent, extra);
    const parentModels = sample(parent, 150, seed).models.filter(
      (m) => violatedConstraints(child, m).length === 0,
    );
    expect(parentModels.length).toBeGreaterThanOrEqual(k);
    return { child, expected: parentModels.slice(0, k) };
  };

  it('an AnyNet child samples exactly the parent’s stream filtered by its ranges', () => {
    const { child, expected } = narrowedFirstModels(
      getSpace('anynetx_a'),
      [rangeConstraint('w4', 256, 1024)],
      12,
      15,
    );
    const got = sample(child, 15, 12).models;
    expect(got.map(stageKeyOf)).toEqual(expected.map(stageKeyOf));
    for (const m of got) expect(m.design.w4 >= 256 && m.design.w4 <= 1024).toBe(true);
  });

  it('a RegNet child samples exactly the parent’s stream filtered by its ranges', () => {
    const { child, expected } = narrowedFirstModels(
      getSpace('regnetx'),
      [rangeConstraint('wm', 2, 2.5)],
      3,
      15,
    );
    expect(sample(child, 15, 3).models.map(stageKeyOf)).toEqual(expected.map(stageKeyOf));
  });

  it('range constraints on complexity and on every stage narrow the models', () => {
    const space = childSpace(getSpace('anynetx_b'), [
      rangeConstraint('params', 0, 3e6),
      rangeConstraint('d', 1, 4),
    ]);
    for (const m of sample(space, 15, 9).models) {
      expect(m.complexity.params).toBeLessThanOrEqual(3e6);
      expect([1, 2, 3, 4].map((i) => m.design[`d${i}`]).every((d) => d <= 4)).toBe(true);
    }
  });
});

describe('sampleSpace: increasing constraints keep the law of plain rejection', () => {
  /**
   * Reference law by enumeration: independent draws from each domain law, resolved with
   * adjustCompatibility, kept when every constraint holds on the resolved design.
   */
  function referenceLaw(space: AnyNetSpace): Map<string, number> {
    const S = space.stages;
    const shared = (p: string) => space.constraints.some((c) => c.kind === 'shared' && c.param === p);
    /** Every per-stage assignment of a family with its probability. */
    const assignments = (p: 'd' | 'w' | 'b' | 'g'): { xs: number[]; p: number }[] => {
      const { values, masses } = domainLaw(space.domains[p]);
      if (shared(p)) return values.map((v, i) => ({ xs: new Array(S).fill(v), p: masses[i] }));
      return Array.from({ length: values.length ** S }, (_, i) => {
        const idx = Array.from({ length: S }, (_, k) => Math.floor(i / values.length ** k) % values.length);
        return { xs: idx.map((j) => values[j]), p: idx.reduce((a, j) => a * masses[j], 1) };
      });
    };
    const law = new Map<string, number>();
    let total = 0;
    for (const ds of assignments('d'))
      for (const ws of assignments('w'))
        for (const bs of assignments('b'))
          for (const gs of assignments('g')) {
            const stages = ds.xs.map((depth, i) => {
              const adj = adjustCompatibility({
                width: ws.xs[i],
                bottleneckRatio: bs.xs[i],
                groupWidth: gs.xs[i],
              });
              const { width, bottleneckRatio, groupWidth } = adj;
              return { depth, width, stride: space.stride, bottleneckRatio, groupWidth };
            });
            const design: Record<string, number> = {};
            stages.forEach((s, i) =>
              Object.assign(design, {
                [`d${i + 1}`]: s.depth,
                [`w${i + 1}`]: s.width,
                [`b${i + 1}`]: s.bottleneckRatio,
                [`g${i + 1}`]: s.groupWidth,
              }),
            );
            const model = { design, complexity: { flops: 0, params: 0, acts: 0 } };
            if (violatedConstraints(space, model).length) continue;
            const p = ds.p * ws.p * bs.p * gs.p;
            const key = JSON.stringify(stages);
            law.set(key, (law.get(key) ?? 0) + p);
            total += p;
          }
    for (const [k, v] of law) law.set(k, v / total);
    return law;
  }

  /**
   * Two stages. With b = 4 compatibility maps widths 40..72 to {32, 64, 64, 64, 64}, with b = 1 it keeps
   * them, so P(ordered | b1, b2) ranges from 0.52 to 0.84: a sampler that ignored that weight fails.
   */
  const tiny = (constraints: Constraint[], d: Domain): AnyNetSpace => ({
    ...(getSpace('anynetx_a') as AnyNetSpace),
    id: 'tiny',
    stages: 2,
    constraints,
    domains: { d, w: choiceDomain([40, 48, 56, 64, 72]), b: choiceDomain([1, 4]), g: choiceDomain([8]) },
  });
  const one = choiceDomain([1]);

  it.each([
    ['increasing widths, per-stage b and g (bounded envelope)', tiny([INCREASING_W], one)],
    ['increasing widths with shared b and g (exact envelope)', tiny([SHARED_B, SHARED_G, INCREASING_W], one)],
    [
      'increasing depths (log-uniform depths)',
      tiny([INCREASING_D], { dist: 'log_uniform', lo: 1, hi: 4, q: 1 }),
    ],
  ])('%s', (_, space) => {
    const law = referenceLaw(space);
    const n = 3000;
    const counts = new Map<string, number>();
    for (let seed = 0; seed < n; seed++) {
      // The first model of a seed is one independent draw from the space's law.
      const [m] = sampleSpace(space, { n: 1, seed, shape: CIFAR, band: {} }).models;
      const key = JSON.stringify(m.config.stages);
      expect(law.has(key)).toBe(true);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    // Pearson chi-square over all cells; the bound df + 6 sqrt(2 df) is far in the tail (false alarm < 1e-4).
    let chi2 = 0;
    for (const [key, p] of law) chi2 += ((counts.get(key) ?? 0) - n * p) ** 2 / (n * p);
    const df = law.size - 1;
    expect(chi2).toBeLessThan(df + 6 * Math.sqrt(2 * df));
  });
});

describe('sampleSpace: running out of attempts', () => {
  it('names the counts and the top rejecting constraint on an impossible band', () => {
    let error: unknown;
    try {
      sample(getSpace('anynetx_a'), 10, 0, { band: { flops: [1, 2] }, maxAttempts: 2000 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SamplingError);
    const e = error as SamplingError;
    expect(e.message).toBe(
      'Found 0 of 10 models after 2000 attempts; the flops band 1–2 rejected 100% of candidates. ' +
        'Widen the band or relax constraints.',
    );
    expect(e).toMatchObject({ wanted: 10, attempts: 2000, models: [], topRejection: 'flops band 1–2' });
    expect(e.rejections).toEqual({ 'flops band 1–2': 2000 });
  });

  it('keeps the models found and blames the constraint that rejected most', () => {
    const space = childSpace(getSpace('anynetx_c'), [rangeConstraint('w1', 8, 8)]);
    let error: SamplingError | undefined;
    try {
      sample(space, 500, 1, { maxAttempts: 5000 });
    } catch (e) {
      error = e as SamplingError;
    }
    expect(error).toBeInstanceOf(SamplingError);
    expect(error!.message).toMatch(
      /^Found \d+ of 500 models after 5000 attempts; the constraint "8 ≤ w1 ≤ 8" rejected \d+% of candidates\./,
    );
    expect(error!.models.length).toBeLessThan(500);
    for (const m of error!.models) expect(m.design.w1).toBe(8);
  });

  it('stops on duplicates when the space has fewer distinct models than asked for', () => {
    const two: AnyNetSpace = {
      ...(getSpace('anynetx_a') as AnyNetSpace),
      stages: 1,
      domains: { d: choiceDomain([1]), w: choiceDomain([8, 16]), b: choiceDomain([1]), g: choiceDomain([1]) },
    };
    expect(() => sampleSpace(two, { n: 3, seed: 0, shape: CIFAR, band: {}, maxAttempts: 200 })).toThrow(
      /^Found 2 of 3 models after 200 attempts; duplicates rejected 99% of candidates\. .*ask for fewer models/,
    );
  });

  it('explains bad options', () => {
    const A = getSpace('anynetx_a');
    expect(() => sample(A, 0, 0)).toThrow(/n must be a positive integer/);
    expect(() => sample(A, 5, 0.5)).toThrow(/seed must be an integer/);
    expect(() => sample(A, 5, 0, { maxAttempts: 0 })).toThrow(/maxAttempts must be a positive integer/);
    expect(() => sample(A, 5, 0, { band: { flops: [4e8, 3e8] } })).toThrow(/swap the two ends/);
    expect(() => sampleSpace(A, { n: 5, seed: 0, shape: { ...IMAGENET_SHAPE, resolution: 0 } })).toThrow(
      /shape.resolution must be a positive integer/,
    );
    expect(() => sample({ ...A, constraints: [quantizedLinear(4)] }, 5, 0)).toThrow(/RegNet spaces only/);
  });
});

describe('lastStageIndex', () => {
  it('equals generateRegNet(...).totalStages - 1 for both roundings', () => {
    fc.assert(
      fc.property(
        fc.record({
          depth: fc.integer({ min: 1, max: 64 }),
          w0: fc.integer({ min: 1, max: 64 }).map((k) => 8 * k),
          wa: fc.double({ min: 0, max: 300, noNaN: true }),
          wm: fc.double({ min: 1.01, max: 4, noNaN: true }),
        }),
        fc.constantFrom('pycls' as const, 'torchvision' as const),
        (p, rounding) => {
          expect(lastStageIndex(p, rounding)).toBe(generateRegNet(p, rounding).totalStages - 1);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
