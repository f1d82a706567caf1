import { IMAGENET_SHAPE, type AnyNetConfig, type NetworkShape } from '../../src/space/anynet';
import type { Rounding } from '../../src/space/compat';
import { complexity } from '../../src/space/complexity';
import { findPreset } from '../../src/space/presets';
import { regnetToAnyNet, type RegNetParams } from '../../src/space/regnet';
import { makeModelConfig, type ModelConfigDoc } from '../../src/io/model-config';
import type { ResultRecord } from '../../src/io/results';

/** A zoo preset as a model config doc (the inputs of the tests; expected values are written by hand). */
export function presetDoc(
  name: string,
  shape: NetworkShape = IMAGENET_SHAPE,
  rounding: Rounding = 'pycls',
): ModelConfigDoc {
  const preset = findPreset(name);
  if (!preset) throw new Error(`no preset ${name}`);
  const { depth, w0, wa, wm, groupWidth, bottleneckRatio, seRatio } = preset;
  const regnet: RegNetParams = { depth, w0, wa, wm, groupWidth, bottleneckRatio, seRatio };
  const { config } = regnetToAnyNet(regnet, shape, rounding);
  return makeModelConfig(config, complexity(config), { name: preset.name, regnet, rounding });
}

/** A doc whose RegNet parameters are replaced (the network stays valid): for "problems" checks. */
export function withRegNet(doc: ModelConfigDoc, change: Partial<RegNetParams>): ModelConfigDoc {
  return { ...doc, regnet: { ...doc.regnet!, ...change } };
}

/** A small CIFAR AnyNet with mixed strides, bottleneck ratios and SE. */
export const CIFAR_ANYNET: AnyNetConfig = {
  stem: { type: 'cifar', width: 16 },
  stages: [
    { depth: 1, width: 32, stride: 1, bottleneckRatio: 1, groupWidth: 8 },
    { depth: 2, width: 64, stride: 2, bottleneckRatio: 2, groupWidth: 16 },
  ],
  seRatio: 0.25,
  head: { classes: 10 },
  input: { channels: 3, resolution: 32 },
};

export const anynetDoc = (network: AnyNetConfig = CIFAR_ANYNET, name = 'tiny-anynet'): ModelConfigDoc =>
  makeModelConfig(network, complexity(network), {
    name,
    space: 'anynetx_a',
    design: { d1: 1, d2: 2, w1: 32, w2: 64 },
  });

export function sampleRecord(id: string, overrides: Partial<ResultRecord> = {}): ResultRecord {
  const config = anynetDoc();
  return {
    id,
    sweep: 'sweep-1',
    space: 'anynetx_a',
    config,
    complexity: config.complexity,
    status: 'done',
    error: 0.42,
    curve: [
      { epoch: 1, trainLoss: 2.1, trainError: 0.8, testError: 0.7, lr: 0.1 },
      { epoch: 2, trainLoss: 1.5, trainError: 0.5, lr: 0.05 },
    ],
    data: { name: 'cifar10', trainSize: 50000, testSize: 10000, resolution: 32, channels: 3, classes: 10 },
    training: { epochs: 2, warmupEpochs: 0, batchSize: 128, lr: 0.1, weightDecay: 5e-4, seed: 7 },
    backend: { name: 'webgpu', adapter: 'Test GPU' },
    timings: { wallSeconds: 12.5, imagesPerSec: 8000, inferenceMsPerImage: 0.12 },
    finishedAt: '2025-01-31T12:00:00.000Z',
    ...overrides,
  };
}
