import type { ResultRecord } from '../io/results';
import { memoizeLast } from './memo';
import type { SweepSettings } from './settings-slice';
import type { LabState } from './types';

export interface Throughput {
  imagesPerSecond: number;
  /** Where the number comes from, shown next to the estimate, e.g. "measured on 4 models (webgpu)". */
  basis: string;
}

/** Mean of the measured training speeds (models with no measurement are left out). */
export function meanSpeed(speeds: readonly (number | null)[]): number | null {
  const ok = speeds.filter((s): s is number => s !== null && s > 0 && Number.isFinite(s));
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : null;
}

/**
 * The training speed the finished models show: the mean images/s of done models on the backend of the latest
 * one (so it also holds after a reload). null when none measured one.
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

const throughputOf = memoizeLast(throughputFromRecords);

/** The measured speed, derived from the records (stable between record changes, for zustand selectors). */
export const selectMeasuredThroughput = (s: Pick<LabState, 'records'>): Throughput | null =>
  throughputOf(s.records);

/**
 * An assumed training speed until a model has been trained and timed: small 28 px networks trained with
 * tfjs on a mid-range GPU (WebGPU) manage roughly this many images per second, overheads included.
 */
export const ASSUMED_IMAGES_PER_SECOND = 1000;

export interface StudyEstimate {
  /** Training images processed by the whole study: n × epochs × trainSize. */
  images: number;
  imagesPerSecond: number;
  seconds: number;
  measured: boolean;
  /** Where the speed comes from, in words. */
  basis: string;
}

/** Estimated study time: n × epochs × trainSize / images per second (evaluation not included). */
export function estimateStudy(
  sweep: Pick<SweepSettings, 'n' | 'epochs' | 'trainSize'>,
  measured: Throughput | null,
): StudyEstimate {
  const images = sweep.n * sweep.epochs * sweep.trainSize;
  const isMeasured =
    measured !== null && measured.imagesPerSecond > 0 && Number.isFinite(measured.imagesPerSecond);
  const imagesPerSecond = isMeasured ? measured.imagesPerSecond : ASSUMED_IMAGES_PER_SECOND;
  return {
    images,
    imagesPerSecond,
    seconds: images / imagesPerSecond,
    measured: isMeasured,
    basis: isMeasured ? measured.basis : 'assumed speed; replaced by the measured one once models train',
  };
}
