import type { Stage, StemType } from '../../space/anynet';
import { convOut } from '../../space/plan';
import { ChartFrame, type ChartBaseProps, type TableSpec } from './ChartFrame';
import { dodge, textWidth } from './dodge';
import { plotArea, type Margin } from './layout';
import { cssVar, seriesColor } from './theme';

export interface ArchitectureDiagramProps extends ChartBaseProps {
  stages: readonly Stage[];
  stem: { type: StemType; width: number };
  /** 0 = X blocks; > 0 = Y blocks with squeeze-and-excitation. */
  seRatio: number;
  classes: number;
  /** Input side in px (square input). */
  resolution: number;
  /** Input channels (default 3). */
  channels?: number;
}

export const ARCH_MARGIN: Margin = { top: 8, right: 8, bottom: 8, left: 8 };
const INPUT_W = 40;
const STEM_W = 36;
const HEAD_W = 52;
const GAP = 12;
const TITLE_H = 8;
const LINE = 12;
/** Room between the tallest rect and the first label line (leader lines run through it). */
const LABEL_GAP = 22;
const LABEL_H = LABEL_GAP + 3 * LINE + 4;

interface LabelBlock {
  className: string;
  anchor: number;
  bottom: number;
  lines: string[];
}

export interface ArchitectureLayout {
  /** Per stage: left edge, length (∝ depth) and height (∝ log2 width). */
  stages: { x: number; length: number; height: number }[];
  stem: { x: number; height: number };
  head: { x: number };
  midY: number;
  /** Height of a log2-unit: height = unit · log2(width). */
  unit: number;
}

function check(p: ArchitectureDiagramProps): void {
  const where = 'ArchitectureDiagram';
  if (p.stages.length === 0) throw new Error(`${where}: at least one stage is needed.`);
  p.stages.forEach((s, i) => {
    const bad = (what: string, v: number) =>
      new Error(`${where}: stage ${i + 1} ${what} (got ${v}); fix the config before drawing it.`);
    if (!Number.isInteger(s.depth) || s.depth < 1) throw bad('depth must be an integer >= 1', s.depth);
    if (!(s.width >= 1)) throw bad('width must be >= 1', s.width);
    if (!(s.groupWidth > 0)) throw bad('group width must be > 0', s.groupWidth);
    if (!(s.bottleneckRatio > 0)) throw bad('bottleneck ratio must be > 0', s.bottleneckRatio);
    if (!Number.isInteger(s.stride) || s.stride < 1) throw bad('stride must be an integer >= 1', s.stride);
  });
  if (!(p.stem.width >= 1)) throw new Error(`${where}: stem width must be >= 1 (got ${p.stem.width}).`);
  if (!Number.isInteger(p.resolution) || p.resolution < 1)
    throw new Error(`${where}: resolution must be a positive integer (got ${p.resolution}).`);
  if (!Number.isInteger(p.classes) || p.classes < 1)
    throw new Error(`${where}: classes must be a positive integer (got ${p.classes}).`);
  if (!(p.seRatio >= 0)) throw new Error(`${where}: seRatio must be >= 0 (got ${p.seRatio}).`);
}

/** Geometry of the diagram: stage length ∝ depth over the free width, height ∝ log2 width. */
export function architectureLayout(
  stages: readonly Pick<Stage, 'depth' | 'width'>[],
  stemWidth: number,
  innerWidth: number,
  innerHeight: number,
): ArchitectureLayout {
  const free = innerWidth - INPUT_W - STEM_W - HEAD_W - GAP * (stages.length + 2);
  const maxH = innerHeight - TITLE_H - LABEL_H;
  if (free < stages.length * 4 || maxH < 16)
    throw new Error(
      `ArchitectureDiagram: ${innerWidth} x ${innerHeight} px is too small for ${stages.length} stages; make it larger.`,
    );
  const totalDepth = stages.reduce((a, s) => a + s.depth, 0);
  const maxLog = Math.max(1, Math.log2(stemWidth), ...stages.map((s) => Math.log2(s.width)));
  const unit = maxH / maxLog;
  const height = (w: number) => Math.max(2, unit * Math.log2(w));
  let x = INPUT_W + GAP + STEM_W + GAP;
  const out = stages.map((s) => {
    const length = (free * s.depth) / totalDepth;
    const r = { x, length, height: height(s.width) };
    x += length + GAP;
    return r;
  });
  return {
    stages: out,
    stem: { x: INPUT_W + GAP, height: height(stemWidth) },
    head: { x },
    midY: TITLE_H + maxH / 2,
    unit,
  };
}

