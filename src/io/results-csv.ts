import { toCsv, type CsvValue } from './csv';
import type { ResultRecord } from './results';

/** Regnet parameter columns, present when any record is a RegNet. */
const REGNET_COLUMNS = [
  ['regnet_depth', 'depth'],
  ['regnet_w0', 'w0'],
  ['regnet_wa', 'wa'],
  ['regnet_wm', 'wm'],
  ['regnet_group_width', 'groupWidth'],
  ['regnet_bottleneck_ratio', 'bottleneckRatio'],
] as const;

/** Own keys only: a design key such as "toString" must not reach Object.prototype. */
const designValue = (r: ResultRecord, key: string): number | null => {
  const design = r.config.design;
  return design && Object.hasOwn(design, key) ? design[key] : null;
};

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * One row per model for spreadsheets and pandas: identity, status and error, complexity, the resolved
 * stages (d1..dN, w1..wN, g1..gN, b1..bN), the RegNet parameters, the sampled design values (design_*),
 * and the run (data set, epochs, seed, backend, timings).
 */
export function resultsToCsv(records: readonly ResultRecord[]): string {
  const stageCount = Math.max(0, ...records.map((r) => r.config.network.stages.length));
  const anyRegNet = records.some((r) => r.config.regnet);
  const designKeys = [...new Set(records.flatMap((r) => Object.keys(r.config.design ?? {})))];
  const stageColumns = ['d', 'w', 'g', 'b'].flatMap((p) => range(stageCount).map((i) => `${p}${i + 1}`));
  const header = [
    'id',
    'sweep',
    'space',
    'status',
    'error',
    'flops',
    'params',
    'acts',
    'stages',
    ...stageColumns,
    'se_ratio',
    ...(anyRegNet ? REGNET_COLUMNS.map(([column]) => column) : []),
    ...designKeys.map((k) => `design_${k}`),
    'dataset',
    'resolution',
    'epochs',
    'seed',
    'backend',
    'adapter',
    'images_per_sec',
    'inference_ms_per_image',
    'wall_seconds',
    'peak_bytes',
    'finished_at',
  ];
  const rows = records.map((r): CsvValue[] => {
    const net = r.config.network;
    const stage = (i: number) => net.stages[i];
    const perStage = (f: (s: (typeof net.stages)[number]) => number) =>
      range(stageCount).map((i) => (stage(i) ? f(stage(i)) : null));
    return [
      r.id,
      r.sweep,
      r.space,
      r.status,
      r.error,
      r.complexity.flops,
      r.complexity.params,
      r.complexity.acts,
      net.stages.length,
      ...perStage((s) => s.depth),
      ...perStage((s) => s.width),
      ...perStage((s) => s.groupWidth),
      ...perStage((s) => s.bottleneckRatio),
      net.seRatio,
      ...(anyRegNet ? REGNET_COLUMNS.map(([, key]) => r.config.regnet?.[key]) : []),
      ...designKeys.map((k) => designValue(r, k)),
      r.data.name,
      r.data.resolution,
      r.training.epochs,
      r.training.seed,
      r.backend.name,
      r.backend.adapter,
      r.timings.imagesPerSec,
      r.timings.inferenceMsPerImage,
      r.timings.wallSeconds,
      r.peakBytes,
      r.finishedAt,
    ];
  });
  return toCsv(header, rows);
}
