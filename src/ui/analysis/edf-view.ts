import { edf } from '../../analysis/edf';
import { normalizedEdf } from '../../analysis/normalized-edf';
import { max, min } from '../../analysis/stats';
import type { EdfSeries } from '../charts/edf-series';
import type { CsvSeries } from '../charts/export';
import { formatFlops } from '../format';
import { groupLabel, type SweepGroup } from './sweeps';

/** Bins tried first for the normalized EDF (the NDS default outside its Fig. 3); fewer when some are empty. */
export const NORMALIZE_BINS = 10;

export interface EdfView {
  series: EdfSeries[];
  /** What the normalized view did (range, bins, dropped models) or why it could not normalize. */
  note: string | null;
}

/** One plain error EDF per sweep with finished models, in legend order. */
export function plainEdfSeries(groups: readonly SweepGroup[]): EdfSeries[] {
  return groups
    .filter((g) => g.done.length > 0)
    .map((g) => {
      const e = edf(g.done.map((r) => r.error as number));
      return { name: groupLabel(g), colorIndex: g.order, ...e };
    });
}

/** The flops range every shown sweep covers: the overlap of their ranges, or their union when they do not overlap. */
function commonRange(groups: readonly SweepGroup[]): [number, number] {
  const ranges = groups.map((g) => {
    const f = g.done.map((r) => r.complexity.flops);
    return [min(f), max(f)] as const;
  });
  const lo = Math.max(...ranges.map((r) => r[0]));
  const hi = Math.min(...ranges.map((r) => r[1]));
  if (lo < hi) return [lo, hi];
  return [Math.min(...ranges.map((r) => r[0])), Math.max(...ranges.map((r) => r[1]))];
}

/**
 * Complexity-normalized EDFs (REGNET.md §6.2) over one flops range shared by all sweeps, so they
 * compare at equal complexity. Starts at NORMALIZE_BINS bins and uses fewer until every sweep has a
 * model in every bin; with one bin the curve equals the plain EDF of the models in the range.
 */
export function normalizedEdfView(groups: readonly SweepGroup[]): EdfView {
  const shown = groups.filter((g) => g.done.length > 0);
  if (shown.length === 0) return { series: [], note: null };
  const [lo, hi] = commonRange(shown);
  if (!(lo < hi)) {
    return {
      series: plainEdfSeries(shown),
      note: 'All finished models have the same flops, so the normalized EDF equals the plain one.',
    };
  }
  for (let bins = NORMALIZE_BINS; bins >= 1; bins--) {
    try {
      let dropped = 0;
      const series = shown.map((g) => {
        const n = normalizedEdf(
          g.done.map((r) => r.error as number),
          g.done.map((r) => r.complexity.flops),
          { lo, hi, bins },
        );
        dropped += n.dropped;
        return {
          name: groupLabel(g),
          colorIndex: g.order,
          n: n.n,
          min: n.min,
          mean: n.mean,
          points: n.points,
        };
      });
      const droppedNote = dropped > 0 ? `; ${dropped} model(s) outside the range left out` : '';
      return {
        series,
        note: `Normalized over flops ${formatFlops(lo)}–${formatFlops(hi)} in ${bins} bin(s)${droppedNote}.`,
      };
    } catch {
      // A sweep has an empty bin at this bin count (or no model in the range): try fewer bins.
    }
  }
  return {
    series: plainEdfSeries(shown),
    note: 'The sweeps share no flops range, so the plain EDF is shown.',
  };
}

export function edfView(groups: readonly SweepGroup[], normalized: boolean): EdfView {
  return normalized ? normalizedEdfView(groups) : { series: plainEdfSeries(groups), note: null };
}

/** The curves as CSV rows: sweep, error (fraction), cumulative fraction. */
export const edfCsvSeries = (series: readonly EdfSeries[]): CsvSeries[] =>
  series.map((s) => ({ name: s.name.replace(/^↳ /, ''), points: s.points }));
