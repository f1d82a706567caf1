import * as tf from '@tensorflow/tfjs-core';

/**
 * tf.addN with 8 or more inputs silently returns wrong values on webgpu (the shader binds one storage buffer per
 * input and tfjs keeps the default limit of 8 per stage; TFJS.md pitfall 3). Never pass it more than this.
 */
export const MAX_ADDN_INPUTS = 7;

/** Element-wise sum of same-shaped tensors, safe on every backend: addN over chunks of ≤ 7, then recursively. */
export function sumTensors<T extends tf.Tensor>(tensors: readonly T[]): T {
  if (tensors.length === 0) throw new Error('sumTensors: got no tensors; pass at least one');
  const shape = tensors[0].shape;
  for (const [i, t] of tensors.entries()) {
    if (!tf.util.arraysEqual(t.shape, shape)) {
      throw new Error(
        `sumTensors: all tensors must have the same shape; #0 is [${shape.join(',')}] but #${i} is ` +
          `[${t.shape.join(',')}] (broadcast them first)`,
      );
    }
  }
  if (tensors.length === 1) return tf.clone(tensors[0]);
  return tf.tidy(() => {
    let level: T[] = [...tensors];
    while (level.length > 1) {
      const next: T[] = [];
      for (let i = 0; i < level.length; i += MAX_ADDN_INPUTS) {
        const chunk = level.slice(i, i + MAX_ADDN_INPUTS);
        next.push(chunk.length === 1 ? chunk[0] : tf.addN(chunk));
      }
      level = next;
    }
    return level[0];
  });
}
