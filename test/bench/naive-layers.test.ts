import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNaiveModel, GroupConv2D, trainableParamCount } from '../../bench/naive-layers';
import { benchNetConfig } from '../../bench/train';
import type { AnyNetConfig } from '../../src/space/anynet';
import { complexity } from '../../src/space/complexity';
import { initBackend } from '../../src/train/backend';
import { referenceGroupedConv, relativeError, seededValues } from '../train/tf-test-utils';

// The benchmark's tf.layers baseline must be the same network as dslab's, and its grouped conv a real one.

beforeAll(async () => {
  await initBackend('cpu');
});

/** Stem 3→8 (3x3), one 8→8 block (2 groups, identity shortcut), one 8→16 stride-2 block (2 groups, projection). */
const TINY: AnyNetConfig = {
  stem: { type: 'cifar', width: 8 },
  stages: [
    { depth: 1, width: 8, stride: 1, bottleneckRatio: 1, groupWidth: 4 },
    { depth: 1, width: 16, stride: 2, bottleneckRatio: 1, groupWidth: 8 },
  ],
  seRatio: 0,
  head: { classes: 4 },
  input: { channels: 3, resolution: 8 },
};

describe('bench/naive-layers', () => {
  it('GroupConv2D equals a loop-by-loop grouped convolution', () => {
    const [n, h, w, cin, cout, groups] = [2, 5, 5, 8, 12, 4];
    const cg = cin / groups;
    const xValues = seededValues(n * h * w * cin, 1);
    const wValues = seededValues(9 * cg * cout, 2);
    const layer = new GroupConv2D({ filters: cout, kernelSize: 3, strides: 1, groups });
    layer.build([null, h, w, cin]);
    // Group g owns output channels g*cout/groups .. (g+1)*cout/groups - 1 of the reference's [3,3,cg,cout] filter.
    const full = tf.tensor4d(wValues, [3, 3, cg, cout]);
    layer.setWeights(tf.split(full, groups, 3));
    const y = layer.apply(tf.tensor4d(xValues, [n, h, w, cin])) as tf.Tensor;
    const expected = referenceGroupedConv(xValues, [n, h, w, cin], wValues, [3, 3, cg, cout], 1, groups);
    expect(y.shape).toEqual(expected.shape);
    expect(relativeError(y.dataSync(), expected.values)).toBeLessThan(1e-5);
  });

  it('has the hand-counted trainable parameters of a tiny X net', () => {
    // stem 27·8 + 2·8 = 232; block 1: a 64+16, b 9·4·8+16, c 64+16 = 464;
    // block 2: proj 128+32, a 128+32, b 9·8·16+32, c 256+32 = 1792; head 16·4+4 = 68.
    const model = buildNaiveModel(TINY);
    expect(trainableParamCount(model)).toBe(232 + 464 + 1792 + 68);
    expect(model.outputs[0].shape).toEqual([null, 4]);
    model.dispose();
  });

  it("counts the benchmark net's parameters exactly as complexity() does", () => {
    const cfg = benchNetConfig();
    const model = buildNaiveModel(cfg);
    expect(trainableParamCount(model)).toBe(complexity(cfg).params);
    model.dispose();
  });

  it('refuses Y (SE) configs with a message saying why', () => {
    expect(() => buildNaiveModel({ ...TINY, seRatio: 0.25 })).toThrow(/X blocks only.*seRatio 0.25/);
  });
});
