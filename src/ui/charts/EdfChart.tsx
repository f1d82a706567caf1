import { curveStepAfter, line, scaleLinear } from 'd3';
import { useId, useMemo, useState, type PointerEvent } from 'react';
import { AxisBottom, AxisLeft } from './Axis';
import { ChartFrame, type ChartBaseProps, type TableSpec } from './ChartFrame';
import { EDF_LEGEND_HEADER, edfLegendStats, edfSummary } from './edf-legend';
import {
  checkEdfSeries,
  edfQuantile,
  edfStepVertices,
  edfValueAt,
  type EdfPoint,
  type EdfSeries,
} from './edf-series';
import { errorTickFormat, formatError, formatFraction, type ErrorUnit } from './format';
import { clamp, plotArea, safeId, type Margin } from './layout';
import { svgPoint } from './pointer';
import { cssVar, seriesColor } from './theme';

export interface EdfChartProps extends ChartBaseProps {
  series: readonly EdfSeries[];
  /** Unit of the error values (x, min, mean). Default 'fraction' (0.352 is shown as 35.2%). */
  errorUnit?: ErrorUnit;
  /** Fixed x range; default: all points with 2.5% padding (as pycls). */
  xDomain?: readonly [number, number];
  xLabel?: string;
  yLabel?: string;
  /** Show the `n | min | mean` legend (default true). */
  legend?: boolean;
}

export const EDF_MARGIN: Margin = { top: 12, right: 16, bottom: 40, left: 48 };
const ROW = 14;
const CHAR = 6.2;

export function edfXDomain(series: readonly EdfSeries[]): [number, number] {
  const xs = series.flatMap((s) => (s.points.length ? [s.points[0].x, s.points[s.points.length - 1].x] : []));
  if (xs.length === 0) return [0, 1];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const pad = hi > lo ? (hi - lo) * 0.025 : Math.abs(lo) * 0.05 || 0.01;
  return [lo - pad, hi + pad];
}

/** Cumulative error distributions, one step curve per series, with a pycls `n|min|mean` legend. */
export function EdfChart(props: EdfChartProps) {
  const {
    series,
    errorUnit = 'fraction',
    xDomain,
    xLabel = 'error',
    yLabel = 'cumulative prob.',
    legend = true,
    width = 640,
    height = 360,
    margin,
    ariaLabel,
  } = props;
  series.forEach(checkEdfSeries);
  const area = plotArea('EdfChart', width, height, margin, EDF_MARGIN);
  const { innerWidth, innerHeight } = area;
  const clipId = safeId('dsl-edf-clip', useId());
  const [hoverX, setHoverX] = useState<number | null>(null);

  const domain = xDomain ?? edfXDomain(series);
  if (!(domain[1] > domain[0]))
    throw new Error(`EdfChart: xDomain must be increasing (got [${domain[0]}, ${domain[1]}]).`);
  const x = scaleLinear().domain(domain).range([0, innerWidth]);
  const y = scaleLinear().domain([0, 1]).range([innerHeight, 0]);
  const xTicks = x.ticks(6);
  const yTicks = [0, 0.25, 0.5, 0.75, 1];
  const path = line<EdfPoint>()
    .x((p) => x(p.x))
    .y((p) => y(p.y))
    .curve(curveStepAfter);
  const colors = series.map((s, i) => seriesColor(s.colorIndex ?? i));

  const tableSpec: TableSpec = useMemo(
    () => ({
      caption: 'Error EDF summary',
      columns: ['series', 'n', 'min error', 'median error', 'mean error'],
      rows: series.map((s) => [
        s.name,
        s.n,
        formatError(s.min, errorUnit),
        formatError(edfQuantile(s.points, 0.5), errorUnit),
        formatError(s.mean, errorUnit),
      ]),
    }),
    [series, errorUnit],
  );

  const onMove = (e: PointerEvent<SVGRectElement>) => {
    const p = svgPoint(e, e.currentTarget.ownerSVGElement, area);
    setHoverX(x.invert(clamp(p.x - area.margin.left, 0, innerWidth)));
  };

  return (
    <ChartFrame
      kind="edf"
      area={area}
      label={ariaLabel ?? edfSummary(series, errorUnit)}
      tableSpec={tableSpec}
      table={props.table}
      standaloneTheme={props.standaloneTheme}
      svgRef={props.svgRef}
      className={props.className}
    >
      <defs>
        <clipPath id={clipId}>
          <rect x={-2} y={-2} width={innerWidth + 4} height={innerHeight + 4} />
        </clipPath>
      </defs>
      <AxisLeft
        marginLeft={area.margin.left}
        ticks={yTicks}
        position={y}
        format={(v) => String(v)}
        innerWidth={innerWidth}
        innerHeight={innerHeight}
        label={yLabel}
        grid
      />
      <AxisBottom
        ticks={xTicks}
        position={x}
        format={errorTickFormat(xTicks, errorUnit)}
        innerWidth={innerWidth}
        innerHeight={innerHeight}
        label={xLabel}
      />
      {series.length === 0 && (
        <text x={innerWidth / 2} y={innerHeight / 2} textAnchor="middle" fill={cssVar('--chart-muted')}>
          No finished models yet
        </text>
      )}
      <g className="edf-lines" clipPath={`url(#${clipId})`}>
        {series.map((s, i) => (
          <path
            key={`${s.name}-${i}`}
            className="edf-line"
            data-series={s.name}
            d={path(edfStepVertices(s.points, domain[0], domain[1])) ?? ''}
            fill="none"
            stroke={colors[i]}
            strokeWidth={1.5}
            strokeOpacity={0.9}
          />
        ))}
      </g>
      {legend && series.length > 0 && (
        <EdfLegend series={series} colors={colors} unit={errorUnit} right={innerWidth} bottom={innerHeight} />
      )}
      {hoverX !== null && series.length > 0 && (
        <HoverReadout
          series={series}
          colors={colors}
          unit={errorUnit}
          px={x(hoverX)}
          value={hoverX}
          y={y}
          innerWidth={innerWidth}
        />
      )}
      <rect
        className="edf-overlay"
        width={innerWidth}
        height={innerHeight}
        fill="transparent"
        style={{ touchAction: 'none' }}
        onPointerMove={onMove}
        onPointerDown={onMove}
        onPointerLeave={() => setHoverX(null)}
      />
    </ChartFrame>
  );
}

