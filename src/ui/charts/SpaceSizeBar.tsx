import { format } from 'd3';
import { ChartFrame, type ChartBaseProps } from './ChartFrame';
import { plotArea, type Margin } from './layout';
import { cssVar, seriesColor } from './theme';

export interface SpaceSizeBarProps extends ChartBaseProps {
  /** Size of the unconstrained design space (may be a float like 1e18). */
  total: number;
  /** Size that remains after the constraints. */
  remaining: number;
  label?: string;
  colorIndex?: number;
}

export const SPACE_BAR_MARGIN: Margin = { top: 16, right: 4, bottom: 4, left: 4 };

/** A count as text: exact with separators below a million, else 10^k with one decimal. */
export function formatSpaceSize(n: number): string {
  if (n < 1e6) return format(',')(Math.round(n));
  return `10^${Math.log10(n).toFixed(1)}`;
}

/** Fraction of the bar for `remaining` on a log scale from 1 to `total`. */
export function spaceBarFraction(total: number, remaining: number): number {
  if (total <= 1) return remaining >= 1 ? 1 : 0;
  return remaining < 1 ? 0 : Math.min(1, Math.log10(remaining) / Math.log10(total));
}

/** Tiny log-scale bar: how much of a design space is left after the constraints. */
export function SpaceSizeBar(props: SpaceSizeBarProps) {
  const {
    total,
    remaining,
    label = 'design space',
    colorIndex = 0,
    width = 240,
    height = 34,
    margin,
  } = props;
  if (!(total >= 1) || !Number.isFinite(total))
    throw new Error(`SpaceSizeBar: total must be a finite count >= 1 (got ${total}).`);
  if (!(remaining >= 0) || remaining > total)
    throw new Error(`SpaceSizeBar: remaining must be between 0 and total ${total} (got ${remaining}).`);
  const area = plotArea('SpaceSizeBar', width, height, margin, SPACE_BAR_MARGIN);
  const f = spaceBarFraction(total, remaining);
  const share = remaining / total;
  const shareText =
    share >= 0.001 || share === 0 ? format('.1~%')(share) : `10^${Math.log10(share).toFixed(1)}`;
  const text = `${formatSpaceSize(remaining)} of ${formatSpaceSize(total)} (${shareText})`;
  return (
    <ChartFrame
      kind="space-size"
      area={area}
      label={props.ariaLabel ?? `${label}: ${text} remain.`}
      tableSpec={{
        caption: label,
        columns: ['total', 'remaining', 'share'],
        rows: [[total, remaining, shareText]],
      }}
      table={props.table}
      standaloneTheme={props.standaloneTheme}
      svgRef={props.svgRef}
      className={props.className}
    >
      <text y={-5} fontSize={10} fill={cssVar('--chart-muted')}>
        {label}
      </text>
      <text x={area.innerWidth} y={-5} fontSize={10} textAnchor="end" fill={cssVar('--chart-fg')}>
        {text}
      </text>
      <rect width={area.innerWidth} height={area.innerHeight} rx={3} fill={cssVar('--chart-grid')} />
      <rect
        className="space-bar-fill"
        width={area.innerWidth * f}
        height={area.innerHeight}
        rx={3}
        fill={seriesColor(colorIndex)}
      />
    </ChartFrame>
  );
}
