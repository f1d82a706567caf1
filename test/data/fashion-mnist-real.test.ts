import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_NAME } from '../../src/data/builtin';
import { classCounts, type Dataset } from '../../src/data/dataset';
import { DEFAULT_FASHION_MNIST_DIR, loadDataSpec } from '../../src/data/load-node';

/** Two independent 32-bit FNV-1a-style hashes of an image: collisions among 70,000 images are negligible. */
function imageHash(pixels: Uint8Array): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i];
    h1 = Math.imul(h1 ^ v, 0x01000193);
    h2 = Math.imul(h2 ^ v, 0x5bd1e995) + 0x6b43a9b5;
  }
  return `${h1 >>> 0}:${h2 >>> 0}`;
}

// Facts from the Fashion-MNIST README: 60,000 train and 10,000 test 28×28 images, 10 classes, 6,000 / 1,000 each.
describe('real Fashion-MNIST (Debian dataset-fashion-mnist) and the built-in subset', () => {
  let full: Dataset;
  let builtin: Dataset;
  beforeAll(async () => {
    [full, builtin] = await Promise.all([loadDataSpec('fashion-mnist'), loadDataSpec('builtin')]);
  });

  it(`loads ${DEFAULT_FASHION_MNIST_DIR}: 60000/10000 images of 28×28, 6000 and 1000 per class`, () => {
    expect([full.train.count, full.test.count, full.height, full.width, full.channels]).toEqual([
      60000, 10000, 28, 28, 1,
    ]);
    expect(full.train.images.length).toBe(60000 * 784);
    expect(classCounts(full.train.labels, 10)).toEqual(new Array(10).fill(6000));
    expect(classCounts(full.test.labels, 10)).toEqual(new Array(10).fill(1000));
    expect(Math.max(...full.train.labels)).toBe(9);
    expect(full.hflip).toBe(true);
  });

  it('ships a 12000/2000 subset with 1200 and 200 per class', () => {
    expect(builtin.name).toBe(BUILTIN_NAME);
    expect([builtin.train.count, builtin.test.count, builtin.height, builtin.width]).toEqual([
      12000, 2000, 28, 28,
    ]);
    expect(classCounts(builtin.train.labels, 10)).toEqual(new Array(10).fill(1200));
    expect(classCounts(builtin.test.labels, 10)).toEqual(new Array(10).fill(200));
  });

  it('takes every built-in image, with its label, from the matching real split and never twice', () => {
    for (const [sub, real] of [
      [builtin.train, full.train],
      [builtin.test, full.test],
    ]) {
      const key = (s: typeof sub, i: number) => imageHash(s.images.subarray(i * 784, (i + 1) * 784));
      const realLabels = new Map<string, Set<number>>();
      for (let i = 0; i < real.count; i++) {
        const k = key(real, i);
        realLabels.set(k, (realLabels.get(k) ?? new Set()).add(real.labels[i]));
      }
      let missing = 0;
      const seen = new Set<string>();
      for (let i = 0; i < sub.count; i++) {
        if (!realLabels.get(key(sub, i))?.has(sub.labels[i])) missing++;
        seen.add(key(sub, i) + sub.labels[i]);
      }
      expect(missing).toBe(0);
      expect(seen.size).toBe(sub.count);
    }
  });
});
