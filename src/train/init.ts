import * as tf from '@tensorflow/tfjs-core';

/**
 * Parameter initializers as pycls init_weights (REGNET.md §1.3). Every random draw takes an explicit
 * seed, so the same run seed gives the same weights on every backend (tfjs draws seeded randoms in JS).
 */
export type Init =
  { kind: 'normal'; std: number } | { kind: 'uniform'; bound: number } | { kind: 'constant'; value: number };

/** Conv weights: N(0, sqrt(2 / fan_out)) with fan_out = k*k*out_channels, NOT divided by groups. */
export const convInit = (kernel: number, outChannels: number): Init => ({
  kind: 'normal',
  std: Math.sqrt(2 / (kernel * kernel * outChannels)),
});

/** Linear weights: N(0, 0.01). */
export const linearInit: Init = { kind: 'normal', std: 0.01 };

/** PyTorch's default conv/linear bias init U(-1/sqrt(fan_in), 1/sqrt(fan_in)); pycls leaves SE biases so. */
export const defaultBiasInit = (fanIn: number): Init => ({ kind: 'uniform', bound: 1 / Math.sqrt(fanIn) });

export const constantInit = (value: number): Init => ({ kind: 'constant', value });

export function initTensor(shape: number[], init: Init, seed: number): tf.Tensor {
  switch (init.kind) {
    case 'normal':
      return tf.randomNormal(shape, 0, init.std, 'float32', seed);
    case 'uniform':
      return tf.randomUniform(shape, -init.bound, init.bound, 'float32', seed);
    case 'constant':
      return tf.fill(shape, init.value, 'float32');
  }
}
