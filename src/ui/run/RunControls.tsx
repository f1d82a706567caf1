import { useEffect } from 'react';
import { useLab } from '../../store';
import type { BackendChoice } from '../../worker/api';
import type { Runner } from './runner';

const BACKENDS: { value: BackendChoice; label: string }[] = [
  { value: 'auto', label: 'auto (fastest found)' },
  { value: 'webgpu', label: 'WebGPU' },
  { value: 'webgl', label: 'WebGL' },
  { value: 'wasm', label: 'WebAssembly' },
  { value: 'cpu', label: 'CPU (plain JS)' },
];

/** Alt+letter, so typing in a field never starts or stops a study. */
const SHORTCUTS = { run: 'r', pause: 'p', step: 's', stop: 'x' } as const;
type Action = keyof typeof SHORTCUTS;

const isTyping = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement &&
  (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');

function useShortcuts(act: (a: Action) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const key = e.code.startsWith('Key') ? e.code.slice(3).toLowerCase() : e.key.toLowerCase();
      const action = (Object.keys(SHORTCUTS) as Action[]).find((a) => SHORTCUTS[a] === key);
      if (!action) return;
      e.preventDefault();
      act(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act]);
}

/** Backend menu and the Playground-style Run / Pause / Step / Stop buttons. */
export function RunControls({ runner }: { runner: Runner }) {
  const runState = useLab((s) => s.runState);
  const backend = useLab((s) => s.backend);
  const setBackend = useLab((s) => s.setBackend);
  const inFlight = useLab((s) => s.jobs.some((j) => j.status === 'running'));
  const running = runState === 'running';
  const enabled: Record<Action, boolean> = {
    run: !running,
    pause: running,
    step: !running,
    stop: running || inFlight,
  };
  useShortcuts((a) => {
    if (enabled[a]) runner[a]();
  });
  const button = (a: Action, label: string, title: string, primary = false) => (
    <button
      type="button"
      className={`button${primary ? ' button-primary' : ''}`}
      disabled={!enabled[a]}
      onClick={() => runner[a]()}
      title={`${title} (Alt+${SHORTCUTS[a].toUpperCase()})`}
      aria-keyshortcuts={`Alt+${SHORTCUTS[a].toUpperCase()}`}
    >
      {label}
    </button>
  );
  return (
    <div className="run-controls">
      <label className="field">
        <span className="field-label">Backend</span>
        <select
          aria-label="Backend"
          value={backend}
          disabled={running}
          onChange={(e) => setBackend(e.target.value as BackendChoice)}
        >
          {BACKENDS.map((b) => (
            <option key={b.value} value={b.value}>
              {b.label}
            </option>
          ))}
        </select>
      </label>
      <div className="run-buttons" role="group" aria-label="Run controls">
        {button('run', 'Run', 'Train the queued models, or sample a new sweep when none wait', true)}
        {button('pause', 'Pause', 'Start no more models; the ones training finish')}
        {button('step', 'Step', 'Train exactly one more model, then pause')}
        {button('stop', 'Stop', 'Cancel the models in training; queued ones stay queued')}
      </div>
      <span className="run-state" aria-live="polite">
        {runState === 'running' ? 'running' : runState === 'paused' ? 'paused' : 'idle'}
      </span>
    </div>
  );
}
