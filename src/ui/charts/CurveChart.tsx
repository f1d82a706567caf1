import { line, scaleLinear, scaleLog } from 'd3';
import { useId } from 'react';
import { AxisBottom, AxisLeft } from './Axis';
import { ChartFrame, type ChartBaseProps, type TableSpec } from './ChartFrame';
import { errorTickFormat, formatError, formatSignificant, formatTick, type ErrorUnit } from './format';
import { plotArea, safeId, type Margin } from './layout';
import { extentOf, log2Domain, log2Ticks, padLinear } from './scales';
import { cssVar, seriesColor } from './theme';

export interface CurvePoint {
  x: number;
  y: number;
}

export type CurveDash = 'solid' | 'dashed' | 'dotted';

export interface CurveSeries {
  name: string;
  colorIndex?: number;
  dash?: CurveDash;
  points: readonly CurvePoint[];
}

export interface CurveChartProps extends ChartBaseProps {
  series: readonly CurveSeries[];
  xLabel?: string;
  yLabel?: string;
  /** 'log2' as pycls plot_curves (values must be > 0). Default 'linear'. */
  yScale?: 'linear' | 'log2';
  /** When y is an error, its unit: ticks and legend read as percentages. */
  errorUnit?: ErrorUnit;
  xDomain?: readonly [number, number];
  yDomain?: readonly [number, number];
  /** A horizontal reference line, e.g. the best test error. */
  reference?: { y: number; label?: string } | null;
}

export const CURVE_MARGIN: Margin = { top: 12, right: 16, bottom: 40, left: 52 };
const DASH: Record<CurveDash, string | undefined> = { solid: undefined, dashed: '5 3', dotted: '1.5 2.5' };
const MARKER_LIMIT = 30;

function check(p: CurveChartProps): void {
  for (const s of p.series)
    s.points.forEach((pt, i) => {
      if (!Number.isFinite(pt.x) || !Number.isFinite(pt.y))
        throw new Error(
          `CurveChart: series "${s.name}" has a non-finite value at index ${i} (${pt.x}, ${pt.y}).`,
        );
      if (p.yScale === 'log2' && pt.y <= 0)
        throw new Error(
          `CurveChart: a log2 y axis needs values > 0 but series "${s.name}" has ${pt.y} at index ${i}; use yScale 'linear'.`,
        );
    });
}

/** Octave-snapped log2 domain; for errors it stops at 100% as pycls plot_curves does. */
export function errorLog2Domain(ext: readonly [number, number], unit?: ErrorUnit): [number, number] {
  const [lo, hi] = log2Domain(ext);
  const full = unit === 'fraction' ? 1 : unit === 'percent' ? 100 : Infinity;
  return [lo, ext[1] <= full && hi > full ? full : hi];
}

/** Epoch record of a training run as the trainer reports it (fields may be missing). */
export interface EpochRecord {
  epoch: number;
  trainLoss?: number;
  trainError?: number;
  testError?: number;
}

/** Splits a run's history into a loss chart's and an error chart's series (train dashed, test solid). */
export function trainingCurves(history: readonly EpochRecord[], colorIndex = 0) {
  const pick = (key: keyof Omit<EpochRecord, 'epoch'>): CurvePoint[] =>
    history.flatMap((r) =>
      r[key] === undefined || !Number.isFinite(r[key]) ? [] : [{ x: r.epoch, y: r[key] }],
    );
  const loss: CurveSeries[] = [{ name: 'train loss', colorIndex, dash: 'dashed', points: pick('trainLoss') }];
  const error: CurveSeries[] = [
    { name: 'train error', colorIndex, dash: 'dashed', points: pick('trainError') },
    { name: 'test error', colorIndex, dash: 'solid', points: pick('testError') },
  ];
  return { loss, error: error.filter((s) => s.points.length > 0) };
}

