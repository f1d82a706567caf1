import { scaleLinear, scaleLog } from 'd3';
import { useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { AxisBottom, AxisLeft } from './Axis';
import { brushRange } from './brush';
import { ChartFrame, type ChartBaseProps, type TableSpec } from './ChartFrame';
import { errorTickFormat, formatError, formatSignificant, formatTick, type ErrorUnit } from './format';
import { clamp, plotArea, safeId, type Margin } from './layout';
import { capturePointer, releasePointer, svgPoint } from './pointer';
import { extentOf, logTicks, padLinear, padLog, pyclsErrorRange } from './scales';
import { cssVar, seriesColor } from './theme';

export interface ScatterPoint {
  id: string;
  x: number;
  y: number;
  /** Palette index of this point; defaults to the chart's colorIndex. */
  colorIndex?: number;
}

export interface ScatterChartProps extends ChartBaseProps {
  points: readonly ScatterPoint[];
  xLabel?: string;
  yLabel?: string;
  logX?: boolean;
  /** Fixed x range; default: the points (and bootstrap band) padded by 5% (in log space for logX). */
  xDomain?: readonly [number, number];
  /** Fixed y range; default pycls's [e_min − Δ/5, e_max + Δ/5]. */
  yDomain?: readonly [number, number];
  /** Picks the x ticks from the domain and the chart's default ones (e.g. only values a parameter takes). */
  xTicks?: (domain: readonly [number, number], defaults: readonly number[]) => number[];
  /** When y is an error, its unit: y ticks then read as percentages. */
  errorUnit?: ErrorUnit;
  /** Bootstrap [low, best, high] of the best x: shaded band and a "best: v" rule. */
  bootstrap?: readonly [number, number, number] | null;
  /** Palette index for points without their own (default 0). */
  colorIndex?: number;
  selectedId?: string | null;
  onSelect?: (id: string) => void;
  /** The current x-range selection, drawn shaded with a clear (×) control. */
  brush?: readonly [number, number] | null;
  /** Called with the dragged x-range (data units), or null when cleared. Enables brushing. */
  onBrush?: (range: [number, number] | null) => void;
  /** A rank correlation to show, e.g. for "complexity vs time". */
  rankCorrelation?: { value: number; label?: string } | null;
}

export const SCATTER_MARGIN: Margin = { top: 16, right: 16, bottom: 40, left: 52 };

interface Drag {
  x0: number;
  x1: number;
}

function checkInputs(p: ScatterChartProps): void {
  const seen = new Set<string>();
  for (const pt of p.points) {
    if (seen.has(pt.id))
      throw new Error(
        `ScatterChart: point id "${pt.id}" appears twice; ids must be unique (they drive onSelect).`,
      );
    seen.add(pt.id);
    if (!Number.isFinite(pt.x) || !Number.isFinite(pt.y))
      throw new Error(
        `ScatterChart: point "${pt.id}" has a non-finite value (${pt.x}, ${pt.y}); filter it out first.`,
      );
    if (p.logX && pt.x <= 0)
      throw new Error(
        `ScatterChart: logX needs x > 0 but point "${pt.id}" has x = ${pt.x}; turn logX off or drop it.`,
      );
  }
  const b = p.bootstrap;
  if (b && !(b[0] <= b[1] && b[1] <= b[2]))
    throw new Error(
      `ScatterChart: bootstrap must be [low, best, high] in increasing order (got [${b.join(', ')}]).`,
    );
  for (const [name, d] of [
    ['xDomain', p.xDomain],
    ['yDomain', p.yDomain],
  ] as const)
    if (d && !(d[1] > d[0]))
      throw new Error(`ScatterChart: ${name} must be increasing (got [${d[0]}, ${d[1]}]).`);
  if (p.brush && !(p.brush[0] <= p.brush[1] && (!p.logX || p.brush[0] > 0)))
    throw new Error(
      `ScatterChart: brush must be [lo, hi] with lo <= hi${p.logX ? ' and lo > 0 on a log axis' : ''} (got [${p.brush.join(', ')}]).`,
    );
  if (p.logX && p.xDomain && p.xDomain[0] <= 0)
    throw new Error(`ScatterChart: a log x axis needs xDomain[0] > 0 (got ${p.xDomain[0]}).`);
}

function defaultXDomain(p: ScatterChartProps): [number, number] {
  const xs = p.points.map((pt) => pt.x);
  if (p.bootstrap) xs.push(p.bootstrap[0], p.bootstrap[2]);
  const ext = extentOf(p.logX ? xs.filter((v) => v > 0) : xs);
  if (!ext) return p.logX ? [1, 10] : [0, 1];
  return p.logX ? padLog(ext, 0.05) : padLinear(ext, 0.05);
}

/** Error (or time) against a parameter: click a point to select it, drag across to select an x-range. */
export function ScatterChart(props: ScatterChartProps) {
  const {
    points,
    xLabel = 'x',
    yLabel = props.errorUnit ? 'error' : 'y',
    logX = false,
    errorUnit,
    bootstrap,
    colorIndex = 0,
    selectedId,
    onSelect,
    brush,
    onBrush,
    rankCorrelation,
    width = 480,
    height = 320,
    margin,
  } = props;
  checkInputs(props);
  const area = plotArea('ScatterChart', width, height, margin, SCATTER_MARGIN);
  const { innerWidth, innerHeight } = area;
  const clipId = safeId('dsl-scatter-clip', useId());
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragStart = useRef<number | null>(null);

  const xd = props.xDomain ?? defaultXDomain(props);
  const yExt = extentOf(points.map((p) => p.y));
  const yd = props.yDomain ?? (yExt ? pyclsErrorRange(yExt) : [0, 1]);
  const x = (logX ? scaleLog() : scaleLinear()).domain(xd).range([0, innerWidth]);
  const y = scaleLinear().domain(yd).range([innerHeight, 0]);
  const defaultXTicks = logX ? logTicks(xd as [number, number]) : x.ticks(6);
  const xTicks = props.xTicks ? props.xTicks(xd, defaultXTicks) : defaultXTicks;
  const yTicks = y.ticks(5);
  const yFormat = errorUnit ? errorTickFormat(yTicks, errorUnit) : formatTick;
  const fmtY = (v: number) => (errorUnit ? formatError(v, errorUnit, 2) : formatSignificant(v));

  const localX = (e: PointerEvent<SVGRectElement>) =>
    svgPoint(e, e.currentTarget.ownerSVGElement, area).x - area.margin.left;

  const onDown = (e: PointerEvent<SVGRectElement>) => {
    if (!onBrush || e.button > 0) return;
    const px = clamp(localX(e), 0, innerWidth);
    capturePointer(e.currentTarget, e.pointerId);
    dragStart.current = px;
    setDrag({ x0: px, x1: px });
  };
  const onMove = (e: PointerEvent<SVGRectElement>) => {
    const x0 = dragStart.current;
    if (x0 === null) return;
    setDrag({ x0, x1: clamp(localX(e), 0, innerWidth) });
  };
  const onUp = (e: PointerEvent<SVGRectElement>) => {
    const x0 = dragStart.current;
    if (x0 === null) return;
    dragStart.current = null;
    releasePointer(e.currentTarget, e.pointerId);
    setDrag(null);
    const range = brushRange(x0, localX(e), (px) => x.invert(px), innerWidth);
    if (range) onBrush?.(range);
  };
  const onCancel = () => {
    dragStart.current = null;
    setDrag(null);
  };

  const shown: readonly [number, number] | null = drag
    ? [Math.min(drag.x0, drag.x1), Math.max(drag.x0, drag.x1)]
    : brush
      ? [clamp(x(brush[0]), 0, innerWidth), clamp(x(brush[1]), 0, innerWidth)]
      : null;

  const tableSpec: TableSpec = {
    caption: `${yLabel} vs ${xLabel}`,
    columns: ['id', xLabel, yLabel],
    rows: points.map((p) => [p.id, formatSignificant(p.x), fmtY(p.y)]),
  };

  return (
    <ChartFrame
      kind="scatter"
      area={area}
      label={props.ariaLabel ?? scatterSummary(props, xLabel, yLabel, fmtY)}
      tableSpec={tableSpec}
      table={props.table}
      standaloneTheme={props.standaloneTheme}
      svgRef={props.svgRef}
      className={props.className}
    >
      <defs>
        <clipPath id={clipId}>
          <rect width={innerWidth} height={innerHeight} />
        </clipPath>
      </defs>
      <AxisLeft
        marginLeft={area.margin.left}
        ticks={yTicks}
        position={y}
        format={yFormat}
        innerWidth={innerWidth}
        innerHeight={innerHeight}
        label={yLabel}
        grid
      />
      <AxisBottom
        ticks={xTicks}
        position={x}
        format={formatTick}
        innerWidth={innerWidth}
        innerHeight={innerHeight}
        label={xLabel}
      />
      {bootstrap && (
        <g className="bootstrap" clipPath={`url(#${clipId})`} pointerEvents="none">
          <rect
            className="bootstrap-band"
            x={x(bootstrap[0])}
            y={0}
            width={Math.max(0, x(bootstrap[2]) - x(bootstrap[0]))}
            height={innerHeight}
            fill={cssVar('--chart-band')}
            fillOpacity={0.12}
          />
          <line
            className="bootstrap-best"
            x1={x(bootstrap[1])}
            x2={x(bootstrap[1])}
            y1={0}
            y2={innerHeight}
            stroke={cssVar('--chart-accent')}
            strokeWidth={1.25}
          />
          <text
            className="bootstrap-label"
            x={x(bootstrap[1]) + 4}
            y={11}
            fill={cssVar('--chart-fg')}
            stroke={cssVar('--chart-bg')}
            strokeWidth={3}
            paintOrder="stroke"
          >
            {`best: ${formatSignificant(bootstrap[1])}`}
          </text>
          <text
            x={x(bootstrap[1]) + 4}
            y={24}
            fontSize={10}
            fill={cssVar('--chart-muted')}
            stroke={cssVar('--chart-bg')}
            strokeWidth={3}
            paintOrder="stroke"
          >
            {`[${formatSignificant(bootstrap[0])}, ${formatSignificant(bootstrap[2])}]`}
          </text>
        </g>
      )}
      {shown && (
        <rect
          className={drag ? 'brush-preview' : 'brush-range'}
          x={shown[0]}
          y={0}
          width={shown[1] - shown[0]}
          height={innerHeight}
          fill={cssVar('--chart-brush')}
          fillOpacity={0.14}
          stroke={cssVar('--chart-brush')}
          strokeOpacity={0.6}
          pointerEvents="none"
        />
      )}
      {points.length === 0 && (
        <text x={innerWidth / 2} y={innerHeight / 2} textAnchor="middle" fill={cssVar('--chart-muted')}>
          No data yet
        </text>
      )}
      <rect
        className="scatter-overlay"
        width={innerWidth}
        height={innerHeight}
        fill="transparent"
        style={{ touchAction: 'none', cursor: onBrush ? 'crosshair' : undefined }}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={onCancel}
      />
      <g className="points" clipPath={`url(#${clipId})`} pointerEvents={drag ? 'none' : undefined}>
        {points.map((p) => {
          const selected = p.id === selectedId;
          return (
            <circle
              key={p.id}
              className={selected ? 'point selected' : 'point'}
              data-id={p.id}
              cx={x(p.x)}
              cy={y(p.y)}
              r={selected ? 5 : 3.5}
              fill={seriesColor(p.colorIndex ?? colorIndex)}
              fillOpacity={selected ? 1 : 0.75}
              stroke={selected ? cssVar('--chart-fg') : cssVar('--chart-bg')}
              strokeWidth={selected ? 1.5 : 0.5}
              style={{ cursor: onSelect ? 'pointer' : undefined }}
              onClick={onSelect ? () => onSelect(p.id) : undefined}
            >
              <title>{`${p.id}: ${xLabel} ${formatSignificant(p.x)}, ${yLabel} ${fmtY(p.y)}`}</title>
            </circle>
          );
        })}
      </g>
      {brush && !drag && onBrush && (
        <ClearBrush x={clamp(x(brush[1]), 0, innerWidth)} onClear={() => onBrush(null)} />
      )}
      {rankCorrelation && (
        <text
          className="rank-correlation"
          x={innerWidth - 4}
          y={12}
          textAnchor="end"
          fill={cssVar('--chart-fg')}
          stroke={cssVar('--chart-bg')}
          strokeWidth={3}
          paintOrder="stroke"
        >
          {`${rankCorrelation.label ?? 'Spearman ρ'} = ${rankCorrelation.value.toFixed(2)}`}
        </text>
      )}
    </ChartFrame>
  );
}

/** The (×) at the top-right corner of the brushed range. */
function ClearBrush({ x, onClear }: { x: number; onClear: () => void }) {
  const onKey = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ' || e.key === 'Escape') {
      e.preventDefault();
      onClear();
    }
  };
  return (
    <g
      className="brush-clear"
      role="button"
      tabIndex={0}
      aria-label="Clear the selected x-range"
      transform={`translate(${x},0)`}
      style={{ cursor: 'pointer' }}
      onClick={onClear}
      onKeyDown={onKey}
      data-export="exclude"
    >
      <circle r={7} fill={cssVar('--chart-bg')} stroke={cssVar('--chart-brush')} />
      <text textAnchor="middle" dy="0.35em" fontSize={11} fill={cssVar('--chart-brush')}>
        ×
      </text>
    </g>
  );
}

function scatterSummary(
  p: ScatterChartProps,
  xLabel: string,
  yLabel: string,
  fmtY: (v: number) => string,
): string {
  const parts = [`${yLabel} vs ${xLabel}${p.logX ? ' (log x)' : ''}: ${p.points.length} points`];
  const yExt = extentOf(p.points.map((pt) => pt.y));
  if (yExt) parts.push(`${yLabel} from ${fmtY(yExt[0])} to ${fmtY(yExt[1])}`);
  if (p.bootstrap)
    parts.push(
      `best ${xLabel} ${formatSignificant(p.bootstrap[1])}, 95% range ${formatSignificant(p.bootstrap[0])} to ${formatSignificant(p.bootstrap[2])}`,
    );
  if (p.brush)
    parts.push(
      `selected ${xLabel} range ${formatSignificant(p.brush[0])} to ${formatSignificant(p.brush[1])}`,
    );
  if (p.rankCorrelation)
    parts.push(`${p.rankCorrelation.label ?? 'Spearman ρ'} = ${p.rankCorrelation.value.toFixed(2)}`);
  return `${parts.join('; ')}.`;
}