interface LegendProps {
  series: readonly EdfSeries[];
  colors: readonly string[];
  unit: ErrorUnit;
  right: number;
  bottom: number;
}

/** Lower-right legend: swatch, name, then right-aligned `n | min | mean` (widths estimated: no DOM). */
function EdfLegend({ series, colors, unit, right, bottom }: LegendProps) {
  const stats = series.map((s) => edfLegendStats(s, unit));
  const nameW = Math.max(...series.map((s) => s.name.length)) * CHAR;
  const statsW = Math.max(EDF_LEGEND_HEADER.length, ...stats.map((t) => t.length)) * CHAR;
  const w = 8 + 16 + nameW + 12 + statsW + 8;
  const h = (series.length + 1) * ROW + 8;
  const left = right - w - 4;
  const top = bottom - h - 4;
  return (
    <g className="edf-legend" transform={`translate(${left},${top})`} pointerEvents="none">
      <rect width={w} height={h} rx={3} fill={cssVar('--chart-panel')} stroke={cssVar('--chart-grid')} />
      <text x={w - 8} y={ROW} textAnchor="end" fill={cssVar('--chart-muted')} fontSize={10}>
        {EDF_LEGEND_HEADER}
      </text>
      {series.map((s, i) => {
        const cy = ROW * (i + 2);
        return (
          <g key={`${s.name}-${i}`} className="legend-row">
            <line x1={8} x2={20} y1={cy - 4} y2={cy - 4} stroke={colors[i]} strokeWidth={2} />
            <text className="legend-name" x={24} y={cy} fill={cssVar('--chart-fg')}>
              {s.name}
            </text>
            <text className="legend-stats" x={w - 8} y={cy} textAnchor="end" fill={cssVar('--chart-fg')}>
              {stats[i]}
            </text>
          </g>
        );
      })}
    </g>
  );
}

interface ReadoutProps {
  series: readonly EdfSeries[];
  colors: readonly string[];
  unit: ErrorUnit;
  px: number;
  value: number;
  y: (v: number) => number;
  innerWidth: number;
}

/** Vertical rule at the cursor plus each series' F(e) there. */
function HoverReadout({ series, colors, unit, px, value, y, innerWidth }: ReadoutProps) {
  const values = series.map((s) => edfValueAt(s.points, value));
  const lines = [
    `e = ${formatError(value, unit, 2)}`,
    ...series.map((s, i) => `${s.name}  ${formatFraction(values[i])}`),
  ];
  const w = Math.max(...lines.map((l) => l.length)) * CHAR + 24;
  const flip = px + 8 + w > innerWidth;
  const left = flip ? px - 8 - w : px + 8;
  return (
    <g className="edf-readout" pointerEvents="none" data-export="exclude">
      <line x1={px} x2={px} y1={0} y2={y(0)} stroke={cssVar('--chart-muted')} strokeDasharray="3 3" />
      {values.map((v, i) => (
        <circle key={i} cx={px} cy={y(v)} r={3} fill={colors[i]} stroke={cssVar('--chart-bg')} />
      ))}
      <g transform={`translate(${left},4)`}>
        <rect
          width={w}
          height={lines.length * ROW + 6}
          rx={3}
          fill={cssVar('--chart-panel')}
          stroke={cssVar('--chart-grid')}
        />
        {lines.map((l, i) => (
          <g key={i}>
            {i > 0 && <rect x={6} y={i * ROW + 1} width={8} height={8} fill={colors[i - 1]} />}
            <text
              className="readout-line"
              x={i > 0 ? 18 : 6}
              y={(i + 1) * ROW - 1}
              fill={cssVar('--chart-fg')}
            >
              {l}
            </text>
          </g>
        ))}
      </g>
    </g>
  );
}
