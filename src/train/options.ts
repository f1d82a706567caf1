/**
 * Training options: pycls's recipe (REGNET.md §7) scaled down to short runs.
 * SGD + Nesterov momentum 0.9, weight decay 5e-5 on all parameters, lr 0.1 per 128 images,
 * per-step cosine with a linear warm-up from 0.1 * lr (short runs need it: at lr 0.1 a fresh net
 * often blows up in the first steps without one).
 */
export interface TrainOptions {
  epochs: number;
  /** Linear warm-up length in epochs (may be fractional). Default: 1, at most a third of the run. */
  warmupEpochs: number;
  batchSize: number;
  /** Base learning rate. Default: 0.1 * batchSize / 128 (the linear scaling rule of the dds configs). */
  lr: number;
  momentum: number;
  nesterov: boolean;
  weightDecay: number;
  /** Use only this many training / test images (a class-balanced subset); default: all. */
  trainSize?: number;
  testSize?: number;
  /** Seed of the subsets. Fixed (0) by default so that every model of a study sees the same images. */
  subsetSeed: number;
  /** Seed of weight init, shuffling and augmentation. */
  seed: number;
  /** Random crop with padding and (where the data set allows) horizontal flip. */
  augment: boolean;
  /** Images per evaluation batch. Default: batchSize (eval needs less memory than training at that size). */
  evalBatchSize: number;
  /** Read the loss back from the device every this many steps (and at each epoch end). */
  syncEvery: number;
  /** Evaluate on the test set after every epoch instead of only after the last. */
  evalEachEpoch: boolean;
  /** Adapter description from initBackend, copied into the result. */
  adapter?: string;
}

export const DEFAULT_EPOCHS = 3;
export const DEFAULT_BATCH_SIZE = 128;

export function resolveTrainOptions(partial: Partial<TrainOptions> = {}): TrainOptions {
  const epochs = partial.epochs ?? DEFAULT_EPOCHS;
  const batchSize = partial.batchSize ?? DEFAULT_BATCH_SIZE;
  const o: TrainOptions = {
    epochs,
    warmupEpochs: partial.warmupEpochs ?? Math.min(1, epochs / 3),
    batchSize,
    lr: partial.lr ?? (0.1 * batchSize) / 128,
    momentum: partial.momentum ?? 0.9,
    nesterov: partial.nesterov ?? true,
    weightDecay: partial.weightDecay ?? 5e-5,
    trainSize: partial.trainSize,
    testSize: partial.testSize,
    subsetSeed: partial.subsetSeed ?? 0,
    seed: partial.seed ?? 0,
    augment: partial.augment ?? false,
    evalBatchSize: partial.evalBatchSize ?? batchSize,
    syncEvery: partial.syncEvery ?? 8,
    evalEachEpoch: partial.evalEachEpoch ?? false,
    adapter: partial.adapter,
  };
  const problems = optionProblems(o);
  if (problems.length) throw new Error(`Invalid training options: ${problems.join('; ')}.`);
  return o;
}

function optionProblems(o: TrainOptions): string[] {
  const p: string[] = [];
  const posInt = (name: string, v: number | undefined) => {
    if (v !== undefined && !(Number.isInteger(v) && v >= 1))
      p.push(`${name} must be a whole number >= 1 (got ${v})`);
  };
  posInt('epochs', o.epochs);
  posInt('batchSize', o.batchSize);
  posInt('evalBatchSize', o.evalBatchSize);
  posInt('syncEvery', o.syncEvery);
  posInt('trainSize', o.trainSize);
  posInt('testSize', o.testSize);
  if (!(o.warmupEpochs >= 0 && o.warmupEpochs <= o.epochs))
    p.push(`warmupEpochs must be between 0 and epochs (${o.epochs}) (got ${o.warmupEpochs})`);
  if (!(o.lr > 0 && Number.isFinite(o.lr))) p.push(`lr must be a finite number > 0 (got ${o.lr})`);
  if (!(o.momentum >= 0 && o.momentum < 1)) p.push(`momentum must be in [0, 1) (got ${o.momentum})`);
  if (!(o.weightDecay >= 0 && Number.isFinite(o.weightDecay)))
    p.push(`weightDecay must be >= 0 (got ${o.weightDecay})`);
  if (!Number.isSafeInteger(o.seed)) p.push(`seed must be an integer (got ${o.seed})`);
  if (!Number.isSafeInteger(o.subsetSeed)) p.push(`subsetSeed must be an integer (got ${o.subsetSeed})`);
  return p;
}
