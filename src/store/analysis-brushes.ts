import { constraintKey, constraintProblems, parseConstraint, rangeConstraint } from '../space/constraints';
import type { DesignSpace } from '../space/design-space';
import { paramSpecs } from './analysis-params';
import { roundOutward } from './analysis-round';

/** What applying the brushes to a space would do. */
export interface BrushPlan {
  /** Range constraint keys to add, one per valid brush (ends rounded outward to the grid). */
  add: { param: string; key: string }[];
  /** Existing range keys on a brushed parameter: a new brush replaces the old range. */
  remove: string[];
  /** One line per brush that cannot become a constraint of the space, saying why. */
  problems: string[];
}

function rangeParamOf(key: string): string | undefined {
  try {
    const c = parseConstraint(key);
    return c.kind === 'range' ? c.param : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns brushed x-ranges into range constraints of `space`: each end is widened to the parameter's
 * grid (integers for d, multiples of 8 for w, the allowed b/g values, 3 significant digits for
 * flops/params/acts) and checked with constraintProblems before anything changes.
 */
export function planBrushes(
  space: DesignSpace,
  currentKeys: readonly string[],
  brushes: Readonly<Record<string, readonly [number, number]>>,
): BrushPlan {
  const specs = new Map(paramSpecs(space).map((s) => [s.key, s]));
  const plan: BrushPlan = { add: [], remove: [], problems: [] };
  for (const [param, range] of Object.entries(brushes)) {
    const spec = specs.get(param);
    if (!spec) {
      plan.problems.push(
        `${param}: ${space.label} has no plotted parameter '${param}'; clear this brush and drag on one of its plots.`,
      );
      continue;
    }
    let lo: number;
    let hi: number;
    try {
      [lo, hi] = roundOutward(range as [number, number], spec.grid);
    } catch (e) {
      plan.problems.push(`${param}: ${(e as Error).message}`);
      continue;
    }
    const c = rangeConstraint(param, lo, hi);
    const problems = constraintProblems(space, c);
    if (problems.length) {
      plan.problems.push(`${param}: ${problems.join(' ')}`);
      continue;
    }
    const key = constraintKey(c);
    plan.add.push({ param, key });
    for (const k of currentKeys) if (k !== key && rangeParamOf(k) === param) plan.remove.push(k);
  }
  return plan;
}
