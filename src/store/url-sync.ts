import type { LabStore } from './store';
import { parseUrlState, serializeUrlState, urlStateOf, type UrlState } from './url-state';

export function applyUrlState(store: LabStore, state: UrlState): void {
  const s = store.getState();
  s.setSpace(state.space);
  s.setSweep(state.sweep);
  s.setExplorer(state.explorer);
}

/** Applies a hash to the store; every rejected or clamped value becomes a visible message. */
export function loadUrlHash(store: LabStore, hash: string): void {
  const { state, messages } = parseUrlState(hash, urlStateOf(store.getState()));
  applyUrlState(store, state);
  for (const m of messages) store.getState().pushMessage('warning', m);
}

type UrlWindow = Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener'>;

/**
 * Two-way binding between the store and the address bar: reads the hash now and on every
 * hashchange (a pasted link), and writes the set-up back with replaceState, debounced so dragging a
 * slider does not flood the history API. Returns a function that stops it.
 */
export function startUrlSync(store: LabStore, win: UrlWindow = window, delayMs = 250): () => void {
  loadUrlHash(store, win.location.hash);
  const write = () => {
    timer = undefined;
    const hash = `#${serializeUrlState(urlStateOf(store.getState()))}`;
    if (win.location.hash !== hash) win.history.replaceState(win.history.state, '', hash);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  write();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.space === prev.space && s.sweep === prev.sweep && s.explorer === prev.explorer) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });
  const onHashChange = () => loadUrlHash(store, win.location.hash);
  win.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
    win.removeEventListener('hashchange', onHashChange);
  };
}
