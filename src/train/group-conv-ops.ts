import * as tf from '@tensorflow/tfjs-core';
import { explicitPadding, type GroupConvGeometry } from './conv-geometry';
import { convTaps } from './conv-taps';

// Op-level formulations of a grouped convolution (TFJS.md §1.2). All take validated geometry and are built from
// differentiable tfjs ops only, so every backend gets both gradients for free.

/** groups === 1: one plain convolution. */
export function denseConv(x: tf.Tensor4D, filter: tf.Tensor4D, g: GroupConvGeometry): tf.Tensor4D {
  return tf.conv2d(x, filter, g.stride, explicitPadding(g.pad));
}

/** groups === cin: a depthwise convolution with channel multiplier cout/cin (grouped output o = c·m + j). */
export function depthwiseConv(x: tf.Tensor4D, filter: tf.Tensor4D, g: GroupConvGeometry): tf.Tensor4D {
  const k = g.kernelSize;
  const depthwiseFilter = tf.reshape(filter, [k, k, g.inChannels, g.outPerGroup]) as tf.Tensor4D;
  return tf.depthwiseConv2d(x, depthwiseFilter, g.stride, explicitPadding(g.pad));
}

/** Reference: split channels, one conv2d per group, concat. */
export function splitConv(x: tf.Tensor4D, filter: tf.Tensor4D, g: GroupConvGeometry): tf.Tensor4D {
  if (g.groups === 1) return denseConv(x, filter, g);
  const xs = tf.split(x, g.groups, 3) as tf.Tensor4D[];
  const ws = tf.split(filter, g.groups, 3) as tf.Tensor4D[];
  const outs = xs.map((xi, i) => tf.conv2d(xi, ws[i], g.stride, explicitPadding(g.pad)));
  return tf.concat(outs, 3);
}

/** Block-diagonal mask[c, o] = 1 when input channel c and output channel o belong to the same group. */
function blockDiagonalMask(g: GroupConvGeometry): tf.Tensor4D {
  const values = new Float32Array(g.inChannels * g.outChannels);
  for (let c = 0; c < g.inChannels; c++) {
    const group = Math.floor(c / g.inPerGroup);
    values.fill(
      1,
      c * g.outChannels + group * g.outPerGroup,
      c * g.outChannels + (group + 1) * g.outPerGroup,
    );
  }
  return tf.tensor4d(values, [1, 1, g.inChannels, g.outChannels]);
}

/** One dense conv with the grouped filter tiled to full depth and masked to block-diagonal (G× the FLOPs). */
export function maskConv(x: tf.Tensor4D, filter: tf.Tensor4D, g: GroupConvGeometry): tf.Tensor4D {
  if (g.groups === 1) return denseConv(x, filter, g);
  const full = tf.mul(tf.tile(filter, [1, 1, g.groups, 1]), blockDiagonalMask(g)) as tf.Tensor4D;
  return tf.conv2d(x, full, g.stride, explicitPadding(g.pad));
}

/**
 * im2col + one batched matMul: patches [G, N·OH·OW, k·k·Cg] × weights [G, k·k·Cg, Cog]. Groups move to the batch
 * axis of x first (one input-sized transpose) so the k·k-times larger patch tensor never needs transposing.
 */
export function im2colConv(x: tf.Tensor4D, filter: tf.Tensor4D, g: GroupConvGeometry): tf.Tensor4D {
  const { batch: n, inHeight: h, inWidth: w, groups, inPerGroup: cg, outPerGroup: cog, kernelSize: k } = g;
  const { outHeight: oh, outWidth: ow } = g;
  const grouped =
    groups === 1
      ? x
      : (tf.reshape(tf.transpose(tf.reshape(x, [n, h, w, groups, cg]), [3, 0, 1, 2, 4]), [
          groups * n,
          h,
          w,
          cg,
        ]) as tf.Tensor4D);
  const taps = convTaps(grouped, {
    kernelHeight: k,
    kernelWidth: k,
    strideHeight: g.stride,
    strideWidth: g.stride,
    pad: { top: g.pad, bottom: g.pad, left: g.pad, right: g.pad },
    outHeight: oh,
    outWidth: ow,
  });
  const patchesFlat = taps.length === 1 ? taps[0] : tf.concat(taps, 3);
  const patches = tf.reshape(patchesFlat, [groups, n * oh * ow, k * k * cg]) as tf.Tensor3D;
  const weights = tf.transpose(tf.reshape(filter, [k * k * cg, groups, cog]), [1, 0, 2]) as tf.Tensor3D;
  const out = tf.matMul(patches, weights);
  if (groups === 1) return tf.reshape(out, [n, oh, ow, cog]);
  const nhwgc = tf.transpose(tf.reshape(out, [groups, n, oh, ow, cog]), [1, 2, 3, 0, 4]);
  return tf.reshape(nhwgc, [n, oh, ow, groups * cog]);
}
