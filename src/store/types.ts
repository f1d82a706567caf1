import type { ExplorerSlice } from './explorer-slice';
import type { QueueSlice } from './queue-slice';
import type { SettingsSlice } from './settings-slice';
import type { SpaceSlice } from './space-slice';
import type { AnalysisSlice, DataSlice, StudySlice } from './study-types';
import type { UiSlice } from './ui-slice';

/** The whole lab state: one slice per concern (zustand slices pattern). */
export type LabState = SpaceSlice &
  SettingsSlice &
  ExplorerSlice &
  UiSlice &
  QueueSlice &
  StudySlice &
  DataSlice &
  AnalysisSlice;
