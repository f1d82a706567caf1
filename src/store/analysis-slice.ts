import type { StateCreator } from 'zustand';
import type { AnalysisSlice } from './study-types';
import type { LabState } from './types';

// STUB (lead): replaced by the analysis-panels implementation.
export const createAnalysisSlice: StateCreator<LabState, [], [], AnalysisSlice> = (set) => ({
  edfNormalized: false,
  setEdfNormalized: (edfNormalized) => set({ edfNormalized }),
  brushes: {},
  setBrush: (param, range) =>
    set((s) => {
      const brushes = { ...s.brushes };
      if (range) brushes[param] = range;
      else delete brushes[param];
      return { brushes };
    }),
  clearBrushes: () => set({ brushes: {} }),
});
