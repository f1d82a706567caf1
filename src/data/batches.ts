import type { Split } from './dataset';
import { createRng, deriveSeed, shuffleInPlace } from './random';

export interface EpochOptions {
  seed: number;
  epoch: number;
  /** Drop the last, smaller batch (keeps batch-norm statistics away from a batch of 1). Default false. */
  dropLast?: boolean;
}

/** A seeded permutation of 0..count-1 for one epoch; each (seed, epoch) pair has its own stream. */
export function epochOrder(count: number, seed: number, epoch: number): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return shuffleInPlace(order, createRng(deriveSeed(seed, epoch)));
}

/** One epoch's shuffled index batches of `batchSize` (the last may be smaller unless dropLast). */
export function epochBatches(count: number, batchSize: number, options: EpochOptions): Uint32Array[] {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`Batch size must be a whole number ≥ 1, got ${batchSize}`);
  }
  const order = epochOrder(count, options.seed, options.epoch);
  const batches: Uint32Array[] = [];
  for (let start = 0; start < count; start += batchSize) {
    const batch = order.subarray(start, Math.min(count, start + batchSize));
    if (batch.length < batchSize && options.dropLast) break;
    batches.push(batch);
  }
  return batches;
}

/** Index batches in order, unshuffled (for evaluation). */
export function sequentialBatches(count: number, batchSize: number): Uint32Array[] {
  const batches: Uint32Array[] = [];
  for (let start = 0; start < count; start += batchSize) {
    batches.push(Uint32Array.from({ length: Math.min(batchSize, count - start) }, (_, i) => start + i));
  }
  return batches;
}

/**
 * The images at `indices` as a normalized NHWC float batch: (byte / 255 − mean[k]) / std[k] for channel k, with
 * mean and std in [0, 1] units (see channelStats). The channel count is mean.length.
 */
export function gatherBatch(
  split: Split,
  indices: ArrayLike<number>,
  mean: number[],
  std: number[],
): Float32Array {
  const c = mean.length;
  if (c === 0 || std.length !== c)
    throw new Error(
      `gatherBatch: need one mean and one std per channel, got ${mean.length} and ${std.length}`,
    );
  const size = split.count ? split.images.length / split.count : 0;
  if (size % c !== 0) throw new Error(`gatherBatch: images of ${size} bytes do not split into ${c} channels`);
  // One lookup table per channel: 256 values instead of a division per pixel.
  const lut = new Float32Array(256 * c);
  for (let k = 0; k < c; k++) for (let v = 0; v < 256; v++) lut[k * 256 + v] = (v / 255 - mean[k]) / std[k];
  const out = new Float32Array(indices.length * size);
  for (let i = 0; i < indices.length; i++) {
    const src = indices[i];
    if (!(src >= 0 && src < split.count))
      throw new Error(`gatherBatch: index ${src} is outside 0..${split.count - 1}`);
    const from = src * size;
    const to = i * size;
    for (let p = 0; p < size; p++) out[to + p] = lut[(p % c) * 256 + split.images[from + p]];
  }
  return out;
}

/** The labels at `indices`, as int32 (what tf.oneHot takes). */
export function gatherLabels(split: Split, indices: ArrayLike<number>): Int32Array {
  return Int32Array.from({ length: indices.length }, (_, i) => split.labels[indices[i]]);
}
