import type { SpaceChoice } from './space-slice';
import type { Sweep } from './study-types';

/**
 * The sweep a new space narrows: the latest sweep on the same base space whose constraints are a
 * strict subset of the new ones (a brushed child space's parent). Its EDF is drawn next to the child's.
 */
export function findParentSweep(sweeps: readonly Sweep[], space: SpaceChoice): Sweep | undefined {
  const wanted = new Set(space.constraints);
  for (let i = sweeps.length - 1; i >= 0; i--) {
    const s = sweeps[i];
    if (s.space.baseId !== space.baseId) continue;
    const own = s.space.constraints;
    if (own.length < wanted.size && own.every((k) => wanted.has(k))) return s;
  }
  return undefined;
}
