import type { Dataset, Split } from './dataset';
import { createRng, deriveSeed, randomNormal, type Rng } from './random';

export interface SyntheticOptions {
  trainSize?: number;
  testSize?: number;
  height?: number;
  width?: number;
  channels?: number;
  classes?: number;
  seed?: number;
  /** Standard deviation of the pixel noise, in bytes. */
  noise?: number;
}

export const SYNTHETIC_DEFAULTS: Required<SyntheticOptions> = {
  trainSize: 1000,
  testSize: 200,
  height: 16,
  width: 16,
  channels: 1,
  classes: 10,
  seed: 0,
  noise: 24,
};

/**
 * Class c is a stripe grating: one of ceil(classes/2) orientations, coarse for the first half of the classes
 * and fine for the second, with a per-class colour tint when there are 3 channels. Each image has a random
 * phase, a small random tilt, a random contrast and Gaussian noise. Orientation and frequency survive global
 * average pooling after a few convolutions, so small CNNs learn it quickly; flips turn one class into another,
 * so hflip is false.
 */
function classPattern(c: number, classes: number, side: number) {
  const angles = Math.ceil(classes / 2);
  const angle = (Math.PI * (c % angles)) / angles;
  const period = c < angles ? side / 2.5 : side / 5;
  return { angle, period };
}

function renderImage(
  out: Uint8Array,
  offset: number,
  c: number,
  o: Required<SyntheticOptions>,
  rng: Rng,
): void {
  const { angle, period } = classPattern(c, o.classes, Math.min(o.height, o.width));
  const tilt = angle + (rng.next() - 0.5) * (Math.PI / (4 * Math.ceil(o.classes / 2)));
  const phase = rng.next() * 2 * Math.PI;
  const contrast = 60 + rng.next() * 50;
  const [dx, dy] = [Math.cos(tilt), Math.sin(tilt)];
  let i = offset;
  for (let y = 0; y < o.height; y++) {
    for (let x = 0; x < o.width; x++) {
      const wave = Math.cos((2 * Math.PI * (x * dx + y * dy)) / period + phase);
      for (let k = 0; k < o.channels; k++) {
        const tint = o.channels === 3 ? 0.7 + 0.3 * Math.cos(2 * Math.PI * (c / o.classes + k / 3)) : 1;
        const v = 128 + tint * contrast * wave + o.noise * randomNormal(rng);
        out[i++] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
      }
    }
  }
}

function makeSplit(count: number, o: Required<SyntheticOptions>, rng: Rng): Split {
  const size = o.height * o.width * o.channels;
  const images = new Uint8Array(count * size);
  const labels = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    labels[n] = n % o.classes; // balanced: counts differ by at most one
    renderImage(images, n * size, labels[n], o, rng);
  }
  return { images, labels, count };
}

/** A seeded, learnable synthetic data set for fast tests: the same options give the same bytes. */
export function syntheticDataset(options: SyntheticOptions = {}): Dataset {
  const o = { ...SYNTHETIC_DEFAULTS, ...options };
  const whole = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;
  const checks: [keyof SyntheticOptions, number, number][] = [
    ['trainSize', 1, 1e6],
    ['testSize', 1, 1e6],
    ['height', 2, 512],
    ['width', 2, 512],
    ['channels', 1, 4],
    ['classes', 2, 256],
  ];
  for (const [key, min, max] of checks) {
    if (!whole(o[key], min, max))
      throw new Error(`synthetic data: ${key} must be a whole number in ${min}..${max}, got ${o[key]}`);
  }
  if (!(o.noise >= 0)) throw new Error(`synthetic data: noise must be ≥ 0, got ${o.noise}`);
  return {
    name: 'synthetic',
    height: o.height,
    width: o.width,
    channels: o.channels,
    classes: o.classes,
    classNames: Array.from({ length: o.classes }, (_, c) => `pattern ${c}`),
    train: makeSplit(o.trainSize, o, createRng(deriveSeed(o.seed, 0))),
    test: makeSplit(o.testSize, o, createRng(deriveSeed(o.seed, 1))),
    hflip: false,
  };
}
