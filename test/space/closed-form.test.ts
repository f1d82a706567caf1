import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyNetConfig } from '../../src/space/anynet';
import { IMAGENET_SHAPE } from '../../src/space/anynet';
import { closedFormComplexity } from '../../src/space/closed-form';
import { adjustCompatibility } from '../../src/space/compat';
import { complexity } from '../../src/space/complexity';
import { PRESETS } from '../../src/space/presets';
import { regnetToAnyNet } from '../../src/space/regnet';

/** Any AnyNet whose stages went through group compatibility (what the sampler builds). */
const stage = fc
  .record({
    depth: fc.integer({ min: 0, max: 6 }),
    width: fc.integer({ min: 1, max: 640 }),
    bottleneckRatio: fc.constantFrom(0.5, 1, 2, 4),
    groupWidth: fc.integer({ min: 1, max: 64 }),
    stride: fc.constantFrom(1, 2),
    rounding: fc.constantFrom('pycls' as const, 'torchvision' as const),
  })
  .map(({ depth, stride, rounding, ...widths }) => ({
    depth,
    stride,
    ...adjustCompatibility(widths, rounding),
  }));

const config: fc.Arbitrary<AnyNetConfig> = fc.record({
  stem: fc.record({
    type: fc.constantFrom('imagenet' as const, 'cifar' as const),
    width: fc.integer({ min: 1, max: 64 }),
  }),
  stages: fc.array(stage, { minLength: 1, maxLength: 5 }),
  seRatio: fc.constantFrom(0, 0.25, 0.5),
  head: fc.record({ classes: fc.integer({ min: 1, max: 1000 }) }),
  input: fc.record({
    channels: fc.integer({ min: 1, max: 4 }),
    resolution: fc.integer({ min: 1, max: 256 }),
  }),
});

describe('closedFormComplexity', () => {
  it('equals complexity() (the per-block plan walker) on random networks', () => {
    fc.assert(
      fc.property(config, (cfg) => {
        expect(closedFormComplexity(cfg)).toEqual(complexity(cfg));
      }),
      { numRuns: 500 },
    );
  });

  it('reproduces the zoo complexity of all 24 presets', () => {
    for (const p of PRESETS) {
      const { config: cfg } = regnetToAnyNet(p, IMAGENET_SHAPE);
      expect(closedFormComplexity(cfg)).toEqual(complexity(cfg));
    }
  });
});
