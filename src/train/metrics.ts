import * as tf from '@tensorflow/tfjs-core';

/** Peak memory seen while training one model (tf.memory() sampled at every step and eval batch). */
export interface MemoryPeak {
  tensors: number;
  /** Bytes held by live tensors, as tfjs counts them. */
  bytes: number;
  /** Bytes of live tensors in GPU buffers/textures (webgpu, webgl); null on cpu and wasm. */
  gpuBytes: number | null;
}

/** Live GPU bytes where the backend reports them (webgpu and webgl both name the field numBytesInGPU). */
export function gpuBytesInUse(info: tf.MemoryInfo): number | null {
  const v = (info as tf.MemoryInfo & { numBytesInGPU?: number }).numBytesInGPU;
  return typeof v === 'number' ? v : null;
}

export function createMemoryTracker(): { sample(): void; peak(): MemoryPeak } {
  const peak: MemoryPeak = { tensors: 0, bytes: 0, gpuBytes: null };
  const sample = () => {
    const info = tf.memory();
    peak.tensors = Math.max(peak.tensors, info.numTensors);
    peak.bytes = Math.max(peak.bytes, info.numBytes);
    const gpu = gpuBytesInUse(info);
    if (gpu !== null) peak.gpuBytes = Math.max(peak.gpuBytes ?? 0, gpu);
  };
  sample();
  return { sample, peak: () => ({ ...peak }) };
}

/** Top-1 error in percent (pycls convention), from a count of wrong predictions. */
export const errorPercent = (wrong: number, total: number): number =>
  total > 0 ? (100 * wrong) / total : NaN;

export const nowMs = (): number => performance.now();

/** Reads and frees device scalars in one transfer (tf.stack, not tf.addN: addN of >= 8 breaks on webgpu). */
export async function readScalars(ts: tf.Scalar[]): Promise<Float32Array> {
  if (ts.length === 0) return new Float32Array(0);
  const stacked = tf.stack(ts);
  try {
    return (await stacked.data()) as Float32Array;
  } finally {
    stacked.dispose();
    tf.dispose(ts);
  }
}
