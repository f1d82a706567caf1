import { describe, expect, it } from 'vitest';
import { bootstrapBest } from '../../src/analysis/bootstrap';
import { createRng } from '../../src/analysis/rng';
import { paddedErrorRange, valueTrend, valueTrends } from '../../src/analysis/trends';

describe('paddedErrorRange (plot_values y-limits)', () => {
  it('pads [e_min, e_max] by a fifth of the spread on each side', () => {
    // Δ = 40 − 30 = 10 → [30 − 2, 40 + 2].
    expect(paddedErrorRange([35, 30, 40])).toEqual([28, 42]);
  });

  it('keeps a visible range when all errors are equal', () => {
    expect(paddedErrorRange([50, 50])).toEqual([40, 60]);
    expect(paddedErrorRange([0])).toEqual([-0.2, 0.2]);
  });
});

describe('valueTrend', () => {
  const records = [
    { x: 1, error: 40 },
    { x: 2, error: 35 },
    { x: 3, error: 30 },
    { x: 4, error: 33 },
    { x: 5, error: 38 },
  ];

  it('returns the raw scatter, the x range and the padded error range', () => {
    const t = valueTrend(records, createRng(1), { reps: 100 });
    expect(t.points).toEqual(records.map((r) => ({ x: r.x, y: r.error })));
    expect(t.xRange).toEqual([1, 5]);
    expect(t.yRange).toEqual([28, 42]);
  });

  it('reports the bootstrap band of the same draws as bootstrapBest', () => {
    const t = valueTrend(records, createRng(9), { reps: 300 });
    const [low, best, high] = bootstrapBest(
      records.map((r) => r.x),
      records.map((r) => r.error),
      createRng(9),
      { reps: 300 },
    );
    expect([t.low, t.best, t.high]).toEqual([low, best, high]);
  });

  it('centres the best value on the optimum of a clear valley', () => {
    // Error is lowest at x = 3; with 60 draws from 5 models nearly every rep contains model 3.
    const t = valueTrend(records, createRng(4), { sample: 60 });
    expect([t.low, t.best, t.high]).toEqual([3, 3, 3]);
  });

  it('rejects empty or non-finite records', () => {
    expect(() => valueTrend([], createRng(1))).toThrow(/records has 0 value/);
    expect(() => valueTrend([{ x: NaN, error: 1 }], createRng(1))).toThrow(/records\[\]\.x\[0\] is NaN/);
    expect(() => valueTrend([{ x: 1, error: Infinity }], createRng(1))).toThrow(/records\[\]\.error\[0\]/);
  });
});

describe('valueTrends', () => {
  it('shares one error range across sweeps, as pycls shares the y axis', () => {
    const a = [
      { x: 1, error: 30 },
      { x: 2, error: 35 },
    ];
    const b = [
      { x: 8, error: 40 },
      { x: 9, error: 50 },
    ];
    const [ta, tb] = valueTrends([a, b], createRng(2), { reps: 50 });
    // Over all errors: Δ = 50 − 30 = 20 → [26, 54].
    expect(ta.yRange).toEqual([26, 54]);
    expect(tb.yRange).toEqual([26, 54]);
    expect(ta.xRange).toEqual([1, 2]);
    expect(tb.xRange).toEqual([8, 9]);
    expect(tb.low).toBeGreaterThanOrEqual(8);
  });

  it('names the bad sweep', () => {
    expect(() => valueTrends([], createRng(1))).toThrow(/at least one sweep/);
    expect(() => valueTrends([[{ x: 1, error: 1 }], []], createRng(1))).toThrow(/sweep 1: records has 0/);
  });
});
