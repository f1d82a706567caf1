import * as Comlink from 'comlink';
import type { BackendChoice, DataSource, ProgressEvent, TrainJob, TrainResult, TrainWorkerApi } from './api';
import { INPUT_ERROR } from './api';
import type { PoolWorker } from './pool';

/**
 * Starts one training worker and adapts it to the pool: it initializes the backend and loads the
 * data before the first job, and turns a worker crash into a rejected job instead of a hang.
 */
export function spawnTrainWorker(
  backend: BackendChoice,
  data: DataSource,
  onBackend?: (info: Awaited<ReturnType<TrainWorkerApi['init']>>) => void,
): PoolWorker<TrainJob, TrainResult, ProgressEvent> {
  const worker = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<TrainWorkerApi>(worker);
  // A crashed worker never answers: reject the job in flight instead of waiting forever.
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) =>
      reject(new Error(`The training worker crashed: ${e.message || 'unknown error'}`)),
    );
  });
  let ready: Promise<void> | undefined;
  const start = async () => {
    const info = await api.init(backend);
    onBackend?.(info);
    await api.setData(data);
  };
  return {
    async run(job, onProgress) {
      ready ??= start();
      await Promise.race([ready, died]);
      return Promise.race([api.train(job, Comlink.proxy(onProgress)), died]);
    },
    cancel() {
      void api.cancel();
    },
    terminate() {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

export const isInputError = (e: unknown): boolean => e instanceof Error && e.name === INPUT_ERROR;
