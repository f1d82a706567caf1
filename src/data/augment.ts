import type { Dataset } from './dataset';
import { randomInt, type Rng } from './random';

export interface AugmentOptions {
  /** Zero padding for the random crop, in pixels; 0 turns the crop off. */
  pad: number;
  /** Random horizontal flip with probability 1/2. */
  hflip: boolean;
}

export interface ImageShape {
  height: number;
  width: number;
  channels: number;
}

/** Augmentation is off unless asked for (tests and evaluation see the data as it is). */
export const NO_AUGMENT: AugmentOptions = { pad: 0, hflip: false };

/**
 * The standard light augmentation for a data set: pad 4 for 32-px images and larger (the usual CIFAR recipe),
 * pad 2 below (Fashion-MNIST's clothes fill most of the 28-px frame: a 4-px shift would cut off sleeves and
 * soles), pad 1 below 16 px; horizontal flips only where the data set says they keep the label.
 */
export function standardAugment(ds: Pick<Dataset, 'height' | 'width' | 'hflip'>): AugmentOptions {
  const side = Math.min(ds.height, ds.width);
  return { pad: side >= 32 ? 4 : side >= 16 ? 2 : 1, hflip: ds.hflip };
}

type Pixels = Uint8Array | Float32Array;

/** Mirrors one HWC image left-right into `out` (same length as `src`, not aliasing it). */
export function flipHorizontal<T extends Pixels>(src: T, out: T, shape: ImageShape): void {
  const { height: h, width: w, channels: c } = shape;
  for (let y = 0; y < h; y++) {
    const row = y * w * c;
    for (let x = 0; x < w; x++) {
      const from = row + (w - 1 - x) * c;
      const to = row + x * c;
      for (let k = 0; k < c; k++) out[to + k] = src[from + k];
    }
  }
}

/**
 * One HWC image, padded with zeros by `pad` on every side and cropped back to its size at (top, left) of the padded
 * image, into `out`. top = left = pad leaves it unchanged. Zero means black for bytes and the mean for normalized
 * floats.
 */
export function cropWithPadding<T extends Pixels>(
  src: T,
  out: T,
  shape: ImageShape,
  pad: number,
  top: number,
  left: number,
): void {
  const { height: h, width: w, channels: c } = shape;
  const dy = top - pad;
  const dx = left - pad;
  for (let y = 0; y < h; y++) {
    const sy = y + dy;
    for (let x = 0; x < w; x++) {
      const sx = x + dx;
      const to = (y * w + x) * c;
      const inside = sy >= 0 && sy < h && sx >= 0 && sx < w;
      const from = (sy * w + sx) * c;
      for (let k = 0; k < c; k++) out[to + k] = inside ? src[from + k] : 0;
    }
  }
}

/**
 * Augments a batch of `count` NHWC images (bytes or floats) into a new array of the same type: per image a random
 * crop of the zero-padded image, then a flip with probability 1/2 when `options.hflip`. Seeded through `rng`.
 */
export function augmentBatch<T extends Pixels>(
  batch: T,
  count: number,
  shape: ImageShape,
  options: AugmentOptions,
  rng: Rng,
): T {
  const size = shape.height * shape.width * shape.channels;
  if (batch.length !== count * size) {
    throw new Error(
      `augmentBatch: ${batch.length} values are not ${count} images of ${shape.height}×${shape.width}×${shape.channels}`,
    );
  }
  if (!Number.isInteger(options.pad) || options.pad < 0)
    throw new Error(`augmentBatch: pad must be a whole number ≥ 0, got ${options.pad}`);
  const out = batch.slice() as T;
  if (options.pad === 0 && !options.hflip) return out;
  const scratch = batch.slice(0, size) as T;
  for (let n = 0; n < count; n++) {
    const image = out.subarray(n * size, (n + 1) * size) as T;
    if (options.pad > 0) {
      const top = randomInt(rng, 2 * options.pad + 1);
      const left = randomInt(rng, 2 * options.pad + 1);
      scratch.set(image);
      cropWithPadding(scratch, image, shape, options.pad, top, left);
    }
    if (options.hflip && rng.next() < 0.5) {
      scratch.set(image);
      flipHorizontal(scratch, image, shape);
    }
  }
  return out;
}
