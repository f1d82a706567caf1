import { SamplingError } from '../../space/sample';
import type { LabStore } from '../../store/store';
import type { JobRow, Sweep } from '../../store/study-types';
import { createPool, type JobState, type Pool, type PoolWorker } from '../../worker/pool';
import { isInputError, spawnTrainWorker } from '../../worker/spawn';
import type {
  BackendChoice,
  BackendInfo,
  DataSource,
  ProgressEvent,
  TrainedWeights,
  TrainJob,
  TrainOutput,
} from '../../worker/api';
import { EXPLORER_SWEEP_ID, explorerJobs, sampleSweep } from './new-sweep';
import { failureToRecord, resultToRecord, trainOptionsOf } from './records';

export type TrainWorker = PoolWorker<TrainJob, TrainOutput, ProgressEvent>;

export interface RunnerOptions {
  /** Starts one training worker (a fake one in tests). */
  spawn?: (backend: BackendChoice, data: DataSource, onBackend: (info: BackendInfo) => void) => TrainWorker;
  /** Keeps a finished model's weights (IndexedDB in the app). */
  saveWeights?: (recordId: string, weights: TrainedWeights) => Promise<void>;
  hardwareConcurrency?: number;
  /** Where the built-in data lives when the data choice does not say (the app's base URL). */
  baseUrl?: string;
  /** Most store updates per second from progress events (the main thread must stay responsive). */
  progressHz?: number;
  now?: () => Date;
}

export interface Runner {
  /** Trains what is queued, or a new sweep of the current space when nothing is. */
  run(): void;
  /** Starts no more models; the ones training finish. */
  pause(): void;
  /** Trains exactly one more model, then pauses. */
  step(): void;
  /** Cancels the models in training (marked cancelled); queued ones stay queued; finished ones stay. */
  stop(): void;
  dispose(): void;
}

/** Fallbacks after each choice; a backend that fails twice moves the pool to the next (pool.ts). */
const BACKEND_CHAIN: Record<BackendChoice, BackendChoice[]> = {
  auto: ['auto', 'wasm', 'cpu'],
  webgpu: ['webgpu', 'webgl', 'wasm', 'cpu'],
  webgl: ['webgl', 'wasm', 'cpu'],
  wasm: ['wasm', 'cpu'],
  cpu: ['cpu'],
};

/** One worker per GPU; CPU backends use up to two cores, leaving one for the page. */
export function workerCount(backend: BackendChoice, hardwareConcurrency: number): number {
  if (backend === 'wasm' || backend === 'cpu') return Math.max(1, Math.min(2, hardwareConcurrency - 1));
  return 1;
}

/** The built-in set needs an absolute base URL inside a worker, whose own location differs. */
export function workerSource(source: DataSource, baseUrl: string): DataSource {
  return source.kind === 'builtin' && !source.baseUrl ? { kind: 'builtin', baseUrl } : source;
}

/** Progress event → queue row patch (fractions of steps, live loss and speed). */
export function progressPatch(e: ProgressEvent): Partial<JobRow> {
  switch (e.type) {
    case 'step':
      return { progress: e.step / e.totalSteps, epoch: e.epoch };
    case 'loss':
      return { progress: e.step / e.totalSteps, epoch: e.epoch, loss: e.loss, imagesPerSec: e.imagesPerSec };
    case 'epoch':
      return { epoch: e.point.epoch };
    case 'eval':
      return { epoch: e.epoch };
  }
}

const byQueueOrder = (a: JobRow, b: JobRow) =>
  Number(b.sweepId === EXPLORER_SWEEP_ID) - Number(a.sweepId === EXPLORER_SWEEP_ID);

/** The next model to train: explorer configs first ("run next"), then sweeps in queue order. */
export const nextQueued = (jobs: readonly JobRow[], busy: ReadonlySet<string>): JobRow | undefined =>
  jobs.filter((j) => j.status === 'queued' && !busy.has(j.id)).sort(byQueueOrder)[0];

interface InFlight {
  jobId: string;
  sweep: Sweep;
  startedMs: number;
}

