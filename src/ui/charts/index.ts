export { EdfChart, type EdfChartProps } from './EdfChart';
export type { EdfPoint, EdfSeries } from './edf-series';
export { edfLegendStats, EDF_LEGEND_HEADER } from './edf-legend';
export { ScatterChart, type ScatterChartProps, type ScatterPoint } from './ScatterChart';
export { WidthChart, type WidthChartProps } from './WidthChart';
export { ArchitectureDiagram, type ArchitectureDiagramProps } from './ArchitectureDiagram';
export {
  CurveChart,
  trainingCurves,
  type CurveChartProps,
  type CurveSeries,
  type EpochRecord,
} from './CurveChart';
export { SpaceSizeBar, type SpaceSizeBarProps } from './SpaceSizeBar';
export type { ChartBaseProps, TableMode } from './ChartFrame';
export type { ErrorUnit } from './format';
export type { Margin } from './layout';
export * from './theme';
export * from './export';
