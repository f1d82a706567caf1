import type { StateCreator } from 'zustand';
import { mergeSaved, requeueInterrupted, upsertById } from './study-merge';
import type { StudySlice } from './study-types';
import type { LabState } from './types';

/** Sweeps, their queue rows and finished records; the runner (src/ui/run/runner.ts) drives it. */
export const createStudySlice: StateCreator<LabState, [], [], StudySlice> = (set) => ({
  sweeps: [],
  jobs: [],
  records: [],
  runState: 'idle',
  selectedModelId: null,
  backend: 'auto',
  selectModel: (selectedModelId) => set({ selectedModelId }),
  addSweep: (sweep, jobs) =>
    set((s) => ({ sweeps: upsertById(s.sweeps, [sweep]), jobs: upsertById(s.jobs, jobs) })),
  updateJob: (id, patch) =>
    set((s) => {
      const i = s.jobs.findIndex((j) => j.id === id);
      if (i < 0) return s;
      const jobs = s.jobs.slice();
      jobs[i] = { ...jobs[i], ...patch };
      return { jobs };
    }),
  addRecords: (records, sweeps = []) =>
    set((s) => ({ records: upsertById(s.records, records), sweeps: upsertById(s.sweeps, sweeps) })),
  removeSweep: (id) =>
    set((s) => ({
      sweeps: s.sweeps.filter((w) => w.id !== id),
      jobs: s.jobs.filter((j) => j.sweepId !== id),
      records: s.records.filter((r) => r.sweep !== id),
    })),
  setRunState: (runState) => set({ runState }),
  setBackend: (backend) => set({ backend }),
  restoreStudy: (saved) =>
    set((s) => ({
      sweeps: mergeSaved(saved.sweeps, s.sweeps),
      jobs: mergeSaved(requeueInterrupted(saved.jobs), s.jobs),
      records: mergeSaved(saved.records, s.records),
    })),
  clearResults: () => set({ sweeps: [], jobs: [], records: [], selectedModelId: null, runState: 'idle' }),
});