export function createRunner(store: LabStore, opts: RunnerOptions = {}): Runner {
  const spawn = opts.spawn ?? spawnTrainWorker;
  const now = opts.now ?? (() => new Date());
  const hz = opts.progressHz ?? 10;
  const get = store.getState;
  let pool: Pool<TrainJob, TrainOutput, ProgressEvent> | undefined;
  let poolKey: { backend: BackendChoice; source: DataSource } | undefined;
  let adapter: string | undefined;
  /** Models still allowed to start: Infinity while running, 1 after Step, 0 when paused or stopped. */
  let budget = 0;
  let runSeq = 0;
  const inFlight = new Map<string, InFlight>();
  const handled = new Set<string>();
  let weightsWarned = false;

  // Progress is buffered and flushed at most `hz` times a second.
  const buffered = new Map<string, Partial<JobRow>>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    flushTimer = undefined;
    for (const [id, patch] of buffered) get().updateJob(id, patch);
    buffered.clear();
  };
  const onProgress = (runId: string, e: ProgressEvent) => {
    const f = inFlight.get(runId);
    if (!f) return;
    buffered.set(f.jobId, { ...buffered.get(f.jobId), ...progressPatch(e) });
    flushTimer ??= setTimeout(flush, 1000 / hz);
  };

  const workers = (backend: BackendChoice) =>
    workerCount(backend, opts.hardwareConcurrency ?? globalThis.navigator?.hardwareConcurrency ?? 2);

  function ensurePool(): Pool<TrainJob, TrainOutput, ProgressEvent> {
    const s = get();
    const source = workerSource(s.data.source, opts.baseUrl ?? '');
    if (pool && inFlight.size === 0 && (poolKey?.backend !== s.backend || poolKey.source !== s.data.source)) {
      pool.dispose();
      pool = undefined;
    }
    if (pool) return pool;
    poolKey = { backend: s.backend, source: s.data.source };
    pool = createPool<TrainJob, TrainOutput, ProgressEvent>({
      size: workers(s.backend),
      backends: BACKEND_CHAIN[s.backend],
      spawn: (backend) => {
        const inner = spawn(backend as BackendChoice, source, (info) => {
          adapter = info.adapter;
        });
        return {
          run: (job, progress) =>
            inner.run(job, (e) => {
              progress(e);
              onProgress(job.id, e);
            }),
          cancel: () => inner.cancel?.(),
          terminate: () => inner.terminate(),
        };
      },
      retryable: (e) => !isInputError(e),
      onChange: (states) => queueMicrotask(() => reconcile(states)),
    });
    return pool;
  }

  function start(job: JobRow): boolean {
    const sweep = get().sweeps.find((w) => w.id === job.sweepId);
    if (!sweep) {
      get().updateJob(job.id, { status: 'failed', message: `Its sweep ${job.sweepId} is gone.` });
      return false;
    }
    const runId = `${job.id}#${++runSeq}`;
    inFlight.set(runId, { jobId: job.id, sweep, startedMs: Date.now() });
    get().updateJob(job.id, {
      status: 'running',
      progress: 0,
      epoch: null,
      loss: null,
      error: null,
      imagesPerSec: null,
      message: undefined,
    });
    ensurePool().enqueue(runId, {
      id: runId,
      config: job.config.network,
      options: trainOptionsOf(sweep.settings),
      returnWeights: true,
    });
    return true;
  }

  function pump() {
    while (budget > 0 && inFlight.size < (pool ? workers(poolKey!.backend) : workers(get().backend))) {
      const busy = new Set([...inFlight.values()].map((f) => f.jobId));
      const next = nextQueued(get().jobs, busy);
      if (!next) break;
      if (start(next)) budget--;
    }
    settle();
  }

  /** When nothing is training: back to idle (queue empty) or paused (a Step or Pause with work left). */
  function settle() {
    if (inFlight.size > 0) return;
    const s = get();
    const waiting = s.jobs.some((j) => j.status === 'queued');
    if (!waiting) {
      budget = 0;
      if (s.runState !== 'idle') s.setRunState('idle');
      pool?.dispose();
      pool = undefined;
    } else if (budget <= 0 && s.runState === 'running') s.setRunState('paused');
  }

  function finish(f: InFlight, state: JobState<TrainJob, TrainOutput, ProgressEvent>) {
    buffered.delete(f.jobId);
    const s = get();
    const job = s.jobs.find((j) => j.id === f.jobId);
    if (!job) return;
    const ctx = { job, sweep: f.sweep, data: s.data, finishedAt: now().toISOString(), adapter };
    const result = state.result;
    if (state.status === 'cancelled' || result?.status === 'cancelled') {
      s.updateJob(job.id, { status: 'cancelled', message: result?.message ?? 'Stopped.' });
      return;
    }
    const record =
      state.status === 'done' && result
        ? resultToRecord(result, ctx)
        : failureToRecord(state.error ?? 'training failed', {
            ...ctx,
            backend: state.backend ?? poolKey?.backend ?? 'unknown',
            wallSeconds: (Date.now() - f.startedMs) / 1000,
          });
    s.addRecords([record]);
    s.updateJob(job.id, {
      status: record.status,
      progress: record.status === 'done' ? 1 : job.progress,
      error: record.error,
      // The last buffered loss event was dropped above: show the final epoch's mean loss instead.
      loss: record.curve.at(-1)?.trainLoss ?? job.loss,
      imagesPerSec: record.timings.imagesPerSec,
      backend: record.backend.name,
      ...(record.message ? { message: record.message } : {}),
    });
    if (result?.weights && opts.saveWeights) {
      opts.saveWeights(record.id, result.weights).catch((e: unknown) => {
        if (weightsWarned) return;
        weightsWarned = true;
        s.pushMessage('warning', `Trained weights could not be stored: ${(e as Error).message ?? e}.`);
      });
    }
  }

  function reconcile(states: readonly JobState<TrainJob, TrainOutput, ProgressEvent>[]) {
    let changed = false;
    for (const state of states) {
      const f = inFlight.get(state.id);
      if (!f) continue;
      if (state.status === 'running' && state.backend) {
        const job = get().jobs.find((j) => j.id === f.jobId);
        if (job && job.backend !== state.backend) get().updateJob(f.jobId, { backend: state.backend });
      }
      if (state.status !== 'done' && state.status !== 'failed' && state.status !== 'cancelled') continue;
      if (handled.has(state.id)) continue;
      handled.add(state.id);
      inFlight.delete(state.id);
      finish(f, state);
      changed = true;
    }
    if (changed) pump();
  }

  function absorbPending() {
    const configs = get().takePendingConfigs();
    if (!configs.length) return;
    const { sweep, jobs } = explorerJobs(get(), configs, now());
    get().addSweep(sweep, jobs);
  }

  /** A new sweep when nothing waits; false (with a message) when sampling fails. */
  function ensureWork(): boolean {
    absorbPending();
    if (get().jobs.some((j) => j.status === 'queued')) return true;
    try {
      const { sweep, jobs } = sampleSweep(get(), now());
      get().addSweep(sweep, jobs);
      return true;
    } catch (e) {
      const text = e instanceof SamplingError || e instanceof Error ? e.message : String(e);
      get().pushMessage('error', `Cannot start the sweep: ${text}`);
      return false;
    }
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.pendingConfigs !== prev.pendingConfigs && s.pendingConfigs.length) {
      absorbPending();
      if (get().runState === 'running') pump();
    }
  });

  return {
    run() {
      if (get().runState === 'running' && budget > 0) return;
      if (!ensureWork()) return;
      budget = Infinity;
      get().setRunState('running');
      pump();
    },
    pause() {
      if (get().runState !== 'running') return;
      budget = 0;
      get().setRunState('paused');
      pump();
    },
    step() {
      if (get().runState === 'running' && budget > 0) return;
      if (!ensureWork()) return;
      budget = 1;
      get().setRunState('running');
      pump();
    },
    stop() {
      budget = 0;
      for (const runId of inFlight.keys()) pool?.cancel(runId);
      if (get().runState !== 'idle') get().setRunState('idle');
    },
    dispose() {
      unsubscribe();
      if (flushTimer) clearTimeout(flushTimer);
      budget = 0;
      pool?.dispose();
      pool = undefined;
    },
  };
}
