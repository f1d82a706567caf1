import * as tf from '@tensorflow/tfjs-core';
import { gatherBatch, gatherLabels } from '../src/data/batches';
import { channelStats, type Dataset } from '../src/data/dataset';
import { syntheticDataset } from '../src/data/synthetic';
import type { AnyNetConfig } from '../src/space/anynet';
import { complexity } from '../src/space/complexity';
import { findPreset } from '../src/space/presets';
import { regnetToAnyNet } from '../src/space/regnet';
import { initBackend, type BackendName } from '../src/train/backend';
import { trainModel } from '../src/train/trainer';
import { buildNaiveModel, compileNaive, trainableParamCount } from './naive-layers';

// Training throughput: dslab's trainer (trainModel) against the same network written with tf.layers + model.fit
// (naive-layers.ts), on the same synthetic batches. Every step is timed on its own (loss read back each step, on
// both sides); one warm-up step is dropped and images/s = batch / median step time.

export interface Row {
  backend: BackendName;
  where: 'node' | 'chromium';
  batchSize: number;
  /** Timed steps per side, after `warmupSteps` untimed ones (kernel/shader compilation). */
  steps: number;
  warmupSteps: number;
  /** batchSize / median step time of each side. */
  dslabImagesPerSec: number;
  naiveImagesPerSec: number;
  /** 3 × forward flops (multiply-adds, pycls's count) × images/s / 1e9. */
  dslabGflops: number;
  naiveGflops: number;
  /** dslab images/s ÷ naive images/s. */
  ratio: number;
  /** Wall ms of every timed step, each ending with the loss read back. */
  dslabStepMs: number[];
  naiveStepMs: number[];
  /** Mean training loss of the run (a finite value shows both sides really trained). */
  dslabLoss: number;
  naiveLoss: number;
  forwardFlops: number;
  params: number;
  /** WebGPU adapter or WebGL renderer, when known. */
  adapter?: string;
}

export interface TrainBenchSettings {
  batchSize: number;
  steps: number;
}

export interface BenchTrainOptions {
  /** Default: cpu and wasm (the Node backends). */
  backends?: BackendName[];
  /** Batch size and timed steps per backend; default: batch 128, 2 timed steps on cpu and 5 elsewhere. */
  settings?: (backend: BackendName) => TrainBenchSettings;
  where?: Row['where'];
  log?: (line: string) => void;
}

export const BENCH_BATCH_SIZE = 128;
const WARMUP_STEPS = 1;
/** Both sides use this lr: a few steps at pycls's 0.1 sometimes blow up a fresh net without warm-up. */
const LR = 0.02;
const MOMENTUM = 0.9;

/** The benchmark net: RegNetX-200MF's stages on 32x32x3 input with the CIFAR stem (3x3 stride 1, width 32), 10 classes. */
export function benchNetConfig(): AnyNetConfig {
  const preset = findPreset('RegNetX-200MF');
  if (!preset) throw new Error('bench: the RegNetX-200MF preset is missing from src/space/presets.ts');
  return regnetToAnyNet(preset, { resolution: 32, channels: 3, classes: 10, stem: 'cifar' }).config;
}

export function defaultTrainSettings(backend: BackendName): TrainBenchSettings {
  return { batchSize: BENCH_BATCH_SIZE, steps: backend === 'cpu' ? 2 : 5 };
}

function benchData(cfg: AnyNetConfig, s: TrainBenchSettings): Dataset {
  return syntheticDataset({
    trainSize: s.batchSize * (WARMUP_STEPS + s.steps),
    testSize: 8,
    height: cfg.input.resolution,
    width: cfg.input.resolution,
    channels: cfg.input.channels,
    classes: cfg.head.classes,
    seed: 1,
  });
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

interface SideResult {
  /** Wall ms of each timed step (warm-up excluded), each ending with the loss read back from the device. */
  stepMs: number[];
  loss: number;
}

/** Drops the warm-up step (model build, kernel/shader compilation) from the per-step wall times. */
function timedSteps(all: number[], s: TrainBenchSettings, side: string): number[] {
  if (all.length !== WARMUP_STEPS + s.steps) {
    throw new Error(`bench: ${side} ran ${all.length} steps, expected ${WARMUP_STEPS + s.steps}`);
  }
  return all.slice(WARMUP_STEPS);
}

/**
 * dslab: the real trainer, one epoch of warm-up + timed steps, reading the loss back after every step (syncEvery 1)
 * so that each step is timed on its own: the median step resists the noise of a shared machine.
 */
async function runDslab(
  cfg: AnyNetConfig,
  data: Dataset,
  s: TrainBenchSettings,
  params: number,
): Promise<SideResult> {
  const stepMs: number[] = [];
  let last = performance.now();
  const result = await trainModel(
    cfg,
    data,
    {
      epochs: 1,
      batchSize: s.batchSize,
      lr: LR,
      momentum: MOMENTUM,
      warmupEpochs: 0,
      augment: false,
      syncEvery: 1,
      testSize: 8,
      evalBatchSize: 8,
    },
    {
      onProgress: (e) => {
        if (e.type !== 'loss') return;
        const now = performance.now();
        stepMs.push(now - last);
        last = now;
      },
    },
  );
  if (result.status !== 'done') {
    throw new Error(`bench: dslab training ended '${result.status}' (${result.message ?? 'no message'})`);
  }
  if (result.params !== params) {
    throw new Error(`bench: dslab's model has ${result.params} parameters but complexity() counts ${params}`);
  }
  return { stepMs: timedSteps(stepMs, s, 'dslab'), loss: result.curve[0]?.trainLoss ?? NaN };
}

/** The same images as the trainer sees them (normalized with the training split's channel stats), in order. */
function naiveTensors(data: Dataset, count: number): { x: tf.Tensor4D; y: tf.Tensor2D } {
  const stats = channelStats(data);
  const indices = Array.from({ length: count }, (_, i) => i);
  const x = tf.tensor4d(gatherBatch(data.train, indices, stats.mean, stats.std), [
    count,
    data.height,
    data.width,
    data.channels,
  ]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(gatherLabels(data.train, indices), 'int32'), data.classes));
  return { x, y: y as tf.Tensor2D };
}

