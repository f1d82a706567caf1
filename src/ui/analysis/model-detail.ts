import type { ModelConfigDoc } from '../../io/model-config';
import type { ResultRecord } from '../../io/results';
import type { JobRow } from '../../store/study-types';
import { trainingCurves, type CurveSeries } from '../charts/CurveChart';

/** What the detail panel shows: a finished record, or a job that has not finished yet. */
export type ModelDetail =
  | { kind: 'record'; id: string; config: ModelConfigDoc; record: ResultRecord }
  | { kind: 'job'; id: string; config: ModelConfigDoc; job: JobRow };

/** Looks the id up among records first (a finished job's id is its record id), then among jobs. */
export function findModel(
  id: string | null,
  records: readonly ResultRecord[],
  jobs: readonly JobRow[],
): ModelDetail | undefined {
  if (id === null) return undefined;
  const record = records.find((r) => r.id === id);
  if (record) return { kind: 'record', id, config: record.config, record };
  const job = jobs.find((j) => j.id === id);
  return job ? { kind: 'job', id, config: job.config, job } : undefined;
}

/** Train loss, and train/test error per epoch, as CurveChart series (a diverged epoch's loss is left out). */
export function recordCurves(record: ResultRecord): { loss: CurveSeries[]; error: CurveSeries[] } {
  return trainingCurves(
    record.curve.map((p) => ({
      epoch: p.epoch,
      ...(p.trainLoss !== null ? { trainLoss: p.trainLoss } : {}),
      trainError: p.trainError,
      ...(p.testError !== undefined ? { testError: p.testError } : {}),
    })),
  );
}
