import * as tf from '@tensorflow/tfjs-core';

/**
 * A dense k x k convolution (NHWC, filter [k, k, cin, cout]) with pycls padding (k - 1) / 2 on every side,
 * output floor((h - 1) / stride) + 1. tfjs 'same' would give the same size but pad only bottom/right at
 * stride 2, shifting the windows; a number pad is symmetric.
 *
 * 1x1 convs (the a, c and projection convs: most of an X block) run as one matMul, after subsampling for
 * stride 2. Same values, but the weight gradient becomes a tuned matMul instead of Conv2DBackpropFilter,
 * which is naive on webgpu (one thread per weight looping over N*H*W) and slow on cpu.
 */
export function pyclsConv2d(x: tf.Tensor4D, w: tf.Tensor4D, stride: number): tf.Tensor4D {
  const [k, , cin, cout] = w.shape;
  if (k !== 1) return tf.conv2d(x, w, stride, (k - 1) / 2);
  const xs = stride === 1 ? x : subsample(x, stride);
  const [n, h, wd] = xs.shape;
  const y = tf.matMul(tf.reshape(xs, [n * h * wd, cin]), tf.reshape(w, [cin, cout]));
  return tf.reshape(y, [n, h, wd, cout]);
}

/**
 * x[:, ::s, ::s, :] with differentiable ops only (tfjs 4.22 has no gradient for stridedSlice): pad H and W
 * up to multiples of s, fold each s x s cell into the batch and channel axes, and keep its top-left pixel.
 */
export function subsample(x: tf.Tensor4D, s: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const oh = Math.ceil(h / s);
  const ow = Math.ceil(w / s);
  const padded =
    oh * s === h && ow * s === w
      ? x
      : tf.pad(x, [
          [0, 0],
          [0, oh * s - h],
          [0, ow * s - w],
          [0, 0],
        ]);
  // [n, oh*s, ow*s, c] -> [n*oh, s, ow, s*c]: row r = s*i + a, column s*j + b lands at [n*oh+i, a, j, b*c + ch].
  const cells = tf.reshape(padded, [n * oh, s, ow, s * c]);
  return tf.reshape(tf.slice(cells, [0, 0, 0, 0], [n * oh, 1, ow, c]), [n, oh, ow, c]);
}
