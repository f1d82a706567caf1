import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../src/data/synthetic';
import type { AnyNetConfig } from '../../src/space/anynet';
import { complexity } from '../../src/space/complexity';
import { trainModel, type ProgressEvent, type TrainResult } from '../../src/train/trainer';
import { initBackend } from '../../src/train/backend';

// Tiny shapes: the tfjs cpu backend in Node needs ~0.1-0.3 s per step even for these.
const data = syntheticDataset({
  trainSize: 128,
  testSize: 48,
  height: 8,
  width: 8,
  channels: 3,
  classes: 4,
  seed: 1,
});

const cfg = (o: { seRatio?: number; groupWidth?: number } = {}): AnyNetConfig => ({
  stem: { type: 'cifar', width: 8 },
  stages: [{ depth: 1, width: 16, stride: 2, bottleneckRatio: 1, groupWidth: o.groupWidth ?? 8 }],
  seRatio: o.seRatio ?? 0,
  head: { classes: 4 },
  input: { channels: 3, resolution: 8 },
});

/** One epoch over 64 images in batches of 16: 4 steps. */
const short = { epochs: 1, batchSize: 16, trainSize: 64, testSize: 32 };

beforeAll(async () => {
  // Also registers the gradients (tfjs-core alone has none).
  await initBackend('cpu');
});

