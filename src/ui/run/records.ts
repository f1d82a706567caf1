import { BUILTIN_TEST_SIZE, BUILTIN_TRAIN_SIZE } from '../../data/builtin';
import type { DataInfo, ResultRecord, TrainingInfo } from '../../io/results';
import type { SweepSettings } from '../../store/settings-slice';
import type { DataChoice, JobRow, Sweep } from '../../store/study-types';
import {
  curveToFractions,
  failureToRecord as sharedFailureToRecord,
  percentToFraction,
  resolveTrainOptions,
  resultToRecord as sharedResultToRecord,
  trainingInfoOf as recipeOf,
  type DataSource,
  type RecordContext as SharedContext,
  type TrainOptions,
  type TrainResult,
} from '../../worker/api';

// The trainer speaks percent (pycls); records and queue rows speak fractions (io/results.ts).
export { curveToFractions, percentToFraction };

/** The options a sweep's models train with (the same for every model: one recipe per study). */
export const trainOptionsOf = (s: SweepSettings): Partial<TrainOptions> => ({
  epochs: s.epochs,
  warmupEpochs: s.warmupEpochs,
  batchSize: s.batchSize,
  trainSize: s.trainSize,
  seed: s.seed,
});

export const trainingInfoOf = (s: SweepSettings): TrainingInfo =>
  recipeOf(resolveTrainOptions(trainOptionsOf(s)));

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

/** The shared record context of a lab job: ids, space, data and recipe from its sweep. */
const contextOf = (c: RecordContext): SharedContext => ({
  id: c.job.id,
  sweep: c.sweep.id,
  space: c.job.config.space ?? c.sweep.space.baseId,
  config: c.job.config,
  data: dataInfoOf(c.data, c.sweep.settings),
  training: trainingInfoOf(c.sweep.settings),
  finishedAt: c.finishedAt,
  ...(c.adapter ? { adapter: c.adapter } : {}),
});

/** A finished (done or diverged) training run as a result record. */
export const resultToRecord = (result: TrainResult, c: RecordContext): ResultRecord =>
  sharedResultToRecord(result, contextOf(c));

/** A job the pool gave up on (a bad config, a worker that died twice) as a failed record. */
export const failureToRecord = (
  message: string,
  c: RecordContext & { backend: string; wallSeconds: number },
): ResultRecord =>
  sharedFailureToRecord(message, { ...contextOf(c), backend: c.backend, wallSeconds: c.wallSeconds });
