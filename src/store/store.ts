import { createStore, type StoreApi } from 'zustand/vanilla';
import { createAnalysisSlice } from './analysis-slice';
import { createDataSlice } from './data-slice';
import { createExplorerSlice } from './explorer-slice';
import { createQueueSlice } from './queue-slice';
import { createSettingsSlice } from './settings-slice';
import { createSpaceSlice } from './space-slice';
import { createStudySlice } from './study-slice';
import type { LabState } from './types';
import { createUiSlice } from './ui-slice';

export type LabStore = StoreApi<LabState>;

/** Initial values a caller may set (prefs from localStorage, a test's set-up). */
export type LabInit = Partial<Pick<LabState, 'theme' | 'collapsed' | 'backend' | 'space' | 'sweep' | 'explorer'>>;

/** A fresh lab store. The app makes one; each test makes its own. */
export function createLabStore(init: LabInit = {}): LabStore {
  const store = createStore<LabState>()((...a) => ({
    ...createSpaceSlice(...a),
    ...createSettingsSlice(...a),
    ...createExplorerSlice(...a),
    ...createUiSlice(...a),
    ...createQueueSlice(...a),
    ...createStudySlice(...a),
    ...createDataSlice(...a),
    ...createAnalysisSlice(...a),
  }));
  store.setState(init);
  return store;
}
