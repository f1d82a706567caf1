import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ASSUMED_IMAGES_PER_SECOND,
  createLabStore,
  estimateStudy,
  loadPrefs,
  PREFS_KEY,
  startPrefsSync,
  startUrlSync,
} from '../../src/store';

describe('estimateStudy', () => {
  it('is n × epochs × trainSize / images per second, with the assumption named', () => {
    const est = estimateStudy({ n: 16, epochs: 3, trainSize: 12_000 }, null);
    expect(est.images).toBe(576_000);
    expect(est.seconds).toBe(576_000 / ASSUMED_IMAGES_PER_SECOND);
    expect(est.measured).toBe(false);
    expect(est.basis).toMatch(/assumed/);
  });

  it('uses a measured speed when the runner reports one', () => {
    const est = estimateStudy(
      { n: 2, epochs: 1, trainSize: 1000 },
      { imagesPerSecond: 500, basis: 'measured on 2 models' },
    );
    expect(est.seconds).toBe(4);
    expect(est.measured).toBe(true);
    expect(est.basis).toBe('measured on 2 models');
  });
});

const memoryStorage = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
};

describe('prefs', () => {
  it('follows the OS theme when nothing is saved, and ignores corrupt entries', () => {
    expect(loadPrefs(undefined, true)).toEqual({ theme: 'dark', collapsed: {}, backend: 'auto' });
    expect(loadPrefs(memoryStorage({ [PREFS_KEY]: '{not json' }), false)).toEqual({
      theme: 'light',
      collapsed: {},
      backend: 'auto',
    });
    expect(loadPrefs(memoryStorage({ [PREFS_KEY]: '{"theme":"purple"}' }), false)).toEqual({
      theme: 'light',
      collapsed: {},
      backend: 'auto',
    });
    expect(loadPrefs(memoryStorage({ [PREFS_KEY]: '{"backend":"tpu"}' }), false).backend).toBe('auto');
  });

  it('saves theme, folded panels and the backend choice and reads them back', () => {
    const storage = memoryStorage();
    const store = createLabStore();
    const stop = startPrefsSync(store, storage);
    store.getState().setTheme('dark');
    store.getState().togglePanel('run');
    store.getState().setBackend('wasm');
    stop();
    const prefs = loadPrefs(storage, false);
    expect(prefs).toEqual({ theme: 'dark', collapsed: { run: true }, backend: 'wasm' });
    // A reload starts the store from them.
    expect(createLabStore(prefs).getState().backend).toBe('wasm');
  });
});

describe('startUrlSync', () => {
  afterEach(() => vi.useRealTimers());

  const fakeWindow = (hash: string) => {
    const listeners = new Map<string, () => void>();
    const win = {
      location: { hash },
      history: {
        state: null,
        replaceState: vi.fn((_s: unknown, _t: string, url: string) => {
          win.location.hash = url;
        }),
      },
      addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
      removeEventListener: (type: string) => listeners.delete(type),
    };
    return { win, listeners };
  };

  it('applies the hash, reports bad values, and writes the set-up back debounced', () => {
    vi.useFakeTimers();
    const { win, listeners } = fakeWindow('#w0=32&wm=nine&space=anynetx_b');
    const store = createLabStore();
    const stop = startUrlSync(store, win as unknown as Window, 200);
    expect(store.getState().explorer.params.w0).toBe(32);
    expect(store.getState().space.baseId).toBe('anynetx_b');
    expect(store.getState().messages.map((m) => m.text)).toEqual([
      "URL parameter wm (width multiplier) = 'nine' is not a number in 1–4; keeping 2.49.",
    ]);
    // The normalized set-up is written at once.
    expect(win.location.hash).toMatch(/^#space=anynetx_b&c=shared-b&.*w0=32/);
    const calls = win.history.replaceState.mock.calls.length;

    store.getState().setExplorerParam('w0', 40);
    store.getState().setExplorerParam('w0', 48);
    expect(win.history.replaceState.mock.calls.length).toBe(calls);
    vi.advanceTimersByTime(250);
    expect(win.history.replaceState.mock.calls.length).toBe(calls + 1);
    expect(win.location.hash).toMatch(/w0=48/);

    // A pasted link (hashchange) is applied.
    win.location.hash = '#n=4';
    listeners.get('hashchange')!();
    expect(store.getState().sweep.n).toBe(4);
    stop();
    expect(listeners.size).toBe(0);
  });
});
