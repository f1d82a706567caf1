/**
 * The contract between the UI and a training worker. Plain, structured-cloneable data only:
 * the UI never sees tfjs, the worker never sees React.
 */
import type { Dataset } from '../data/dataset';
import type { AnyNetConfig } from '../space/anynet';
import type { BackendInfo, BackendName } from '../train/backend';
import type { TrainOptions } from '../train/options';
import type { ProgressEvent, TrainResult } from '../train/trainer';

export type { BackendInfo, BackendName, ProgressEvent, TrainOptions, TrainResult };
/** The option defaults a job will train with (pure, no tfjs): the UI records them with each result. */
export { resolveTrainOptions } from '../train/options';
/** A finished job as a results record (pure, no tfjs), the same mapping the CLI's sweep uses. */
export {
  curveToFractions,
  failureToRecord,
  percentToFraction,
  resultToRecord,
  trainingInfoOf,
  type RecordContext,
} from '../train/result-record';
export type BackendChoice = BackendName | 'auto';

export type DataSource =
  /** The built-in Fashion-MNIST subset, fetched from the app's own origin. */
  | { kind: 'builtin'; baseUrl: string }
  | {
      kind: 'synthetic';
      trainSize: number;
      testSize: number;
      resolution: number;
      channels: number;
      classes: number;
      seed: number;
    }
  /** A data set the UI already parsed (a dropped file or folder); copied into each worker. */
  | { kind: 'dataset'; dataset: Dataset };

export interface DataSummary {
  name: string;
  trainCount: number;
  testCount: number;
  height: number;
  width: number;
  channels: number;
  classes: number;
}

export interface TrainJob {
  id: string;
  config: AnyNetConfig;
  options: Partial<TrainOptions>;
  /** Hand back the trained weights with a finished result (tfjs weights format). */
  returnWeights?: boolean;
}

/** Trained parameters and BN buffers in the tfjs format: tf.io.encodeWeights of the named variables. */
export interface TrainedWeights {
  weightSpecs: { name: string; shape: number[]; dtype: string }[];
  weightData: ArrayBuffer;
}

/** A training result, with the weights when the job asked for them and the model finished. */
export type TrainOutput = TrainResult & { weights?: TrainedWeights };

export interface TrainWorkerApi {
  init(backend: BackendChoice): Promise<BackendInfo>;
  setData(source: DataSource): Promise<DataSummary>;
  train(job: TrainJob, onProgress: (e: ProgressEvent) => void): Promise<TrainOutput>;
  cancel(): void;
  memory(): { numTensors: number; numBytes: number };
}

/** Error names the worker uses for problems a retry cannot fix (bad config, data or options). */
export const INPUT_ERROR = 'InputError';
