import type { PoolWorker } from '../../src/worker/pool';
import type { BackendInfo, ProgressEvent, TrainJob, TrainOutput } from '../../src/worker/api';

/** A training worker the test drives by hand: every run waits until the test finishes it. */
export interface FakeRun {
  job: TrainJob;
  onProgress: (e: ProgressEvent) => void;
  finish: (r: Partial<TrainOutput>) => void;
  fail: (e: Error) => void;
}

export function doneResult(testErrorPercent: number, overrides: Partial<TrainOutput> = {}): TrainOutput {
  return {
    status: 'done',
    testError: testErrorPercent,
    curve: [{ epoch: 1, trainLoss: 1.5, trainError: 40, testError: testErrorPercent, lr: 0.05 }],
    imagesPerSec: 500,
    inferenceMsPerImage: 0.2,
    wallSeconds: 3,
    backend: { name: 'cpu' },
    peakTensors: 10,
    peakBytes: 1000,
    peakGpuBytes: null,
    steps: 10,
    params: 1234,
    ...overrides,
  };
}

export function fakeWorkers() {
  const runs: FakeRun[] = [];
  let spawned = 0;
  const cancelled: string[] = [];
  const spawn = (_backend: string, _data: unknown, onBackend: (i: BackendInfo) => void) => {
    spawned++;
    onBackend({ name: 'cpu', adapter: 'fake adapter', fallbackOrder: ['cpu'] });
    let current: FakeRun | undefined;
    const worker: PoolWorker<TrainJob, TrainOutput, ProgressEvent> = {
      run: (job, onProgress) =>
        new Promise<TrainOutput>((resolve, reject) => {
          current = {
            job,
            onProgress,
            finish: (r) => resolve({ ...doneResult(10), ...r }),
            fail: reject,
          };
          runs.push(current);
        }),
      cancel: () => {
        if (current) cancelled.push(current.job.id);
      },
      terminate: () => {},
    };
    return worker;
  };
  return { runs, spawn, cancelled, spawnedCount: () => spawned };
}

/** Lets queued microtasks and zero-delay timers run. */
export const settle = async (ms = 0): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, ms));
};