/** Output side after the stem and after each stage (3x3 convs with padding 1). */
export function stageResolutions(
  stemType: StemType,
  resolution: number,
  stages: readonly Pick<Stage, 'stride'>[],
) {
  let r = convOut(resolution, stemType === 'imagenet' ? 2 : 1);
  const stem = r;
  const out = stages.map((s) => (r = convOut(r, s.stride)));
  return { stem, stages: out };
}

const fmtRatio = (v: number) => String(Number(v.toPrecision(4)));

/** Schematic of an AnyNet: input → stem → stages (length ∝ depth, height ∝ log width) → head. */
export function ArchitectureDiagram(props: ArchitectureDiagramProps) {
  const {
    stages,
    stem,
    seRatio,
    classes,
    resolution,
    channels = 3,
    width = 640,
    height = 200,
    margin,
  } = props;
  check(props);
  const area = plotArea('ArchitectureDiagram', width, height, margin, ARCH_MARGIN);
  const lay = architectureLayout(stages, stem.width, area.innerWidth, area.innerHeight);
  const res = stageResolutions(stem.type, resolution, stages);
  const mid = lay.midY;
  const maxHalf = (lay.unit * Math.max(...stages.map((s) => Math.log2(s.width)), Math.log2(stem.width))) / 2;
  const labelTop = mid + maxHalf + LABEL_GAP;
  const muted = { fill: cssVar('--chart-muted'), fontSize: 10 } as const;
  const neutral = {
    fill: cssVar('--chart-muted'),
    fillOpacity: 0.12,
    stroke: cssVar('--chart-axis'),
  } as const;
  const accent = seriesColor(0);
  const se = seRatio > 0;

  // One label block per element, in a row below the diagram, dodged so narrow stages stay readable.
  const blocks: LabelBlock[] = [
    {
      className: 'arch-input-label',
      anchor: INPUT_W / 2,
      bottom: mid + 14,
      lines: ['input', `${resolution}²×${channels}`],
    },
    {
      className: 'arch-stem-label',
      anchor: lay.stem.x + STEM_W / 2,
      bottom: mid + lay.stem.height / 2,
      lines: ['stem', `w ${stem.width}`, `${res.stem}²`],
    },
    ...stages.map((s, i) => ({
      className: 'arch-stage-labels',
      anchor: lay.stages[i].x + lay.stages[i].length / 2,
      bottom: mid + lay.stages[i].height / 2,
      lines: [
        `stage ${i + 1}`,
        `w ${s.width} · d ${s.depth}`,
        `g ${s.groupWidth} · b ${fmtRatio(s.bottleneckRatio)}`,
        // The SE ratio itself is in the tooltip, table and summary: labels stay narrow enough to fit.
        `${res.stages[i]}²${se ? ' · SE' : ''}`,
      ],
    })),
    {
      className: 'arch-head-label',
      anchor: lay.head.x + HEAD_W / 2,
      bottom: mid + 14,
      lines: ['head', 'pool + fc', `${classes} classes`],
    },
  ];
  const centres = dodge(
    blocks.map((b) => b.anchor),
    blocks.map((b) => Math.max(...b.lines.map((l) => textWidth(l))) + 6),
    0,
    area.innerWidth,
  );

  const tableSpec: TableSpec = {
    caption: `Architecture (${stem.type} stem, width ${stem.width}; ${classes} classes; input ${resolution}×${resolution})`,
    columns: [
      'stage',
      'depth',
      'width',
      'group width',
      'bottleneck ratio',
      'stride',
      'output size',
      'SE ratio',
    ],
    rows: stages.map((s, i) => [
      i + 1,
      s.depth,
      s.width,
      s.groupWidth,
      fmtRatio(s.bottleneckRatio),
      s.stride,
      `${res.stages[i]}×${res.stages[i]}`,
      se ? fmtRatio(seRatio) : '–',
    ]),
  };
  const list = (f: (s: Stage) => number) => `[${stages.map((s) => fmtRatio(f(s))).join(', ')}]`;
  const label =
    props.ariaLabel ??
    `Architecture: ${resolution}×${resolution} input, ${stem.type} stem of width ${stem.width}, ${stages.length} stages with depths ${list((s) => s.depth)}, widths ${list((s) => s.width)}, group widths ${list((s) => s.groupWidth)}, bottleneck ratios ${list((s) => s.bottleneckRatio)}${se ? `, SE ratio ${fmtRatio(seRatio)}` : ', no SE'}; head with ${classes} classes.`;

  const flowY = mid;
  const arrows = [INPUT_W, lay.stem.x + STEM_W, ...lay.stages.map((s) => s.x + s.length)];

  return (
    <ChartFrame
      kind="arch"
      area={area}
      label={label}
      tableSpec={tableSpec}
      table={props.table}
      standaloneTheme={props.standaloneTheme}
      svgRef={props.svgRef}
      className={props.className}
    >
      <g className="flow" stroke={cssVar('--chart-axis')}>
        {arrows.map((x0, i) => (
          <line key={i} x1={x0} x2={x0 + GAP} y1={flowY} y2={flowY} />
        ))}
      </g>
      <rect className="arch-input" x={4} y={mid - 14} width={INPUT_W - 8} height={28} rx={3} {...neutral}>
        <title>{`input ${resolution}×${resolution}×${channels}`}</title>
      </rect>
      <rect
        className="arch-stem"
        x={lay.stem.x}
        y={mid - lay.stem.height / 2}
        width={STEM_W}
        height={lay.stem.height}
        rx={3}
        {...neutral}
      >
        <title>{`${stem.type} stem: 3×3 conv to width ${stem.width}, output ${res.stem}×${res.stem}`}</title>
      </rect>
      {stages.map((s, i) => {
        const g = lay.stages[i];
        const top = mid - g.height / 2;
        return (
          <g key={i} className="arch-stage-group">
            <rect
              className="arch-stage"
              data-stage={i + 1}
              x={g.x}
              y={top}
              width={g.length}
              height={g.height}
              rx={2}
              fill={accent}
              fillOpacity={se ? 0.28 : 0.18}
              stroke={accent}
            >
              <title>{`stage ${i + 1}: ${s.depth} blocks of width ${s.width}, group width ${s.groupWidth}, bottleneck ratio ${fmtRatio(s.bottleneckRatio)}, stride ${s.stride}${se ? `, SE ratio ${fmtRatio(seRatio)}` : ''}`}</title>
            </rect>
            {Array.from({ length: s.depth - 1 }, (_, k) => {
              const bx = g.x + (g.length * (k + 1)) / s.depth;
              return (
                <line
                  key={k}
                  className="arch-block-sep"
                  x1={bx}
                  x2={bx}
                  y1={top}
                  y2={top + g.height}
                  stroke={accent}
                  strokeOpacity={0.45}
                />
              );
            })}
          </g>
        );
      })}
      <rect className="arch-head" x={lay.head.x} y={mid - 14} width={HEAD_W} height={28} rx={3} {...neutral}>
        <title>{`head: global average pool and a fully connected layer to ${classes} classes`}</title>
      </rect>
      <g className="arch-labels">
        {blocks.map((b, i) => (
          <g key={i} className={b.className}>
            {Math.abs(centres[i] - b.anchor) > 0.5 && (
              <polyline
                className="arch-leader"
                points={`${b.anchor},${b.bottom + 3} ${b.anchor},${b.bottom + 7} ${centres[i]},${labelTop - 12} `}
                fill="none"
                stroke={cssVar('--chart-axis')}
                strokeWidth={0.75}
              />
            )}
            {b.lines.map((l, k) => (
              <text
                key={k}
                className={b.className === 'arch-stage-labels' && k === 1 ? 'arch-stage-label' : undefined}
                x={centres[i]}
                y={labelTop + k * LINE}
                textAnchor="middle"
                {...(k === 0 ? { fill: cssVar('--chart-fg'), fontSize: 10 } : muted)}
              >
                {l}
              </text>
            ))}
          </g>
        ))}
      </g>
    </ChartFrame>
  );
}
