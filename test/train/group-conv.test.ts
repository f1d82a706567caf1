import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/train/backend';
import { convOutSize, groupConvGeometry } from '../../src/train/conv-geometry';
import {
  defaultGroupConvImpl,
  GROUP_CONV_IMPLS,
  groupConvImplFns,
  groupedConv2d,
  type GroupConvImpl,
} from '../../src/train/group-conv';
import { checkWebgpuGroupConv, filterGradRowsPerSplit } from '../../src/train/group-conv-webgpu';
import { referenceGroupedConv, relativeError, seededValues } from './tf-test-utils';

interface Case {
  name: string;
  xShape: [number, number, number, number];
  cout: number;
  k: number;
  stride: number;
  groups: number;
}

const CASES: Case[] = [
  { name: 'odd 7×7, stride 1, 2 groups', xShape: [2, 7, 7, 8], cout: 8, k: 3, stride: 1, groups: 2 },
  {
    name: 'even 8×8, stride 2, 4 groups, 4 out per group',
    xShape: [2, 8, 8, 8],
    cout: 16,
    k: 3,
    stride: 2,
    groups: 4,
  },
  { name: 'odd×even 7×6, stride 2, 3 groups', xShape: [1, 7, 6, 6], cout: 6, k: 3, stride: 2, groups: 3 },
  {
    name: 'depthwise-like (1 in per group), stride 2',
    xShape: [2, 6, 6, 4],
    cout: 8,
    k: 3,
    stride: 2,
    groups: 4,
  },
  { name: 'dense (groups 1), stride 1', xShape: [1, 5, 5, 4], cout: 6, k: 3, stride: 1, groups: 1 },
  { name: '1×1 grouped, stride 2', xShape: [2, 6, 6, 8], cout: 4, k: 1, stride: 2, groups: 2 },
];

type Conv = (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D;

interface Result {
  y: Float32Array;
  dx: Float32Array;
  dw: Float32Array;
}

function filterShape(c: Case): number[] {
  return [c.k, c.k, c.xShape[3] / c.groups, c.cout];
}

function inputs(c: Case) {
  const xv = seededValues(
    c.xShape.reduce((a, b) => a * b, 1),
    1,
  );
  const wv = seededValues(
    filterShape(c).reduce((a, b) => a * b, 1),
    2,
  );
  const ref = referenceGroupedConv(xv, c.xShape, wv, filterShape(c), c.stride, c.groups);
  const rv = seededValues(ref.values.length, 3);
  return { xv, wv, rv, ref };
}

/** y = conv(x, w) and the gradients of Σ y·r, with fixed seeded x, w, r. */
async function run(conv: Conv, c: Case): Promise<Result> {
  const { xv, wv, rv, ref } = inputs(c);
  const tensors = tf.tidy(() => {
    const x = tf.tensor4d(xv, c.xShape);
    const w = tf.tensor4d(wv, filterShape(c) as [number, number, number, number]);
    const r = tf.tensor(rv, ref.shape);
    const y = conv(x, w);
    const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(conv(a as tf.Tensor4D, b as tf.Tensor4D), r)),
    )([x, w]);
    return [y, dx, dw];
  });
  const [y, dx, dw] = (await Promise.all(tensors.map((t) => t.data()))) as Float32Array[];
  tf.dispose(tensors);
  return { y, dx, dw };
}

function implConv(impl: GroupConvImpl, c: Case): Conv {
  return (x, w) => groupConvImplFns[impl](x, w, groupConvGeometry(x.shape, w.shape, c.stride, c.groups));
}

/** Central differences of the float64 reference loss Σ conv(x, w)·r (bilinear, so they are exact up to rounding). */
function numericalGrads(c: Case): { dx: Float64Array; dw: Float64Array } {
  const { xv, wv, rv } = inputs(c);
  const x = Float64Array.from(xv);
  const w = Float64Array.from(wv);
  const loss = () => {
    const y = referenceGroupedConv(x, c.xShape, w, filterShape(c), c.stride, c.groups).values;
    return y.reduce((s, v, i) => s + v * rv[i], 0);
  };
  const eps = 1e-3;
  const diff = (arr: Float64Array) =>
    arr.map((v, i) => {
      arr[i] = v + eps;
      const up = loss();
      arr[i] = v - eps;
      const down = loss();
      arr[i] = v;
      return (up - down) / (2 * eps);
    });
  return { dx: diff(x), dw: diff(w) };
}

