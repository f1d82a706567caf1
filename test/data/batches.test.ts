import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  epochBatches,
  epochOrder,
  gatherBatch,
  gatherLabels,
  sequentialBatches,
} from '../../src/data/batches';

describe('epoch batches', () => {
  it('cover every index exactly once, in batches of the asked size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer(),
        (count, bs, seed) => {
          const batches = epochBatches(count, bs, { seed, epoch: 0 });
          const all = batches.flatMap((b) => Array.from(b)).sort((a, b) => a - b);
          expect(all).toEqual(Array.from({ length: count }, (_, i) => i));
          batches.slice(0, -1).forEach((b) => expect(b.length).toBe(bs));
          expect(batches.length).toBe(Math.ceil(count / bs));
        },
      ),
    );
  });

  it('drops the short last batch on request', () => {
    expect(epochBatches(10, 4, { seed: 1, epoch: 0, dropLast: true }).map((b) => b.length)).toEqual([4, 4]);
  });

  it('is reproducible per (seed, epoch) and differs across epochs', () => {
    expect(epochOrder(100, 7, 3)).toEqual(epochOrder(100, 7, 3));
    expect(epochOrder(100, 7, 3)).not.toEqual(epochOrder(100, 7, 4));
    expect(epochOrder(100, 7, 3)).not.toEqual(epochOrder(100, 8, 3));
  });

  it('sequential batches go in order', () => {
    expect(sequentialBatches(5, 2).map((b) => Array.from(b))).toEqual([[0, 1], [2, 3], [4]]);
  });
});

describe('gatherBatch', () => {
  // Three 1×1 RGB images: [0, 255, 51], [255, 0, 102], [51, 51, 51].
  const split = {
    images: Uint8Array.from([0, 255, 51, 255, 0, 102, 51, 51, 51]),
    labels: Uint8Array.from([2, 0, 1]),
    count: 3,
  };

  it('normalizes per channel, in the order of the indices', () => {
    const out = gatherBatch(split, [2, 0], [0.2, 0.5, 0], [0.5, 0.25, 1]);
    // Image 2: (0.2−0.2)/0.5 = 0, (0.2−0.5)/0.25 = −1.2, (0.2−0)/1 = 0.2; image 0: −0.4, 2, 0.2.
    const expected = [0, -1.2, 0.2, -0.4, 2, 0.2];
    expect(out).toHaveLength(6);
    out.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
    expect(Array.from(gatherLabels(split, [2, 0]))).toEqual([1, 2]);
  });

  it('rejects an index outside the split and a wrong number of channel stats', () => {
    expect(() => gatherBatch(split, [3], [0, 0, 0], [1, 1, 1])).toThrow(/index 3 is outside 0\.\.2/);
    expect(() => gatherBatch(split, [0], [0, 0], [1, 1])).toThrow(/do not split into 2 channels/);
  });
});
