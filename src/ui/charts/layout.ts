/** Plot geometry shared by all charts: outer size in px and the margins around the plot area. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PlotArea {
  width: number;
  height: number;
  margin: Margin;
  /** Size of the plot area inside the margins. */
  innerWidth: number;
  innerHeight: number;
}

export const DEFAULT_MARGIN: Margin = { top: 16, right: 16, bottom: 36, left: 48 };

/** Resolves a partial margin against defaults and checks that a plot area remains. */
export function plotArea(
  chart: string,
  width: number,
  height: number,
  margin: Partial<Margin> | undefined,
  defaults: Margin = DEFAULT_MARGIN,
): PlotArea {
  const m: Margin = { ...defaults, ...margin };
  for (const [k, v] of Object.entries(m))
    if (!Number.isFinite(v) || v < 0)
      throw new Error(`${chart}: margin.${k} must be a finite number >= 0 (got ${v}).`);
  if (!(width > 0) || !(height > 0))
    throw new Error(`${chart}: width and height must be positive numbers (got ${width} x ${height}).`);
  const innerWidth = width - m.left - m.right;
  const innerHeight = height - m.top - m.bottom;
  if (innerWidth <= 0 || innerHeight <= 0)
    throw new Error(
      `${chart}: the margins leave no room to plot (${width} x ${height} minus margins); make the chart larger or the margins smaller.`,
    );
  return { width, height, margin: m, innerWidth, innerHeight };
}

/** Clamps v into [lo, hi]. */
export const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** A usable DOM id from React's useId (which may contain characters such as « or :). */
export const safeId = (prefix: string, reactId: string): string =>
  `${prefix}-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;

/** Pixel coordinates rounded to 1/100 px: same picture, much shorter markup. */
export const px = (v: number): number => Math.round(v * 100) / 100;
