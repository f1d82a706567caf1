import type { AnyNetConfig } from '../../src/space/anynet';
import { makeModelConfig } from '../../src/io/model-config';
import type { ResultRecord } from '../../src/io/results';
import type { Complexity } from '../../src/space/complexity';
import { baseChoice, DEFAULT_SWEEP, type Sweep } from '../../src/store';

/** Hand-made records for the analysis panel tests (inputs only; expected values are derived by hand). */

export const NET: AnyNetConfig = {
  stem: { type: 'cifar', width: 16 },
  stages: [
    { depth: 1, width: 16, stride: 1, bottleneckRatio: 1, groupWidth: 8 },
    { depth: 2, width: 32, stride: 2, bottleneckRatio: 1, groupWidth: 8 },
    { depth: 1, width: 64, stride: 2, bottleneckRatio: 1, groupWidth: 8 },
    { depth: 1, width: 128, stride: 2, bottleneckRatio: 1, groupWidth: 8 },
  ],
  seRatio: 0,
  head: { classes: 10 },
  input: { channels: 1, resolution: 28 },
};

export const ANYNET_DESIGN = {
  d1: 1,
  d2: 2,
  d3: 1,
  d4: 1,
  w1: 16,
  w2: 32,
  w3: 64,
  w4: 128,
  b1: 1,
  b2: 1,
  b3: 1,
  b4: 1,
  g1: 8,
  g2: 8,
  g3: 8,
  g4: 8,
};

export const REGNET_DESIGN = { d: 13, w0: 24, wa: 36.4, wm: 2.5, g: 8, b: 1 };

export interface RecordSpec {
  id: string;
  sweep?: string;
  space?: string;
  error?: number | null;
  status?: ResultRecord['status'];
  complexity?: Partial<Complexity>;
  design?: Record<string, number>;
  timings?: Partial<ResultRecord['timings']>;
}

export function record(spec: RecordSpec): ResultRecord {
  const cx: Complexity = { flops: 2e6, params: 5e4, acts: 3e4, ...spec.complexity };
  const config = makeModelConfig(NET, cx, {
    name: `model ${spec.id}`,
    space: spec.space ?? 'anynetx_a',
    design: spec.design ?? ANYNET_DESIGN,
  });
  const status = spec.status ?? 'done';
  return {
    id: spec.id,
    sweep: spec.sweep ?? 'sw-a',
    space: spec.space ?? 'anynetx_a',
    config,
    complexity: cx,
    status,
    error: spec.error === undefined ? (status === 'done' ? 0.3 : null) : spec.error,
    ...(status !== 'done' ? { message: 'loss became NaN' } : {}),
    curve: [
      { epoch: 1, trainLoss: 1.2, trainError: 0.45, testError: 0.41, lr: 0.1 },
      { epoch: 2, trainLoss: 0.8, trainError: 0.3, testError: 0.27, lr: 0.05 },
    ],
    data: {
      name: 'fashion-mnist',
      trainSize: 12000,
      testSize: 2000,
      resolution: 28,
      channels: 1,
      classes: 10,
    },
    training: { epochs: 2, warmupEpochs: 1, batchSize: 128, lr: 0.1, weightDecay: 5e-5, seed: 7 },
    backend: { name: 'webgpu', adapter: 'Test GPU' },
    timings: { wallSeconds: 10, imagesPerSec: 1000, inferenceMsPerImage: 0.1, ...spec.timings },
    finishedAt: '2025-02-01T10:00:00.000Z',
  };
}

export function sweep(id: string, name: string, baseId = 'anynetx_a', extra: Partial<Sweep> = {}): Sweep {
  return {
    id,
    name,
    space: baseChoice(baseId),
    settings: DEFAULT_SWEEP,
    createdAt: '2025-02-01T09:00:00.000Z',
    data: 'fashion-mnist',
    ...extra,
  };
}
