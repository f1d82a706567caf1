import { z } from 'zod';
import { PANEL_IDS, type PanelId, type Theme } from './ui-slice';
import type { LabStore } from './store';

/** Per-browser preferences (theme, folded panels), kept in localStorage; the set-up lives in the URL. */
export interface UiPrefs {
  theme: Theme;
  collapsed: Partial<Record<PanelId, boolean>>;
}

export const PREFS_KEY = 'dslab.ui.v1';

const prefsSchema = z.object({
  theme: z.enum(['light', 'dark']).optional(),
  collapsed: z.partialRecord(z.enum(PANEL_IDS), z.boolean()).optional(),
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
  return { theme: saved.theme ?? (prefersDark ? 'dark' : 'light'), collapsed: saved.collapsed ?? {} };
}

/** Writes the prefs whenever they change; returns the unsubscribe function. */
export function startPrefsSync(store: LabStore, storage: PrefsStorage | undefined): () => void {
  if (!storage) return () => {};
  return store.subscribe((s, prev) => {
    if (s.theme === prev.theme && s.collapsed === prev.collapsed) return;
    try {
      storage.setItem(PREFS_KEY, JSON.stringify({ theme: s.theme, collapsed: s.collapsed }));
    } catch {
      // Quota or privacy mode: the prefs just do not persist.
    }
  });
}
