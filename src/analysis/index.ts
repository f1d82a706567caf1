/** Public API of the analysis layer: EDFs, bootstrap, trends and statistics (pure TypeScript). */
export { edf, edfAt, type Edf, type EdfPoint } from './edf';
export { complexityBin, normalizedEdf, type NormalizedEdf, type NormalizeOptions } from './normalized-edf';
export { percentile, percentileOfSorted, percentiles } from './percentile';
export {
  BOOTSTRAP_DEFAULTS,
  bootstrapBest,
  bootstrapSampleSize,
  bootstrapWinners,
  winnersRange,
  type BootstrapOptions,
  type BootstrapRange,
} from './bootstrap';
export { paddedErrorRange, valueTrend, valueTrends, type TrendRecord, type ValueTrend } from './trends';
export { averageRanks, ksDistance, ksDistanceOfEdfs, max, mean, min, pearson, spearman } from './stats';
export { createRng, randomIndex, type Rng } from './rng';
