import * as tf from '@tensorflow/tfjs-core';
import type { AnyNetConfig } from '../space/anynet';
import { epochBatches } from '../data/batches';
import type { Dataset } from '../data/dataset';
import { createRng, deriveSeed, type Rng } from '../data/random';
import { countMistakes, inferenceMsPerImage } from './evaluate';
import { checkDataFitsConfig, prepareInput } from './input';
import { countWrong, crossEntropy } from './loss';
import { createMemoryTracker, errorPercent, nowMs, readScalars } from './metrics';
import { buildModel, disposeModel, forward, trainableVariables, type Model } from './model';
import { createSgd, type Sgd } from './optimizer';
import { resolveTrainOptions, type TrainOptions } from './options';
import { checkSchedule, learningRateAt, type ScheduleOptions } from './schedule';

export interface CurvePoint {
  /** 1-based epoch just finished. */
  epoch: number;
  /** Mean training loss and top-1 error (%) over the epoch's batches (train mode, augmented if enabled). */
  trainLoss: number;
  trainError: number;
  /** Test top-1 error (%) after this epoch, when evaluated. */
  testError?: number;
  /** Learning rate of the epoch's last step. */
  lr: number;
}

export type ProgressEvent =
  /** After every optimizer step (no device sync: no loss). */
  | { type: 'step'; epoch: number; step: number; totalSteps: number; lr: number }
  /** Every `syncEvery` steps and at epoch ends: loss and error (%) over the steps since the last one. */
  | {
      type: 'loss';
      epoch: number;
      step: number;
      totalSteps: number;
      loss: number;
      error: number;
      imagesPerSec: number;
    }
  | { type: 'epoch'; point: CurvePoint }
  | { type: 'eval'; epoch: number; batch: number; batches: number };

export interface TrainHooks {
  onProgress?(e: ProgressEvent): void;
  /** Polled before every step; true ends the run with status 'cancelled'. */
  shouldStop?(): boolean;
  /** Awaited after every step and eval batch, to let a worker answer messages (e.g. a MessageChannel yield). */
  yieldEvery?: () => Promise<void>;
}

export type TrainStatus = 'done' | 'diverged' | 'cancelled';

export interface TrainResult {
  status: TrainStatus;
  /** Final test top-1 error in % (pycls convention); null unless status is 'done'. */
  testError: number | null;
  curve: CurvePoint[];
  /** Training throughput after the first (kernel-compiling) step, evaluation excluded; null if nothing was timed. */
  imagesPerSec: number | null;
  /** Forward pass only, eval mode, after a warm-up call, per image of one batch; null unless 'done'. */
  inferenceMsPerImage: number | null;
  wallSeconds: number;
  backend: { name: string; adapter?: string };
  peakTensors: number;
  peakBytes: number;
  /** Peak bytes of live tensors on the GPU (webgpu/webgl); null on cpu and wasm. */
  peakGpuBytes: number | null;
  steps: number;
  /** Trainable parameters of the built model. */
  params: number;
  /** Why the run ended early, in words (diverged / cancelled). */
  message?: string;
}

interface StepOutput {
  loss: tf.Scalar;
  wrong: tf.Scalar;
}

/** One SGD step; returns the batch loss and mistake count as device scalars (not yet read). */
function trainStep(
  m: Model,
  vars: tf.Variable[],
  sgd: Sgd,
  x: tf.Tensor4D,
  y: tf.Tensor1D,
  lr: number,
): StepOutput {
  let wrong: tf.Scalar | undefined;
  const loss = tf.tidy(() => {
    const oneHot = tf.oneHot(y, m.plan.head.classes) as tf.Tensor2D;
    const { value, grads } = tf.variableGrads(() => {
      const logits = forward(m, x, true);
      wrong = tf.keep(countWrong(logits, y));
      return crossEntropy(logits, oneHot);
    }, vars);
    sgd.step(
      vars.map((v) => grads[v.name]),
      lr,
    );
    return value;
  });
  return { loss, wrong: wrong! };
}

/**
 * Trains one AnyNet on a data set and evaluates it (REGNET.md §7 recipe, options in options.ts).
 * Runs on the active tfjs backend. Leaves no tensors behind, whatever the outcome; a NaN/infinite loss
 * ends the run with status 'diverged' rather than an exception. Bad configs or options throw an Error.
 */
