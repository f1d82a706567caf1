/**
 * A queue of jobs run on N workers: pause, resume, cancel, per-job timeout, one retry on a fresh
 * worker when a worker dies, backend fallback when a backend fails twice, and worker recycling
 * (the WebGPU buffer pool and shader cache only grow, TFJS.md §3.2). Knows nothing of tfjs or the UI:
 * a worker is anything that can run a job.
 */

export interface PoolWorker<J, R, P> {
  run(job: J, onProgress: (p: P) => void): Promise<R>;
  /** Asks a running job to stop at its next yield point. */
  cancel?(): void;
  terminate(): void;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobState<J, R, P> {
  id: string;
  job: J;
  status: JobStatus;
  attempts: number;
  backend?: string;
  progress?: P;
  result?: R;
  error?: string;
}

export interface PoolOptions<J, R, P> {
  size: number;
  /** Backends to try in order; a job that fails twice on one moves the pool to the next. */
  backends: string[];
  spawn(backend: string): PoolWorker<J, R, P>;
  timeoutMs?: number;
  /** Recycle a worker after this many jobs. */
  recycleAfter?: number;
  /**
   * Recycle a worker after a job whose result says so, e.g. when its peak GPU bytes pass a limit:
   * the WebGPU buffer pool and shader cache only grow (TFJS.md §3.2).
   */
  recycleWhen?(result: R): boolean;
  onChange?(jobs: readonly JobState<J, R, P>[]): void;
  /** False for errors that a retry cannot fix (a bad config); those fail the job at once. */
  retryable?(error: unknown): boolean;
}

export interface Pool<J, R, P> {
  enqueue(id: string, job: J): void;
  pause(): void;
  resume(): void;
  /** Cancel one job (queued or running) or, without an id, everything not finished. */
  cancel(id?: string): void;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
  jobs(): readonly JobState<J, R, P>[];
  readonly paused: boolean;
  readonly backend: string;
  dispose(): void;
}

interface Slot<J, R, P> {
  worker?: PoolWorker<J, R, P>;
  backend?: string;
  jobsRun: number;
  current?: JobState<J, R, P>;
}

class TimeoutError extends Error {}
class CancelledError extends Error {}

export function createPool<J, R, P>(opts: PoolOptions<J, R, P>): Pool<J, R, P> {
  if (!(opts.size >= 1)) throw new Error(`A pool needs at least one worker (got size ${opts.size}).`);
  if (!opts.backends.length) throw new Error('A pool needs at least one backend to run on.');
  const states: JobState<J, R, P>[] = [];
  const slots: Slot<J, R, P>[] = Array.from({ length: opts.size }, () => ({ jobsRun: 0 }));
  let paused = false;
  let backendIndex = 0;
  let idleWaiters: (() => void)[] = [];
  /** Rejects the race of a running job, so a cancelled job frees its slot at once. */
  const aborts = new Map<JobState<J, R, P>, () => void>();

  const notify = () => opts.onChange?.(states.map((s) => ({ ...s })));
  const backend = () => opts.backends[backendIndex];

  const retire = (slot: Slot<J, R, P>) => {
    slot.worker?.terminate();
    slot.worker = undefined;
    slot.jobsRun = 0;
  };

  const workerFor = (slot: Slot<J, R, P>) => {
    if (slot.worker && slot.backend === backend() && slot.jobsRun < (opts.recycleAfter ?? Infinity))
      return slot.worker;
    retire(slot);
    slot.backend = backend();
    slot.worker = opts.spawn(backend());
    return slot.worker;
  };

  const checkIdle = () => {
    if (states.some((s) => s.status === 'running' || (!paused && s.status === 'queued'))) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((w) => w());
  };

  async function runOn(slot: Slot<J, R, P>, state: JobState<J, R, P>) {
    slot.current = state;
    state.status = 'running';
    state.attempts++;
    const worker = workerFor(slot);
    state.backend = slot.backend;
    notify();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        if (opts.timeoutMs)
          timer = setTimeout(
            () => reject(new TimeoutError(`timed out after ${opts.timeoutMs} ms`)),
            opts.timeoutMs,
          );
        aborts.set(state, () => reject(new CancelledError('cancelled')));
      });
      const result = await Promise.race([
        worker.run(state.job, (p) => {
          if (state.status !== 'running') return;
          state.progress = p;
          notify();
        }),
        timeout,
      ]);
      slot.jobsRun++;
      if (opts.recycleWhen?.(result)) retire(slot);
      if (state.status === 'running') {
        state.status = 'done';
        state.result = result;
      }
    } catch (e) {
      // A dead or timed-out worker cannot be trusted: replace it before the next job.
      retire(slot);
      if (state.status === 'running') {
        const message = e instanceof Error ? e.message : String(e);
        if (e instanceof TimeoutError || opts.retryable?.(e) === false) {
          state.status = 'failed';
          state.error = message;
        } else if (state.attempts >= 2) {
          // Second failure on this backend: fall back to the next one for what follows.
          const alreadyMoved = state.backend !== backend();
          if (alreadyMoved || backendIndex < opts.backends.length - 1) {
            if (!alreadyMoved) backendIndex++;
            state.attempts = 0;
            state.status = 'queued';
            state.error = `retrying on ${backend()} after: ${message}`;
          } else {
            state.status = 'failed';
            state.error = message;
          }
        } else {
          state.status = 'queued';
          state.error = `retrying after: ${message}`;
        }
      }
    } finally {
      clearTimeout(timer);
      aborts.delete(state);
      slot.current = undefined;
      notify();
      pump();
    }
  }

  function pump() {
    if (!paused) {
      for (const slot of slots) {
        if (slot.current) continue;
        const next = states.find((s) => s.status === 'queued');
        if (!next) break;
        void runOn(slot, next);
      }
    }
    checkIdle();
  }

  return {
    enqueue(id, job) {
      if (states.some((s) => s.id === id)) throw new Error(`A job with id '${id}' is already in the pool.`);
      states.push({ id, job, status: 'queued', attempts: 0 });
      notify();
      pump();
    },
    pause() {
      paused = true;
      notify();
      checkIdle();
    },
    resume() {
      paused = false;
      pump();
    },
    cancel(id) {
      for (const s of states) {
        if (id !== undefined && s.id !== id) continue;
        if (s.status === 'queued') s.status = 'cancelled';
        if (s.status === 'running') {
          s.status = 'cancelled';
          slots.find((slot) => slot.current === s)?.worker?.cancel?.();
          aborts.get(s)?.();
        }
      }
      notify();
      checkIdle();
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        checkIdle();
      });
    },
    jobs: () => states,
    get paused() {
      return paused;
    },
    get backend() {
      return backend();
    },
    dispose() {
      this.cancel();
      slots.forEach(retire);
    },
  };
}
