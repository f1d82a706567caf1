import * as tf from '@tensorflow/tfjs-core';

/** Mean softmax cross-entropy of logits [N, K] against one-hot targets [N, K] (pycls's loss without smoothing). */
export const crossEntropy = (logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar =>
  tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), 1))) as tf.Scalar;

/** Number of top-1 mistakes in a batch, as a float scalar (stays on the device until read). */
export const countWrong = (logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar =>
  tf.sum(tf.cast(tf.notEqual(tf.argMax(logits, 1), labels), 'float32'));
