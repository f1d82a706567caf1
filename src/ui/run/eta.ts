import type { SweepSettings } from '../../store/settings-slice';
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
