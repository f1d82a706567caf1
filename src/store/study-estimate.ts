import type { Throughput } from './queue-slice';
import type { SweepSettings } from './settings-slice';

/**
 * An assumed training speed until the runner has measured one: small 28 px networks trained with
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
