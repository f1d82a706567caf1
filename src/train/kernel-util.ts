import * as tf from '@tensorflow/tfjs-core';

/** A kernel input by name; tfjs types every entry of the input map as optional. */
export function kernelInput(inputs: tf.NamedTensorInfoMap, name: string): tf.TensorInfo {
  const info = inputs[name];
  if (!info) throw new Error(`kernel input '${name}' is missing`);
  return info;
}
