import type { ModelConfigDoc } from '../io/model-config';
import type { BackendChoice, DataSource } from '../worker/api';
import type { ResultRecord } from '../io/results';
import type { SweepSettings } from './settings-slice';
import type { SpaceChoice } from './space-slice';

/**
 * The contract between the Run side (study-slice, runner, persistence) and the analysis panels
 * (EDF, error vs parameter, complexity vs time, model detail). Finished models are the core's
 * ResultRecord (error is a fraction); everything else here is what a study is while it runs.
 */

/** One sweep: a design space sampled once with one set of settings. Its models share `sweep` ids. */
export interface Sweep {
  id: string;
  /** Shown in legends and chips, e.g. "RegNetX" or "AnyNetX_A · w1=64..256". */
  name: string;
  space: SpaceChoice;
  settings: SweepSettings;
  /** The sweep this one narrows (brushed child space), drawn next to it. */
  parentId?: string;
  createdAt: string;
  /** Data set name the sweep trains on (built-in, synthetic, or a dropped file's name). */
  data: string;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'diverged' | 'failed' | 'cancelled';

/** One row of the Run queue: a model waiting, training or finished. */
export interface JobRow {
  /** Equals the ResultRecord id once the model finishes. */
  id: string;
  sweepId: string;
  /** Position of the model in its sweep (0-based), the sampler's order. */
  index: number;
  config: ModelConfigDoc;
  status: JobStatus;
  /** Fraction of this model's training steps done, 0..1. */
  progress: number;
  epoch: number | null;
  loss: number | null;
  /** Test error as a fraction, when finished. */
  error: number | null;
  imagesPerSec: number | null;
  backend: string | null;
  message?: string;
}

export type RunState = 'idle' | 'running' | 'paused';

export interface StudySlice {
  sweeps: Sweep[];
  jobs: JobRow[];
  /** Every finished model of every sweep, in finishing order (persisted in IndexedDB). */
  records: ResultRecord[];
  runState: RunState;
  /** The model the detail panel shows (a record or job id). */
  selectedModelId: string | null;
  selectModel: (id: string | null) => void;
  addSweep: (sweep: Sweep, jobs: JobRow[]) => void;
  updateJob: (id: string, patch: Partial<JobRow>) => void;
  /** Adds finished records (a run, an import or a restore); records with a known id are replaced. */
  addRecords: (records: ResultRecord[], sweeps?: Sweep[]) => void;
  removeSweep: (id: string) => void;
  setRunState: (state: RunState) => void;
  /** Backend the runner asks its workers for ('auto' lets the worker probe). */
  backend: BackendChoice;
  setBackend: (backend: BackendChoice) => void;
  /** Puts back what IndexedDB held (restore at start-up); items already in memory with the same id win. */
  restoreStudy: (saved: { sweeps: Sweep[]; jobs: JobRow[]; records: ResultRecord[] }) => void;
  /** Forgets every sweep, job and record ("Clear results"). */
  clearResults: () => void;
}

/** Which data set studies train on: the built-in subset unless the user dropped files (data-slice). */
export interface DataChoice {
  /** Shown in the Data panel, stored in every record's data.name. */
  name: string;
  /** Handed to each training worker (src/worker/api.ts). */
  source: DataSource;
  /** Shape the sampler's flops band is counted at and models are built for. */
  resolution: number;
  channels: number;
  classes: number;
}

export interface DataSlice {
  data: DataChoice;
  setData: (data: DataChoice) => void;
  /** Back to the built-in Fashion-MNIST subset. */
  resetData: () => void;
  /** Base URL the built-in set is fetched from (the app's base URL in the browser, '' in tests and Node). */
  builtinBaseUrl: string;
  /** Set once at start-up; also moves the current choice when it is the built-in set. */
  setBuiltinBaseUrl: (baseUrl: string) => void;
}

/** View state of the analysis panels (EDF, error vs parameter). */
export interface AnalysisSlice {
  /** Show the complexity-normalized EDF (REGNET.md §6.2) instead of the plain one. */
  edfNormalized: boolean;
  setEdfNormalized: (on: boolean) => void;
  /** Brushed x-ranges by parameter key (constraint parameter names: d1, w1, b, g, wa, flops, ...), not applied yet. */
  brushes: Record<string, [number, number]>;
  setBrush: (param: string, range: [number, number] | null) => void;
  clearBrushes: () => void;
  /**
   * Turns every brush into a range constraint of the current space (ends rounded outward to the
   * parameter's grid, a new range replacing an old one on the same parameter): a child design space.
   * `from` is the space of the sweep the brushes were drawn on; when its base space differs from the
   * current one the current space becomes `from` first. Invalid brushes stay and are reported.
   */
  applyBrushes: (from?: SpaceChoice) => BrushResult;
}

/** What applyBrushes did: the constraint keys added and a line per brush it could not apply. */
export interface BrushResult {
  added: string[];
  problems: string[];
}
