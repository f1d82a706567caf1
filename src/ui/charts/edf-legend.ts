import type { EdfSeries } from './edf-series';
import { formatError, type ErrorUnit } from './format';

/** Column header of the pycls-style legend. */
export const EDF_LEGEND_HEADER = 'n | min | mean';

/** `n | min | mean` of one series, errors as percentages with one decimal: "100 | 35.2% | 41.7%". */
export function edfLegendStats(s: Pick<EdfSeries, 'n' | 'min' | 'mean'>, unit: ErrorUnit): string {
  return `${s.n} | ${formatError(s.min, unit)} | ${formatError(s.mean, unit)}`;
}

/** Spoken summary used as the chart's aria-label. */
export function edfSummary(series: readonly EdfSeries[], unit: ErrorUnit): string {
  if (series.length === 0) return 'Error EDF: no data yet.';
  const parts = series.map(
    (s) => `${s.name}: n ${s.n}, min ${formatError(s.min, unit)}, mean ${formatError(s.mean, unit)}`,
  );
  return `Error EDF of ${series.length} series. ${parts.join('; ')}.`;
}
