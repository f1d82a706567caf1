import {
  browserStorage,
  createLabStore,
  loadPrefs,
  startPrefsSync,
  startUrlSync,
  type LabStore,
} from '../store';
import { labDb, saveWeights, startPersistence } from '../store/persist';
import { resumeNote } from '../store/persist-rows';
import { chartStylesheet } from './charts/theme';
import { appBaseUrl } from './data/base-url';
import { attachRunner } from './run/runner-registry';
import type { Runner } from './run/runner';

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
  // The built-in data is served from public/ at the app's base URL, wherever the app is deployed.
  store.getState().setBuiltinBaseUrl(appBaseUrl(win.location.href));
  const stopPrefs = startPrefsSync(store, storage);
  const stopUrl = startUrlSync(store, win);
  injectChartStyles(win.document);
  const runner = attachRunner(store, {
    baseUrl: appBaseUrl(win.location.href),
    saveWeights: async (id, weights) => saveWeights(await labDb(), id, weights),
  });
  let stopPersist = () => {};
  // No IndexedDB at all (tests, some embedded views): the lab works in memory without a word.
  if (win.indexedDB) void restoreAndResume(store, runner).then((stop) => (stopPersist = stop));
  return {
    store,
    stop: () => {
      stopPrefs();
      stopUrl();
      stopPersist();
      runner.dispose();
    },
  };
}

/**
 * Puts back the study IndexedDB holds and resumes an interrupted sweep unless the user had paused it.
 * A broken or refused database leaves a warning and an in-memory lab.
 */
async function restoreAndResume(store: LabStore, runner: Runner): Promise<() => void> {
  try {
    const { restored, stop } = await startPersistence(store, await labDb());
    const s = store.getState();
    if (s.jobs.some((j) => j.status === 'queued')) {
      if (restored.runState === 'paused') s.setRunState('paused');
      else if (restored.runState === 'running') {
        const note = resumeNote(restored);
        if (note) s.pushMessage('info', note);
        runner.run();
      }
    }
    return stop;
  } catch (e) {
    store
      .getState()
      .pushMessage(
        'warning',
        `Saved results could not be loaded from IndexedDB (${e instanceof Error ? e.message : String(e)}); ` +
          'results stay in this tab only: export them before closing it.',
      );
    return () => {};
  }
}
