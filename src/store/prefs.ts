import { z } from 'zod';
import { PANEL_IDS, type PanelId, type Theme } from './ui-slice';
import type { LabStore } from './store';
import type { BackendChoice } from '../worker/api';

/** Per-browser preferences (theme, folded panels, backend), kept in localStorage; the set-up lives in the URL. */
export interface UiPrefs {
  theme: Theme;
  collapsed: Partial<Record<PanelId, boolean>>;
  /** The Run panel's backend menu: a property of this device, not of the study. */
  backend: BackendChoice;
}

export const PREFS_KEY = 'dslab.ui.v1';

const prefsSchema = z.object({
  theme: z.enum(['light', 'dark']).optional(),
  collapsed: z.partialRecord(z.enum(PANEL_IDS), z.boolean()).optional(),
  backend: z.enum(['auto', 'webgpu', 'webgl', 'wasm', 'cpu']).optional(),
});

/** Minimal storage interface (localStorage, or a fake in tests). */
export type PrefsStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function browserStorage(): PrefsStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // e.g. storage disabled by the browser's privacy settings
  }
}

/** Saved prefs, ignoring anything unreadable; the theme falls back to the OS preference. */
export function loadPrefs(storage: PrefsStorage | undefined, prefersDark = false): UiPrefs {
  let saved: z.infer<typeof prefsSchema> = {};
  try {
    const parsed = prefsSchema.safeParse(JSON.parse(storage?.getItem(PREFS_KEY) ?? '{}'));
    if (parsed.success) saved = parsed.data;
  } catch {
    // A corrupt entry is as good as none.
  }
  return {
    theme: saved.theme ?? (prefersDark ? 'dark' : 'light'),
    collapsed: saved.collapsed ?? {},
    backend: saved.backend ?? 'auto',
  };
}

/** Writes the prefs whenever they change; returns the unsubscribe function. */
export function startPrefsSync(store: LabStore, storage: PrefsStorage | undefined): () => void {
  if (!storage) return () => {};
  return store.subscribe((s, prev) => {
    if (s.theme === prev.theme && s.collapsed === prev.collapsed && s.backend === prev.backend) return;
    try {
      const prefs: UiPrefs = { theme: s.theme, collapsed: s.collapsed, backend: s.backend };
      storage.setItem(PREFS_KEY, JSON.stringify(prefs));
    } catch {
      // Quota or privacy mode: the prefs just do not persist.
    }
  });
}
