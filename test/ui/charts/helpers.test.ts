import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brushRange } from '../../../src/ui/charts/brush';
import { dodge } from '../../../src/ui/charts/dodge';
import { edfLegendStats, edfSummary } from '../../../src/ui/charts/edf-legend';
import { edfQuantile, edfStepVertices, edfValueAt } from '../../../src/ui/charts/edf-series';
import { errorTickFormat, formatError, formatSignificant } from '../../../src/ui/charts/format';
import { plotArea } from '../../../src/ui/charts/layout';
import { log2Domain, log2Ticks, logTicks, pyclsErrorRange } from '../../../src/ui/charts/scales';

/** The plain EDF as pycls draws it: sorted errors against i/n. */
const plainEdf = (errors: number[]) =>
  [...errors].sort((a, b) => a - b).map((x, i, all) => ({ x, y: (i + 1) / all.length }));

describe('edf-series', () => {
  it('F(x) of the plain EDF is the share of errors <= x', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: -5, max: 55 }),
        (errs, x) => {
          const expected = errs.filter((e) => e <= x).length / errs.length;
          expect(edfValueAt(plainEdf(errs), x)).toBeCloseTo(expected, 12);
        },
      ),
    );
  });

  it('step vertices start on the floor and run flat to the end of the domain', () => {
    const pts = [
      { x: 2, y: 0.5 },
      { x: 3, y: 1 },
    ];
    expect(edfStepVertices(pts, 0, 5)).toEqual([{ x: 0, y: 0 }, ...pts, { x: 5, y: 1 }]);
    expect(edfStepVertices([], 0, 5)).toEqual([]);
  });

  it('the median is the first error where F reaches one half', () => {
    expect(edfQuantile(plainEdf([5, 1, 3, 4]), 0.5)).toBe(3);
    expect(edfQuantile([], 0.5)).toBeNaN();
  });
});

describe('edf-legend', () => {
  it('formats n | min | mean with one decimal percent', () => {
    expect(edfLegendStats({ n: 7, min: 0.08, mean: 0.1234 }, 'fraction')).toBe('7 | 8.0% | 12.3%');
    expect(edfLegendStats({ n: 250, min: 21.96, mean: 30.04 }, 'percent')).toBe('250 | 22.0% | 30.0%');
    expect(edfSummary([], 'fraction')).toBe('Error EDF: no data yet.');
  });
});

describe('brushRange', () => {
  const invert = (px: number) => px / 4; // 400 px ↔ [0, 100]

  it('maps pixels to ordered data values, clamped to the plot', () => {
    expect(brushRange(100, 300, invert, 400)).toEqual([25, 75]);
    expect(brushRange(300, 100, invert, 400)).toEqual([25, 75]);
    expect(brushRange(-50, 40, invert, 400)).toEqual([0, 10]);
    expect(brushRange(380, 900, invert, 400)).toEqual([95, 100]);
  });

  it('ignores drags shorter than 3 px', () => {
    expect(brushRange(100, 102, invert, 400)).toBeNull();
    expect(brushRange(450, 500, invert, 400)).toBeNull();
  });

  it('orders the range even for a decreasing scale', () => {
    expect(brushRange(0, 200, (px) => 100 - px / 4, 400)).toEqual([50, 100]);
  });
});

describe('format', () => {
  it('shows errors as percentages', () => {
    expect(formatError(0.3521, 'fraction')).toBe('35.2%');
    expect(formatError(35.21, 'percent', 2)).toBe('35.21%');
    expect(formatError(NaN, 'fraction')).toBe('–');
  });

  it('prints "best" values with 4 significant digits like pycls', () => {
    expect(formatSignificant(0.123456)).toBe('0.1235');
    expect(formatSignificant(48)).toBe('48');
    expect(formatSignificant(1234567)).toBe('1.235e+6');
  });

  it('gives error ticks the decimals their step needs', () => {
    expect(errorTickFormat([0.3, 0.32, 0.34], 'fraction')(0.32)).toBe('32%');
    expect(errorTickFormat([0.3, 0.305], 'fraction')(0.305)).toBe('30.5%');
    // d3 tick steps are 1, 2 or 5 × 10^k
    expect(errorTickFormat([30, 30.05], 'percent')(30.05)).toBe('30.05%');
  });
});

describe('scales', () => {
  it('pads errors by a fifth of their spread (pycls plot_values)', () => {
    const [lo, hi] = pyclsErrorRange([30, 40]);
    expect(lo).toBeCloseTo(28, 12);
    expect(hi).toBeCloseTo(42, 12);
    const [a, b] = pyclsErrorRange([5, 5]);
    expect(a).toBeLessThan(5);
    expect(b).toBeGreaterThan(5);
  });

  it('snaps log2 domains to powers of two and ticks every octave', () => {
    expect(log2Domain([24, 368])).toEqual([16, 512]);
    expect(log2Domain([64, 64])).toEqual([32, 128]);
    expect(log2Ticks([16, 512])).toEqual([16, 32, 64, 128, 256, 512]);
  });

  it('chooses readable log10 ticks', () => {
    expect(logTicks([1, 1e6])).toEqual([1, 10, 100, 1000, 1e4, 1e5, 1e6]);
    expect(logTicks([1, 100])).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(logTicks([3, 9])).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('plotArea', () => {
  it('subtracts margins and refuses impossible layouts', () => {
    expect(plotArea('T', 500, 300, { left: 50, right: 50, top: 20, bottom: 30 })).toMatchObject({
      innerWidth: 400,
      innerHeight: 250,
    });
    expect(() => plotArea('T', 500, 300, { left: -1 })).toThrow(
      /T: margin.left must be a finite number >= 0/,
    );
    expect(() => plotArea('T', 0, 300, {})).toThrow(/width and height must be positive/);
  });
});

describe('dodge', () => {
  it('leaves labels that fit at their anchors', () => {
    expect(dodge([50, 150], [40, 40], 0, 200)).toEqual([50, 150]);
  });

  it('pushes overlapping labels apart by their half widths plus the gap', () => {
    // 40 px labels at 100 and 110 overlap: the second moves to 100 + 40 + 4
    expect(dodge([100, 110], [40, 40], 0, 300)).toEqual([100, 144]);
  });

  it('pulls labels back inside the row at both ends', () => {
    expect(dodge([5, 290], [40, 40], 0, 300)).toEqual([20, 280]);
    // three crowded at the right edge shift left as a block
    expect(dodge([280, 285, 290], [20, 20, 20], 0, 300, 0)).toEqual([250, 270, 290]);
  });

  it('never overlaps when the row is wide enough (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 40 })), {
          maxLength: 12,
        }),
        (items) => {
          const sorted = [...items].sort((a, b) => a[0] - b[0]);
          const widths = sorted.map(([, w]) => w);
          const hi = 1000 + widths.reduce((a, b) => a + b + 4, 0);
          const x = dodge(
            sorted.map(([a]) => a),
            widths,
            0,
            hi,
          );
          for (let i = 1; i < x.length; i++)
            expect(x[i] - x[i - 1]).toBeGreaterThanOrEqual((widths[i] + widths[i - 1]) / 2 + 4 - 1e-9);
          x.forEach((c, i) => {
            expect(c - widths[i] / 2).toBeGreaterThanOrEqual(-1e-9);
            expect(c + widths[i] / 2).toBeLessThanOrEqual(hi + 1e-9);
          });
        },
      ),
    );
  });
});