export async function trainModel(
  cfg: AnyNetConfig,
  data: Dataset,
  options: Partial<TrainOptions> = {},
  hooks: TrainHooks = {},
): Promise<TrainResult> {
  const start = nowMs();
  if (!tf.getGradient('Conv2D')) {
    // tfjs-core alone registers no gradients (TFJS.md §1.2); initBackend does it in a way that works everywhere.
    throw new Error('tfjs gradients are not registered: call initBackend() (src/train/backend.ts) before training.');
  }
  const o = resolveTrainOptions(options);
  checkDataFitsConfig(cfg, data);
  const input = prepareInput(data, o);
  const batchSize = Math.min(o.batchSize, input.train.count);
  const stepsPerEpoch = Math.floor(input.train.count / batchSize);
  const schedule: ScheduleOptions = {
    baseLr: o.lr,
    totalSteps: o.epochs * stepsPerEpoch,
    warmupSteps: Math.round(o.warmupEpochs * stepsPerEpoch),
  };
  checkSchedule(schedule);

  const memory = createMemoryTracker();
  const model = buildModel(cfg, o.seed);
  const vars = trainableVariables(model);
  const params = vars.reduce((n, v) => n + v.size, 0);
  const sgd = createSgd(vars, o);
  // Separate seeded streams of o.seed: init (in buildModel), shuffling (per epoch, in epochBatches), augmentation.
  const augmentRng: Rng | undefined = o.augment ? createRng(deriveSeed(o.seed, 0x5eed)) : undefined;
  const pending: StepOutput[] = [];

  const curve: CurvePoint[] = [];
  let status: TrainStatus = 'done';
  let message: string | undefined;
  let step = 0;
  let trainMs = 0;
  let trainedImages = 0;
  let testError: number | null = null;
  let inference: number | null = null;

  const evaluate = async (epoch: number) => {
    const wrong = await countMistakes(model, input, input.test, o.evalBatchSize, async (batch, batches) => {
      memory.sample();
      hooks.onProgress?.({ type: 'eval', epoch, batch, batches });
      await hooks.yieldEvery?.();
    });
    return errorPercent(wrong, input.test.count);
  };

  try {
    epochs: for (let epoch = 1; epoch <= o.epochs; epoch++) {
      // Full batches only (pycls drops the last partial one too): fixed shapes, no tiny BN batches.
      const batches = epochBatches(input.train.count, batchSize, { seed: o.seed, epoch, dropLast: true });
      let epochLoss = 0;
      let epochWrong = 0;
      let lr = 0;
      let t0 = nowMs();
      for (let s = 0; s < stepsPerEpoch; s++) {
        if (hooks.shouldStop?.()) {
          status = 'cancelled';
          message = `Cancelled at step ${step} of ${schedule.totalSteps}.`;
          break epochs;
        }
        lr = learningRateAt(step, schedule);
        const { x, y } = input.batch(input.train, batches[s], augmentRng);
        try {
          pending.push(trainStep(model, vars, sgd, x, y, lr));
        } finally {
          tf.dispose([x, y]);
        }
        step++;
        memory.sample();
        hooks.onProgress?.({ type: 'step', epoch, step, totalSteps: schedule.totalSteps, lr });

        // The first step compiles kernels (seconds on webgpu): sync right after it and keep it out of throughput.
        const compileStep = step === 1 && schedule.totalSteps > 1;
        if (compileStep || pending.length >= o.syncEvery || s === stepsPerEpoch - 1) {
          const n = pending.length;
          const values = await readScalars(pending.splice(0).flatMap((p) => [p.loss, p.wrong]));
          let lossSum = 0;
          let wrongSum = 0;
          for (let i = 0; i < n; i++) {
            lossSum += values[2 * i];
            wrongSum += values[2 * i + 1];
          }
          // The device has finished these steps now, so the elapsed time is real.
          const windowMs = nowMs() - t0;
          t0 = nowMs();
          if (!compileStep) {
            trainMs += windowMs;
            trainedImages += n * batchSize;
          }
          if (!Number.isFinite(lossSum)) {
            status = 'diverged';
            message = `Loss became ${lossSum} at step ${step} (lr ${lr.toPrecision(3)}); try a lower lr or a longer warm-up.`;
            break epochs;
          }
          epochLoss += lossSum;
          epochWrong += wrongSum;
          hooks.onProgress?.({
            type: 'loss',
            epoch,
            step,
            totalSteps: schedule.totalSteps,
            loss: lossSum / n,
            error: errorPercent(wrongSum, n * batchSize),
            imagesPerSec: compileStep ? (1000 * n * batchSize) / windowMs : (1000 * trainedImages) / trainMs,
          });
        }
        await hooks.yieldEvery?.();
      }
      const point: CurvePoint = {
        epoch,
        trainLoss: epochLoss / stepsPerEpoch,
        trainError: errorPercent(epochWrong, stepsPerEpoch * batchSize),
        lr,
      };
      if (o.evalEachEpoch || epoch === o.epochs) {
        point.testError = await evaluate(epoch);
        if (epoch === o.epochs) testError = point.testError;
      }
      curve.push(point);
      hooks.onProgress?.({ type: 'epoch', point });
    }
    if (status === 'done') inference = await inferenceMsPerImage(model, input, o.evalBatchSize);
  } finally {
    tf.dispose(pending.flatMap((p) => [p.loss, p.wrong]));
    sgd.dispose();
    disposeModel(model);
  }

  const peak = memory.peak();
  return {
    status,
    testError,
    curve,
    imagesPerSec: trainMs > 0 ? (1000 * trainedImages) / trainMs : null,
    inferenceMsPerImage: inference,
    wallSeconds: (nowMs() - start) / 1000,
    backend: { name: tf.getBackend(), ...(o.adapter ? { adapter: o.adapter } : {}) },
    peakTensors: peak.tensors,
    peakBytes: peak.bytes,
    peakGpuBytes: peak.gpuBytes,
    steps: step,
    params,
    ...(message ? { message } : {}),
  };
}
