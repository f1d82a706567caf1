/**
 * Places labels of the given widths on one row as close to their anchors as possible without
 * overlapping: a left-to-right pass pushes labels right, a right-to-left pass pulls them back
 * inside [lo, hi]. Returns label centres (in anchor order; anchors must be ascending). When the
 * labels are wider than the row in total, the first ones stay at lo and overlap is unavoidable.
 */
export function dodge(
  anchors: readonly number[],
  widths: readonly number[],
  lo: number,
  hi: number,
  gap = 4,
): number[] {
  if (anchors.length !== widths.length) throw new Error('dodge: one width per anchor is needed.');
  const x = anchors.map((a, i) => Math.max(a, lo + widths[i] / 2));
  for (let i = 1; i < x.length; i++) x[i] = Math.max(x[i], x[i - 1] + (widths[i - 1] + widths[i]) / 2 + gap);
  const last = x.length - 1;
  if (last >= 0) x[last] = Math.min(x[last], hi - widths[last] / 2);
  for (let i = last - 1; i >= 0; i--) x[i] = Math.min(x[i], x[i + 1] - (widths[i] + widths[i + 1]) / 2 - gap);
  for (let i = 0; i < x.length; i++) x[i] = Math.max(x[i], lo + widths[i] / 2);
  return x;
}

/** Generous text width in px for SVG labels (no DOM to measure on the server; wide fonts such as DejaVu). */
export const textWidth = (text: string, fontSize = 10): number => text.length * fontSize * 0.66;
