import type { StateCreator } from 'zustand';
import type { DataChoice, DataSlice } from './study-types';
import type { LabState } from './types';

/** Shown in the Data panel and stored in every record trained on the built-in set. */
export const BUILTIN_DATA_NAME = 'Fashion-MNIST (built-in 12k/2k)';

/**
 * The built-in Fashion-MNIST subset served at `baseUrl` (the app's base URL; '' resolves against the page, which
 * is what tests and Node use).
 */
export function builtinData(baseUrl = ''): DataChoice {
  return {
    name: BUILTIN_DATA_NAME,
    source: { kind: 'builtin', baseUrl },
    resolution: 28,
    channels: 1,
    classes: 10,
  };
}

/** The built-in data at base URL ''. */
export const BUILTIN_DATA: DataChoice = builtinData();

/** Throws a clear Error when a choice cannot be trained on (the runner builds models from these numbers). */
export function checkDataChoice(data: DataChoice): void {
  if (!data.name.trim()) throw new Error('Data choice: the name is empty; give the data set a name');
  for (const key of ['resolution', 'channels', 'classes'] as const) {
    if (!Number.isInteger(data[key]) || data[key] < 1) {
      throw new Error(`Data choice ${data.name}: ${key} must be a whole number ≥ 1, got ${data[key]}`);
    }
  }
  if (data.source.kind !== 'dataset') return;
  const ds = data.source.dataset;
  if (ds.height !== data.resolution || ds.width !== data.resolution || ds.channels !== data.channels) {
    throw new Error(
      `Data choice ${data.name}: the data set holds ${ds.height}×${ds.width}×${ds.channels} images but the ` +
        `choice says ${data.resolution}×${data.resolution}×${data.channels}; use the data set's own shape`,
    );
  }
  if (ds.classes !== data.classes) {
    throw new Error(
      `Data choice ${data.name}: the data set has ${ds.classes} classes but the choice says ${data.classes}`,
    );
  }
}

export const createDataSlice: StateCreator<LabState, [], [], DataSlice> = (set) => ({
  data: BUILTIN_DATA,
  builtinBaseUrl: '',
  setData: (data) => {
    checkDataChoice(data);
    set({ data });
  },
  resetData: () => set((s) => ({ data: builtinData(s.builtinBaseUrl) })),
  setBuiltinBaseUrl: (baseUrl) =>
    set((s) => ({
      builtinBaseUrl: baseUrl,
      data: s.data.source.kind === 'builtin' ? builtinData(baseUrl) : s.data,
    })),
});
