import type { SweepSettings } from '../../store/settings-slice';
import type { ResultRecord } from '../../io/results';
import type { Throughput } from '../../store/queue-slice';
import type { JobRow, Sweep } from '../../store/study-types';

const FINISHED = new Set(['done', 'diverged', 'failed']);

export interface StudyProgress {
  /** Models finished (done, diverged or failed). */
  done: number;
  /** Models finished, training or waiting (cancelled ones are not counted). */
  total: number;
  /** Training images still to process: unfinished models × epochs × train size, minus what is done. */
  imagesLeft: number;
}

/** Images one model of a sweep trains on: epochs × train size. */
export const imagesPerModel = (s: Pick<SweepSettings, 'epochs' | 'trainSize'>): number =>
  s.epochs * s.trainSize;

export function studyProgress(jobs: readonly JobRow[], sweeps: readonly Sweep[]): StudyProgress {
  const settings = new Map(sweeps.map((s) => [s.id, s.settings]));
  let done = 0;
  let total = 0;
  let imagesLeft = 0;
  for (const j of jobs) {
    if (j.status === 'cancelled') continue;
    total++;
    if (FINISHED.has(j.status)) {
      done++;
      continue;
    }
    const s = settings.get(j.sweepId);
    if (s) imagesLeft += (1 - Math.min(1, Math.max(0, j.progress))) * imagesPerModel(s);
  }
  return { done, total, imagesLeft };
}

/** Seconds left at a measured speed; null when there is no speed to go by. */
export function etaSeconds(imagesLeft: number, imagesPerSecond: number | null | undefined): number | null {
  if (!imagesPerSecond || !(imagesPerSecond > 0) || !Number.isFinite(imagesPerSecond)) return null;
  return imagesLeft / imagesPerSecond;
}

/** Mean of the measured training speeds (models with no measurement are left out). */
export function meanSpeed(speeds: readonly (number | null)[]): number | null {
  const ok = speeds.filter((s): s is number => s !== null && s > 0 && Number.isFinite(s));
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : null;
}

/**
 * The training speed the saved records show (after a reload, before a new model finishes): the mean images/s of
 * finished models on the backend of the latest one. null when none measured one.
 */
export function throughputFromRecords(records: readonly ResultRecord[]): Throughput | null {
  const timed = records.filter((r) => r.status === 'done' && r.timings.imagesPerSec);
  const latest = timed.reduce<ResultRecord | undefined>(
    (a, r) => (!a || r.finishedAt > a.finishedAt ? r : a),
    undefined,
  );
  if (!latest) return null;
  const same = timed.filter((r) => r.backend.name === latest.backend.name);
  const mean = meanSpeed(same.map((r) => r.timings.imagesPerSec));
  if (mean === null) return null;
  const n = same.length;
  return {
    imagesPerSecond: mean,
    basis: `measured on ${n} model${n === 1 ? '' : 's'} (${latest.backend.name})`,
  };
}
