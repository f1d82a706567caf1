import { describe, expect, it } from 'vitest';
import { findPreset } from '../../src/space/presets';
import type { RegNetParams } from '../../src/space/regnet';
import { createLabStore, deriveExplorerView, selectExplorerView, type ExplorerInputs } from '../../src/store';

const X200: RegNetParams = {
  depth: 13,
  w0: 24,
  wa: 36.44,
  wm: 2.49,
  groupWidth: 8,
  bottleneckRatio: 1,
  seRatio: 0,
};
const view = (params: Partial<RegNetParams>, rest: Partial<Omit<ExplorerInputs, 'params'>> = {}) =>
  deriveExplorerView({ params: { ...X200, ...params }, rounding: 'pycls', shape: 'imagenet', ...rest });
const kinds = (v: ReturnType<typeof view>) => v.warnings.map((w) => w.kind);

describe('explorer view: golden presets (REGNET.md §4.2)', () => {
  it('RegNetX-200MF: stages and exact complexity at 224 px / 1000 classes', () => {
    const v = view({});
    expect(v.stages.map((s) => s.width)).toEqual([24, 56, 152, 368]);
    expect(v.stages.map((s) => s.depth)).toEqual([1, 1, 4, 7]);
    expect(v.stages.map((s) => s.groupWidth)).toEqual([8, 8, 8, 8]);
    expect(v.complexity).toEqual({ flops: 199040872, params: 2684792, acts: 2164056 });
    expect(v.warnings).toEqual([]);
    expect(v.preset?.name).toBe('RegNetX-200MF');
  });

  it('RegNetX-400MF: widths move under group compatibility and the raw widths are kept', () => {
    const v = view({ depth: 22, w0: 24, wa: 24.48, wm: 2.54, groupWidth: 16 });
    expect(v.stages.map((s) => s.rawWidth)).toEqual([24, 64, 152, 392]);
    expect(v.stages.map((s) => s.width)).toEqual([32, 64, 160, 384]);
    expect(v.stages.map((s) => s.depth)).toEqual([1, 2, 7, 12]);
    expect(v.complexity).toEqual({ flops: 397678568, params: 5157512, acts: 3143272 });
    expect(kinds(v)).toEqual(['group-rounding']);
    expect(v.warnings[0].text).toContain('stage 1 24 → 32');
    expect(v.warnings[0].text).toContain('stage 4 392 → 384');
  });

  it('RegNetX-8.0GF: the stage-1 group width is lowered from 120 to 80', () => {
    const p = findPreset('RegNetX-8.0GF')!;
    const v = view(p);
    expect(v.stages.map((s) => s.groupWidth)).toEqual([80, 120, 120, 120]);
    expect(kinds(v)).toContain('group-lowered');
    expect(v.complexity?.flops).toBe(7995133416);
  });

  it('torchvision rounding gives X-400MF a last stage of 400 (REGNET.md §8)', () => {
    const v = view({ depth: 22, w0: 24, wa: 24.48, wm: 2.54, groupWidth: 16 }, { rounding: 'torchvision' });
    expect(v.stages[3].width).toBe(400);
  });

  it('builds the model config document for export and training', () => {
    const v = view({ seRatio: 0.25 });
    expect(v.doc?.schema).toBe('dslab.model-config');
    expect(v.doc?.name).toBe('RegNetY-200MF');
    expect(v.doc?.space).toBe('regnety');
    expect(v.doc?.network.stages.map((s) => s.width)).toEqual([24, 56, 152, 368]);
    expect(v.doc?.rounding).toBe('pycls');
  });
});

describe('explorer view: warnings, never throws', () => {
  it('w0 = 20 is not a multiple of 8: a warning with the neighbours, and no network', () => {
    const v = view({ w0: 20 });
    expect(kinds(v)).toEqual(['w0-multiple']);
    expect(v.warnings[0].text).toMatch(/w0 = 20 is not a multiple of 8.*Try 16 or 24/);
    expect(v.stages).toEqual([]);
    expect(v.complexity).toBeUndefined();
  });

  it('wm <= 1 is invalid, shown as a warning', () => {
    const v = view({ wm: 1 });
    expect(kinds(v)).toEqual(['invalid']);
    expect(v.warnings[0].text).toMatch(/wm must be > 1/);
    expect(v.doc).toBeUndefined();
  });

  it('a skipped stage and a stage count other than 4 (hand-derived)', () => {
    // u = [8, 208]; s_1 = log2(26) = 4.70 -> k = [0, 5]: 2 stages where max k + 1 = 6.
    const v = view({ depth: 2, w0: 8, wa: 200, wm: 2, groupWidth: 8 });
    expect(kinds(v)).toEqual(['skipped-stage', 'not-four-stages']);
    expect(v.warnings[0].text).toMatch(/2 stages where max k \+ 1 = 6/);
    expect(v.warnings[1].text).toMatch(/timm cannot load it/);
    // k = [0, 5]: widths 8 and 8 * 2^5 = 256.
    expect(v.stages.map((s) => s.width)).toEqual([8, 256]);
  });

  it('three stages without a skip warn only about timm (hand-derived)', () => {
    // w0 = 8, wa = 8, wm = 2, d = 4: u = 8, 16, 24, 32 -> s = 0, 1, 1.58, 2 -> k = 0, 1, 2, 2.
    const v = view({ depth: 4, w0: 8, wa: 8, wm: 2, groupWidth: 8 });
    expect(kinds(v)).toEqual(['not-four-stages']);
    expect(v.stages.map((s) => [s.width, s.depth])).toEqual([
      [8, 1],
      [16, 1],
      [32, 2],
    ]);
  });

  it('bad g, b and SE ratio are warnings too', () => {
    expect(kinds(view({ groupWidth: 0 }))).toEqual(['invalid']);
    expect(kinds(view({ bottleneckRatio: 0.3 }))).toEqual(['invalid']);
    expect(kinds(view({ seRatio: 1.5 }))).toEqual(['invalid']);
  });
});

describe('selectExplorerView', () => {
  it('is memoized on the explorer inputs and recomputed when a slider moves', () => {
    const store = createLabStore();
    const a = selectExplorerView(store.getState());
    expect(selectExplorerView(store.getState())).toBe(a);
    store.getState().pushMessage('info', 'unrelated change');
    expect(selectExplorerView(store.getState())).toBe(a);
    store.getState().setExplorerParam('w0', 32);
    const b = selectExplorerView(store.getState());
    expect(b).not.toBe(a);
    expect(b.resolution?.generation.continuousWidths[0]).toBe(32);
  });
});
