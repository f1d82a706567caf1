import { describe, expect, it } from 'vitest';
import { paramTicks } from '../../src/ui/analysis/param-ticks';

describe('x ticks of the error-vs-parameter plots', () => {
  it('a bottleneck ratio gets only the values it can take, even on a constant column', () => {
    const b = { kind: 'values', values: [1, 2, 4] } as const;
    expect(paramTicks(b, false, [0.85, 4.15], [1, 1.5, 2, 2.5, 3, 3.5, 4])).toEqual([1, 2, 4]);
    expect(paramTicks(b, false, [3.6, 4.4], [3.6, 3.8, 4, 4.2, 4.4])).toEqual([4]);
  });

  it('group widths on a log axis: the powers of two inside the domain', () => {
    const g = { kind: 'values', values: [1, 2, 4, 8, 16, 32] } as const;
    expect(paramTicks(g, true, [0.5, 2], [0.5, 1, 2])).toEqual([1, 2]);
  });

  it('widths (step 8, log) tick at 8, 16, 32, never at 9 or 30', () => {
    expect(paramTicks({ kind: 'step', q: 8 }, true, [7.6, 42], [8, 9, 10, 20, 30, 40])).toEqual([8, 16, 32]);
  });

  it('depths on a linear axis keep whole numbers only', () => {
    expect(paramTicks({ kind: 'step', q: 1 }, false, [0.8, 3.2], [1, 1.5, 2, 2.5, 3])).toEqual([1, 2, 3]);
  });

  it('a long list of values is thinned to at most 7 ticks', () => {
    const many = { kind: 'values', values: Array.from({ length: 20 }, (_, i) => i + 1) } as const;
    const ticks = paramTicks(many, false, [1, 20], []);
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks[0]).toBe(1);
  });

  it('falls back to the chart ticks when no allowed value lies in the domain', () => {
    expect(paramTicks({ kind: 'values', values: [1, 2, 4] }, false, [5, 6], [5, 5.5, 6])).toEqual([5, 5.5, 6]);
  });
});
