import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balancedQuotas,
  channelStats,
  classCounts,
  subsetDataset,
  type Dataset,
} from '../../src/data/dataset';

/** A 1×1×2 data set whose image i is the pixel pair [i, 255 − i]; labels are given. */
function tiny(trainLabels: number[], classes: number): Dataset {
  const split = (labels: number[]) => ({
    images: Uint8Array.from(labels.flatMap((_, i) => [i, 255 - i])),
    labels: Uint8Array.from(labels),
    count: labels.length,
  });
  return {
    name: 'tiny',
    height: 1,
    width: 1,
    channels: 2,
    classes,
    classNames: Array.from({ length: classes }, (_, c) => `c${c}`),
    train: split(trainLabels),
    test: split(trainLabels.slice(0, 6)),
    hflip: false,
  };
}

describe('stratified subset', () => {
  it('takes equal numbers per class, keeps each image with its own label, and is deterministic', () => {
    const labels = Array.from({ length: 90 }, (_, i) => (i * 7) % 3); // 30 per class, interleaved
    const ds = tiny(labels, 3);
    const sub = subsetDataset(ds, 12, 3, 5);
    expect(classCounts(sub.train.labels, 3)).toEqual([4, 4, 4]);
    expect(classCounts(sub.test.labels, 3)).toEqual([1, 1, 1]);
    for (let i = 0; i < sub.train.count; i++) {
      const original = sub.train.images[2 * i]; // image i of the subset was image `original` of the set
      expect(sub.train.images[2 * i + 1]).toBe(255 - original);
      expect(sub.train.labels[i]).toBe(labels[original]);
    }
    expect(subsetDataset(ds, 12, 3, 5).train.images).toEqual(sub.train.images);
    expect(subsetDataset(ds, 12, 3, 6).train.images).not.toEqual(sub.train.images);
  });

  it('fills a short class’s share from the others', () => {
    // Class 0 has only 1 image; asking for 9 from 3 classes gives 1 + 4 + 4.
    expect(balancedQuotas([1, 10, 10], 9)).toEqual([1, 4, 4]);
    expect(balancedQuotas([5, 5, 5], 7)).toEqual([3, 2, 2]);
  });

  it('quotas always sum to the size, respect availability and differ by at most one where not capped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (avail, frac) => {
          const total = avail.reduce((a, b) => a + b, 0);
          const size = Math.floor(frac * total);
          const q = balancedQuotas(avail, size);
          expect(q.reduce((a, b) => a + b, 0)).toBe(size);
          q.forEach((v, c) => expect(v).toBeLessThanOrEqual(avail[c]));
          const uncapped = q.filter((v, c) => v < avail[c]);
          if (uncapped.length > 0) expect(Math.max(...q) - Math.min(...uncapped)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('refuses a subset larger than the split', () => {
    expect(() => subsetDataset(tiny([0, 1], 2), 3, 1, 0)).toThrow(/subset of 3 images from a split of 2/);
  });
});

describe('channelStats', () => {
  it('computes per-channel mean and population std in [0, 1] units', () => {
    // Channel 0 holds 0, 1, 2, 3 → mean 1.5, std sqrt(1.25); channel 1 holds 255..252 → mean 253.5, same std.
    const { mean, std } = channelStats(tiny([0, 0, 1, 1], 2));
    expect(mean[0]).toBeCloseTo(1.5 / 255, 12);
    expect(mean[1]).toBeCloseTo(253.5 / 255, 12);
    expect(std[0]).toBeCloseTo(Math.sqrt(1.25) / 255, 12);
    expect(std[1]).toBeCloseTo(Math.sqrt(1.25) / 255, 12);
  });
});