describe('conv geometry (pycls padding)', () => {
  it('gives floor((h-1)/s)+1 outputs for odd kernels', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(1, 3, 5),
        (h, s, k) => {
          expect(convOutSize(h, k, s)).toBe(Math.floor((h - 1) / s) + 1);
        },
      ),
    );
  });

  it('pads one pixel on every side for 3×3 stride 2 on an even input (not tfjs "same")', async () => {
    await initBackend('cpu');
    // x = 0..15 in a 4×4 image, all-ones 3×3 filter, stride 2. With padding 1 on top/left the windows cover
    // rows/cols {-1,0,1} and {1,2,3}: sums 0+1+4+5, 1+2+3+5+6+7, 4+5+8+9+12+13, 5+6+7+9+10+11+13+14+15.
    const x = tf.tensor4d(
      Array.from({ length: 16 }, (_, i) => i),
      [1, 4, 4, 1],
    );
    const y = groupedConv2d(x, tf.ones([3, 3, 1, 1]) as tf.Tensor4D, 2, 1);
    expect(y.shape).toEqual([1, 2, 2, 1]);
    expect(Array.from(await y.data())).toEqual([10, 24, 51, 90]);
    tf.dispose([x, y]);
  });

  it('rejects bad shapes with messages that name the problem', async () => {
    await initBackend('cpu');
    tf.tidy(() => {
      const x = tf.zeros([1, 4, 4, 6]) as tf.Tensor4D;
      expect(() => groupedConv2d(x, tf.zeros([3, 3, 2, 6]) as tf.Tensor4D, 1, 4)).toThrow(
        /groups \(4\) must divide/,
      );
      expect(() => groupedConv2d(x, tf.zeros([3, 3, 3, 6]) as tf.Tensor4D, 1, 3)).toThrow(
        /filter depth 3 must equal/,
      );
      expect(() => groupedConv2d(x, tf.zeros([3, 3, 2, 6]) as tf.Tensor4D, 0, 3)).toThrow(
        /stride must be a positive/,
      );
      expect(() => groupedConv2d(x, tf.zeros([3, 2, 2, 6]) as tf.Tensor4D, 1, 3)).toThrow(/square kernels/);
      expect(() =>
        groupedConv2d(x, tf.zeros([3, 3, 2, 6]) as tf.Tensor4D, 1, 3, 'fast' as GroupConvImpl),
      ).toThrow(/unknown impl 'fast'/);
      expect(() => groupedConv2d(x, tf.zeros([3, 3, 2, 6]) as tf.Tensor4D, 1, 3, 'webgpu')).toThrow(
        /needs the webgpu backend \(current: 'cpu'\)/,
      );
      expect(() => groupedConv2d(x, tf.zeros([3, 3, 2, 6]) as tf.Tensor4D, 1, 3, 'webgl')).toThrow(
        /needs the webgl backend \(current: 'cpu'\)/,
      );
    });
  });
});

describe('webgpu kernel helpers (runnable without a GPU)', () => {
  it('split dW over whole output rows, covering every row, with bounded partial buffers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 1 << 20 }),
        (rows, rowLength, filterSize) => {
          const perSplit = filterGradRowsPerSplit(rows, rowLength, filterSize);
          const splits = Math.ceil(rows / perSplit);
          expect(Number.isInteger(perSplit) && perSplit >= 1).toBe(true);
          expect(splits * perSplit).toBeGreaterThanOrEqual(rows);
          expect(splits === 1 || splits * filterSize <= 1 << 22).toBe(true);
        },
      ),
    );
  });

  it('the self-check refuses to run off the webgpu backend', async () => {
    await initBackend('cpu');
    await expect(checkWebgpuGroupConv()).rejects.toThrow(/needs the webgpu backend, current is 'cpu'/);
  });
});

describe('defaultGroupConvImpl', () => {
  it('returns an op-level impl for every backend and the WGSL/GLSL kernels only when their backend is active', () => {
    for (const name of ['cpu', 'wasm', 'webgl', 'webgpu', 'something-else']) {
      const impl = defaultGroupConvImpl(name);
      expect(GROUP_CONV_IMPLS).toContain(impl);
      expect(['webgpu', 'webgl']).not.toContain(impl);
    }
  });

  it('on cpu picks im2col from group width 16 up (measured 1.8x split there) and split below', () => {
    expect(defaultGroupConvImpl('cpu', 16)).toBe('im2col');
    expect(defaultGroupConvImpl('cpu', 8)).toBe('split');
    expect(defaultGroupConvImpl('wasm', 16)).toBe('split');
  });
});

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`grouped conv on ${backend}`, () => {
    beforeAll(async () => {
      const info = await initBackend(backend);
      expect(info.name).toBe(backend);
    });

    it.each(CASES)('split matches the float64 definition: $name', async (c) => {
      const { ref } = inputs(c);
      const split = await run(implConv('split', c), c);
      expect(relativeError(split.y, ref.values)).toBeLessThan(1e-5);
    });

    it.each(CASES)(
      'im2col, mask and the dispatcher match split in value and both gradients: $name',
      async (c) => {
        const reference = await run(implConv('split', c), c);
        const candidates: Array<[string, Conv]> = [
          ['im2col', implConv('im2col', c)],
          ['mask', implConv('mask', c)],
          ['groupedConv2d', (x, w) => groupedConv2d(x, w, c.stride, c.groups)],
        ];
        for (const [name, conv] of candidates) {
          const got = await run(conv, c);
          expect({ name, err: relativeError(got.y, reference.y) < 1e-5 }).toEqual({ name, err: true });
          expect({ name, dx: relativeError(got.dx, reference.dx) < 1e-4 }).toEqual({ name, dx: true });
          expect({ name, dw: relativeError(got.dw, reference.dw) < 1e-4 }).toEqual({ name, dw: true });
        }
      },
    );

    it('every impl matches finite-difference gradients on a tiny shape', async () => {
      const c: Case = { name: 'tiny', xShape: [1, 4, 5, 4], cout: 4, k: 3, stride: 2, groups: 2 };
      const numeric = numericalGrads(c);
      for (const impl of ['split', 'im2col', 'mask'] as const) {
        const got = await run(implConv(impl, c), c);
        expect({ impl, dx: relativeError(got.dx, numeric.dx) < 1e-4 }).toEqual({ impl, dx: true });
        expect({ impl, dw: relativeError(got.dw, numeric.dw) < 1e-4 }).toEqual({ impl, dw: true });
      }
    });

    it('leaves no tensors behind', async () => {
      const before = tf.memory().numTensors;
      const c = CASES[1];
      for (const impl of ['split', 'im2col', 'mask'] as const) {
        await run((x, w) => groupedConv2d(x, w, c.stride, c.groups, impl), c);
      }
      expect(tf.memory().numTensors).toBe(before);
    });
  });
}
