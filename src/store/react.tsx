import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LabStore } from './store';
import type { LabState } from './types';

const LabStoreContext = createContext<LabStore | null>(null);

export function LabProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return <LabStoreContext.Provider value={store}>{children}</LabStoreContext.Provider>;
}

export function useLabStore(): LabStore {
  const store = useContext(LabStoreContext);
  if (!store) throw new Error('useLab() needs a <LabProvider store={...}> around the component tree.');
  return store;
}

/** Reads one piece of lab state; the selector must return a stable value (see memo.ts). */
export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(useLabStore(), selector);
}
