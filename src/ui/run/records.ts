import { BUILTIN_TEST_SIZE, BUILTIN_TRAIN_SIZE } from '../../data/builtin';
import type { CurvePoint, DataInfo, ResultRecord, TrainingInfo } from '../../io/results';
import type { SweepSettings } from '../../store/settings-slice';
import type { DataChoice, JobRow, Sweep } from '../../store/study-types';
import { resolveTrainOptions, type DataSource, type TrainOptions, type TrainResult } from '../../worker/api';

type TrainCurvePoint = TrainResult['curve'][number];

/**
 * The boundary between the trainer and the lab's results: the trainer speaks percent (pycls), records
 * and queue rows speak fractions (io/results.ts).
 */
export const percentToFraction = (percent: number): number => Math.min(1, Math.max(0, percent / 100));

export function curveToFractions(curve: readonly TrainCurvePoint[]): CurvePoint[] {
  return curve.map((p) => ({
    epoch: p.epoch,
    trainLoss: Number.isFinite(p.trainLoss) ? p.trainLoss : null,
    trainError: percentToFraction(p.trainError),
    ...(p.testError !== undefined ? { testError: percentToFraction(p.testError) } : {}),
    lr: p.lr,
  }));
}

/** The options a sweep's models train with (the same for every model: one recipe per study). */
export const trainOptionsOf = (s: SweepSettings): Partial<TrainOptions> => ({
  epochs: s.epochs,
  warmupEpochs: s.warmupEpochs,
  batchSize: s.batchSize,
  trainSize: s.trainSize,
  seed: s.seed,
});

export function trainingInfoOf(s: SweepSettings): TrainingInfo {
  const o = resolveTrainOptions(trainOptionsOf(s));
  return {
    epochs: o.epochs,
    warmupEpochs: o.warmupEpochs,
    batchSize: o.batchSize,
    lr: o.lr,
    weightDecay: o.weightDecay,
    seed: o.seed,
  };
}

/** Train/test image counts of a source, as far as the main thread knows them without loading it. */
function sourceCounts(source: DataSource): { train: number; test: number } {
  if (source.kind === 'builtin') return { train: BUILTIN_TRAIN_SIZE, test: BUILTIN_TEST_SIZE };
  if (source.kind === 'synthetic') return { train: source.trainSize, test: source.testSize };
  return { train: source.dataset.train.count, test: source.dataset.test.count };
}

export function dataInfoOf(data: DataChoice, s: SweepSettings): DataInfo {
  const counts = sourceCounts(data.source);
  return {
    name: data.name,
    trainSize: Math.min(s.trainSize, counts.train),
    testSize: counts.test,
    resolution: data.resolution,
    channels: data.channels,
    classes: data.classes,
  };
}

interface RecordContext {
  job: Pick<JobRow, 'id' | 'config'>;
  sweep: Pick<Sweep, 'id' | 'settings' | 'space'>;
  data: DataChoice;
  finishedAt: string;
  /** The worker's adapter when the result does not carry one. */
  adapter?: string;
}

const spaceOf = (c: RecordContext): string => c.job.config.space ?? c.sweep.space.baseId;

/** A finished (done or diverged) training run as a result record. */
export function resultToRecord(result: TrainResult, c: RecordContext): ResultRecord {
  const done = result.status === 'done' && result.testError !== null;
  const adapter = result.backend.adapter ?? c.adapter;
  return {
    id: c.job.id,
    sweep: c.sweep.id,
    space: spaceOf(c),
    config: c.job.config,
    complexity: c.job.config.complexity,
    status: done ? 'done' : result.status === 'diverged' ? 'diverged' : 'failed',
    error: done ? percentToFraction(result.testError!) : null,
    ...(result.message ? { message: result.message } : {}),
    curve: curveToFractions(result.curve),
    data: dataInfoOf(c.data, c.sweep.settings),
    training: trainingInfoOf(c.sweep.settings),
    backend: { name: result.backend.name, ...(adapter ? { adapter } : {}) },
    timings: {
      wallSeconds: result.wallSeconds,
      imagesPerSec: result.imagesPerSec,
      inferenceMsPerImage: result.inferenceMsPerImage,
    },
    peakBytes: result.peakBytes,
    finishedAt: c.finishedAt,
  };
}

/** A job the pool gave up on (a bad config, a worker that died twice) as a failed record. */
export function failureToRecord(
  message: string,
  c: RecordContext & { backend: string; wallSeconds: number },
): ResultRecord {
  return {
    id: c.job.id,
    sweep: c.sweep.id,
    space: spaceOf(c),
    config: c.job.config,
    complexity: c.job.config.complexity,
    status: 'failed',
    error: null,
    message: message.slice(0, 2000) || 'training failed',
    curve: [],
    data: dataInfoOf(c.data, c.sweep.settings),
    training: trainingInfoOf(c.sweep.settings),
    backend: { name: c.backend },
    timings: { wallSeconds: Math.max(0, c.wallSeconds), imagesPerSec: null, inferenceMsPerImage: null },
    finishedAt: c.finishedAt,
  };
}
