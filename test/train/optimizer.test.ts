import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSgd } from '../../src/train/optimizer';
import { initBackend } from '../../src/train/backend';

beforeAll(async () => {
  // Also registers the gradients (tfjs-core alone has none).
  await initBackend('cpu');
});

describe('SGD with Nesterov momentum and weight decay (PyTorch semantics)', () => {
  it('matches two hand-computed steps', () => {
    // p = 1, grad 0.5, lr 0.1, momentum 0.9, wd 0.01.
    // Step 1: g = 0.51, buf = 0.51, update = 0.51 + 0.9 * 0.51 = 0.969, p = 1 - 0.0969 = 0.9031.
    // Step 2: g = 0.5 + 0.009031 = 0.509031, buf = 0.459 + 0.509031 = 0.968031,
    //         update = 0.509031 + 0.8712279 = 1.3802589, p = 0.9031 - 0.13802589 = 0.76507411.
    const p = tf.variable(tf.tensor1d([1]));
    const q = tf.variable(tf.tensor2d([[2, -2]]));
    const sgd = createSgd([p, q], { momentum: 0.9, nesterov: true, weightDecay: 0.01 });
    const gp = tf.tensor1d([0.5]);
    const gq = tf.tensor2d([[0, 0]]);
    sgd.step([gp, gq], 0.1);
    expect(p.dataSync()[0]).toBeCloseTo(0.9031, 6);
    sgd.step([gp, gq], 0.1);
    expect(p.dataSync()[0]).toBeCloseTo(0.76507411, 6);
    // q sees only weight decay: g = 0.01 q each step, so it shrinks toward 0 but keeps its shape and sign.
    expect(q.shape).toEqual([1, 2]);
    expect(q.dataSync()[0]).toBeLessThan(2);
    expect(q.dataSync()[0]).toBeGreaterThan(1.99);
    expect(q.dataSync()[1]).toBeCloseTo(-q.dataSync()[0], 6);
    sgd.dispose();
    tf.dispose([p, q, gp, gq]);
  });

  it('agrees with tf.train.momentum (Nesterov) on decayed gradients, with a changing rate', () => {
    const init = [
      tf.randomNormal([3, 3, 2, 4], 0, 1, 'float32', 1),
      tf.randomNormal([5], 0, 1, 'float32', 2),
    ];
    const mine = init.map((t) => tf.variable(t.clone()));
    const theirs = init.map((t) => tf.variable(t.clone()));
    const sgd = createSgd(mine, { momentum: 0.9, nesterov: true, weightDecay: 5e-4 });
    const ref = tf.train.momentum(0.1, 0.9, true);
    for (let s = 0; s < 4; s++) {
      const lr = 0.1 / (s + 1);
      const grads = init.map((t, i) => tf.randomNormal(t.shape, 0, 1, 'float32', 10 * s + i));
      sgd.step(grads, lr);
      ref.setLearningRate(lr);
      tf.tidy(() => {
        ref.applyGradients(
          theirs.map((v, i) => ({ name: v.name, tensor: tf.add(grads[i], tf.mul(v, 5e-4)) })),
        );
      });
      tf.dispose(grads);
    }
    mine.forEach((v, i) => {
      const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(v, theirs[i]))).dataSync()[0]);
      expect(diff).toBeLessThan(1e-5);
    });
    sgd.dispose();
    ref.dispose();
    tf.dispose([...init, ...mine, ...theirs]);
  });

  it('frees its buffer and constants on dispose', () => {
    const v = tf.variable(tf.ones([4]));
    const before = tf.memory().numTensors;
    const sgd = createSgd([v], { momentum: 0.9, nesterov: false, weightDecay: 0 });
    const g = tf.ones([4]);
    sgd.step([g], 0.5);
    g.dispose();
    sgd.dispose();
    expect(tf.memory().numTensors).toBe(before);
    // Plain momentum, no decay, buffer 0 -> 1: p = 1 - 0.5 * 1.
    expect(Array.from(v.dataSync())).toEqual([0.5, 0.5, 0.5, 0.5]);
    v.dispose();
  });
});
