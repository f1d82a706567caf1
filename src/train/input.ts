import * as tf from '@tensorflow/tfjs-core';
import type { AnyNetConfig } from '../space/anynet';
import { augmentBatch, standardAugment, type AugmentOptions } from '../data/augment';
import { gatherBatch, gatherLabels } from '../data/batches';
import { channelStats, subsetDataset, type ChannelStats, type Dataset, type Split } from '../data/dataset';
import type { Rng } from '../data/random';
import type { TrainOptions } from './options';

/**
 * The trainer's view of a data set: the (sub)splits, the normalization of the full training split,
 * and batches as device tensors.
 */
export interface Input {
  train: Split;
  test: Split;
  stats: ChannelStats;
  /** A normalized batch; with an rng, augmented (standard crop with padding, and flip where the data allows). */
  batch(split: Split, indices: ArrayLike<number>, rng?: Rng): { x: tf.Tensor4D; y: tf.Tensor1D };
}

/** Stats of the full training split, computed once per data set (a pass over every byte). */
const statsCache = new WeakMap<Split, ChannelStats>();

function statsOf(data: Dataset): ChannelStats {
  let s = statsCache.get(data.train);
  if (!s) {
    s = channelStats(data);
    statsCache.set(data.train, s);
  }
  return s;
}

export function checkDataFitsConfig(cfg: AnyNetConfig, data: Dataset): void {
  const r = cfg.input.resolution;
  if (data.height !== r || data.width !== r || data.channels !== cfg.input.channels) {
    throw new Error(
      `Data set ${data.name} has ${data.height}x${data.width}x${data.channels} images but the model expects ` +
        `${r}x${r}x${cfg.input.channels}; set the config input to the data set's size.`,
    );
  }
  if (data.classes !== cfg.head.classes) {
    throw new Error(
      `Data set ${data.name} has ${data.classes} classes but the model head has ${cfg.head.classes}; ` +
        "set head.classes to the data set's class count.",
    );
  }
  if (data.train.count < 1 || data.test.count < 1)
    throw new Error(`Data set ${data.name} has an empty split.`);
}

export function prepareInput(data: Dataset, o: TrainOptions): Input {
  const stats = statsOf(data);
  const trainSize = Math.min(o.trainSize ?? data.train.count, data.train.count);
  const testSize = Math.min(o.testSize ?? data.test.count, data.test.count);
  const sub =
    trainSize < data.train.count || testSize < data.test.count
      ? subsetDataset(data, trainSize, testSize, o.subsetSeed)
      : data;
  const shape = { height: data.height, width: data.width, channels: data.channels };
  const augment: AugmentOptions = standardAugment(data);
  return {
    train: sub.train,
    test: sub.test,
    stats,
    batch(split, indices, rng) {
      const n = indices.length;
      const plain = gatherBatch(split, indices, stats.mean, stats.std);
      // Augmenting normalized floats pads with 0, i.e. the mean colour.
      const pixels = rng ? augmentBatch(plain, n, shape, augment, rng) : plain;
      return {
        x: tf.tensor4d(pixels, [n, shape.height, shape.width, shape.channels]),
        y: tf.tensor1d(gatherLabels(split, indices), 'int32'),
      };
    },
  };
}
