import type { AnyNetConfig } from '../../../src/space/anynet';
import type { DataSource, TrainJob } from '../../../src/worker/api';

// Tiny shapes: a SwiftShader WebGPU step costs ~0.1 s at 8x8 and seconds at 32x32 (TFJS.md "Measured here").

/** Two stages, grouped 3x3 convs (2 and 4 groups), a stride-2 projection block and SE: every model op on 8x8. */
export const TINY_CONFIG: AnyNetConfig = {
  stem: { type: 'cifar', width: 8 },
  stages: [
    { depth: 1, width: 8, stride: 1, bottleneckRatio: 1, groupWidth: 4 },
    { depth: 2, width: 16, stride: 2, bottleneckRatio: 1, groupWidth: 4 },
  ],
  seRatio: 0.25,
  head: { classes: 4 },
  input: { channels: 3, resolution: 8 },
};

export const TINY_DATA: DataSource = {
  kind: 'synthetic',
  trainSize: 64,
  testSize: 16,
  resolution: 8,
  channels: 3,
  classes: 4,
  seed: 3,
};

/** Three seeded SGD steps (24 images, batch 8): the same numbers on every backend up to float rounding. */
export const AGREE_JOB: TrainJob = {
  id: 'agree',
  config: TINY_CONFIG,
  options: { epochs: 1, batchSize: 8, trainSize: 24, lr: 0.1, seed: 5 },
};

/** 4 epochs of 8 steps (1 of linear warm-up, then cosine) on a learnable data set: the loss must fall. */
export const LEARN_JOB: TrainJob = {
  id: 'learn',
  config: TINY_CONFIG,
  options: { epochs: 4, batchSize: 8, lr: 0.1, seed: 5 },
};
