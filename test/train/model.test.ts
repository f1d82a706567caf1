import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGENET_SHAPE, type AnyNetConfig, type Stage } from '../../src/space/anynet';
import { complexity } from '../../src/space/complexity';
import { findPreset } from '../../src/space/presets';
import { regnetToAnyNet } from '../../src/space/regnet';
import { batchNorm } from '../../src/train/batchnorm';
import { pyclsConv2d } from '../../src/train/conv';
import {
  buildModel,
  countModelParams,
  disposeModel,
  forward,
  trainableVariables,
} from '../../src/train/model';
import { initBackend } from '../../src/train/backend';

beforeAll(async () => {
  // Also registers the gradients (tfjs-core alone has none).
  await initBackend('cpu');
});

const stage = (
  depth: number,
  width: number,
  stride: number,
  bottleneckRatio = 1,
  groupWidth = width,
): Stage => ({
  depth,
  width,
  stride,
  bottleneckRatio,
  groupWidth,
});

const net = (
  stages: Stage[],
  o: {
    seRatio?: number;
    stem?: 'cifar' | 'imagenet';
    stemWidth?: number;
    resolution?: number;
    classes?: number;
  } = {},
): AnyNetConfig => ({
  stem: { type: o.stem ?? 'cifar', width: o.stemWidth ?? 8 },
  stages,
  seRatio: o.seRatio ?? 0,
  head: { classes: o.classes ?? 10 },
  input: { channels: 3, resolution: o.resolution ?? 8 },
});

describe('parameter count', () => {
  it('matches a hand count for a tiny grouped, bottlenecked Y block', () => {
    // stem 3x3x3x8 + bn 16 = 232. Block (w_in 8 -> 16, b 2 -> w_b 8, g 4 -> 2 groups, w_se round(8/4) = 2):
    // proj 8*16+32 = 160, a 8*8+16 = 80, b 9*8*4+16 = 304, SE 8*2+2 + 2*8+8 = 42, c 8*16+32 = 160.
    // Head 16*10+10 = 170. Total 232 + 746 + 170 = 1148.
    expect(countModelParams(net([stage(1, 16, 2, 2, 4)], { seRatio: 0.25 }))).toBe(1148);
  });

  it('equals RegNetX-200MF golden params (REGNET.md §4.2: 2,684,792)', () => {
    const { config } = regnetToAnyNet(findPreset('RegNetX-200MF')!, IMAGENET_SHAPE);
    expect(countModelParams(config)).toBe(2684792);
  });

  const configs: [string, AnyNetConfig][] = [
    ['X, cifar stem, identity shortcuts in depth-3 stage', net([stage(3, 8, 1), stage(2, 16, 2)])],
    ['Y with SE, squeeze from block input width', net([stage(1, 16, 2), stage(2, 24, 2)], { seRatio: 0.25 })],
    ['grouped 3x3 with g < w_b', net([stage(2, 16, 1, 1, 4), stage(1, 32, 2, 1, 8)])],
    ['bottleneck b = 2 and b = 4', net([stage(2, 16, 2, 2, 4), stage(2, 32, 2, 4, 2)], { seRatio: 0.25 })],
    [
      'imagenet stem at 16px',
      net([stage(1, 16, 2, 1, 8), stage(2, 24, 2, 1, 8)], { stem: 'imagenet', resolution: 16 }),
    ],
    [
      'non-square-free SE ratio and odd sizes',
      net([stage(2, 12, 2, 1, 4)], { seRatio: 0.25, resolution: 7, classes: 3 }),
    ],
  ];
  it.each(configs)('equals complexity(cfg).params: %s', (_name, cfg) => {
    expect(countModelParams(cfg)).toBe(complexity(cfg).params);
  });

  it('builds floor(w_b / g) groups as pycls does, and rejects widths that cannot be split, saying what to do', () => {
    // w_b 12, g 8 -> 1 group of 12 (valid in PyTorch); w_b 20, g 6 -> 3 groups of 20 / 3 (invalid); g > w_b -> 0 groups.
    const cfg = net([stage(1, 12, 1, 1, 8)]);
    expect(countModelParams(cfg)).toBe(complexity(cfg).params);
    expect(() => countModelParams(net([stage(1, 20, 1, 1, 6)]))).toThrow(
      /into 3 groups.*adjustCompatibility/,
    );
    expect(() => countModelParams(net([stage(1, 8, 1, 1, 16)]))).toThrow(/into 0 groups/);
  });
});

