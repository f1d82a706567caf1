import { spearman } from '../../analysis/stats';
import type { ResultRecord } from '../../io/results';
import type { ScatterPoint } from '../charts/ScatterChart';
import type { SweepGroup } from './sweeps';

export type TimeMetric = 'inference' | 'training';
export type CostMetric = 'flops' | 'acts';

export const TIME_LABELS: Record<TimeMetric, string> = {
  inference: 'inference ms / image',
  training: 'training ms / image',
};

/**
 * Measured time of a model: inference ms per image, or training ms per image (1000 / images per
 * second, so sweeps with different epochs or data sizes compare); undefined when not measured.
 */
export function timeOf(r: ResultRecord, metric: TimeMetric): number | undefined {
  const t = r.timings;
  const v =
    metric === 'inference'
      ? t.inferenceMsPerImage
      : t.imagesPerSec !== null && t.imagesPerSec > 0
        ? 1000 / t.imagesPerSec
        : null;
  return v !== null && Number.isFinite(v) ? v : undefined;
}

export interface TimingPlot {
  time: TimeMetric;
  cost: CostMetric;
  points: ScatterPoint[];
  /** Spearman rank correlation of cost and time; null with fewer than 2 points or no spread. */
  rho: number | null;
  /** Finished models without this time measured. */
  missing: number;
}

/** One scatter of measured time against flops or activations over every sweep's finished models. */
export function timingPlot(groups: readonly SweepGroup[], time: TimeMetric, cost: CostMetric): TimingPlot {
  const points: ScatterPoint[] = [];
  let missing = 0;
  for (const g of groups) {
    for (const r of g.done) {
      const y = timeOf(r, time);
      const x = r.complexity[cost];
      if (y === undefined || !(x > 0)) missing++;
      else points.push({ id: r.id, x, y, colorIndex: g.order });
    }
  }
  let rho: number | null = null;
  try {
    rho =
      points.length >= 2
        ? spearman(
            points.map((p) => p.x),
            points.map((p) => p.y),
          )
        : null;
  } catch {
    rho = null; // all x or all y equal: no ranking to correlate
  }
  return { time, cost, points, rho, missing };
}

export const rhoText = (rho: number | null): string => (rho === null ? 'ρ n/a' : `ρ = ${rho.toFixed(2)}`);
