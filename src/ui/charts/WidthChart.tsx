import { line, scaleLinear, scaleLog } from 'd3';
import { AxisBottom, AxisLeft } from './Axis';
import { ChartFrame, type ChartBaseProps, type TableSpec } from './ChartFrame';
import { dodge, textWidth } from './dodge';
import { formatSignificant } from './format';
import { plotArea, type Margin } from './layout';
import { extentOf, log2Domain, log2Ticks } from './scales';
import { cssVar, seriesColor } from './theme';

export interface WidthChartProps extends ChartBaseProps {
  /** Quantized per-block widths w_j (one entry per block). */
  blockWidths: readonly number[];
  /** Continuous widths u_j = w0 + wa·j, drawn dotted; same length as blockWidths. */
  continuousWidths?: readonly number[];
  /** Blocks per stage; default: runs of equal consecutive block widths. */
  stageDepths?: readonly number[];
  /** Final per-stage widths after group-width compatibility, marked where they differ from w_j. */
  adjustedStageWidths?: readonly number[];
  colorIndex?: number;
}

export const WIDTH_MARGIN: Margin = { top: 44, right: 16, bottom: 40, left: 52 };

/** Runs of equal consecutive values: [8, 8, 16] → [2, 1]. */
export function runLengths(values: readonly number[]): number[] {
  const out: number[] = [];
  values.forEach((v, i) => {
    if (i > 0 && values[i - 1] === v) out[out.length - 1]++;
    else out.push(1);
  });
  return out;
}

function checkInputs(p: WidthChartProps, depths: readonly number[]): void {
  const d = p.blockWidths.length;
  p.blockWidths.forEach((w, j) => {
    if (!(w > 0) || !Number.isFinite(w))
      throw new Error(`WidthChart: block width ${j} must be a positive number (got ${w}).`);
  });
  if (p.continuousWidths) {
    if (p.continuousWidths.length !== d)
      throw new Error(
        `WidthChart: continuousWidths has ${p.continuousWidths.length} entries but there are ${d} blocks; pass one u_j per block.`,
      );
    p.continuousWidths.forEach((u, j) => {
      if (!(u > 0) || !Number.isFinite(u))
        throw new Error(
          `WidthChart: continuous width u_${j} must be a positive number for a log axis (got ${u}).`,
        );
    });
  }
  if (depths.some((k) => !Number.isInteger(k) || k < 1) || depths.reduce((a, b) => a + b, 0) !== d)
    throw new Error(
      `WidthChart: stageDepths [${depths.join(', ')}] must be positive integers summing to the ${d} blocks.`,
    );
  if (p.adjustedStageWidths && p.adjustedStageWidths.length !== depths.length)
    throw new Error(
      `WidthChart: adjustedStageWidths has ${p.adjustedStageWidths.length} entries for ${depths.length} stages.`,
    );
}

/**
 * pycls plot_models: per-block width against block index on a log2 axis. Block j spans
 * [j − ½, j + ½] so integer ticks sit at block centres; stage boundaries fall between blocks.
 */
