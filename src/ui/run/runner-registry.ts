import type { LabStore } from '../../store/store';
import { createRunner, type Runner, type RunnerOptions } from './runner';

/**
 * One runner per lab store. The app attaches its runner at boot (with persistence); a Run panel
 * rendered without one (a test, a story) gets a default runner on first use.
 */
const runners = new WeakMap<LabStore, Runner>();

export function attachRunner(store: LabStore, options: RunnerOptions = {}): Runner {
  runners.get(store)?.dispose();
  const runner = createRunner(store, options);
  runners.set(store, runner);
  return runner;
}

export function runnerFor(store: LabStore): Runner {
  return runners.get(store) ?? attachRunner(store);
}
