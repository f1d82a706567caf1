import { createRng, shuffleInPlace } from './random';

/** One split of a data set: `count` images, NHWC uint8, and one label byte per image. */
export interface Split {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

export interface Dataset {
  name: string;
  height: number;
  width: number;
  channels: number;
  classes: number;
  classNames: string[];
  train: Split;
  test: Split;
  /** Whether horizontal-flip augmentation keeps the label right (true for photos and clothes, false for text). */
  hflip: boolean;
}

/** Per-channel statistics in [0, 1] pixel units (byte / 255). */
export interface ChannelStats {
  mean: number[];
  std: number[];
}

export const pixelsPerImage = (ds: Pick<Dataset, 'height' | 'width' | 'channels'>): number =>
  ds.height * ds.width * ds.channels;

/** How many images of each class a label array holds. */
export function classCounts(labels: Uint8Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of labels) counts[label]++;
  return counts;
}

/** The images at `indices`, in that order, as a new split. */
export function pickSplit(split: Split, indices: ArrayLike<number>, imageSize: number): Split {
  const images = new Uint8Array(indices.length * imageSize);
  const labels = new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const src = indices[i];
    images.set(split.images.subarray(src * imageSize, (src + 1) * imageSize), i * imageSize);
    labels[i] = split.labels[src];
  }
  return { images, labels, count: indices.length };
}

/**
 * How many images to take from each class so that the classes are as equal as the data allows: every class gets
 * `size / classes`, the remainder goes one each to the lowest classes, and the share of a class that is short goes
 * round-robin to the classes that still have images.
 */
export function balancedQuotas(available: number[], size: number): number[] {
  const quotas = available.map(() => 0);
  let left = size;
  while (left > 0) {
    const open = available.map((n, c) => (quotas[c] < n ? c : -1)).filter((c) => c >= 0);
    const share = Math.max(1, Math.floor(left / open.length));
    for (const c of open) {
      if (left === 0) break;
      const take = Math.min(share, available[c] - quotas[c], left);
      quotas[c] += take;
      left -= take;
    }
  }
  return quotas;
}

/**
 * A class-balanced (stratified), deterministic subset of `size` images: per class, a seeded random choice of its
 * images, returned in their original order.
 */
export function stratifiedIndices(
  labels: Uint8Array,
  classes: number,
  size: number,
  seed: number,
): Uint32Array {
  if (!Number.isInteger(size) || size < 0)
    throw new Error(`Subset size must be a whole number ≥ 0, got ${size}`);
  if (size > labels.length) {
    throw new Error(`Cannot take a subset of ${size} images from a split of ${labels.length}; ask for fewer`);
  }
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  labels.forEach((label, i) => byClass[label].push(i));
  const quotas = balancedQuotas(
    byClass.map((members) => members.length),
    size,
  );
  const rng = createRng(seed);
  const chosen: number[] = [];
  byClass.forEach((members, c) => chosen.push(...shuffleInPlace(members, rng).slice(0, quotas[c])));
  return Uint32Array.from(chosen).sort();
}

/** A class-balanced deterministic subset of both splits (train and test use independent streams of `seed`). */
export function subsetDataset(ds: Dataset, trainSize: number, testSize: number, seed: number): Dataset {
  const size = pixelsPerImage(ds);
  const trainIdx = stratifiedIndices(ds.train.labels, ds.classes, trainSize, seed);
  const testIdx = stratifiedIndices(ds.test.labels, ds.classes, testSize, seed + 1);
  return { ...ds, train: pickSplit(ds.train, trainIdx, size), test: pickSplit(ds.test, testIdx, size) };
}

/** Per-channel mean and (population) standard deviation over the training images, in [0, 1] units. */
export function channelStats(ds: Dataset): ChannelStats {
  const c = ds.channels;
  const sum = new Float64Array(c);
  const sumSq = new Float64Array(c);
  const { images } = ds.train;
  for (let i = 0; i < images.length; i++) {
    const v = images[i];
    sum[i % c] += v;
    sumSq[i % c] += v * v;
  }
  const n = images.length / c;
  if (n === 0) throw new Error(`${ds.name}: the training split is empty, so it has no channel statistics`);
  const mean = Array.from(sum, (s) => s / n);
  // A constant channel would divide by zero when normalizing; std = 1 (255 bytes) keeps it finite and harmless.
  const std = Array.from(sumSq, (s, k) => Math.sqrt(Math.max(0, s / n - mean[k] * mean[k])) || 255);
  return { mean: mean.map((m) => m / 255), std: std.map((s) => s / 255) };
}
