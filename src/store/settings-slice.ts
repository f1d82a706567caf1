import type { StateCreator } from 'zustand';
import type { ShapeKey } from './shapes';
import type { LabState } from './types';

/** How a study is sampled and trained: everything the Run task needs besides the design space. */
export interface SweepSettings {
  /** Models to sample and train. */
  n: number;
  epochs: number;
  /** Linear warm-up, in epochs (at most `epochs`). */
  warmupEpochs: number;
  batchSize: number;
  /** Training images per epoch (a class-balanced subset of the data set). */
  trainSize: number;
  /** Seed of the sampler and of training: a link with the seed reproduces the population. */
  seed: number;
  /** Inclusive flops band [lo, hi] in multiply-adds, counted at `shape`. */
  flops: [number, number];
  /** Input shape the band is counted at (the data set's shape). */
  shape: ShapeKey;
}

/** A named complexity regime: the paper's ImageNet regimes and small bands for the built-in 28 px data. */
export interface BandPreset {
  id: string;
  label: string;
  flops: [number, number];
  shape: ShapeKey;
}

/**
 * ImageNet regimes use the paper's §3 band shape, [0.9 F, F] (400MF = 360–400MF); pycls#38 quotes a
 * tighter ±1% for final models, too narrow for quick rejection sampling. The 28 px bands cover networks
 * the built-in data trains in seconds to a minute each.
 */
export const BAND_PRESETS: readonly BandPreset[] = [
  { id: '28px-tiny', label: '0.5–2 MF · 28 px', flops: [0.5e6, 2e6], shape: 'fashion' },
  { id: '28px-small', label: '2–6 MF · 28 px', flops: [2e6, 6e6], shape: 'fashion' },
  { id: '28px-medium', label: '6–20 MF · 28 px', flops: [6e6, 20e6], shape: 'fashion' },
  { id: '200MF', label: '200MF · 224 px', flops: [180e6, 200e6], shape: 'imagenet' },
  { id: '400MF', label: '400MF · 224 px', flops: [360e6, 400e6], shape: 'imagenet' },
  { id: '600MF', label: '600MF · 224 px', flops: [540e6, 600e6], shape: 'imagenet' },
  { id: '800MF', label: '800MF · 224 px', flops: [720e6, 800e6], shape: 'imagenet' },
  { id: '1.6GF', label: '1.6GF · 224 px', flops: [1.44e9, 1.6e9], shape: 'imagenet' },
];

/** Defaults that give a meaningful comparison on the built-in data in minutes (issue 4, §Views 1). */
export const DEFAULT_SWEEP: SweepSettings = {
  n: 16,
  epochs: 3,
  warmupEpochs: 1,
  batchSize: 128,
  trainSize: 12_000,
  seed: 0,
  flops: [2e6, 6e6],
  shape: 'fashion',
};

export const findBandPreset = (flops: readonly number[], shape: ShapeKey): BandPreset | undefined =>
  BAND_PRESETS.find((p) => p.shape === shape && p.flops[0] === flops[0] && p.flops[1] === flops[1]);

export interface SettingsSlice {
  sweep: SweepSettings;
  setSweep: (patch: Partial<SweepSettings>) => void;
  applyBandPreset: (id: string) => void;
  /** A fresh random seed (Playground's "Regenerate"). */
  newSeed: (random?: () => number) => void;
}

export const createSettingsSlice: StateCreator<LabState, [], [], SettingsSlice> = (set, get) => ({
  sweep: DEFAULT_SWEEP,
  setSweep: (patch) => set((s) => ({ sweep: { ...s.sweep, ...patch } })),
  applyBandPreset: (id) => {
    const preset = BAND_PRESETS.find((p) => p.id === id);
    if (!preset) {
      get().pushMessage(
        'error',
        `Unknown complexity regime '${id}'; choose one of ${BAND_PRESETS.map((p) => p.id).join(', ')}.`,
      );
      return;
    }
    set((s) => ({ sweep: { ...s.sweep, flops: [...preset.flops], shape: preset.shape } }));
  },
  newSeed: (random = Math.random) =>
    set((s) => ({ sweep: { ...s.sweep, seed: Math.floor(random() * 2 ** 31) } })),
});
