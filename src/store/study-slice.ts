import type { StateCreator } from 'zustand';
import type { StudySlice } from './study-types';
import type { LabState } from './types';

// STUB (lead): replaced by the Run-side implementation.
export const createStudySlice: StateCreator<LabState, [], [], StudySlice> = (set) => ({
  sweeps: [],
  jobs: [],
  records: [],
  runState: 'idle',
  selectedModelId: null,
  selectModel: (selectedModelId) => set({ selectedModelId }),
  addSweep: (sweep, jobs) => set((s) => ({ sweeps: [...s.sweeps, sweep], jobs: [...s.jobs, ...jobs] })),
  updateJob: (id, patch) => set((s) => ({ jobs: s.jobs.map((j) => (j.id === id ? { ...j, ...patch } : j)) })),
  addRecords: (records) => set((s) => ({ records: [...s.records, ...records] })),
  removeSweep: (id) => set((s) => ({ sweeps: s.sweeps.filter((w) => w.id !== id) })),
  setRunState: (runState) => set({ runState }),
});
