import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../src/data/synthetic';
import type { AnyNetConfig } from '../../src/space/anynet';
import { planNetwork } from '../../src/space/plan';
import { initBackend } from '../../src/train/backend';
import { buildModel, disposeModel } from '../../src/train/model';
import { paramSpecs } from '../../src/train/params';
import { trainModel } from '../../src/train/trainer';
import { weightsManifest } from '../../src/ui/run/weights';
import { createWeightsSnapshot } from '../../src/worker/weights-snapshot';

const data = syntheticDataset({
  trainSize: 64,
  testSize: 16,
  height: 8,
  width: 8,
  channels: 1,
  classes: 3,
  seed: 2,
});
const cfg: AnyNetConfig = {
  stem: { type: 'cifar', width: 8 },
  stages: [{ depth: 1, width: 8, stride: 2, bottleneckRatio: 1, groupWidth: 8 }],
  seRatio: 0,
  head: { classes: 3 },
  input: { channels: 1, resolution: 8 },
};

beforeAll(async () => {
  await initBackend('cpu');
});

describe('trained weights from the worker', () => {
  it('are the model variables at the end of training, named by paramSpecs, with no tensor left behind', async () => {
    const before = tf.memory().numTensors;
    const snapshot = createWeightsSnapshot(cfg);
    const result = await trainModel(
      cfg,
      data,
      { epochs: 1, batchSize: 16, seed: 3 },
      {
        onProgress: (e) => {
          if (e.type === 'epoch') snapshot.take();
        },
      },
    );
    expect(result.status).toBe('done');
    const weights = await snapshot.encode();
    expect(tf.memory().numTensors).toBe(before);
    const specs = paramSpecs(planNetwork(cfg));
    expect(weights?.weightSpecs.map((w) => [w.name, w.shape])).toEqual(specs.map((s) => [s.name, s.shape]));
    const floats = specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);
    expect(weights?.weightData.byteLength).toBe(4 * floats);

    // Training moved the head away from its initial value (same seed, same init).
    const decoded = tf.io.decodeWeights(
      weights!.weightData,
      weights!.weightSpecs as tf.io.WeightsManifestEntry[],
    );
    const init = buildModel(cfg, 3);
    const diff = tf.tidy(
      () => tf.sub(decoded['head.fc.w'], init.byName.get('head.fc.w')!).abs().max().dataSync()[0],
    );
    expect(diff).toBeGreaterThan(0);
    disposeModel(init);
    tf.dispose(Object.values(decoded));
    expect(tf.memory().numTensors).toBe(before);

    expect(weightsManifest(weights!).weightsManifest[0]).toEqual({
      paths: ['weights.bin'],
      weights: weights!.weightSpecs,
    });
  });

  it('a run that never reaches its last epoch keeps nothing', async () => {
    const before = tf.memory().numTensors;
    const snapshot = createWeightsSnapshot(cfg);
    await trainModel(cfg, data, { epochs: 1, batchSize: 16 }, { shouldStop: () => true });
    expect(await snapshot.encode()).toBeUndefined();
    expect(tf.memory().numTensors).toBe(before);
  });
});
