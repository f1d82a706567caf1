import type { BackendInfo, ProgressEvent, TrainJob, TrainResult } from '../../../src/worker/api';
import { spawnTrainWorker } from '../../../src/worker/spawn';
import type { EngineCheckReport } from './engine-check.worker';
import { AGREE_JOB, LEARN_JOB, TINY_DATA } from './engine-fixtures';

// The engine test page: drives the real training worker (src/worker/spawn.ts → train.worker.ts) on webgpu and
// on cpu, and the WGSL kernel check in a worker of its own. test/browser/engine.browser.test.ts asserts.

export interface JobRun {
  result: TrainResult;
  progress: ProgressEvent[];
}

export interface EngineSummary {
  webgpuInfo?: BackendInfo;
  cpuInfo?: BackendInfo;
  webgpuAgree: JobRun;
  webgpuLearn: JobRun;
  cpuAgree: JobRun;
  check: { ok: true; report: EngineCheckReport } | { ok: false; error: string };
  seconds: Record<string, number>;
}

async function runJobs(backend: 'webgpu' | 'cpu', jobs: TrainJob[]) {
  let info: BackendInfo | undefined;
  const worker = spawnTrainWorker(backend, TINY_DATA, (i) => (info = i));
  try {
    const runs: JobRun[] = [];
    for (const job of jobs) {
      const progress: ProgressEvent[] = [];
      const result = await worker.run(job, (e) => progress.push(e));
      runs.push({ result, progress });
    }
    return { info, runs };
  } finally {
    worker.terminate();
  }
}

function runCheckWorker(): Promise<EngineSummary['check']> {
  const worker = new Worker(new URL('./engine-check.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<EngineSummary['check']>((resolve) => {
    worker.onmessage = (e: MessageEvent<EngineSummary['check']>) => resolve(e.data);
    worker.onerror = (e) =>
      resolve({ ok: false, error: `check worker crashed: ${e.message || 'unknown error'}` });
    worker.postMessage('run');
  }).finally(() => worker.terminate());
}

async function timed<T>(seconds: Record<string, number>, name: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    seconds[name] = (performance.now() - t0) / 1000;
  }
}

async function runEngineChecks(): Promise<EngineSummary> {
  const seconds: Record<string, number> = {};
  // One after another: on 2 cores, parallel workers only make each slower.
  const gpu = await timed(seconds, 'webgpu jobs', () => runJobs('webgpu', [AGREE_JOB, LEARN_JOB]));
  const cpu = await timed(seconds, 'cpu job', () => runJobs('cpu', [AGREE_JOB]));
  const check = await timed(seconds, 'kernel check', runCheckWorker);
  return {
    webgpuInfo: gpu.info,
    cpuInfo: cpu.info,
    webgpuAgree: gpu.runs[0],
    webgpuLearn: gpu.runs[1],
    cpuAgree: cpu.runs[0],
    check,
    seconds,
  };
}

declare global {
  interface Window {
    runEngineChecks: () => Promise<EngineSummary>;
  }
}
window.runEngineChecks = runEngineChecks;
