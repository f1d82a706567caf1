import type { StateCreator } from 'zustand';
import type { DataChoice, DataSlice } from './study-types';
import type { LabState } from './types';

// STUB (lead): replaced by the Data-panel implementation.
export const BUILTIN_DATA: DataChoice = {
  name: 'Fashion-MNIST (built-in 12k/2k)',
  source: { kind: 'builtin', baseUrl: '' },
  resolution: 28,
  channels: 1,
  classes: 10,
};

export const createDataSlice: StateCreator<LabState, [], [], DataSlice> = (set) => ({
  data: BUILTIN_DATA,
  setData: (data) => set({ data }),
  resetData: () => set({ data: BUILTIN_DATA }),
});
