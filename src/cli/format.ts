/** Plain-text tables and number formats for the CLI. */

/** Columns are right-aligned (numbers) except the first and those listed in `leftAligned` (text). */
export function table(headers: string[], rows: (string | number)[][], leftAligned: number[] = []): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const left = (i: number) => i === 0 || leftAligned.includes(i);
  const line = (r: string[]) =>
    r.map((c, i) => (left(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** 199040872 -> "199.0M"; keeps three significant figures readable. */
export function si(x: number): string {
  const abs = Math.abs(x);
  if (abs >= 1e9) return `${(x / 1e9).toFixed(2)}G`;
  if (abs >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (abs >= 1e3) return `${(x / 1e3).toFixed(1)}k`;
  return String(x);
}

/** A fraction as a percentage with two decimals: 0.31088 -> "31.09%". */
export const percent = (fraction: number): string => `${(100 * fraction).toFixed(2)}%`;
