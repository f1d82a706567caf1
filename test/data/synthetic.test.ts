import { describe, expect, it } from 'vitest';
import { classCounts } from '../../src/data/dataset';
import { syntheticDataset } from '../../src/data/synthetic';

describe('synthetic data', () => {
  it('has the asked-for shape and balanced labels', () => {
    const ds = syntheticDataset({
      trainSize: 50,
      testSize: 20,
      height: 8,
      width: 12,
      channels: 3,
      classes: 5,
    });
    expect([ds.height, ds.width, ds.channels, ds.classes, ds.train.count, ds.test.count]).toEqual([
      8, 12, 3, 5, 50, 20,
    ]);
    expect(ds.train.images.length).toBe(50 * 8 * 12 * 3);
    expect(classCounts(ds.train.labels, 5)).toEqual([10, 10, 10, 10, 10]);
    expect(ds.classNames).toHaveLength(5);
    expect(ds.hflip).toBe(false);
  });

  it('gives the same bytes for the same seed and different bytes for another seed', () => {
    const a = syntheticDataset({ seed: 3, trainSize: 40, testSize: 10 });
    const b = syntheticDataset({ seed: 3, trainSize: 40, testSize: 10 });
    const c = syntheticDataset({ seed: 4, trainSize: 40, testSize: 10 });
    expect(a.train.images).toEqual(b.train.images);
    expect(a.test.images).toEqual(b.test.images);
    expect(a.train.images).not.toEqual(c.train.images);
    expect(a.train.images).not.toEqual(a.test.images.subarray(0, a.train.images.length));
  });

  it('is learnable: nearest class centroid of the 2-D power spectrum beats chance by far', () => {
    // Random phases make raw class means flat, but the |DFT|² of a grating peaks at its orientation and frequency.
    const ds = syntheticDataset({
      trainSize: 200,
      testSize: 100,
      height: 16,
      width: 16,
      classes: 10,
      seed: 1,
    });
    const side = 16;
    const spectrum = (images: Uint8Array, n: number) => {
      const out = new Float64Array(side * side);
      const img = images.subarray(n * side * side, (n + 1) * side * side);
      for (let u = 0; u < side; u++) {
        for (let v = 0; v < side; v++) {
          let re = 0;
          let im = 0;
          for (let y = 0; y < side; y++) {
            for (let x = 0; x < side; x++) {
              const a = (-2 * Math.PI * (u * y + v * x)) / side;
              re += img[y * side + x] * Math.cos(a);
              im += img[y * side + x] * Math.sin(a);
            }
          }
          out[u * side + v] = u + v === 0 ? 0 : Math.log1p(re * re + im * im);
        }
      }
      return out;
    };
    const centroids = Array.from({ length: 10 }, () => new Float64Array(side * side));
    for (let n = 0; n < ds.train.count; n++) {
      spectrum(ds.train.images, n).forEach((v, i) => (centroids[ds.train.labels[n]][i] += v / 20));
    }
    let correct = 0;
    for (let n = 0; n < ds.test.count; n++) {
      const s = spectrum(ds.test.images, n);
      const dist = centroids.map((c) => c.reduce((d, v, i) => d + (v - s[i]) ** 2, 0));
      if (dist.indexOf(Math.min(...dist)) === ds.test.labels[n]) correct++;
    }
    expect(correct / ds.test.count).toBeGreaterThan(0.8); // chance is 0.1
  });

  it('rejects nonsense options', () => {
    expect(() => syntheticDataset({ classes: 1 })).toThrow(
      /classes must be a whole number in 2\.\.256, got 1/,
    );
    expect(() => syntheticDataset({ height: 2.5 })).toThrow(/height/);
  });
});
