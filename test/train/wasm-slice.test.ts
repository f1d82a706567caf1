import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/train/backend';
import { isReplacedWasmKernel, WASM_KERNEL_REPLACEMENTS } from '../../src/train/wasm-kernels';
import { seededValues } from './tf-test-utils';

/** Reference slice from the definition: out[i] = x[begin + i] for every multi-index i < size. */
function referenceSlice(x: Float32Array, shape: number[], begin: number[], size: number[]): number[] {
  const out: number[] = [];
  const visit = (axis: number, offset: number) => {
    if (axis === shape.length) {
      out.push(x[offset]);
      return;
    }
    const stride = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    for (let i = 0; i < size[axis]; i++) visit(axis + 1, offset + (begin[axis] + i) * stride);
  };
  visit(0, 0);
  return out;
}

const sliceCase = fc
  .array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 })
  .chain((shape) =>
    fc.tuple(
      fc.constant(shape),
      fc.tuple(...shape.map((d) => fc.integer({ min: 0, max: d - 1 }))),
      fc.tuple(...shape.map((d) => fc.integer({ min: 0, max: d }))),
      fc.boolean(),
    ),
  )
  .map(([shape, begin, sizeSeed, useMinusOne]) => {
    const size = shape.map((d, a) => Math.min(sizeSeed[a], d - begin[a]));
    // -1 means "to the end" in tf.slice; try it on the last axis.
    const sizeArg = useMinusOne ? [...size.slice(0, -1), -1] : size;
    const fullSize = useMinusOne ? [...size.slice(0, -1), shape.at(-1)! - begin.at(-1)!] : size;
    return { shape, begin, sizeArg, fullSize };
  });

describe('copy-free wasm Slice, SplitV and Unpack', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('replace the stock kernels once wasm is initialised', () => {
    for (const [name] of WASM_KERNEL_REPLACEMENTS) expect(isReplacedWasmKernel(name), name).toBe(true);
    expect(isReplacedWasmKernel('Conv2D')).toBe(false);
  });

  it('tf.slice matches the definition for any rank ≤ 5, begin and size', async () => {
    await fc.assert(
      fc.asyncProperty(sliceCase, async ({ shape, begin, sizeArg, fullSize }) => {
        const values = seededValues(
          shape.reduce((a, b) => a * b, 1),
          4,
        );
        const x = tf.tensor(values, shape);
        const y = tf.slice(x, begin, sizeArg);
        expect(y.shape).toEqual(fullSize);
        expect(Array.from(await y.data())).toEqual(referenceSlice(values, shape, begin, fullSize));
        tf.dispose([x, y]);
      }),
      { numRuns: 200 },
    );
  });

  it('tf.split and tf.unstack return the right pieces along every axis', async () => {
    const shape = [2, 3, 4, 6];
    const values = seededValues(2 * 3 * 4 * 6, 5);
    const x = tf.tensor(values, shape);
    for (let axis = 0; axis < 4; axis++) {
      const sizes = axis === 3 ? [1, 2, 3] : [1, shape[axis] - 1];
      const parts = tf.split(x, sizes, axis);
      let start = 0;
      for (const [i, part] of parts.entries()) {
        const begin = shape.map((_, a) => (a === axis ? start : 0));
        const size = shape.map((d, a) => (a === axis ? sizes[i] : d));
        expect(Array.from(await part.data())).toEqual(referenceSlice(values, shape, begin, size));
        start += sizes[i];
      }
      const rows = tf.unstack(x, axis);
      for (const [i, row] of rows.entries()) {
        const begin = shape.map((_, a) => (a === axis ? i : 0));
        const size = shape.map((d, a) => (a === axis ? 1 : d));
        expect(row.shape).toEqual(shape.filter((_, a) => a !== axis));
        expect(Array.from(await row.data())).toEqual(referenceSlice(values, shape, begin, size));
      }
      tf.dispose([...parts, ...rows]);
    }
    x.dispose();
  });

  it('stays correct when the output allocation grows the wasm heap', async () => {
    const n = 3_000_000;
    const x = tf.tidy(() => tf.reshape(tf.range(0, 2 * n), [2, n]));
    const y = tf.slice(x, [1, 5], [1, n - 5]);
    const values = await y.data();
    expect([values[0], values[n - 6]]).toEqual([n + 5, 2 * n - 1]);
    tf.dispose([x, y]);
  });

  it('keeps gradients working (slice and split backprop on wasm)', async () => {
    const x = tf.tensor2d([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const g = tf.grad((t: tf.Tensor) => {
      const [a, b] = tf.split(t, [1, 2], 1);
      return tf.add(tf.sum(tf.mul(a, 2)), tf.sum(tf.slice(b, [1, 0], [1, 2])));
    })(x);
    expect(Array.from(await g.data())).toEqual([2, 0, 0, 2, 1, 1]);
    tf.dispose([x, g]);
  });
});
