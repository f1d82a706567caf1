import type { StateCreator } from 'zustand';
import { planBrushes } from './analysis-brushes';
import { resolveSpace } from './space-view';
import type { AnalysisSlice, BrushResult } from './study-types';
import type { LabState } from './types';

export const createAnalysisSlice: StateCreator<LabState, [], [], AnalysisSlice> = (set, get) => ({
  edfNormalized: false,
  setEdfNormalized: (edfNormalized) => set({ edfNormalized }),
  brushes: {},
  setBrush: (param, range) =>
    set((s) => {
      const brushes = { ...s.brushes };
      if (range) brushes[param] = [Math.min(range[0], range[1]), Math.max(range[0], range[1])];
      else delete brushes[param];
      return { brushes };
    }),
  clearBrushes: () => set({ brushes: {} }),
  applyBrushes: (from) => {
    const result: BrushResult = { added: [], problems: [] };
    if (Object.keys(get().brushes).length === 0) {
      result.problems.push('No brushes to apply: drag across an error-vs-parameter plot first.');
      get().pushMessage('info', result.problems[0]);
      return result;
    }
    // Brushes narrow the sweep they were drawn on; on another base space its parameters do not exist.
    if (from && from.baseId !== get().space.baseId) {
      set({ space: { baseId: from.baseId, constraints: [...from.constraints] } });
    }
    const { space: choice, sweep } = get();
    const { space } = resolveSpace(choice, sweep.flops);
    const plan = planBrushes(space, choice.constraints, get().brushes);
    for (const key of plan.remove) get().removeConstraint(key);
    for (const { key } of plan.add) get().addConstraint(key);
    const applied = new Set(plan.add.map((a) => a.param));
    set((s) => ({
      brushes: Object.fromEntries(Object.entries(s.brushes).filter(([param]) => !applied.has(param))),
    }));
    for (const p of plan.problems) get().pushMessage('error', `Cannot apply the brush on ${p}`);
    result.added = plan.add.map((a) => a.key);
    result.problems = plan.problems;
    return result;
  },
});
