import type { StateCreator } from 'zustand';
import type { ModelConfigDoc } from '../io/model-config';
import type { LabState } from './types';

/**
 * The hand-off to the Run panel (a later task): configs the user asked to train ("Train this
 * config") wait here until the runner takes them, and the runner reports its measured speed here
 * so the study-time estimate can switch from an assumption to a measurement.
 */
export interface Throughput {
  imagesPerSecond: number;
  /** Where the number comes from, shown next to the estimate, e.g. "measured on 4 models (webgpu)". */
  basis: string;
}

export interface QueueSlice {
  pendingConfigs: ModelConfigDoc[];
  queueConfig: (doc: ModelConfigDoc) => void;
  /** Removes and returns the pending configs (for the runner). */
  takePendingConfigs: () => ModelConfigDoc[];
  measuredThroughput: Throughput | null;
  setMeasuredThroughput: (t: Throughput | null) => void;
}

export const createQueueSlice: StateCreator<LabState, [], [], QueueSlice> = (set, get) => ({
  pendingConfigs: [],
  queueConfig: (doc) => set((s) => ({ pendingConfigs: [...s.pendingConfigs, doc] })),
  takePendingConfigs: () => {
    const taken = get().pendingConfigs;
    set({ pendingConfigs: [] });
    return taken;
  },
  measuredThroughput: null,
  setMeasuredThroughput: (measuredThroughput) => set({ measuredThroughput }),
});
