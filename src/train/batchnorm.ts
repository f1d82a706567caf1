import * as tf from '@tensorflow/tfjs-core';

/** PyTorch/pycls BatchNorm2d defaults (REGNET.md §1.3). */
export const BN_MOMENTUM = 0.1;
export const BN_EPS = 1e-5;

export interface BnWeights {
  gamma: tf.Variable;
  beta: tf.Variable;
  /** Running statistics: buffers, updated in training, used in evaluation. */
  mean: tf.Variable;
  variance: tf.Variable;
}

export interface BnMode {
  /** true: normalize with the batch statistics; false: with the running statistics. */
  training: boolean;
  /** In training, also fold the batch statistics into the running ones (default true). */
  updateStats?: boolean;
}

/**
 * Per-channel vectors are broadcast as [1, 1, 1, C], never as [C]: tfjs-webgpu runs x[N,H,W,C] * c[C] on its
 * generic broadcasting path, ~15x slower than x * c[1,1,1,C] (Chromium SwiftShader, [16,32,32,32]: 228 vs 14 ms).
 */
const channelRow = (t: tf.Tensor, channels: number): tf.Tensor4D => tf.reshape(t, [1, 1, 1, channels]);

/**
 * Σ over N, H, W as one [1, M]·[M, C] matMul, as [1, 1, 1, C]. tfjs reduces over leading axes by transposing the
 * whole tensor first; the matMul does not (webgpu on SwiftShader, [16,32,32,32]: tf.sum 45 ms, matMul 13–23 ms),
 * and tfjs-webgpu runs such thin products with its split-K / reduce matMul programs.
 */
function channelSums(t: tf.Tensor): tf.Tensor4D {
  const [n, h, w, c] = t.shape;
  const m = n * h * w;
  return channelRow(tf.matMul(tf.ones([1, m]), tf.reshape(t, [m, c])), c);
}

/**
 * Batch norm over N, H, W of an NHWC tensor with affine gamma/beta.
 * Eval: y = x * scale + shift with scale = gamma / sqrt(running_var + eps), shift = beta - running_mean * scale.
 * Training: batch statistics (biased variance), with the closed-form backward pass
 *   dbeta = sum(dy), dgamma = sum(dy * xhat), dx = gamma / std * (dy - dbeta / n - xhat * dgamma / n),
 * which takes 5 full-size element-wise kernels instead of the ~12 that autodiff through tf.moments produces
 * (BN element-wise kernels dominate a step on GPUs, TFJS.md §3.3). Running stats follow PyTorch:
 * running = (1 - m) * running + m * batch with the UNBIASED batch variance n / (n - 1).
 */
export function batchNorm(x: tf.Tensor4D, w: BnWeights, mode: BnMode): tf.Tensor4D {
  const channels = x.shape[3];
  if (!mode.training) {
    const scale = tf.mul(w.gamma, tf.rsqrt(tf.add(w.variance, BN_EPS)));
    const shift = tf.sub(w.beta, tf.mul(w.mean, scale));
    return tf.add(tf.mul(x, channelRow(scale, channels)), channelRow(shift, channels));
  }
  const n = x.shape[0] * x.shape[1] * x.shape[2];
  const update = mode.updateStats ?? true;
  const train = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xs, gamma, beta] = args as tf.Tensor[];
    const save = args[3] as tf.GradSaveFunc;
    // tf.moments would compute x - mean twice (once inside, once for xhat).
    const mean = tf.div(channelSums(xs), n);
    const centered = tf.sub(xs, mean);
    const variance = tf.div(channelSums(tf.square(centered)), n);
    if (update) updateRunningStats(w, tf.reshape(mean, [channels]), tf.reshape(variance, [channels]), n);
    const invStd = tf.rsqrt(tf.add(variance, BN_EPS));
    const xhat = tf.mul(centered, invStd);
    const gammaRow = channelRow(gamma, channels);
    save([xhat, invStd, gammaRow]);
    return {
      value: tf.add(tf.mul(xhat, gammaRow), channelRow(beta, channels)),
      gradFunc: (dy: tf.Tensor, [savedXhat, savedInvStd, savedGamma]: tf.Tensor[]) => {
        const dbeta = channelSums(dy);
        const dgamma = channelSums(tf.mul(dy, savedXhat));
        const scale = tf.mul(savedGamma, savedInvStd);
        // dx = dy * scale - xhat * (scale * dgamma / n) - scale * dbeta / n
        const dx = tf.sub(
          tf.sub(tf.mul(dy, scale), tf.mul(savedXhat, tf.mul(scale, tf.div(dgamma, n)))),
          tf.mul(scale, tf.div(dbeta, n)),
        );
        return [dx, tf.reshape(dgamma, [channels]), tf.reshape(dbeta, [channels])];
      },
    };
  });
  return train(x, w.gamma, w.beta) as tf.Tensor4D;
}

function updateRunningStats(w: BnWeights, mean: tf.Tensor, variance: tf.Tensor, n: number): void {
  const m = BN_MOMENTUM;
  tf.tidy(() => {
    const unbiased = n > 1 ? tf.mul(variance, n / (n - 1)) : variance;
    w.mean.assign(tf.add(tf.mul(w.mean, 1 - m), tf.mul(mean, m)));
    w.variance.assign(tf.add(tf.mul(w.variance, 1 - m), tf.mul(unbiased, m)));
  });
}