/** Metric against epoch, one line per series, with a pycls-style legend of each series' minimum. */
export function CurveChart(props: CurveChartProps) {
  const {
    series,
    xLabel = 'epoch',
    yLabel = props.errorUnit ? 'error' : 'y',
    yScale = 'linear',
    errorUnit,
    reference,
    width = 480,
    height = 260,
    margin,
  } = props;
  check(props);
  const area = plotArea('CurveChart', width, height, margin, CURVE_MARGIN);
  const { innerWidth, innerHeight } = area;
  const clipId = safeId('dsl-curve-clip', useId());

  const all = series.flatMap((s) => s.points);
  const xExt = extentOf(all.map((p) => p.x)) ?? [0, 1];
  const xd = props.xDomain ?? (xExt[1] > xExt[0] ? xExt : [xExt[0] - 1, xExt[0] + 1]);
  const yValues = [...all.map((p) => p.y), ...(reference ? [reference.y] : [])];
  const yExt = extentOf(yValues);
  const log = yScale === 'log2';
  const yd =
    props.yDomain ?? (log ? errorLog2Domain(yExt ?? [1, 2], errorUnit) : padLinear(yExt ?? [0, 1], 0.08));
  const x = scaleLinear().domain(xd).range([0, innerWidth]);
  const y = (log ? scaleLog().base(2) : scaleLinear()).domain(yd).range([innerHeight, 0]);
  const span = xd[1] - xd[0];
  const xTicks = x
    .ticks(Math.min(8, Math.max(2, Math.round(span))))
    .filter((t) => span < 4 || Number.isInteger(t));
  const yTicks = log ? log2Ticks(yd) : y.ticks(5);
  const yTickFormat = errorUnit ? errorTickFormat(yTicks, errorUnit) : formatTick;
  const fmtY = (v: number) => (errorUnit ? formatError(v, errorUnit, 2) : formatSignificant(v));
  const path = line<CurvePoint>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  const colors = series.map((s, i) => seriesColor(s.colorIndex ?? i));
  const mins = series.map((s) => extentOf(s.points.map((p) => p.y))?.[0] ?? NaN);

  const epochs = [...new Set(all.map((p) => p.x))].sort((a, b) => a - b);
  const tableSpec: TableSpec = {
    caption: `${yLabel} per ${xLabel}`,
    columns: [xLabel, ...series.map((s) => s.name)],
    rows: epochs.map((e) => [
      e,
      ...series.map((s) => {
        const p = s.points.find((q) => q.x === e);
        return p ? fmtY(p.y) : '–';
      }),
    ]),
  };
  const label =
    props.ariaLabel ??
    (all.length === 0
      ? `${yLabel} per ${xLabel}: no data yet.`
      : `${yLabel} per ${xLabel}${log ? ' (log2 axis)' : ''}: ${series
          .map((s, i) => `${s.name} ${s.points.length} points, minimum ${fmtY(mins[i])}`)
          .join('; ')}.`);

  return (
    <ChartFrame
      kind="curve"
      area={area}
      label={label}
      tableSpec={tableSpec}
      table={props.table}
      standaloneTheme={props.standaloneTheme}
      svgRef={props.svgRef}
      className={props.className}
    >
      <defs>
        <clipPath id={clipId}>
          <rect x={-4} y={-4} width={innerWidth + 8} height={innerHeight + 8} />
        </clipPath>
      </defs>
      <AxisLeft
        marginLeft={area.margin.left}
        ticks={yTicks}
        position={y}
        format={yTickFormat}
        innerWidth={innerWidth}
        innerHeight={innerHeight}
        label={yLabel}
        grid
      />
      <AxisBottom
        ticks={xTicks}
        position={x}
        format={String}
        innerWidth={innerWidth}
        innerHeight={innerHeight}
        label={xLabel}
      />
      {all.length === 0 && (
        <text x={innerWidth / 2} y={innerHeight / 2} textAnchor="middle" fill={cssVar('--chart-muted')}>
          Waiting for the first epoch
        </text>
      )}
      {reference && (
        <g className="curve-reference">
          <line
            x1={0}
            x2={innerWidth}
            y1={y(reference.y)}
            y2={y(reference.y)}
            stroke={cssVar('--chart-accent')}
            strokeOpacity={0.7}
          />
          {reference.label && (
            <text x={4} y={y(reference.y) - 4} fontSize={10} fill={cssVar('--chart-muted')}>
              {reference.label}
            </text>
          )}
        </g>
      )}
      <g className="curves" clipPath={`url(#${clipId})`}>
        {series.map((s, i) => (
          <g key={`${s.name}-${i}`}>
            <path
              className="curve-line"
              d={path(s.points) ?? ''}
              fill="none"
              stroke={colors[i]}
              strokeWidth={1.5}
              strokeDasharray={DASH[s.dash ?? 'solid']}
            />
            {s.points.length <= MARKER_LIMIT &&
              s.points.map((p, k) => <circle key={k} cx={x(p.x)} cy={y(p.y)} r={2} fill={colors[i]} />)}
          </g>
        ))}
      </g>
      {series.length > 0 && all.length > 0 && (
        <g className="curve-legend" transform={`translate(${innerWidth - 8},8)`}>
          {series.map((s, i) => (
            <g key={`${s.name}-${i}`} transform={`translate(0,${i * 14})`}>
              <text
                x={-22}
                y={4}
                textAnchor="end"
                fill={cssVar('--chart-fg')}
                stroke={cssVar('--chart-bg')}
                strokeWidth={3}
                paintOrder="stroke"
              >
                {`${s.name} ${fmtY(mins[i])}`}
              </text>
              <line
                x1={-18}
                x2={0}
                y1={0}
                y2={0}
                stroke={colors[i]}
                strokeWidth={1.5}
                strokeDasharray={DASH[s.dash ?? 'solid']}
              />
            </g>
          ))}
        </g>
      )}
    </ChartFrame>
  );
}
