import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ExplicitPadding } from '../../src/train/conv-geometry';
import { initBackend } from '../../src/train/backend';
import {
  isReplacedWasmKernel,
  registerWasmTrainingKernels,
  WASM_TRAINING_KERNELS,
} from '../../src/train/wasm-kernels';
import { relativeError, seededTensor, seededValues } from './tf-test-utils';

type Pad = 'same' | 'valid' | ExplicitPadding;
type Shape4 = [number, number, number, number];

interface GradCase {
  op: 'conv2d' | 'depthwise';
  xShape: Shape4;
  filterShape: Shape4;
  stride: number;
  pad: Pad;
}

const PYCLS_1: ExplicitPadding = [
  [0, 0],
  [1, 1],
  [1, 1],
  [0, 0],
];

const CASES: GradCase[] = [
  { op: 'conv2d', xShape: [2, 7, 7, 3], filterShape: [3, 3, 3, 4], stride: 1, pad: 'same' },
  { op: 'conv2d', xShape: [2, 8, 8, 3], filterShape: [3, 3, 3, 4], stride: 2, pad: 'same' },
  { op: 'conv2d', xShape: [2, 8, 7, 3], filterShape: [3, 3, 3, 5], stride: 2, pad: PYCLS_1 },
  { op: 'conv2d', xShape: [1, 9, 9, 2], filterShape: [5, 5, 2, 3], stride: 2, pad: 'valid' },
  { op: 'conv2d', xShape: [2, 6, 6, 4], filterShape: [1, 1, 4, 6], stride: 1, pad: 'valid' },
  { op: 'conv2d', xShape: [2, 6, 6, 4], filterShape: [1, 1, 4, 6], stride: 2, pad: 'valid' },
  { op: 'depthwise', xShape: [2, 7, 7, 4], filterShape: [3, 3, 4, 1], stride: 1, pad: 'same' },
  { op: 'depthwise', xShape: [2, 8, 8, 4], filterShape: [3, 3, 4, 1], stride: 2, pad: PYCLS_1 },
  { op: 'depthwise', xShape: [1, 8, 6, 3], filterShape: [3, 3, 3, 2], stride: 2, pad: 'same' },
  { op: 'depthwise', xShape: [1, 9, 9, 2], filterShape: [5, 5, 2, 3], stride: 1, pad: 'valid' },
];

function label(c: GradCase): string {
  return `${c.op} x[${c.xShape}] f[${c.filterShape}] s${c.stride} ${JSON.stringify(c.pad)}`;
}

/** Gradients of Σ op(x, w)·sin(index) on the given backend, with the same seeded inputs everywhere. */
async function gradsOn(backend: 'cpu' | 'wasm', c: GradCase): Promise<[Float32Array, Float32Array]> {
  expect(await tf.setBackend(backend)).toBe(true);
  const tensors = tf.tidy(() => {
    const x = seededTensor(c.xShape, 5) as tf.Tensor4D;
    const w = seededTensor(c.filterShape, 6) as tf.Tensor4D;
    const f = (a: tf.Tensor, b: tf.Tensor) => {
      const y =
        c.op === 'conv2d'
          ? tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad)
          : tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad);
      return tf.sum(tf.mul(y, tf.sin(tf.reshape(tf.range(0, y.size), y.shape))));
    };
    return tf.grads(f)([x, w]);
  });
  const [dx, dw] = (await Promise.all(tensors.map((t) => t.data()))) as Float32Array[];
  tf.dispose(tensors);
  return [dx, dw];
}

