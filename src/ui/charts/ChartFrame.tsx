import { useId, type ReactNode, type Ref } from 'react';
import type { Margin, PlotArea } from './layout';
import { safeId } from './layout';
import { CHART_FONT, themeVars, type ChartTheme } from './theme';

/** How the data-table alternative is offered: hidden for screen readers, a <details>, or not at all. */
export type TableMode = 'hidden' | 'details' | 'none';

/** Props every chart accepts. */
export interface ChartBaseProps {
  /** Outer size in px (also the viewBox; the SVG scales down to its container). */
  width?: number;
  height?: number;
  margin?: Partial<Margin>;
  /** Replaces the generated summary used as the SVG's aria-label. */
  ariaLabel?: string;
  /** Default 'hidden'. With 'none' the component renders the bare <svg> (handy for the CLI). */
  table?: TableMode;
  /** Embeds this theme's colours in the SVG so it is self-contained (CLI, static export). */
  standaloneTheme?: ChartTheme;
  svgRef?: Ref<SVGSVGElement>;
  className?: string;
}

export interface TableSpec {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

export function DataTable({ spec, hidden }: { spec: TableSpec; hidden: boolean }) {
  const table = (
    <table className="chart-data-table" style={hidden ? undefined : { fontSize: 12 }}>
      <caption>{spec.caption}</caption>
      <thead>
        <tr>
          {spec.columns.map((c, i) => (
            <th key={i} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {spec.rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  // A table ignores width: 1px and would widen the page; a clipped 1 px box around it does not.
  return hidden ? <div style={visuallyHidden}>{table}</div> : table;
}

interface ChartFrameProps extends Pick<ChartBaseProps, 'table' | 'standaloneTheme' | 'svgRef' | 'className'> {
  /** Short machine name, e.g. "edf", used for classes and ids. */
  kind: string;
  area: PlotArea;
  label: string;
  tableSpec: TableSpec;
  children: ReactNode;
}

/**
 * The root of every chart: an accessible <svg role="img"> plus its data-table alternative.
 * Children are drawn in the plot frame (already translated by the margins).
 */
export function ChartFrame(props: ChartFrameProps) {
  const {
    kind,
    area,
    label,
    tableSpec,
    table = 'hidden',
    standaloneTheme,
    svgRef,
    className,
    children,
  } = props;
  const id = safeId(`dsl-${kind}`, useId());
  const svg = (
    <svg
      ref={svgRef}
      id={id}
      className={['dsl-chart-svg', `dsl-chart-${kind}`, table === 'none' ? className : undefined]
        .filter(Boolean)
        .join(' ')}
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-label={label}
      width={area.width}
      height={area.height}
      viewBox={`0 0 ${area.width} ${area.height}`}
      style={{ ...CHART_FONT, maxWidth: '100%', height: 'auto', display: 'block', overflow: 'visible' }}
    >
      <title>{label}</title>
      {standaloneTheme && <style>{standaloneCss(id, standaloneTheme)}</style>}
      {standaloneTheme && <rect width={area.width} height={area.height} fill="var(--chart-bg)" />}
      <g transform={`translate(${area.margin.left},${area.margin.top})`}>{children}</g>
    </svg>
  );
  if (table === 'none') return svg;
  return (
    <figure className={['dsl-chart', className].filter(Boolean).join(' ')} style={{ margin: 0 }}>
      {svg}
      {table === 'details' ? (
        <details>
          <summary style={{ fontSize: 12, cursor: 'pointer' }}>Data table</summary>
          <DataTable spec={tableSpec} hidden={false} />
        </details>
      ) : (
        <DataTable spec={tableSpec} hidden />
      )}
    </figure>
  );
}

/** Theme variables scoped to one SVG by id, so an inline copy never re-themes the host page. */
export function standaloneCss(svgId: string, theme: ChartTheme): string {
  const decl = Object.entries(themeVars(theme))
    .map(([k, v]) => `${k}: ${v};`)
    .join(' ');
  return `#${svgId} { ${decl} }`;
}
