import * as tf from '@tensorflow/tfjs-core';

/** Deterministic uniform values in [-1, 1) (mulberry32), identical on every backend. */
export function seededValues(size: number, seed: number): Float32Array {
  let a = seed >>> 0;
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
  }
  return out;
}

export function seededTensor(shape: number[], seed: number): tf.Tensor {
  return tf.tensor(
    seededValues(
      shape.reduce((a, b) => a * b, 1),
      seed,
    ),
    shape,
  );
}

/** max |actual - expected| / max(1e-6, max |expected|). */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} vs ${expected.length}`);
  let maxDiff = 0;
  let maxRef = 0;
  for (let i = 0; i < expected.length; i++) {
    maxDiff = Math.max(maxDiff, Math.abs(actual[i] - expected[i]));
    maxRef = Math.max(maxRef, Math.abs(expected[i]));
  }
  return maxDiff / Math.max(1e-6, maxRef);
}

/**
 * Independent float64 grouped convolution (NHWC, filter [k,k,cin/groups,cout], pycls padding (k-1)/2), written
 * directly from the definition with plain loops.
 */
export function referenceGroupedConv(
  x: ArrayLike<number>,
  xShape: number[],
  w: ArrayLike<number>,
  wShape: number[],
  stride: number,
  groups: number,
): { values: Float64Array; shape: number[] } {
  const [n, h, wd, cin] = xShape;
  const [k, , cg, cout] = wShape;
  const cog = cout / groups;
  const pad = Math.floor((k - 1) / 2);
  const oh = Math.floor((h + 2 * pad - k) / stride) + 1;
  const ow = Math.floor((wd + 2 * pad - k) / stride) + 1;
  const values = new Float64Array(n * oh * ow * cout);
  for (let b = 0; b < n; b++)
    for (let oy = 0; oy < oh; oy++)
      for (let ox = 0; ox < ow; ox++)
        for (let o = 0; o < cout; o++) {
          const g = Math.floor(o / cog);
          let acc = 0;
          for (let ky = 0; ky < k; ky++)
            for (let kx = 0; kx < k; kx++) {
              const iy = oy * stride + ky - pad;
              const ix = ox * stride + kx - pad;
              if (iy < 0 || iy >= h || ix < 0 || ix >= wd) continue;
              for (let c = 0; c < cg; c++) {
                acc +=
                  x[((b * h + iy) * wd + ix) * cin + g * cg + c] * w[((ky * k + kx) * cg + c) * cout + o];
              }
            }
          values[((b * oh + oy) * ow + ox) * cout + o] = acc;
        }
  return { values, shape: [n, oh, ow, cout] };
}
