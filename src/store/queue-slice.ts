import type { StateCreator } from 'zustand';
import type { ModelConfigDoc } from '../io/model-config';
import type { LabState } from './types';

/** Configs the user asked to train ("Train this config") wait here until the runner takes them. */
export interface QueueSlice {
  pendingConfigs: ModelConfigDoc[];
  queueConfig: (doc: ModelConfigDoc) => void;
  /** Removes and returns the pending configs (for the runner). */
  takePendingConfigs: () => ModelConfigDoc[];
}

export const createQueueSlice: StateCreator<LabState, [], [], QueueSlice> = (set, get) => ({
  pendingConfigs: [],
  queueConfig: (doc) => set((s) => ({ pendingConfigs: [...s.pendingConfigs, doc] })),
  takePendingConfigs: () => {
    const taken = get().pendingConfigs;
    set({ pendingConfigs: [] });
    return taken;
  },
});