export function WidthChart(props: WidthChartProps) {
  const {
    blockWidths,
    continuousWidths,
    adjustedStageWidths,
    colorIndex = 0,
    width = 560,
    height = 300,
    margin,
  } = props;
  const depths = props.stageDepths ?? runLengths(blockWidths);
  checkInputs(props, depths);
  const area = plotArea('WidthChart', width, height, margin, WIDTH_MARGIN);
  const { innerWidth, innerHeight } = area;
  const d = blockWidths.length;
  const starts = depths.map((_, i) => depths.slice(0, i).reduce((a, b) => a + b, 0));

  const x = scaleLinear()
    .domain([-0.5, Math.max(d, 1) - 0.5])
    .range([0, innerWidth]);
  const ext = extentOf([...blockWidths, ...(continuousWidths ?? []), ...(adjustedStageWidths ?? [])]) ?? [
    8, 64,
  ];
  const yd = log2Domain(ext);
  const y = scaleLog().base(2).domain(yd).range([innerHeight, 0]);
  const xTicks = x.ticks(Math.min(d, 10)).filter((t) => Number.isInteger(t) && t >= 0 && t < d);
  const color = seriesColor(colorIndex);
  const uPath = line<number>()
    .x((_, j) => x(j))
    .y((u) => y(u));

  // Stage labels above the plot, dodged apart where stages are only a block or two wide.
  const stageLabels = starts.map((s, i) => ({
    anchor: (x(s - 0.5) + x(s + depths[i] - 0.5)) / 2,
    title: `stage ${i + 1}`,
    detail: `d=${depths[i]} w=${blockWidths[s]}`,
  }));
  const labelX = dodge(
    stageLabels.map((l) => l.anchor),
    stageLabels.map((l) => Math.max(textWidth(l.title, 11), textWidth(l.detail))),
    -area.margin.left,
    innerWidth + area.margin.right,
    8,
  );

  const tableSpec: TableSpec = {
    caption: 'Per-block widths',
    columns: ['block', 'stage', 'continuous width u_j', 'quantized width w_j'],
    rows: blockWidths.map((w, j) => [
      j,
      starts.filter((s) => s <= j).length,
      continuousWidths ? formatSignificant(continuousWidths[j]) : '–',
      w,
    ]),
  };
  const stageWidths = starts.map((s) => blockWidths[s]);
  const label =
    props.ariaLabel ??
    (d === 0
      ? 'Block widths: no blocks.'
      : `Block widths on a log2 axis: ${d} blocks in ${depths.length} stages; depths [${depths.join(', ')}], widths [${stageWidths.join(', ')}]${
          adjustedStageWidths ? `, adjusted widths [${adjustedStageWidths.join(', ')}]` : ''
        }.`);

  return (
    <ChartFrame
      kind="width"
      area={area}
      label={label}
      tableSpec={tableSpec}
      table={props.table}
      standaloneTheme={props.standaloneTheme}
      svgRef={props.svgRef}
      className={props.className}
    >
      <AxisLeft
        marginLeft={area.margin.left}
        ticks={log2Ticks(yd)}
        position={y}
        format={String}
        innerWidth={innerWidth}
        innerHeight={innerHeight}
        label="width"
        grid
      />
      <AxisBottom
        ticks={xTicks}
        position={x}
        format={String}
        innerWidth={innerWidth}
        innerHeight={innerHeight}
        label="block index"
      />
      <g className="stages">
        {starts.map((s, i) =>
          i === 0 ? null : (
            <line
              key={i}
              className="stage-rule"
              x1={x(s - 0.5)}
              x2={x(s - 0.5)}
              y1={0}
              y2={innerHeight}
              stroke={cssVar('--chart-axis')}
              strokeDasharray="2 3"
            />
          ),
        )}
        {stageLabels.map((l, i) => (
          <g key={i}>
            {Math.abs(labelX[i] - l.anchor) > 0.5 && (
              <polyline
                points={`${labelX[i]},-16 ${l.anchor},-5 ${l.anchor},-1`}
                fill="none"
                stroke={cssVar('--chart-axis')}
                strokeWidth={0.75}
              />
            )}
            <text
              className="stage-label"
              x={labelX[i]}
              y={-32}
              textAnchor="middle"
              fill={cssVar('--chart-fg')}
            >
              {l.title}
            </text>
            <text x={labelX[i]} y={-20} textAnchor="middle" fontSize={10} fill={cssVar('--chart-muted')}>
              {l.detail}
            </text>
          </g>
        ))}
      </g>
      {continuousWidths && (
        <path
          className="continuous-widths"
          d={uPath(continuousWidths) ?? ''}
          fill="none"
          stroke={color}
          strokeWidth={1.25}
          strokeDasharray="1.5 3"
          strokeLinecap="round"
        />
      )}
      <g className="staircase" stroke={color} strokeWidth={2}>
        {blockWidths.map((w, j) => (
          <g key={j}>
            {j > 0 && blockWidths[j - 1] !== w && (
              <line
                className="block-riser"
                x1={x(j - 0.5)}
                x2={x(j - 0.5)}
                y1={y(blockWidths[j - 1])}
                y2={y(w)}
              />
            )}
            <line className="block-step" data-block={j} x1={x(j - 0.5)} x2={x(j + 0.5)} y1={y(w)} y2={y(w)}>
              <title>{`block ${j}: w = ${w}${continuousWidths ? `, u = ${formatSignificant(continuousWidths[j])}` : ''}`}</title>
            </line>
          </g>
        ))}
      </g>
      {adjustedStageWidths && (
        <g className="adjusted-widths">
          {adjustedStageWidths.map((w, i) =>
            w === stageWidths[i] ? null : (
              <circle
                key={i}
                className="adjusted-width"
                cx={x(starts[i])}
                cy={y(w)}
                r={3.5}
                fill="none"
                stroke={cssVar('--chart-fg')}
              >
                <title>{`stage ${i + 1}: ${stageWidths[i]} → ${w} after group-width compatibility`}</title>
              </circle>
            ),
          )}
        </g>
      )}
    </ChartFrame>
  );
}
