/** The lab's state: zustand slices, derived views, URL state and persistence. */
export { createLabStore, type LabInit, type LabStore } from './store';
export type { LabState } from './types';
export { LabProvider, useLab, useLabStore } from './react';
export { DEFAULT_EXPLORER, type ExplorerInputs } from './explorer-slice';
export {
  BAND_PRESETS,
  DEFAULT_SWEEP,
  findBandPreset,
  type BandPreset,
  type SweepSettings,
} from './settings-slice';
export { baseChoice, DEFAULT_SPACE_ID, type SpaceChoice } from './space-slice';
export { PANEL_IDS, type Message, type MessageLevel, type PanelId, type Theme } from './ui-slice';
export {
  selectExplorerView,
  deriveExplorerView,
  type ExplorerView,
  type ExplorerWarning,
  type StageRow,
} from './explorer-view';
export { selectSpaceView, resolveSpace, type SpaceView } from './space-view';
export {
  estimateStudy,
  selectMeasuredThroughput,
  ASSUMED_IMAGES_PER_SECOND,
  type StudyEstimate,
  type Throughput,
} from './study-estimate';
export { parseUrlState, serializeUrlState, urlStateOf, URL_NUMBERS, type UrlState } from './url-state';
export { startUrlSync, loadUrlHash, applyUrlState } from './url-sync';
export { loadPrefs, startPrefsSync, browserStorage, PREFS_KEY } from './prefs';
export { SHAPES, SHAPE_KEYS, SHAPE_LABELS, SHAPE_SHORT, type ShapeKey } from './shapes';
export type {
  AnalysisSlice,
  BrushResult,
  DataChoice,
  DataSlice,
  JobRow,
  JobStatus,
  RunState,
  StudySlice,
  Sweep,
} from './study-types';
export { findParentSweep } from './sweep-lineage';
export { paramSpecs, type Grid, type ParamSpec } from './analysis-params';
export { roundOutward } from './analysis-round';
export { planBrushes, type BrushPlan } from './analysis-brushes';
export { BUILTIN_DATA, BUILTIN_DATA_NAME, builtinData, checkDataChoice } from './data-slice';
