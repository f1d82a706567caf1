import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/train/backend';
import { MAX_ADDN_INPUTS, sumTensors } from '../../src/train/safe-ops';

describe('sumTensors', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('adds 1..n filled tensors to n(n+1)/2 for any count, never calling addN with more than 7 inputs', async () => {
    let largest = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 30 }), async (n) => {
        const ts = Array.from({ length: n }, (_, i) => tf.fill([2, 3], i + 1));
        let sum: tf.Tensor | undefined;
        const profile = await tf.profile(() => {
          sum = sumTensors(ts);
          return sum;
        });
        for (const k of profile.kernels.filter((k) => k.name === 'AddN')) {
          largest = Math.max(largest, k.inputShapes.length);
        }
        expect(Array.from(await sum!.data())).toEqual(new Array(6).fill((n * (n + 1)) / 2));
        tf.dispose([...ts, sum!]);
      }),
      { numRuns: 30 },
    );
    expect(largest).toBeGreaterThan(1);
    expect(largest).toBeLessThanOrEqual(MAX_ADDN_INPUTS);
    expect(MAX_ADDN_INPUTS).toBeLessThan(8);
  });

  it('returns a new tensor for a single input', () => {
    const t = tf.ones([2]);
    const s = sumTensors([t]);
    expect(s).not.toBe(t);
    tf.dispose([t, s]);
  });

  it('rejects empty input and mismatched shapes', () => {
    expect(() => sumTensors([])).toThrow(/got no tensors/);
    const a = tf.ones([2, 3]);
    const b = tf.ones([3, 2]);
    expect(() => sumTensors([a, b])).toThrow(/same shape; #0 is \[2,3\] but #1 is \[3,2\]/);
    tf.dispose([a, b]);
  });
});