describe('trainModel', () => {
  let reference: TrainResult;
  const events: ProgressEvent[] = [];
  let tensorsBefore = 0;

  beforeAll(async () => {
    tensorsBefore = tf.memory().numTensors;
    reference = await trainModel(
      cfg({ seRatio: 0.25 }),
      data,
      { ...short, epochs: 2, seed: 7, syncEvery: 3 },
      { onProgress: (e) => events.push(e) },
    );
  });

  it('reports every output of a finished run', () => {
    const r = reference;
    expect(r.status).toBe('done');
    expect(r.steps).toBe(8); // 2 epochs x 64 / 16
    expect(r.curve.map((p) => p.epoch)).toEqual([1, 2]);
    expect(r.curve[0].testError).toBeUndefined(); // only the last epoch is evaluated by default
    expect(r.curve[1].testError).toBe(r.testError);
    // 32 test images: the error is a multiple of 100 / 32 percent.
    expect(r.testError! * 0.32 - Math.round(r.testError! * 0.32)).toBeCloseTo(0, 9);
    expect(r.testError).toBeGreaterThanOrEqual(0);
    expect(r.testError).toBeLessThanOrEqual(100);
    for (const p of r.curve) {
      expect(Number.isFinite(p.trainLoss)).toBe(true);
      expect(p.trainError).toBeGreaterThanOrEqual(0);
      expect(p.trainError).toBeLessThanOrEqual(100);
    }
    expect(r.curve[1].lr).toBeLessThan(0.02); // end of the cosine (base 0.1 * 16 / 128 = 0.0125)
    expect(r.imagesPerSec).toBeGreaterThan(0);
    expect(r.inferenceMsPerImage).toBeGreaterThan(0);
    expect(r.wallSeconds).toBeGreaterThan(0);
    expect(r.backend.name).toBe('cpu');
    expect(r.peakTensors).toBeGreaterThan(0);
    expect(r.peakBytes).toBeGreaterThan(0);
    expect(r.peakGpuBytes).toBeNull();
    expect(r.params).toBe(complexity(cfg({ seRatio: 0.25 })).params);
  });

  it('leaves no tensors behind', () => {
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('emits a step event per step, loss events at syncs and epoch ends, and eval and epoch events', () => {
    const steps = events.filter((e) => e.type === 'step');
    expect(steps.map((e) => e.type === 'step' && e.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // After step 1 (kernel compilation, kept out of the throughput), then syncEvery 3 counted from there,
    // and at epoch ends (4 steps each): 1, 4, 7, 8.
    const losses = events.filter((e) => e.type === 'loss');
    expect(losses.map((e) => e.type === 'loss' && e.step)).toEqual([1, 4, 7, 8]);
    expect(events.filter((e) => e.type === 'epoch')).toHaveLength(2);
    const evals = events.filter((e) => e.type === 'eval');
    expect(evals.length).toBeGreaterThan(0);
    expect(events.indexOf(evals[0])).toBeGreaterThan(events.indexOf(losses[3]));
    // Warm-up is one third of the 2 epochs; 8 steps -> round(4 * 2/3) = 3 steps from 0.1 * lr.
    expect(steps[0].type === 'step' && steps[0].lr).toBeCloseTo(0.00125, 9);
  });

  it('is reproducible on the cpu backend: same seed, same curve; another seed, another curve', async () => {
    const again = await trainModel(cfg({ seRatio: 0.25 }), data, {
      ...short,
      epochs: 2,
      seed: 7,
      syncEvery: 3,
    });
    expect(again.curve).toEqual(reference.curve);
    expect(again.testError).toBe(reference.testError);
    const other = await trainModel(cfg({ seRatio: 0.25 }), data, {
      ...short,
      epochs: 2,
      seed: 8,
      syncEvery: 3,
    });
    expect(other.curve.map((p) => p.trainLoss)).not.toEqual(reference.curve.map((p) => p.trainLoss));
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});

describe('trainModel outcomes', () => {
  it('learns an easy task: the training loss falls and the test error beats chance (75%)', async () => {
    const r = await trainModel(cfg(), data, { epochs: 3, batchSize: 16, lr: 0.2, seed: 3 });
    expect(r.status).toBe('done');
    expect(r.curve[2].trainLoss).toBeLessThan(0.6 * r.curve[0].trainLoss);
    expect(r.testError).toBeLessThan(40);
  });

  it('ends a run whose loss explodes as diverged, without throwing or leaking', async () => {
    const before = tf.memory().numTensors;
    const r = await trainModel(cfg(), data, {
      epochs: 3,
      batchSize: 16,
      trainSize: 64,
      lr: 1e6,
      seed: 1,
      syncEvery: 1,
    });
    expect(r.status).toBe('diverged');
    expect(r.message).toMatch(/Loss became (NaN|Infinity|-Infinity)/);
    expect(r.testError).toBeNull();
    expect(r.inferenceMsPerImage).toBeNull();
    expect(r.steps).toBeLessThan(12);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops when asked, as cancelled, and keeps the tensor count over several models', async () => {
    const before = tf.memory().numTensors;
    let polls = 0;
    const r = await trainModel(
      cfg({ groupWidth: 4 }),
      data,
      { ...short, augment: true, seed: 2 },
      {
        shouldStop: () => ++polls > 2,
        yieldEvery: () => new Promise((resolve) => setTimeout(resolve, 0)),
      },
    );
    expect(r.status).toBe('cancelled');
    expect(r.steps).toBe(2);
    expect(r.testError).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
    const augmented = await trainModel(cfg({ groupWidth: 4 }), data, { ...short, augment: true, seed: 2 });
    const plain = await trainModel(cfg({ groupWidth: 4 }), data, { ...short, augment: false, seed: 2 });
    expect(augmented.status).toBe('done');
    expect(augmented.curve[0].trainLoss).not.toBe(plain.curve[0].trainLoss);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects data that does not fit the config, and bad options, before training', async () => {
    const wrongSize = { ...cfg(), input: { channels: 3, resolution: 12 } };
    await expect(trainModel(wrongSize, data, short)).rejects.toThrow(
      /8x8x3 images but the model expects 12x12x3/,
    );
    const wrongClasses = { ...cfg(), head: { classes: 10 } };
    await expect(trainModel(wrongClasses, data, short)).rejects.toThrow(
      /4 classes but the model head has 10/,
    );
    await expect(trainModel(cfg(), data, { ...short, epochs: -1 })).rejects.toThrow(/epochs/);
  });
});
