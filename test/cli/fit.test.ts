import { describe, expect, it } from 'vitest';
import { dslab } from './cli-process';

interface FitJson {
  source: string;
  widths: number[];
  depth: number;
  w0: number;
  wa: number;
  wm: number;
  efit: number;
  predictedWidths: number[];
  given?: { depth: number; w0: number; wa: number; wm: number };
}

const expand = (ws: number[], ds: number[]) => ws.flatMap((w, i) => new Array<number>(ds[i]).fill(w));

/** REGNET.md §4.2: q-ws (generate_regnet's widths, before compatibility) and stage depths. */
const GOLDEN = [
  { name: 'RegNetX-200MF', d: 13, w0: 24, wa: 36.44, wm: 2.49, qws: [24, 56, 152, 368], ds: [1, 1, 4, 7] },
  { name: 'RegNetX-3.2GF', d: 25, w0: 88, wa: 26.31, wm: 2.25, qws: [88, 200, 448, 1000], ds: [2, 6, 15, 2] },
];

describe('dslab fit', () => {
  for (const g of GOLDEN) {
    it(`fits ${g.name}'s own widths back with e_fit ~ 0 and parameters close to its own`, () => {
      const { code, stdout, stderr } = dslab('fit', g.name, '--json');
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const fit = JSON.parse(stdout) as FitJson;
      const widths = expand(g.qws, g.ds);
      expect(fit.widths).toEqual(widths);
      expect(fit.predictedWidths).toEqual(widths);
      expect(fit.efit).toBeLessThan(1e-6);
      expect(fit.depth).toBe(g.d);
      // w0 is pinned to within one quantum; wa and wm only up to the interval that gives the same widths.
      expect(Math.abs(fit.w0 - g.w0)).toBeLessThanOrEqual(8);
      expect(Math.abs(fit.wm / g.wm - 1)).toBeLessThan(0.05);
      expect(Math.abs(fit.wa / g.wa - 1)).toBeLessThan(0.15);
      expect(fit.given).toEqual({ depth: g.d, w0: g.w0, wa: g.wa, wm: g.wm });
    });
  }

  it('expands --widths by --depths and prints the fit for a human', () => {
    const { code, stdout } = dslab('fit', '--widths', '24,56,152,368', '--depths', '1,1,4,7');
    expect(code).toBe(0);
    expect(stdout).toContain('13 blocks, widths 24,56,152,152,152,152,368,368,368,368,368,368,368');
    expect(stdout).toMatch(/fit: d=13 w0=24 .*e_fit=0/);
  });

  it('reports the error of a width no quantized model reproduces', () => {
    // One block of width 10: w0 must be a multiple of 8, and 8 is the closest in log ratio,
    // so e_fit = ln(10 / 8).
    const { code, stdout } = dslab('fit', '--widths', '10', '--json');
    expect(code).toBe(0);
    const fit = JSON.parse(stdout) as FitJson;
    expect(fit.w0).toBe(8);
    expect(fit.predictedWidths).toEqual([8]);
    expect(fit.efit).toBeCloseTo(Math.log(10 / 8), 12);
  });

  it('rejects bad widths and mismatched depths with a usage message', () => {
    const bad = dslab('fit', '--widths', '24,abc,56');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      "--widths must be a comma-separated list of positive numbers, e.g. 24,56,152 ('abc'",
    );
    const mismatch = dslab('fit', '--widths', '24,56', '--depths', '1,2,3');
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('--depths lists 3 stages but --widths lists 2');
  });
});
