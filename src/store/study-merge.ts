import type { JobRow } from './study-types';

/**
 * Items of `added` replace items of `current` with the same id (at the old position); new ids go last.
 * One rule for imports, runs and restores: the later copy of an id wins.
 */
export function upsertById<T extends { id: string }>(current: readonly T[], added: readonly T[]): T[] {
  if (!added.length) return current as T[];
  const byId = new Map(added.map((a) => [a.id, a]));
  const out = current.map((c) => {
    const next = byId.get(c.id);
    if (next === undefined) return c;
    byId.delete(c.id);
    return next;
  });
  return [...out, ...byId.values()];
}

/** Saved items first, then the ones already in memory; an id in both keeps the in-memory item. */
export function mergeSaved<T extends { id: string }>(saved: readonly T[], current: readonly T[]): T[] {
  const known = new Set(current.map((c) => c.id));
  return [...saved.filter((s) => !known.has(s.id)), ...current];
}

/**
 * Jobs as a reload finds them: a model that was training when the page went away starts again from
 * scratch (its progress died with the worker), so it goes back to the queue.
 */
export function requeueInterrupted(jobs: readonly JobRow[]): JobRow[] {
  return jobs.map((j) =>
    j.status === 'running'
      ? { ...j, status: 'queued', progress: 0, epoch: null, loss: null, imagesPerSec: null }
      : j,
  );
}
