import type { StateCreator } from 'zustand';
import type { Rounding } from '../space/compat';
import { findPreset } from '../space/presets';
import type { RegNetParams } from '../space/regnet';
import type { ShapeKey } from './shapes';
import type { LabState } from './types';

/** What the RegNet explorer's controls hold. Everything shown (stages, complexity, warnings) derives from it. */
export interface ExplorerInputs {
  params: RegNetParams;
  rounding: Rounding;
  /** Input shape the complexity is counted at. */
  shape: ShapeKey;
}

/** RegNetX-200MF at 224 px: the smallest zoo model, whose numbers REGNET.md §4.2 pins. */
export const DEFAULT_EXPLORER: ExplorerInputs = {
  params: { depth: 13, w0: 24, wa: 36.44, wm: 2.49, groupWidth: 8, bottleneckRatio: 1, seRatio: 0 },
  rounding: 'pycls',
  shape: 'imagenet',
};

export interface ExplorerSlice {
  explorer: ExplorerInputs;
  setExplorerParam: <K extends keyof RegNetParams>(key: K, value: RegNetParams[K]) => void;
  setExplorerRounding: (rounding: Rounding) => void;
  setExplorerShape: (shape: ShapeKey) => void;
  /** Snaps the sliders to a zoo preset (24 RegNetX/Y models); an unknown name is reported as a message. */
  snapToPreset: (name: string) => void;
  setExplorer: (inputs: ExplorerInputs) => void;
}

export const createExplorerSlice: StateCreator<LabState, [], [], ExplorerSlice> = (set, get) => ({
  explorer: DEFAULT_EXPLORER,
  setExplorerParam: (key, value) =>
    set((s) => ({ explorer: { ...s.explorer, params: { ...s.explorer.params, [key]: value } } })),
  setExplorerRounding: (rounding) => set((s) => ({ explorer: { ...s.explorer, rounding } })),
  setExplorerShape: (shape) => set((s) => ({ explorer: { ...s.explorer, shape } })),
  snapToPreset: (name) => {
    const preset = findPreset(name);
    if (!preset) {
      get().pushMessage(
        'error',
        `Unknown preset '${name}'; pick one of the RegNetX/RegNetY models in the menu.`,
      );
      return;
    }
    const { depth, w0, wa, wm, groupWidth, bottleneckRatio, seRatio } = preset;
    set((s) => ({
      explorer: { ...s.explorer, params: { depth, w0, wa, wm, groupWidth, bottleneckRatio, seRatio } },
    }));
  },
  setExplorer: (explorer) => set({ explorer }),
});
