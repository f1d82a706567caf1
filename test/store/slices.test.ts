import { describe, expect, it } from 'vitest';
import { makeModelConfig } from '../../src/io/model-config';
import { createLabStore, DEFAULT_SWEEP, selectSpaceView } from '../../src/store';

const log10 = Math.log10;

describe('space slice and the derived space', () => {
  it('starts on AnyNetX_A with no constraints and the paper size (16·128·3·6)^4', () => {
    const store = createLabStore();
    const v = selectSpaceView(store.getState());
    expect(store.getState().space).toEqual({ baseId: 'anynetx_a', constraints: [] });
    expect(v.space.label).toBe('AnyNetX_A');
    expect(v.paperSize?.log10).toBeCloseTo(4 * log10(16 * 128 * 3 * 6), 9);
    expect(v.exactSize?.log10).toBeCloseTo(4 * log10(16 * 128 * 3 * 6), 9);
  });

  it('walks the paper refinement A -> E by toggling chips (Table 1 sizes)', () => {
    const store = createLabStore();
    const size = () => selectSpaceView(store.getState()).paperSize!.log10;
    const label = () => selectSpaceView(store.getState()).space.label;
    store.getState().toggleConstraint('shared-b');
    expect(label()).toBe('AnyNetX_B');
    expect(size()).toBeCloseTo(log10(6.8e16), 1);
    store.getState().toggleConstraint('shared-g');
    expect(label()).toBe('AnyNetX_C');
    expect(size()).toBeCloseTo(log10(3.2e14), 1);
    store.getState().toggleConstraint('increasing-w');
    expect(label()).toBe('AnyNetX_D');
    expect(size()).toBeCloseTo(log10(1.3e13), 1);
    store.getState().toggleConstraint('increasing-d');
    expect(label()).toBe('AnyNetX_E');
    expect(size()).toBeCloseTo(log10(5.5e11), 1);
    store.getState().toggleConstraint('shared-b');
    expect(store.getState().space.constraints).toEqual(['shared-g', 'increasing-w', 'increasing-d']);
    expect(size()).toBeCloseTo(log10(5.5e11 * 3 ** 3), 1);
  });

  it('counts nondecreasing widths exactly: C(128 + 3, 4) sequences instead of 128^4 / 4!', () => {
    const store = createLabStore();
    store.getState().setBaseSpace('anynetx_d');
    const v = selectSpaceView(store.getState());
    // D: d 16^4, w nondecreasing over 128 values, shared b (3), shared g (6).
    const widthSeqs = (131 * 130 * 129 * 128) / 24;
    expect(v.exactSize?.count).toBe(BigInt(16 ** 4 * widthSeqs * 3 * 6));
  });

  it('setBaseSpace turns on the base constraints; an unknown id becomes a message', () => {
    const store = createLabStore();
    store.getState().setBaseSpace('regnetx');
    expect(store.getState().space).toEqual({ baseId: 'regnetx', constraints: ['quantized-linear-4'] });
    expect(selectSpaceView(store.getState()).paperSize?.log10).toBeCloseTo(log10(3.0e8), 1);
    store.getState().setBaseSpace('nope');
    expect(store.getState().space.baseId).toBe('regnetx');
    expect(store.getState().messages[0].text).toMatch(/Unknown design space 'nope'/);
  });

  it('stores constraints in one spelling and reports unreadable ones', () => {
    const store = createLabStore();
    store.getState().addConstraint('flops=1e6..3e6');
    expect(store.getState().space.constraints).toEqual(['flops=1000000..3000000']);
    store.getState().toggleConstraint('flops=1e6..3e6');
    expect(store.getState().space.constraints).toEqual([]);
    store.getState().addConstraint('wider please');
    expect(store.getState().space.constraints).toEqual([]);
    expect(store.getState().messages[0].text).toMatch(/Cannot add the constraint 'wider please'/);
  });

  it('a constraint that does not fit the base is reported, not thrown', () => {
    const store = createLabStore();
    store.getState().setSpace({ baseId: 'regnetx', constraints: ['quantized-linear-4', 'shared-b'] });
    const v = selectSpaceView(store.getState());
    expect(v.problems.join(' ')).toMatch(/shared b.*AnyNet spaces only/);
  });

  it('carries the sweep band on the derived space', () => {
    const store = createLabStore();
    expect(selectSpaceView(store.getState()).space.band).toEqual({ flops: [2e6, 6e6] });
    store.getState().applyBandPreset('400MF');
    expect(selectSpaceView(store.getState()).space.band).toEqual({ flops: [360e6, 400e6] });
  });
});

