import * as tf from '@tensorflow/tfjs-core';

export interface Padding2D {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface TapGeometry {
  kernelHeight: number;
  kernelWidth: number;
  strideHeight: number;
  strideWidth: number;
  pad: Padding2D;
  outHeight: number;
  outWidth: number;
}

/** Pads (or crops rows that no window reaches) so that the padded extent is exactly `target`. */
function fitAxis(x: tf.Tensor4D, axis: 1 | 2, before: number, target: number): tf.Tensor4D {
  const size = x.shape[axis];
  const after = target - before - size;
  let fitted = x;
  if (after < 0) {
    const sliceSize = [...x.shape] as [number, number, number, number];
    sliceSize[axis] = size + after;
    fitted = tf.slice(x, [0, 0, 0, 0], sliceSize);
  }
  if (before === 0 && after <= 0) return fitted;
  const paddings: Array<[number, number]> = [
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
  ];
  paddings[axis] = [before, Math.max(after, 0)];
  return tf.pad(fitted, paddings);
}

/** Rows py, py+s, py+2s… of x as [n, h/s, w, c] (h divisible by s); only reshape + slice, so it is differentiable. */
function rowPhase(x: tf.Tensor4D, stride: number, phase: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  if (stride === 1) return x;
  const rows = tf.reshape(x, [n * (h / stride), stride, w * c]);
  return tf.reshape(tf.slice(rows, [0, phase, 0], [n * (h / stride), 1, w * c]), [n, h / stride, w, c]);
}

function colPhase(x: tf.Tensor4D, stride: number, phase: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  if (stride === 1) return x;
  const cols = tf.reshape(x, [n * h * (w / stride), stride, c]);
  return tf.reshape(tf.slice(cols, [0, phase, 0], [n * h * (w / stride), 1, c]), [n, h, w / stride, c]);
}

/**
 * The kh·kw shifted (and strided) views of x that a convolution multiplies with each filter tap, in (ky, kx)
 * order, each [n, outHeight, outWidth, c]. Built from pad, reshape and slice only (no stridedSlice, which has
 * no gradient in tfjs 4.22), with all intermediates of rank ≤ 4 so every backend supports them.
 */
export function convTaps(x: tf.Tensor4D, g: TapGeometry): tf.Tensor4D[] {
  const { kernelHeight: kh, kernelWidth: kw, strideHeight: sh, strideWidth: sw, outHeight, outWidth } = g;
  // Padded extents: a whole number of stride blocks, covering the last window of every tap.
  const blocksH = outHeight + Math.floor((kh - 1) / sh);
  const blocksW = outWidth + Math.floor((kw - 1) / sw);
  const padded = fitAxis(fitAxis(x, 1, g.pad.top, blocksH * sh), 2, g.pad.left, blocksW * sw);
  const rowPhases = new Map<number, tf.Tensor4D>();
  const phases = new Map<string, tf.Tensor4D>();
  const phaseOf = (py: number, px: number): tf.Tensor4D => {
    const key = `${py},${px}`;
    let phase = phases.get(key);
    if (!phase) {
      let rows = rowPhases.get(py);
      if (!rows) {
        rows = rowPhase(padded, sh, py);
        rowPhases.set(py, rows);
      }
      phase = colPhase(rows, sw, px);
      phases.set(key, phase);
    }
    return phase;
  };
  const taps: tf.Tensor4D[] = [];
  const c = x.shape[3];
  for (let ky = 0; ky < kh; ky++) {
    for (let kx = 0; kx < kw; kx++) {
      const phase = phaseOf(ky % sh, kx % sw);
      const begin = [0, Math.floor(ky / sh), Math.floor(kx / sw), 0];
      taps.push(tf.slice(phase, begin, [x.shape[0], outHeight, outWidth, c]));
    }
  }
  return taps;
}
