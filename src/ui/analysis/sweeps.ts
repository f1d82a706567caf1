import type { ResultRecord } from '../../io/results';
import { findSpace } from '../../space/spaces';
import { DEFAULT_SWEEP } from '../../store/settings-slice';
import { baseChoice } from '../../store/space-slice';
import type { Sweep } from '../../store/study-types';

/** A sweep as the analysis panels show it: its place in the legend and its finished models. */
export interface SweepGroup {
  sweep: Sweep;
  /** Position in legend order (parents first, each child right after its parent). */
  order: number;
  /** Nesting depth: 0 for a root sweep, 1 for a child, ... */
  depth: number;
  /** Records of the sweep with status 'done' (they have an error). */
  done: ResultRecord[];
}

/**
 * Records whose sweep is not in state.sweeps (an import without sweep entries) still get a group,
 * on their own space when it is a known one, so nothing finished goes unshown.
 */
function implicitSweeps(sweeps: readonly Sweep[], records: readonly ResultRecord[]): Sweep[] {
  const known = new Set(sweeps.map((s) => s.id));
  const extra = new Map<string, Sweep>();
  for (const r of records) {
    if (known.has(r.sweep) || extra.has(r.sweep)) continue;
    const space = findSpace(r.space) ? baseChoice(r.space) : { baseId: r.space, constraints: [] };
    extra.set(r.sweep, {
      id: r.sweep,
      name: r.sweep,
      space,
      settings: DEFAULT_SWEEP,
      createdAt: r.finishedAt,
      data: r.data.name,
    });
  }
  return [...extra.values()];
}

/** Depth-first order: every root sweep in creation order, each followed by its children. */
function lineageOrder(sweeps: readonly Sweep[]): { sweep: Sweep; depth: number }[] {
  const ids = new Set(sweeps.map((s) => s.id));
  const children = new Map<string, Sweep[]>();
  const roots: Sweep[] = [];
  for (const s of sweeps) {
    if (s.parentId && s.parentId !== s.id && ids.has(s.parentId)) {
      children.set(s.parentId, [...(children.get(s.parentId) ?? []), s]);
    } else roots.push(s);
  }
  const out: { sweep: Sweep; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (s: Sweep, depth: number) => {
    if (seen.has(s.id)) return; // a parent cycle in hand-edited data must not loop forever
    seen.add(s.id);
    out.push({ sweep: s, depth });
    for (const c of children.get(s.id) ?? []) visit(c, depth + 1);
  };
  roots.forEach((s) => visit(s, 0));
  sweeps.forEach((s) => visit(s, 0));
  return out;
}

/** Every sweep with its finished models, in legend order. */
export function sweepGroups(sweeps: readonly Sweep[], records: readonly ResultRecord[]): SweepGroup[] {
  const all = [...sweeps, ...implicitSweeps(sweeps, records)];
  const done = new Map<string, ResultRecord[]>();
  for (const r of records) {
    if (r.status !== 'done' || r.error === null || !Number.isFinite(r.error)) continue;
    done.set(r.sweep, [...(done.get(r.sweep) ?? []), r]);
  }
  return lineageOrder(all).map(({ sweep, depth }, order) => ({
    sweep,
    order,
    depth,
    done: done.get(sweep.id) ?? [],
  }));
}

/** The legend name: a child sweep is marked as narrowing the one above it. */
export const groupLabel = (g: Pick<SweepGroup, 'sweep' | 'depth'>): string =>
  `${g.depth > 0 ? '↳ ' : ''}${g.sweep.name}`;