describe('wasm training kernels', () => {
  beforeAll(async () => {
    await initBackend('cpu');
    await initBackend('wasm');
  });

  afterEach(async () => {
    await tf.setBackend('wasm');
  });

  it('are registered for the three kernels tfjs-backend-wasm 4.22 lacks', () => {
    for (const name of [
      'Conv2DBackpropFilter',
      'DepthwiseConv2dNativeBackpropFilter',
      'DepthwiseConv2dNativeBackpropInput',
    ]) {
      expect(tf.getKernel(name, 'wasm'), name).toBeDefined();
    }
    expect(WASM_TRAINING_KERNELS.map(([name]) => name)).toHaveLength(3);
  });

  it('registration is idempotent and silent', () => {
    const before = ['Conv2DBackpropFilter', 'Conv2DBackpropInput'].map(
      (n) => tf.getKernel(n, 'wasm')?.kernelFunc,
    );
    const warn = vi.spyOn(console, 'warn');
    registerWasmTrainingKernels();
    registerWasmTrainingKernels();
    const after = ['Conv2DBackpropFilter', 'Conv2DBackpropInput'].map(
      (n) => tf.getKernel(n, 'wasm')?.kernelFunc,
    );
    expect(after).toEqual(before);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it.each(CASES.map((c) => [label(c), c] as const))('gradients match cpu: %s', async (_, c) => {
    const [cpuDx, cpuDw] = await gradsOn('cpu', c);
    const [wasmDx, wasmDw] = await gradsOn('wasm', c);
    expect(relativeError(wasmDx, cpuDx)).toBeLessThan(1e-4);
    expect(relativeError(wasmDw, cpuDw)).toBeLessThan(1e-4);
  });

  it('run on wasm itself, not through the cpu kernels, for ordinary NHWC convolutions', async () => {
    const names = [
      'Conv2DBackpropFilter',
      'DepthwiseConv2dNativeBackpropFilter',
      'DepthwiseConv2dNativeBackpropInput',
    ];
    const saved = names.map((n) => tf.getKernel(n, 'cpu')!);
    names.forEach((n) => tf.unregisterKernel(n, 'cpu'));
    try {
      for (const c of CASES) await gradsOn('wasm', c);
    } finally {
      saved.forEach((config) => tf.registerKernel(config));
    }
  });

  it('falls back to the cpu kernel for layouts the wasm formulation does not cover', async () => {
    // Padding 3 on a 3×3 depthwise kernel: the transposed conv would need negative padding.
    const attrs = {
      strides: 1,
      pad: [
        [0, 0],
        [3, 3],
        [3, 3],
        [0, 0],
      ],
      inputShape: [1, 4, 4, 2],
      dilations: 1,
    };
    const run = async (backend: 'cpu' | 'wasm') => {
      await tf.setBackend(backend);
      const dy = seededTensor([1, 8, 8, 2], 8);
      const filter = seededTensor([3, 3, 2, 1], 9);
      const dx = tf
        .engine()
        .runKernel(tf.DepthwiseConv2dNativeBackpropInput, { dy, filter }, attrs as never) as tf.Tensor;
      const values = await dx.data();
      tf.dispose([dy, filter, dx]);
      return values;
    };
    const expected = await run('cpu');
    expect(relativeError(await run('wasm'), expected)).toBeLessThan(1e-5);
  });

  it.each([
    [false, true],
    [true, false],
    [true, true],
  ])('matMul with transposeA %s, transposeB %s equals cpu (rank 2 and batched)', async (ta, tb) => {
    const product = async (backend: 'cpu' | 'wasm', aShape: number[], bShape: number[]) => {
      await tf.setBackend(backend);
      const a = seededTensor(aShape, 21);
      const b = seededTensor(bShape, 22);
      const y = tf.matMul(a, b, ta, tb);
      const values = await y.data();
      tf.dispose([a, b, y]);
      return values;
    };
    const shapes = (m: number, k: number, n: number, batch: number[] = []) => [
      [...batch, ...(ta ? [k, m] : [m, k])],
      [...batch, ...(tb ? [n, k] : [k, n])],
    ];
    expect(isReplacedWasmKernel('BatchMatMul')).toBe(true);
    for (const [aShape, bShape] of [shapes(37, 5, 3), shapes(4, 6, 7, [3])]) {
      const before = tf.memory().numTensors;
      expect(
        relativeError(await product('wasm', aShape, bShape), await product('cpu', aShape, bShape)),
      ).toBeLessThan(1e-5);
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('leave no tensors behind', async () => {
    await gradsOn('wasm', CASES[2]);
    const before = tf.memory().numTensors;
    await gradsOn('wasm', CASES[2]);
    await gradsOn('wasm', CASES[8]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('let a small convnet (conv, depthwise s2, 1×1, dense) train on wasm', async () => {
    const vars = [
      tf.variable(tf.mul(seededTensor([3, 3, 3, 8], 11), 0.3)),
      tf.variable(tf.mul(seededTensor([3, 3, 8, 1], 12), 0.3)),
      tf.variable(tf.mul(seededTensor([1, 1, 8, 8], 13), 0.3)),
      tf.variable(tf.mul(seededTensor([8, 4], 14), 0.3)),
    ];
    const x = tf.tensor4d(seededValues(4 * 8 * 8 * 3, 15), [4, 8, 8, 3]);
    const labels = tf.oneHot(tf.tensor1d([0, 1, 2, 3], 'int32'), 4);
    const lossFn = () =>
      tf.tidy(() => {
        let h = tf.relu(tf.conv2d(x, vars[0] as tf.Tensor4D, 1, 'same'));
        h = tf.relu(tf.depthwiseConv2d(h, vars[1] as tf.Tensor4D, 2, PYCLS_1));
        h = tf.relu(tf.conv2d(h, vars[2] as tf.Tensor4D, 1, 'valid'));
        const logits = tf.matMul(tf.mean(h, [1, 2]) as tf.Tensor2D, vars[3] as tf.Tensor2D);
        return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
      });
    const optimizer = tf.train.sgd(0.5);
    const losses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const loss = optimizer.minimize(lossFn, true) as tf.Scalar;
      losses.push((await loss.data())[0]);
      loss.dispose();
    }
    expect(tf.getBackend()).toBe('wasm');
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[4]).toBeLessThan(losses[0]);
    optimizer.dispose();
    tf.dispose([...vars, x, labels]);
  });
});
