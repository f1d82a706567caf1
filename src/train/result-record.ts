import type { ModelConfigDoc } from '../io/model-config';
import type { CurvePoint, DataInfo, ResultRecord, TrainingInfo } from '../io/results';
import type { TrainOptions } from './options';
import type { TrainResult } from './trainer';

// A training run as a results record, for the CLI's sweep and the lab's runner alike. The trainer speaks
// percent (pycls); results files, --json output and the lab speak fractions (io/results.ts).

export const percentToFraction = (percent: number): number => Math.min(1, Math.max(0, percent / 100));

export function curveToFractions(curve: TrainResult['curve']): CurvePoint[] {
  return curve.map((p) => ({
    epoch: p.epoch,
    trainLoss: Number.isFinite(p.trainLoss) ? p.trainLoss : null,
    trainError: percentToFraction(p.trainError),
    ...(p.testError !== undefined ? { testError: percentToFraction(p.testError) } : {}),
    lr: p.lr,
  }));
}

/** The recipe as results v1 stores it (warm-up may be a fraction of an epoch, as the trainer's default is). */
export function trainingInfoOf(o: TrainOptions): TrainingInfo {
  return {
    epochs: o.epochs,
    warmupEpochs: o.warmupEpochs,
    batchSize: o.batchSize,
    lr: o.lr,
    weightDecay: o.weightDecay,
    seed: o.seed,
  };
}

export interface RecordContext {
  id: string;
  sweep: string;
  space: string;
  config: ModelConfigDoc;
  data: DataInfo;
  training: TrainingInfo;
  finishedAt: string;
  /** The backend's adapter when the result does not carry one (the lab's worker reports it at start-up). */
  adapter?: string;
}

const MAX_MESSAGE_CHARS = 2000;

/** The fields every record of a context carries, whatever the outcome. */
const recordOf = (c: RecordContext) => ({
  id: c.id,
  sweep: c.sweep,
  space: c.space,
  config: c.config,
  complexity: c.config.complexity,
  data: c.data,
  training: c.training,
  finishedAt: c.finishedAt,
});

/** A finished run (done, diverged or cancelled) as a results record; a cancelled run counts as failed. */
export function resultToRecord(result: TrainResult, c: RecordContext): ResultRecord {
  const done = result.status === 'done' && result.testError !== null;
  const status = done ? 'done' : result.status === 'diverged' ? 'diverged' : 'failed';
  const message = result.message ?? (done ? undefined : `status ${result.status}`);
  const adapter = result.backend.adapter ?? c.adapter;
  return {
    ...recordOf(c),
    status,
    error: done ? percentToFraction(result.testError!) : null,
    ...(message ? { message: message.slice(0, MAX_MESSAGE_CHARS) } : {}),
    curve: curveToFractions(result.curve),
    backend: { name: result.backend.name, ...(adapter ? { adapter } : {}) },
    timings: {
      wallSeconds: result.wallSeconds,
      imagesPerSec: result.imagesPerSec,
      inferenceMsPerImage: result.inferenceMsPerImage,
    },
    peakBytes: result.peakBytes,
  };
}

/** A run that threw (a bad config, out of memory) as a failed record carrying the error message. */
export function failureToRecord(
  message: string,
  c: RecordContext & { backend: string; wallSeconds: number },
): ResultRecord {
  return {
    ...recordOf(c),
    status: 'failed',
    error: null,
    message: message.slice(0, MAX_MESSAGE_CHARS) || 'training failed',
    curve: [],
    backend: { name: c.backend },
    timings: { wallSeconds: Math.max(0, c.wallSeconds), imagesPerSec: null, inferenceMsPerImage: null },
  };
}
