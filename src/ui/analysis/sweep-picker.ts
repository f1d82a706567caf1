import type { SweepGroup } from './sweeps';

/** The picked sweep if it still has finished models, else the latest sweep that has some. */
export function pickGroup(groups: readonly SweepGroup[], pickedId: string | null): SweepGroup | undefined {
  const withModels = groups.filter((g) => g.done.length > 0);
  const picked = withModels.find((g) => g.sweep.id === pickedId);
  if (picked) return picked;
  // Latest by creation time; legend order puts children after parents, not necessarily last.
  return [...withModels].sort((a, b) => a.sweep.createdAt.localeCompare(b.sweep.createdAt)).at(-1);
}
