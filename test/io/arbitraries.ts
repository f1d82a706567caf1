import fc from 'fast-check';
import type { AnyNetConfig, Stage } from '../../src/space/anynet';
import { complexity } from '../../src/space/complexity';
import { PRESETS } from '../../src/space/presets';
import { makeModelConfig, type ModelConfigDoc } from '../../src/io/model-config';

/** Group-compatible stages by construction: width = b * g * k, so the bottleneck width g * k is a multiple of g. */
export const stageArb: fc.Arbitrary<Stage> = fc
  .record({
    depth: fc.integer({ min: 1, max: 4 }),
    k: fc.integer({ min: 1, max: 12 }),
    g: fc.constantFrom(1, 2, 4, 8, 16),
    b: fc.constantFrom(1, 2, 4),
    stride: fc.constantFrom(1, 2),
  })
  .map(({ depth, k, g, b, stride }) => ({
    depth,
    width: g * k * b,
    stride,
    bottleneckRatio: b,
    groupWidth: g,
  }));

export const anyNetArb: fc.Arbitrary<AnyNetConfig> = fc.record({
  stem: fc.record({
    type: fc.constantFrom('imagenet' as const, 'cifar' as const),
    width: fc.integer({ min: 1, max: 64 }),
  }),
  stages: fc.array(stageArb, { minLength: 1, maxLength: 5 }),
  seRatio: fc.constantFrom(0, 0.25, 0.5),
  head: fc.record({ classes: fc.integer({ min: 1, max: 1000 }) }),
  input: fc.record({ channels: fc.integer({ min: 1, max: 4 }), resolution: fc.integer({ min: 1, max: 64 }) }),
});

const designKeyArb = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/);
const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));

/** Valid model config docs (complexity computed, so they read back unchanged). */
export const modelDocArb: fc.Arbitrary<ModelConfigDoc> = fc
  .record(
    {
      network: anyNetArb,
      name: fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }),
      space: fc.constantFrom('anynetx_a', 'anynetx_e', 'regnetx'),
      design: fc.dictionary(designKeyArb, finite, { maxKeys: 6 }),
      preset: fc.constantFrom(...PRESETS),
      rounding: fc.constantFrom('pycls' as const, 'torchvision' as const),
    },
    { requiredKeys: ['network', 'rounding'] },
  )
  .map(({ network, name, space, design, preset, rounding }) => {
    const extra: Parameters<typeof makeModelConfig>[2] = { rounding };
    if (name !== undefined) extra.name = name;
    if (space !== undefined) extra.space = space;
    if (design !== undefined) extra.design = design;
    if (preset !== undefined) {
      const { depth, w0, wa, wm, groupWidth, bottleneckRatio, seRatio } = preset;
      extra.regnet = { depth, w0, wa, wm, groupWidth, bottleneckRatio, seRatio };
    }
    return makeModelConfig(network, complexity(network), extra);
  });
