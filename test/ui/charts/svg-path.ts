/** Reads an SVG path made of M/L commands (what d3.line emits) into its vertices. */
export function pathVertices(d: string): { x: number; y: number }[] {
  const nums = d.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi)?.map(Number) ?? [];
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i + 1 < nums.length; i += 2) out.push({ x: nums[i], y: nums[i + 1] });
  return out;
}

/** Vertical rises of a step path, consecutive vertical segments at one x merged into one riser. */
export function risers(d: string): { x: number; from: number; to: number }[] {
  const v = pathVertices(d);
  const out: { x: number; from: number; to: number }[] = [];
  for (let i = 1; i < v.length; i++) {
    const a = v[i - 1];
    const b = v[i];
    if (Math.abs(a.x - b.x) > 1e-9 || Math.abs(a.y - b.y) < 1e-9) continue;
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - a.x) < 1e-9 && Math.abs(last.to - a.y) < 1e-9) last.to = b.y;
    else out.push({ x: a.x, from: a.y, to: b.y });
  }
  return out;
}
