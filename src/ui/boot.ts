import {
  browserStorage,
  createLabStore,
  loadPrefs,
  startPrefsSync,
  startUrlSync,
  type LabStore,
} from '../store';
import { chartStylesheet } from './charts/theme';

const CHART_STYLE_ID = 'dslab-chart-theme';

/** The chart palette as CSS variables, once per document. */
export function injectChartStyles(doc: Document = document): void {
  if (doc.getElementById(CHART_STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = CHART_STYLE_ID;
  style.textContent = chartStylesheet();
  doc.head.appendChild(style);
}

/**
 * Starts the lab: prefs from localStorage (theme falls back to the OS setting), the set-up from the
 * URL hash (bad values become messages), and both kept in sync from then on.
 */
export function bootLab(win: Window = window): { store: LabStore; stop: () => void } {
  const storage = browserStorage();
  const prefersDark = win.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const store = createLabStore(loadPrefs(storage, prefersDark));
  const stopPrefs = startPrefsSync(store, storage);
  const stopUrl = startUrlSync(store, win);
  injectChartStyles(win.document);
  return {
    store,
    stop: () => {
      stopPrefs();
      stopUrl();
    },
  };
}
