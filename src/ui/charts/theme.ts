/**
 * Chart palette as CSS custom properties. Charts only ever reference `var(--…)`, each with the light
 * value as a fallback, so a chart renders correctly even where no stylesheet is loaded (CLI, exported
 * SVG) and re-theming the whole app is switching `.theme-dark` / `.theme-light` on the root element.
 */

export type ChartTheme = 'light' | 'dark';

export const CHART_THEMES: readonly ChartTheme[] = ['light', 'dark'];

/** Non-series colours used by the charts. */
export type ChartVar =
  | '--chart-bg'
  | '--chart-fg'
  | '--chart-muted'
  | '--chart-axis'
  | '--chart-grid'
  | '--chart-band'
  | '--chart-accent'
  | '--chart-brush'
  | '--chart-panel';

/**
 * Ten categorical colours per theme, in the hue order of Observable's "observable10". Each list is
 * tuned so every series keeps the WCAG 3:1 non-text contrast against its theme's background.
 */
export const SERIES_COLORS: Readonly<Record<ChartTheme, readonly string[]>> = {
  light: [
    '#4269d0',
    '#c27c00',
    '#e5503a',
    '#2a9187',
    '#2f9443',
    '#d6478a',
    '#9b55ec',
    '#7f8000',
    '#9c6b4e',
    '#737b86',
  ],
  dark: [
    '#7b9cf5',
    '#f5c04a',
    '#ff8d7a',
    '#6cc5b0',
    '#5fcf74',
    '#ff8ab7',
    '#bf94f7',
    '#c8c86a',
    '#c9987a',
    '#a9aeb7',
  ],
};

export const SERIES_COUNT = SERIES_COLORS.light.length;

export const THEME_VARS: Readonly<Record<ChartTheme, Readonly<Record<ChartVar, string>>>> = {
  light: {
    '--chart-bg': '#ffffff',
    '--chart-fg': '#1f2328',
    '--chart-muted': '#6e7781',
    '--chart-axis': '#8c959f',
    '--chart-grid': '#eaeef2',
    '--chart-band': '#4269d0',
    '--chart-accent': '#1f2328',
    '--chart-brush': '#4269d0',
    '--chart-panel': 'rgba(255, 255, 255, 0.9)',
  },
  dark: {
    '--chart-bg': '#0d1117',
    '--chart-fg': '#e6edf3',
    '--chart-muted': '#8b949e',
    '--chart-axis': '#6e7681',
    '--chart-grid': '#21262d',
    '--chart-band': '#7b9cf5',
    '--chart-accent': '#e6edf3',
    '--chart-brush': '#7b9cf5',
    '--chart-panel': 'rgba(13, 17, 23, 0.9)',
  },
};

const seriesVarName = (i: number): string => `--series-${i}`;

/** Every custom property the charts read, in a stable order. */
export const CHART_VAR_NAMES: readonly string[] = [
  ...(Object.keys(THEME_VARS.light) as ChartVar[]),
  ...SERIES_COLORS.light.map((_, i) => seriesVarName(i)),
];

/** `var(--name, lightFallback)` for a chart colour. */
export const cssVar = (name: ChartVar): string => `var(${name}, ${THEME_VARS.light[name]})`;

/** Wraps any integer (negative too) onto the palette. */
export const seriesIndex = (i: number): number =>
  ((Math.trunc(i) % SERIES_COUNT) + SERIES_COUNT) % SERIES_COUNT;

/** Colour of series i as a themable CSS value. */
export const seriesColor = (i: number): string => {
  const k = seriesIndex(i);
  return `var(${seriesVarName(k)}, ${SERIES_COLORS.light[k]})`;
};

/** The custom-property values of a theme, series colours included. */
export function themeVars(theme: ChartTheme): Record<string, string> {
  const palette = SERIES_COLORS[theme];
  if (!palette)
    throw new Error(`Unknown chart theme "${String(theme)}": use one of ${CHART_THEMES.join(', ')}.`);
  const vars: Record<string, string> = { ...THEME_VARS[theme] };
  palette.forEach((c, i) => (vars[seriesVarName(i)] = c));
  return vars;
}

const declarations = (vars: Record<string, string>): string =>
  Object.entries(vars)
    .map(([k, v]) => `${k}: ${v};`)
    .join(' ');

/** CSS text declaring one theme's variables on `selector` (default: `.theme-light` / `.theme-dark`). */
export function themeCss(theme: ChartTheme, selector = `.theme-${theme}`): string {
  return `${selector} { ${declarations(themeVars(theme))} color-scheme: ${theme}; }`;
}

/**
 * The stylesheet the app includes once: light by default, dark when the OS prefers it, and an
 * explicit `.theme-light` / `.theme-dark` class on the root always wins.
 */
export function chartStylesheet(): string {
  return [
    themeCss('light', ':root, .theme-light'),
    `@media (prefers-color-scheme: dark) { ${themeCss('dark', ':root:not(.theme-light)')} }`,
    themeCss('dark', '.theme-dark'),
  ].join('\n');
}

/** Typography shared by every chart root: small, neutral, tabular digits. */
export const CHART_FONT = {
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontSize: 11,
  fontVariantNumeric: 'tabular-nums',
} as const;