describe('settings slice', () => {
  it('defaults: 3 epochs with 1 warm-up epoch on the built-in 28 px data', () => {
    const { sweep } = createLabStore().getState();
    expect(sweep).toEqual(DEFAULT_SWEEP);
    expect(sweep.epochs).toBe(3);
    expect(sweep.warmupEpochs).toBe(1);
    expect(sweep.shape).toBe('fashion');
  });

  it('applies regime presets with their shape', () => {
    const store = createLabStore();
    store.getState().applyBandPreset('1.6GF');
    expect(store.getState().sweep.flops).toEqual([1.44e9, 1.6e9]);
    expect(store.getState().sweep.shape).toBe('imagenet');
    store.getState().applyBandPreset('huge');
    expect(store.getState().messages[0].text).toMatch(/Unknown complexity regime 'huge'/);
  });

  it('newSeed draws a fresh seed from the given source', () => {
    const store = createLabStore();
    store.getState().newSeed(() => 0.5);
    expect(store.getState().sweep.seed).toBe(2 ** 30);
  });
});

describe('ui and queue slices', () => {
  it('toggles theme and panels; dedupes and dismisses messages', () => {
    const store = createLabStore({ theme: 'dark' });
    const s = () => store.getState();
    s().toggleTheme();
    expect(s().theme).toBe('light');
    s().togglePanel('edf');
    expect(s().collapsed).toEqual({ edf: true });
    s().togglePanel('edf');
    expect(s().collapsed).toEqual({ edf: false });
    s().pushMessage('warning', 'same');
    s().pushMessage('warning', 'same');
    s().pushMessage('error', 'other');
    expect(s().messages.map((m) => m.text)).toEqual(['same', 'other']);
    s().dismissMessage(s().messages[0].id);
    expect(s().messages.map((m) => m.text)).toEqual(['other']);
    s().clearMessages();
    expect(s().messages).toEqual([]);
  });

  it('queueConfig appends for the Run panel, which takes them all', () => {
    const store = createLabStore();
    const doc = makeModelConfig(
      {
        stem: { type: 'cifar', width: 32 },
        stages: [{ depth: 1, width: 8, stride: 2, bottleneckRatio: 1, groupWidth: 8 }],
        seRatio: 0,
        head: { classes: 10 },
        input: { channels: 1, resolution: 28 },
      },
      { flops: 1, params: 1, acts: 1 },
    );
    store.getState().queueConfig(doc);
    store.getState().queueConfig(doc);
    expect(store.getState().pendingConfigs).toHaveLength(2);
    expect(store.getState().takePendingConfigs()).toEqual([doc, doc]);
    expect(store.getState().pendingConfigs).toEqual([]);
  });

  it('snapToPreset sets every RegNet parameter; an unknown name is a message', () => {
    const store = createLabStore();
    store.getState().snapToPreset('RegNetY-16GF');
    expect(store.getState().explorer.params).toEqual({
      depth: 18,
      w0: 200,
      wa: 106.23,
      wm: 2.48,
      groupWidth: 112,
      bottleneckRatio: 1,
      seRatio: 0.25,
    });
    store.getState().snapToPreset('RegNetZ');
    expect(store.getState().messages[0].text).toMatch(/Unknown preset 'RegNetZ'/);
  });
});
