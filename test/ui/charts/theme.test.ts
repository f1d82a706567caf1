import { describe, expect, it } from 'vitest';
import {
  CHART_VAR_NAMES,
  chartStylesheet,
  SERIES_COLORS,
  seriesColor,
  THEME_VARS,
  themeCss,
  themeVars,
  type ChartTheme,
} from '../../../src/ui/charts/theme';

/** WCAG 2 relative luminance and contrast ratio of #rrggbb colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('chart theme', () => {
  it('keeps every series at >= 3:1 contrast against its background (WCAG non-text)', () => {
    for (const theme of ['light', 'dark'] as ChartTheme[])
      for (const c of SERIES_COLORS[theme])
        expect(contrast(c, THEME_VARS[theme]['--chart-bg']), `${theme} ${c}`).toBeGreaterThanOrEqual(3);
  });

  it('has the same number of colours in both themes, all distinct', () => {
    expect(SERIES_COLORS.dark).toHaveLength(SERIES_COLORS.light.length);
    for (const theme of ['light', 'dark'] as ChartTheme[])
      expect(new Set(SERIES_COLORS[theme]).size).toBe(SERIES_COLORS[theme].length);
  });

  it('wraps series indices onto the palette, negatives included', () => {
    expect(seriesColor(0)).toBe('var(--series-0, #4269d0)');
    expect(seriesColor(10)).toBe(seriesColor(0));
    expect(seriesColor(-1)).toBe(seriesColor(9));
  });

  it('declares every variable the charts read, per theme', () => {
    const css = themeCss('dark');
    expect(css.startsWith('.theme-dark {')).toBe(true);
    for (const name of CHART_VAR_NAMES) expect(css).toContain(`${name}: ${themeVars('dark')[name]};`);
    expect(themeCss('light', ':root')).toContain(':root { --chart-bg: #ffffff;');
  });

  it('follows the OS preference unless a class on the root overrides it', () => {
    const css = chartStylesheet();
    expect(css).toContain('@media (prefers-color-scheme: dark) { :root:not(.theme-light) {');
    expect(css).toContain('.theme-dark {');
    expect(css).toContain(':root, .theme-light {');
  });

  it('names unknown themes in its error', () => {
    expect(() => themeVars('sepia' as ChartTheme)).toThrow(/Unknown chart theme "sepia"/);
  });
});
