import * as tf from '@tensorflow/tfjs-core';
import type { AnyNetConfig } from '../space/anynet';
import { planNetwork } from '../space/plan';
import { paramSpecs } from '../train/params';
import type { TrainedWeights } from './api';

/**
 * Keeps a copy of a model's trained variables at the end of its last epoch, before trainModel disposes
 * them. The trainer builds the model's variables (in paramSpecs order) and then the SGD buffer, one
 * model at a time in a worker: the model's variables are the ones just before the newest. Shapes are
 * checked against the specs; a mismatch takes no copy rather than a wrong one.
 */
export function createWeightsSnapshot(cfg: AnyNetConfig) {
  const specs = paramSpecs(planNetwork(cfg));
  let copies: tf.Tensor[] | undefined;
  const release = () => {
    if (copies) tf.dispose(copies);
    copies = undefined;
  };
  return {
    take(): void {
      release();
      const vars = Object.values(tf.engine().registeredVariables);
      const model = vars.slice(-(specs.length + 1), -1);
      if (model.length !== specs.length) return;
      if (!model.every((v, i) => tf.util.arraysEqual(v.shape, specs[i].shape))) return;
      // A clone shares the variable's data and keeps it alive after the variable is disposed.
      copies = model.map((v) => tf.clone(v));
    },
    /** Encodes the copy (when there is one) and frees it; always frees, whatever happens. */
    async encode(): Promise<TrainedWeights | undefined> {
      if (!copies) return undefined;
      try {
        const named = copies.map((tensor, i) => ({ name: specs[i].name, tensor }));
        const { data, specs: weightSpecs } = await tf.io.encodeWeights(named);
        return {
          weightSpecs: weightSpecs.map(({ name, shape, dtype }) => ({ name, shape, dtype })),
          weightData: data,
        };
      } finally {
        release();
      }
    },
    release,
  };
}
