import * as tf from '@tensorflow/tfjs-core';
import { sequentialBatches } from '../data/batches';
import type { Split } from '../data/dataset';
import type { Input } from './input';
import { countWrong } from './loss';
import { nowMs, readScalars } from './metrics';
import { forward, type Model } from './model';

/** Top-1 mistakes of the model in eval mode (running BN statistics) over a whole split, in batches. */
export async function countMistakes(
  m: Model,
  input: Input,
  split: Split,
  batchSize: number,
  onBatch: (batch: number, batches: number) => Promise<void>,
): Promise<number> {
  const batches = sequentialBatches(split.count, batchSize);
  const wrongs: tf.Scalar[] = [];
  try {
    for (const [b, idx] of batches.entries()) {
      wrongs.push(
        tf.tidy(() => {
          const { x, y } = input.batch(split, idx);
          return countWrong(forward(m, x, false), y);
        }),
      );
      await onBatch(b + 1, batches.length);
    }
    // One read at the end: the device never waits for the host between batches.
    const values = await readScalars(wrongs.splice(0));
    return values.reduce((a, v) => a + v, 0);
  } finally {
    tf.dispose(wrongs);
  }
}

/**
 * Forward-only time per image in eval mode on one test batch: an untimed warm-up call (kernel/shader
 * compilation), then `repeats` timed calls, each until its logits are read back.
 */
export async function inferenceMsPerImage(
  m: Model,
  input: Input,
  batchSize: number,
  repeats = 3,
): Promise<number> {
  const n = Math.min(batchSize, input.test.count);
  const { x, y } = input.batch(
    input.test,
    Array.from({ length: n }, (_, i) => i),
  );
  y.dispose();
  try {
    const run = async () => {
      const logits = tf.tidy(() => forward(m, x, false));
      await logits.data();
      logits.dispose();
    };
    await run();
    const t0 = nowMs();
    for (let r = 0; r < repeats; r++) await run();
    return (nowMs() - t0) / (repeats * n);
  } finally {
    x.dispose();
  }
}
