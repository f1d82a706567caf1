import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  augmentBatch,
  cropWithPadding,
  flipHorizontal,
  NO_AUGMENT,
  standardAugment,
  type ImageShape,
} from '../../src/data/augment';
import { createRng } from '../../src/data/random';

const shapeArb = fc.record({
  height: fc.integer({ min: 1, max: 6 }),
  width: fc.integer({ min: 1, max: 6 }),
  channels: fc.integer({ min: 1, max: 3 }),
});
const imageArb = shapeArb.chain((shape) =>
  fc
    .uint8Array({
      minLength: shape.height * shape.width * shape.channels,
      maxLength: shape.height * shape.width * shape.channels,
    })
    .map((data) => ({ shape, data })),
);
const size = (s: ImageShape) => s.height * s.width * s.channels;

describe('augmentation', () => {
  it('flip twice is the identity', () => {
    fc.assert(
      fc.property(imageArb, ({ shape, data }) => {
        const once = new Uint8Array(data.length);
        const twice = new Uint8Array(data.length);
        flipHorizontal(data, once, shape);
        flipHorizontal(once, twice, shape);
        expect(twice).toEqual(data);
      }),
    );
  });

  it('flip mirrors a hand-made row', () => {
    // One row of 3 RGB pixels: A B C → C B A, channels kept in order.
    const out = new Uint8Array(9);
    flipHorizontal(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), out, { height: 1, width: 3, channels: 3 });
    expect(Array.from(out)).toEqual([7, 8, 9, 4, 5, 6, 1, 2, 3]);
  });

  it('a crop with pad 0, or centred in any padding, is the identity', () => {
    fc.assert(
      fc.property(imageArb, fc.integer({ min: 0, max: 5 }), ({ shape, data }, pad) => {
        const out = new Uint8Array(data.length);
        cropWithPadding(data, out, shape, pad, pad, pad);
        expect(out).toEqual(data);
      }),
    );
  });

  it('a crop shifted by one fills the uncovered edge with zeros', () => {
    // 2×2 gray [[1,2],[3,4]] with pad 1, cropped at (top 0, left 0) = shifted down-right by one.
    const out = new Uint8Array(4);
    cropWithPadding(Uint8Array.from([1, 2, 3, 4]), out, { height: 2, width: 2, channels: 1 }, 1, 0, 0);
    expect(Array.from(out)).toEqual([0, 0, 0, 1]);
  });

  it('keeps shapes and types, is seeded, and changes nothing when off', () => {
    fc.assert(
      fc.property(imageArb, fc.integer({ min: 1, max: 4 }), fc.integer(), ({ shape, data }, count, seed) => {
        const batch = new Float32Array(count * size(shape)).map((_, i) => data[i % data.length]);
        const options = { pad: 2, hflip: true };
        const a = augmentBatch(batch, count, shape, options, createRng(seed));
        expect(a).toBeInstanceOf(Float32Array);
        expect(a.length).toBe(batch.length);
        expect(augmentBatch(batch, count, shape, options, createRng(seed))).toEqual(a);
        expect(augmentBatch(batch, count, shape, NO_AUGMENT, createRng(seed))).toEqual(batch);
      }),
    );
  });

  it('keeps the multiset of values of each image under flips alone', () => {
    fc.assert(
      fc.property(imageArb, fc.integer(), ({ shape, data }, seed) => {
        const out = augmentBatch(data, 1, shape, { pad: 0, hflip: true }, createRng(seed));
        expect(Array.from(out).sort()).toEqual(Array.from(data).sort());
      }),
    );
  });

  it('picks pad 4 at 32 px, 2 at 28 px, and flips only where the data set allows', () => {
    expect(standardAugment({ height: 32, width: 32, hflip: true })).toEqual({ pad: 4, hflip: true });
    expect(standardAugment({ height: 28, width: 28, hflip: false })).toEqual({ pad: 2, hflip: false });
  });

  it('rejects a batch of the wrong length', () => {
    expect(() =>
      augmentBatch(new Uint8Array(5), 1, { height: 2, width: 2, channels: 1 }, NO_AUGMENT, createRng(0)),
    ).toThrow(/5 values are not 1 images of 2×2×1/);
  });
});