/**
 * Naive: the tf.layers model, one model.fit epoch over warm-up + timed batches. A batch-end callback makes
 * tf.layers read each batch's loss back (as the progress bars of tfjs examples do), which times every step.
 */
async function runNaive(
  cfg: AnyNetConfig,
  data: Dataset,
  s: TrainBenchSettings,
  params: number,
): Promise<SideResult> {
  const model = buildNaiveModel(cfg);
  const optimizer = compileNaive(model, { lr: LR, momentum: MOMENTUM });
  const { x, y } = naiveTensors(data, s.batchSize * (WARMUP_STEPS + s.steps));
  try {
    const naiveParams = trainableParamCount(model);
    if (naiveParams !== params) {
      throw new Error(
        `bench: the tf.layers net has ${naiveParams} trainable parameters but complexity() counts ${params}; ` +
          'the two sides would not train the same network',
      );
    }
    const stepMs: number[] = [];
    let last = performance.now();
    const history = await model.fit(x, y, {
      batchSize: s.batchSize,
      epochs: 1,
      shuffle: false,
      verbose: 0,
      callbacks: {
        onBatchEnd: async () => {
          const now = performance.now();
          stepMs.push(now - last);
          last = now;
        },
      },
    });
    const loss = history.history.loss?.[0];
    return { stepMs: timedSteps(stepMs, s, 'naive'), loss: typeof loss === 'number' ? loss : NaN };
  } finally {
    tf.dispose([x, y]);
    model.dispose();
    optimizer.dispose();
  }
}

/** Both sides on the active backend (call initBackend first). */
export async function measureTrain(
  backend: BackendName,
  s: TrainBenchSettings,
  where: Row['where'],
  log: (line: string) => void = () => {},
): Promise<Row> {
  if (!(Number.isInteger(s.batchSize) && s.batchSize >= 2 && Number.isInteger(s.steps) && s.steps >= 1)) {
    throw new Error(`bench: batch size must be a whole number ≥ 2 and steps ≥ 1, got ${JSON.stringify(s)}`);
  }
  const cfg = benchNetConfig();
  const { flops, params } = complexity(cfg);
  const data = benchData(cfg, s);
  const gflops = (imagesPerSec: number) => (3 * flops * imagesPerSec) / 1e9;

  const imagesPerSec = (side: SideResult) => (1000 * s.batchSize) / median(side.stepMs);
  const ms = (side: SideResult) => side.stepMs.map((t) => t.toFixed(0)).join(', ');

  log(`${backend}: dslab trainer, batch ${s.batchSize}, ${WARMUP_STEPS} warm-up + ${s.steps} timed steps…`);
  const dslab = await runDslab(cfg, data, s, params);
  log(`${backend}: dslab steps ${ms(dslab)} ms; tf.layers + model.fit…`);
  const naive = await runNaive(cfg, data, s, params);
  log(`${backend}: naive steps ${ms(naive)} ms`);
  const dslabImagesPerSec = imagesPerSec(dslab);
  const naiveImagesPerSec = imagesPerSec(naive);
  return {
    backend,
    where,
    batchSize: s.batchSize,
    steps: s.steps,
    warmupSteps: WARMUP_STEPS,
    dslabImagesPerSec,
    naiveImagesPerSec,
    dslabGflops: gflops(dslabImagesPerSec),
    naiveGflops: gflops(naiveImagesPerSec),
    ratio: dslabImagesPerSec / naiveImagesPerSec,
    dslabStepMs: dslab.stepMs,
    naiveStepMs: naive.stepMs,
    dslabLoss: dslab.loss,
    naiveLoss: naive.loss,
    forwardFlops: flops,
    params,
  };
}

/** Trains the benchmark net with dslab and with tf.layers on each backend that starts; one Row per backend. */
export async function benchTrain(opts: BenchTrainOptions = {}): Promise<Row[]> {
  const log = opts.log ?? (() => {});
  const rows: Row[] = [];
  for (const backend of opts.backends ?? ['cpu', 'wasm']) {
    let adapter: string | undefined;
    try {
      adapter = (await initBackend(backend)).adapter;
    } catch (e) {
      log(`${backend}: skipped (${(e as Error).message})`);
      continue;
    }
    const settings = (opts.settings ?? defaultTrainSettings)(backend);
    const row = await measureTrain(backend, settings, opts.where ?? 'node', log);
    rows.push(adapter ? { ...row, adapter } : row);
  }
  return rows;
}
