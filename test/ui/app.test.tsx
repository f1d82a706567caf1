// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PREFS_KEY } from '../../src/store';
import { App } from '../../src/ui/App';
import { bootLab } from '../../src/ui/boot';

let stop: (() => void) | undefined;

/** The page's fetches answered from public/, as the dev server would (the built-in data preview). */
async function servePublic(input: RequestInfo | URL): Promise<Response> {
  const path = new URL(String(input instanceof Request ? input.url : input)).pathname;
  try {
    return new Response(await readFile(new URL(`../../public${path}`, import.meta.url)));
  } catch {
    return new Response(null, { status: 404, statusText: `not in public/: ${path}` });
  }
}

beforeEach(() => {
  vi.stubGlobal('fetch', servePublic);
  localStorage.clear();
  window.history.replaceState(null, '', '/');
  document.documentElement.className = '';
});

afterEach(() => {
  vi.unstubAllGlobals();
  cleanup();
  stop?.();
  stop = undefined;
});

function boot(hash = '') {
  window.history.replaceState(null, '', `/${hash}`);
  const lab = bootLab(window);
  stop = lab.stop;
  render(<App store={lab.store} />);
  return lab.store;
}

describe('app shell', () => {
  it('renders every panel with its label', () => {
    boot();
    for (const title of [
      'Design space',
      'Run',
      'EDF',
      'Complexity vs time',
      'Error vs parameter',
      'RegNet explorer',
      'Model detail',
      'Data',
    ]) {
      expect(screen.getByRole('region', { name: title })).toBeTruthy();
    }
    expect(screen.queryAllByText('Not built yet')).toHaveLength(0);
  });

  it('a malformed URL shows a message naming the parameter and the app still renders', () => {
    const store = boot('#w0=abc&space=anynetx_q&n=5000');
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent ?? '');
    expect(alerts.some((t) => /w0 \(initial width\) = 'abc' is not a whole number in 1–1024/.test(t))).toBe(
      true,
    );
    expect(alerts.some((t) => /space = 'anynetx_q' is not one of/.test(t))).toBe(true);
    expect(
      alerts.some((t) => /n \(models\) = 5000 is outside the allowed range 1–1000; using 1000/.test(t)),
    ).toBe(true);
    expect(store.getState().sweep.n).toBe(1000);
    expect(screen.getByRole('table', { name: 'stages' })).toBeTruthy();
    // The address bar now holds the clamped, normalized set-up.
    expect(window.location.hash).toMatch(/n=1000/);
    expect(window.location.hash).toMatch(/w0=24/);
    fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss message' })[0]);
    expect(screen.getAllByRole('alert')).toHaveLength(2);
  });

  it('a link reproduces the set-up', () => {
    const store = boot('#space=anynetx_a&c=shared-b&seed=42&d=22&w0=24&wa=24.48&wm=2.54&g=16');
    expect(store.getState().space.constraints).toEqual(['shared-b']);
    expect(store.getState().sweep.seed).toBe(42);
    expect(screen.getByTestId('space-label').textContent).toBe('AnyNetX_B');
    expect((screen.getByRole('combobox', { name: 'preset' }) as HTMLSelectElement).value).toBe(
      'RegNetX-400MF',
    );
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
  });

  it('the theme toggle switches the root class and persists', () => {
    boot();
    fireEvent.click(screen.getByRole('button', { name: 'Switch to dark theme' }));
    expect(document.documentElement.classList.contains('theme-dark')).toBe(true);
    expect(JSON.parse(localStorage.getItem(PREFS_KEY)!).theme).toBe('dark');
    expect(document.getElementById('dslab-chart-theme')?.textContent).toContain('.theme-dark');
    fireEvent.click(screen.getByRole('button', { name: 'Switch to light theme' }));
    expect(document.documentElement.classList.contains('theme-light')).toBe(true);
  });

  it('panels fold and unfold', () => {
    boot();
    const toggle = screen.getByRole('button', { name: 'EDF' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'EDF' }).getAttribute('aria-expanded')).toBe('false');
    expect(JSON.parse(localStorage.getItem(PREFS_KEY)!).collapsed).toEqual({ edf: true });
  });
});
