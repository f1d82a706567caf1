import { px } from './layout';
import { cssVar } from './theme';

interface AxisProps {
  ticks: readonly number[];
  /** Data value → pixel along the axis. */
  position: (v: number) => number;
  format: (v: number) => string;
  innerWidth: number;
  innerHeight: number;
  label?: string;
  /** Light grid lines across the plot area at each tick. */
  grid?: boolean;
  /** Left margin of the plot: the y label sits 12 px inside it, clear of wide tick labels. */
  marginLeft?: number;
}

const TICK = 4;
const tickText = { fill: cssVar('--chart-muted'), fontSize: 10 } as const;
const labelText = { fill: cssVar('--chart-muted'), fontSize: 11 } as const;

/** Bottom axis drawn in the plot's coordinate frame (origin at the plot's top-left). */
export function AxisBottom({ ticks, position, format, innerWidth, innerHeight, label, grid }: AxisProps) {
  return (
    <g className="axis axis-x" aria-hidden="true">
      {grid &&
        ticks.map((t) => (
          <line
            key={`g${t}`}
            x1={px(position(t))}
            x2={px(position(t))}
            y1={0}
            y2={innerHeight}
            stroke={cssVar('--chart-grid')}
          />
        ))}
      <line x1={0} x2={innerWidth} y1={innerHeight} y2={innerHeight} stroke={cssVar('--chart-axis')} />
      {ticks.map((t) => (
        <g key={t} className="tick" transform={`translate(${px(position(t))},${innerHeight})`}>
          <line y2={TICK} stroke={cssVar('--chart-axis')} />
          <text y={TICK + 10} textAnchor="middle" {...tickText}>
            {format(t)}
          </text>
        </g>
      ))}
      {label && (
        <text x={innerWidth / 2} y={innerHeight + 30} textAnchor="middle" {...labelText}>
          {label}
        </text>
      )}
    </g>
  );
}

/** Left axis drawn in the plot's coordinate frame. */
export function AxisLeft({
  ticks,
  position,
  format,
  innerWidth,
  innerHeight,
  label,
  grid,
  marginLeft = 48,
}: AxisProps) {
  return (
    <g className="axis axis-y" aria-hidden="true">
      {grid &&
        ticks.map((t) => (
          <line
            key={`g${t}`}
            x1={0}
            x2={innerWidth}
            y1={px(position(t))}
            y2={px(position(t))}
            stroke={cssVar('--chart-grid')}
          />
        ))}
      <line x1={0} x2={0} y1={0} y2={innerHeight} stroke={cssVar('--chart-axis')} />
      {ticks.map((t) => (
        <g key={t} className="tick" transform={`translate(0,${px(position(t))})`}>
          <line x2={-TICK} stroke={cssVar('--chart-axis')} />
          <text x={-TICK - 3} dy="0.32em" textAnchor="end" {...tickText}>
            {format(t)}
          </text>
        </g>
      ))}
      {label && (
        <text
          transform={`translate(${-(marginLeft - 12)},${innerHeight / 2}) rotate(-90)`}
          textAnchor="middle"
          {...labelText}
        >
          {label}
        </text>
      )}
    </g>
  );
}