describe('forward', () => {
  it('gives [N, classes] logits; the imagenet stem halves 16px and each stride-2 stage halves again', () => {
    const cfg = net([stage(1, 8, 2, 1, 4), stage(1, 16, 2, 1, 8)], {
      stem: 'imagenet',
      resolution: 16,
      seRatio: 0.25,
      classes: 5,
    });
    const m = buildModel(cfg, 1);
    expect(m.plan.blocks.map((b) => b.hOut)).toEqual([4, 2]);
    const before = tf.memory().numTensors;
    const out = tf.tidy(() => forward(m, tf.ones([3, 16, 16, 3]), true));
    expect(out.shape).toEqual([3, 5]);
    expect(Array.from(out.dataSync()).every(Number.isFinite)).toBe(true);
    out.dispose();
    expect(tf.memory().numTensors).toBe(before);
    disposeModel(m);
  });

  it('rejects a batch whose size does not match the config', () => {
    const m = buildModel(net([stage(1, 8, 1)]));
    expect(() => tf.tidy(() => forward(m, tf.zeros([1, 12, 12, 3]), false))).toThrow(/expects 8x8x3/);
    disposeModel(m);
  });

  it('in eval mode is per-sample (batch-independent) and leaves running stats alone; training mode is not', () => {
    const m = buildModel(net([stage(1, 8, 2, 1, 4)], { seRatio: 0.25 }), 3);
    const x = tf.randomNormal([4, 8, 8, 3], 0, 1, 'float32', 7) as tf.Tensor4D;
    const first = (t: tf.Tensor4D) => tf.slice(t, [0, 0, 0, 0], [1, 8, 8, 3]);
    const stats = () => m.byName.get('s1.b1.bn_b.mean')!.dataSync().slice();
    const s0 = stats();
    const firstRow = (t: tf.Tensor2D) => tf.slice(t, [0, 0], [1, 10]).dataSync();
    const evalAll = tf.tidy(() => firstRow(forward(m, x, false)));
    const evalOne = tf.tidy(() => forward(m, first(x), false).dataSync());
    Array.from(evalOne).forEach((v, i) => expect(v).toBeCloseTo(evalAll[i], 5));
    expect(stats()).toEqual(s0);
    const noUpdate = { training: true, updateStats: false };
    const trainAll = tf.tidy(() => firstRow(forward(m, x, noUpdate)));
    const trainTwo = tf.tidy(() => firstRow(forward(m, tf.slice(x, [0, 0, 0, 0], [2, 8, 8, 3]), noUpdate)));
    expect(Math.max(...Array.from(trainAll).map((v, i) => Math.abs(v - trainTwo[i])))).toBeGreaterThan(1e-4);
    expect(stats()).toEqual(s0);
    tf.tidy(() => forward(m, x, true));
    expect(Array.from(stats())).not.toEqual(Array.from(s0));
    x.dispose();
    disposeModel(m);
  });

  it('has a gradient for every trainable variable', () => {
    // SE squeezes of 4 and 8 units, so a gradient that is zero by a dead ReLU is unlikely.
    const m = buildModel(
      net([stage(1, 16, 2, 2, 4), stage(2, 32, 2, 1, 8)], { seRatio: 0.25, stemWidth: 16 }),
      5,
    );
    const vars = trainableVariables(m);
    tf.tidy(() => {
      const x = tf.randomNormal([2, 8, 8, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
      const { grads } = tf.variableGrads(() => tf.sum(tf.square(forward(m, x, true))), vars);
      for (const v of vars) {
        const g = grads[v.name];
        expect(g, `gradient for ${v.name}`).toBeDefined();
        expect(tf.max(tf.abs(g)).dataSync()[0], `gradient for ${v.name}`).toBeGreaterThan(0);
      }
    });
    disposeModel(m);
  });
});

describe('initialization (REGNET.md §1.3)', () => {
  const m = () =>
    buildModel(net([stage(1, 64, 1, 1, 16), stage(1, 96, 2, 1, 16)], { seRatio: 0.25, classes: 100 }), 11);

  it('draws conv weights from N(0, sqrt(2 / (k*k*out))) ignoring groups, linear from N(0, 0.01), SE biases U(+-1/sqrt(fan_in))', () => {
    const model = m();
    const std = (name: string) => {
      const v = Array.from(model.byName.get(name)!.dataSync());
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      return { mean, std: Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length) };
    };
    // conv_b of stage 2: 3x3, 96 out, 6 groups -> fan_out 864 (not 864 / 6).
    const b = std('s2.b1.conv_b.w');
    expect(b.std / Math.sqrt(2 / (9 * 96))).toBeCloseTo(1, 1);
    expect(Math.abs(b.mean)).toBeLessThan(0.01);
    const a = std('s1.b1.conv_a.w');
    expect(a.std / Math.sqrt(2 / 64)).toBeCloseTo(1, 1);
    expect(std('head.fc.w').std / 0.01).toBeCloseTo(1, 1);
    // SE reduce of stage 2 block 1: input w_b = 96, w_se = round(64 * 0.25) = 16.
    expect(model.byName.get('s2.b1.se.reduce.w')!.shape).toEqual([1, 1, 96, 16]);
    const bias = Array.from(model.byName.get('s2.b1.se.reduce.b')!.dataSync());
    expect(Math.max(...bias.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(96));
    expect(Math.max(...bias.map(Math.abs))).toBeGreaterThan(0);
    expect(Array.from(model.byName.get('head.fc.b')!.dataSync()).every((v) => v === 0)).toBe(true);
    expect(Array.from(model.byName.get('s1.b1.bn_c.gamma')!.dataSync()).every((v) => v === 1)).toBe(true);
    expect(Array.from(model.byName.get('s1.b1.bn_c.beta')!.dataSync()).every((v) => v === 0)).toBe(true);
    expect(Array.from(model.byName.get('s1.b1.bn_c.var')!.dataSync()).every((v) => v === 1)).toBe(true);
    disposeModel(model);
  });

  it('is reproducible from the seed and differs between seeds', () => {
    const flat = (seed: number) => {
      const model = buildModel(net([stage(1, 8, 1, 1, 4)], { seRatio: 0.25 }), seed);
      const values = model.params.map((p) => Array.from(p.variable.dataSync()));
      disposeModel(model);
      return values;
    };
    expect(flat(42)).toEqual(flat(42));
    expect(flat(42)).not.toEqual(flat(43));
  });
});

describe('batch norm', () => {
  // x = [1, 2, 3, 4] over one channel: batch mean 2.5, biased var 1.25, unbiased var 5/3.
  const weights = () => ({
    gamma: tf.variable(tf.tensor1d([2])),
    beta: tf.variable(tf.tensor1d([1])),
    mean: tf.variable(tf.tensor1d([0]), false),
    variance: tf.variable(tf.tensor1d([1]), false),
  });
  const x = () => tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);

  it('normalizes with batch statistics in training and moves running stats by momentum 0.1 (unbiased var)', () => {
    const w = weights();
    const y = tf.tidy(() => batchNorm(x(), w, { training: true }));
    const expected = [1, 2, 3, 4].map((v) => (2 * (v - 2.5)) / Math.sqrt(1.25 + 1e-5) + 1);
    Array.from(y.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
    expect(w.mean.dataSync()[0]).toBeCloseTo(0.25, 6);
    expect(w.variance.dataSync()[0]).toBeCloseTo(0.9 + 0.1 * (5 / 3), 6);
    y.dispose();
    Object.values(w).forEach((v) => v.dispose());
  });

  it('has the gradients of the textbook formula (autodiff through tf.moments) for x, gamma and beta', () => {
    tf.tidy(() => {
      const x = tf.randomNormal([3, 4, 5, 6], 2, 3, 'float32', 1) as tf.Tensor4D;
      const dy = tf.randomNormal([3, 4, 5, 6], 0, 1, 'float32', 2);
      const gamma = tf.randomNormal([6], 1, 0.5, 'float32', 3);
      const beta = tf.randomNormal([6], 0, 0.5, 'float32', 4);
      const stats = { mean: tf.variable(tf.zeros([6]), false), variance: tf.variable(tf.ones([6]), false) };
      const textbook = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
        const { mean, variance } = tf.moments(a, [0, 1, 2]);
        return tf.add(tf.mul(tf.div(tf.sub(a, mean), tf.sqrt(tf.add(variance, 1e-5))), g), b);
      };
      const mine = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
        batchNorm(
          a as tf.Tensor4D,
          { ...stats, gamma: g as tf.Variable, beta: b as tf.Variable },
          { training: true },
        );
      const loss = (f: typeof textbook) => (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(f(a, g, b), dy));
      const maxDiff = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0];
      expect(maxDiff(mine(x, gamma, beta), textbook(x, gamma, beta))).toBeLessThan(1e-5);
      const got = tf.grads(loss(mine))([x, gamma, beta]);
      const want = tf.grads(loss(textbook))([x, gamma, beta]);
      got.forEach((g, i) => expect(maxDiff(g, want[i])).toBeLessThan(1e-4));
      stats.mean.dispose();
      stats.variance.dispose();
    });
  });

  it('normalizes with running statistics in eval and does not update them', () => {
    const w = weights();
    w.mean.assign(tf.tensor1d([0.25]));
    w.variance.assign(tf.tensor1d([1.5]));
    const y = tf.tidy(() => batchNorm(x(), w, { training: false }));
    const expected = [1, 2, 3, 4].map((v) => (2 * (v - 0.25)) / Math.sqrt(1.5 + 1e-5) + 1);
    Array.from(y.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
    expect(w.mean.dataSync()[0]).toBeCloseTo(0.25, 7);
    expect(w.variance.dataSync()[0]).toBeCloseTo(1.5, 7);
    y.dispose();
    Object.values(w).forEach((v) => v.dispose());
  });
});

describe('pyclsConv2d', () => {
  it('pads 3x3 convs symmetrically like pycls: a stride-2 window is centred on even pixels', () => {
    // 4x4 input with a 1 at (2, 2), 3x3 ones filter, stride 2. pycls windows are centred on rows/cols 0 and 2,
    // so only output (1, 1) sees the pixel; tfjs 'same' (windows centred on 1 and 3) would light all four.
    const x = tf.tensor4d(
      Array.from({ length: 16 }, (_, i) => (i === 10 ? 1 : 0)),
      [1, 4, 4, 1],
    );
    const y = tf.tidy(() => pyclsConv2d(x, tf.ones([3, 3, 1, 1]), 2));
    expect(y.shape).toEqual([1, 2, 2, 1]);
    expect(Array.from(y.dataSync())).toEqual([0, 0, 0, 1]);
    tf.dispose([x, y]);
  });

  it.each([
    [8, 8, 1],
    [8, 8, 2],
    [7, 6, 2],
    [5, 5, 1],
  ])('runs 1x1 convs as matMul with the values and gradients of tf.conv2d (%ix%i, stride %i)', (h, w, s) => {
    tf.tidy(() => {
      const x = tf.randomNormal([2, h, w, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
      const f = tf.randomNormal([1, 1, 3, 5], 0, 1, 'float32', 2) as tf.Tensor4D;
      const dy = tf.randomNormal([2, Math.ceil(h / s), Math.ceil(w / s), 5], 0, 1, 'float32', 3);
      const loss = (conv: (a: tf.Tensor4D, b: tf.Tensor4D) => tf.Tensor4D) => (a: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(conv(a as tf.Tensor4D, b as tf.Tensor4D), dy));
      const mine = tf.grads(loss((a, b) => pyclsConv2d(a, b, s)))([x, f]);
      const ref = tf.grads(loss((a, b) => tf.conv2d(a, b, s, 'valid')))([x, f]);
      const maxDiff = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0];
      expect(maxDiff(pyclsConv2d(x, f, s), tf.conv2d(x, f, s, 'valid'))).toBeLessThan(1e-5);
      expect(maxDiff(mine[0], ref[0])).toBeLessThan(1e-5);
      expect(maxDiff(mine[1], ref[1])).toBeLessThan(1e-4);
    });
  });
});
