import { downloadBlob as saveBlob } from '../download';
import { CHART_VAR_NAMES, THEME_VARS, themeVars, type ChartTheme } from './theme';

/**
 * Turning a rendered chart into files. The charts paint with CSS variables, so an exported SVG
 * carries the variable values inline: the file looks the same outside the page.
 */

export interface SvgExportOptions {
  /** Use this theme's colours; default: the colours currently in effect on the element. */
  theme?: ChartTheme;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function resolvedVars(svg: SVGSVGElement, theme?: ChartTheme): Record<string, string> {
  if (theme) return themeVars(theme);
  const light = themeVars('light');
  const view = svg.ownerDocument?.defaultView;
  const style = view?.getComputedStyle ? view.getComputedStyle(svg) : undefined;
  const out: Record<string, string> = {};
  for (const name of CHART_VAR_NAMES) out[name] = style?.getPropertyValue(name).trim() || light[name];
  return out;
}

/** Serializes a chart's <svg> as a standalone SVG document string (hover readouts and controls left out). */
export function svgToString(svg: SVGSVGElement, options: SvgExportOptions = {}): string {
  if (!svg || svg.tagName?.toLowerCase() !== 'svg')
    throw new Error("svgToString: pass the chart's <svg> element (use the chart's svgRef prop).");
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.querySelectorAll('[data-export="exclude"]').forEach((el) => el.remove());
  Array.from(clone.children)
    .filter((el) => el.tagName.toLowerCase() === 'style')
    .forEach((el) => el.remove());
  clone.setAttribute('xmlns', SVG_NS);
  clone.style.removeProperty('max-width');
  clone.style.removeProperty('height');
  const vars = resolvedVars(svg, options.theme);
  const scope = clone.id ? `#${clone.id}` : 'svg';
  const style = clone.ownerDocument.createElementNS(SVG_NS, 'style');
  style.textContent = `${scope} { ${Object.entries(vars)
    .map(([k, v]) => `${k}: ${v};`)
    .join(' ')} }`;
  clone.insertBefore(style, clone.firstChild);
  const serializer = new (svg.ownerDocument.defaultView?.XMLSerializer ?? XMLSerializer)();
  return serializer.serializeToString(clone);
}

/** Saves text as a file through a temporary object URL. */
export function downloadText(text: string, filename: string, mime: string): void {
  downloadBlob(new Blob([text], { type: mime }), filename);
}

export function downloadBlob(blob: Blob, filename: string): void {
  if (!filename.trim()) throw new Error('download: the file name is empty; pass e.g. "edf.svg".');
  saveBlob(filename, blob);
}

export function downloadSvg(
  svg: SVGSVGElement,
  filename = 'chart.svg',
  options: SvgExportOptions = {},
): void {
  downloadText(svgToString(svg, options), filename, 'image/svg+xml;charset=utf-8');
}

/** The chart's drawing size in px (its viewBox, else its width/height attributes, else its layout box). */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const vb = svg.viewBox?.baseVal;
  if (vb && vb.width > 0 && vb.height > 0) return { width: vb.width, height: vb.height };
  const w = Number(svg.getAttribute('width'));
  const h = Number(svg.getAttribute('height'));
  if (w > 0 && h > 0) return { width: w, height: h };
  const r = svg.getBoundingClientRect();
  return { width: r.width, height: r.height };
}

export interface PngExportOptions extends SvgExportOptions {
  /** Pixel ratio of the bitmap (default 2 for crisp images on high-density screens). */
  scale?: number;
  /** Background fill; default the theme's --chart-bg (PNG has no page behind it). */
  background?: string;
}

/** Renders the serialized SVG on a canvas at `scale`× and returns the PNG blob. */
export async function svgToPngBlob(svg: SVGSVGElement, options: PngExportOptions = {}): Promise<Blob> {
  const scale = options.scale ?? 2;
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new Error(`downloadPng: scale must be > 0 (got ${scale}).`);
  const { width, height } = svgSize(svg);
  if (!(width > 0 && height > 0)) throw new Error('downloadPng: the chart has no size yet; render it first.');
  const text = svgToString(svg, options);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.width = width;
    img.height = height;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('downloadPng: the browser could not load the serialized SVG.'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('downloadPng: this browser gives no 2D canvas context.');
    ctx.fillStyle =
      options.background ?? resolvedVars(svg, options.theme)['--chart-bg'] ?? THEME_VARS.light['--chart-bg'];
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('downloadPng: the canvas produced no image.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function downloadPng(
  svg: SVGSVGElement,
  filename = 'chart.png',
  options: PngExportOptions = {},
) {
  downloadBlob(await svgToPngBlob(svg, options), filename);
}

/** A CSV field, quoted when it holds a comma, quote, line break or outer spaces (RFC 4180). */
export function csvCell(value: string | number): string {
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvSeries {
  name: string;
  points: readonly { x: number; y: number }[];
}

/** Long-format CSV of chart series: one row per point, `series,x,y` (column names configurable). */
export function toCsv(series: readonly CsvSeries[], columns: { x?: string; y?: string } = {}): string {
  const header = ['series', columns.x ?? 'x', columns.y ?? 'y'];
  const rows = series.flatMap((s) => s.points.map((p) => [s.name, p.x, p.y]));
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function downloadCsv(
  series: readonly CsvSeries[],
  filename = 'data.csv',
  columns?: { x?: string; y?: string },
) {
  downloadText(toCsv(series, columns), filename, 'text/csv;charset=utf-8');
}
