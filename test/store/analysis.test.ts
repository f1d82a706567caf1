import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLabStore, planBrushes, roundOutward } from '../../src/store';
import { getSpace } from '../../src/space/spaces';

describe('roundOutward', () => {
  it('widens to multiples of the step, decimal-exact', () => {
    expect(roundOutward([70, 130], { kind: 'step', q: 8 })).toEqual([64, 136]);
    expect(roundOutward([64, 136], { kind: 'step', q: 8 })).toEqual([64, 136]);
    expect(roundOutward([23.456, 40.01], { kind: 'step', q: 0.1 })).toEqual([23.4, 40.1]);
    expect(roundOutward([2.0004, 2.5], { kind: 'step', q: 0.001 })).toEqual([2, 2.5]);
  });

  it('widens to the nearest allowed values of a choice', () => {
    expect(roundOutward([1.5, 2.5], { kind: 'values', values: [1, 2, 4] })).toEqual([1, 4]);
    expect(roundOutward([0.5, 5], { kind: 'values', values: [1, 2, 4] })).toEqual([0, 5]);
  });

  it('widens complexity to 3 significant digits', () => {
    expect(roundOutward([2345678, 5678901], { kind: 'significant', digits: 3 })).toEqual([2340000, 5680000]);
  });

  it('accepts reversed ends and refuses non-finite ones with a message', () => {
    expect(roundOutward([130, 70], { kind: 'step', q: 8 })).toEqual([64, 136]);
    expect(() => roundOutward([NaN, 1], { kind: 'step', q: 1 })).toThrow(/not finite/);
  });

  it('never narrows: the rounded range contains the brushed one and lands on the grid', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        (a, b) => {
          const [lo, hi] = roundOutward([a, b], { kind: 'step', q: 8 });
          expect(lo).toBeLessThanOrEqual(Math.min(a, b) + 1e-6);
          expect(hi).toBeGreaterThanOrEqual(Math.max(a, b) - 1e-6);
          expect(lo % 8).toBe(0);
          expect(hi % 8).toBe(0);
        },
      ),
    );
  });
});

describe('planBrushes', () => {
  it('rounds every brush and replaces an older range on the same parameter', () => {
    const space = getSpace('anynetx_a');
    const plan = planBrushes(space, ['w1=8..512', 'shared-b'], {
      w1: [70, 130],
      flops: [2345678, 5678901],
    });
    expect(plan.add.map((a) => a.key)).toEqual(['w1=64..136', 'flops=2340000..5680000']);
    expect(plan.remove).toEqual(['w1=8..512']);
    expect(plan.problems).toEqual([]);
  });

  it('reports a parameter the space does not have', () => {
    const plan = planBrushes(getSpace('regnetx'), [], { w1: [70, 130], wa: [23.456, 40.01] });
    expect(plan.add.map((a) => a.key)).toEqual(['wa=23.4..40.1']);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toMatch(/^w1: RegNetX has no plotted parameter 'w1'/);
  });
});

describe('analysis slice', () => {
  it('setBrush stores [lo, hi] in order and null removes it', () => {
    const store = createLabStore();
    store.getState().setBrush('w1', [130, 70]);
    expect(store.getState().brushes).toEqual({ w1: [70, 130] });
    store.getState().setBrush('w1', null);
    expect(store.getState().brushes).toEqual({});
  });

  it('applyBrushes keeps an invalid brush and shows why', () => {
    const store = createLabStore();
    store.getState().setBrush('w0', [24, 40]);
    store.getState().setBrush('w2', [30, 50]);
    const result = store.getState().applyBrushes();
    expect(result.added).toEqual(['w2=24..56']);
    expect(store.getState().space.constraints).toEqual(['w2=24..56']);
    expect(store.getState().brushes).toEqual({ w0: [24, 40] });
    expect(store.getState().messages.map((m) => m.text)).toEqual([
      expect.stringMatching(/^Cannot apply the brush on w0: AnyNetX_A has no plotted parameter 'w0'/),
    ]);
  });

  it('applyBrushes without brushes says to drag first', () => {
    const store = createLabStore();
    expect(store.getState().applyBrushes().problems[0]).toMatch(/drag across/);
  });
});
