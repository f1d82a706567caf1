import type { Rounding } from './compat';
import type { Complexity } from './complexity';
import {
  ANYNET_PARAMS,
  COMPLEXITY_METRICS,
  rangeParams,
  stageKeys,
  type AnyNetParam,
  type ComplexityBand,
  type ComplexityMetric,
  type DesignSpace,
} from './design-space';
import { formatEngineering } from './format';
import { generateRegNet, type RegNetParams } from './regnet';

/**
 * Constraints are plain serializable values. The same objects drive the sampler, the size
 * counters, the CLI and the UI (chips and brushes). They are checked on a model's design record,
 * which holds the RESOLVED (post-compatibility) values: what users see and train.
 */
export type Constraint =
  /** One value of b (or g) for all stages. */
  | { kind: 'shared'; param: 'b' | 'g' }
  /** w_{i+1} >= w_i (or d_{i+1} >= d_i). */
  | { kind: 'increasing'; param: 'w' | 'd' }
  /** RegNet: quantization gives exactly `stages` stages and skips none (pycls check_regnet_constraints). */
  | { kind: 'quantized-linear'; stages: number }
  /** lo <= value <= hi, on a design key, a bare AnyNet family (every stage) or a complexity metric. */
  | { kind: 'range'; param: string; lo: number; hi: number };

export const SHARED_B: Constraint = { kind: 'shared', param: 'b' };
export const SHARED_G: Constraint = { kind: 'shared', param: 'g' };
export const INCREASING_W: Constraint = { kind: 'increasing', param: 'w' };
export const INCREASING_D: Constraint = { kind: 'increasing', param: 'd' };
export const quantizedLinear = (stages = 4): Constraint => ({ kind: 'quantized-linear', stages });
export const rangeConstraint = (param: string, lo: number, hi: number): Constraint => ({
  kind: 'range',
  param,
  lo,
  hi,
});

/** The facts about a model that constraints look at (a SampledModel has them all). */
export interface ModelFacts {
  design: Record<string, number>;
  complexity: Complexity;
  regnet?: RegNetParams;
  rounding?: Rounding;
}

const isMetric = (param: string): param is ComplexityMetric =>
  (COMPLEXITY_METRICS as readonly string[]).includes(param);

/**
 * A short stable text for a constraint; parseConstraint reads it back. Used as an identity
 * (no two different constraints share a key), in URLs and on the command line.
 */
export function constraintKey(c: Constraint): string {
  switch (c.kind) {
    case 'shared':
      return `shared-${c.param}`;
    case 'increasing':
      return `increasing-${c.param}`;
    case 'quantized-linear':
      return `quantized-linear-${c.stages}`;
    case 'range':
      return `${c.param}=${c.lo}..${c.hi}`;
  }
}

const RANGE_TEXT = /^([a-z][a-z0-9]*)=(.+?)\.\.(.+)$/;

/** Reads a constraint written as constraintKey writes it: shared-b, increasing-w, quantized-linear-4, w1=64..256. */
export function parseConstraint(text: string): Constraint {
  const t = text.trim().toLowerCase();
  const shared = /^shared-([bg])$/.exec(t);
  if (shared) return { kind: 'shared', param: shared[1] as 'b' | 'g' };
  const increasing = /^increasing-([wd])$/.exec(t);
  if (increasing) return { kind: 'increasing', param: increasing[1] as 'w' | 'd' };
  const ql = /^quantized-linear(?:-(\d+))?$/.exec(t);
  if (ql) return quantizedLinear(ql[1] === undefined ? 4 : Number(ql[1]));
  const range = RANGE_TEXT.exec(t);
  if (range) {
    const [lo, hi] = [Number(range[2]), Number(range[3])];
    if (Number.isFinite(lo) && Number.isFinite(hi)) return rangeConstraint(range[1], lo, hi);
  }
  throw new Error(
    `Cannot read the constraint '${text}'. Write one of: shared-b, shared-g, increasing-w, increasing-d, ` +
      `quantized-linear-4, or a range such as w1=64..256 or flops=360e6..400e6.`,
  );
}

const FAMILY_NAMES: Record<AnyNetParam, string> = { d: 'depths', w: 'widths', b: 'b', g: 'g' };

/** Human label, e.g. for a UI chip: "shared b", "increasing widths", "64 ≤ w1 ≤ 256", "360e6 ≤ flops ≤ 400e6". */
export function constraintLabel(c: Constraint): string {
  switch (c.kind) {
    case 'shared':
      return `shared ${c.param}`;
    case 'increasing':
      return `increasing ${FAMILY_NAMES[c.param]}`;
    case 'quantized-linear':
      return `quantized linear, ${c.stages} stages`;
    case 'range': {
      const every = (ANYNET_PARAMS as readonly string[]).includes(c.param) ? ' (every stage)' : '';
      return `${formatEngineering(c.lo)} ≤ ${c.param} ≤ ${formatEngineering(c.hi)}${every}`;
    }
  }
}

export const sameConstraint = (a: Constraint, b: Constraint): boolean =>
  constraintKey(a) === constraintKey(b);

/** What is wrong with using constraint c in the space, in words (empty when it applies). */
export function constraintProblems(space: DesignSpace, c: Constraint): string[] {
  const anynetOnly = (what: string) =>
    space.kind === 'anynet'
      ? []
      : [
          `'${what}' applies to AnyNet spaces only; ${space.label} is a RegNet space (b, g shared by construction).`,
        ];
  switch (c.kind) {
    case 'shared':
      if (c.param !== 'b' && c.param !== 'g') return [`Only b and g can be shared (got '${c.param}').`];
      return anynetOnly(constraintLabel(c));
    case 'increasing':
      if (c.param !== 'w' && c.param !== 'd') return [`Only w and d can be increasing (got '${c.param}').`];
      return anynetOnly(constraintLabel(c));
    case 'quantized-linear':
      if (space.kind !== 'regnet') {
        return [
          `'quantized linear' applies to RegNet spaces only; use regnetx or regnety instead of ${space.id}.`,
        ];
      }
      return Number.isInteger(c.stages) && c.stages >= 1
        ? []
        : [`The wanted stage count must be a positive integer (got ${c.stages}).`];
    case 'range': {
      const problems: string[] = [];
      const allowed = rangeParams(space);
      if (!allowed.includes(c.param)) {
        problems.push(
          `${space.label} has no parameter '${c.param}'; range constraints may use ${allowed.join(', ')}.`,
        );
      }
      if (!Number.isFinite(c.lo) || !Number.isFinite(c.hi)) {
        problems.push(`The range on ${c.param} needs finite ends (got ${c.lo}..${c.hi}).`);
      } else if (c.lo > c.hi) {
        problems.push(`The range on ${c.param} has lo ${c.lo} > hi ${c.hi}; swap the two ends.`);
      }
      return problems;
    }
    default:
      return [`Unknown constraint kind '${(c as { kind: unknown }).kind}'.`];
  }
}

export function assertConstraint(space: DesignSpace, c: Constraint): void {
  const problems = constraintProblems(space, c);
  if (problems.length) throw new Error(`Invalid constraint ${constraintKey(c)}: ${problems.join(' ')}`);
}

/** The design keys a range constraint reads (a bare AnyNet family reads every stage). */
export function rangeKeys(space: DesignSpace, param: string): string[] {
  if (space.kind === 'anynet' && (ANYNET_PARAMS as readonly string[]).includes(param)) {
    return stageKeys(space, param as AnyNetParam);
  }
  return [param];
}

const allEqual = (xs: number[]): boolean => xs.every((x) => x === xs[0]);
const nondecreasing = (xs: number[]): boolean => xs.every((x, i) => i === 0 || x >= xs[i - 1]);

/** Does the constraint hold for a design record alone? Complexity ranges and quantized-linear are not decided here (undefined). */
export function designConstraintHolds(
  space: DesignSpace,
  c: Constraint,
  design: Record<string, number>,
): boolean | undefined {
  switch (c.kind) {
    case 'shared':
      return space.kind === 'anynet' ? allEqual(stageKeys(space, c.param).map((k) => design[k])) : true;
    case 'increasing':
      return space.kind === 'anynet' ? nondecreasing(stageKeys(space, c.param).map((k) => design[k])) : true;
    case 'quantized-linear':
      return undefined;
    case 'range':
      if (isMetric(c.param)) return undefined;
      return rangeKeys(space, c.param).every((k) => design[k] >= c.lo && design[k] <= c.hi);
  }
}

/** Does the constraint hold for the model? */
export function constraintHolds(space: DesignSpace, c: Constraint, model: ModelFacts): boolean {
  if (c.kind === 'range' && isMetric(c.param)) {
    const v = model.complexity[c.param];
    return v >= c.lo && v <= c.hi;
  }
  if (c.kind === 'quantized-linear') {
    if (!model.regnet) return false;
    const gen = generateRegNet(model.regnet, model.rounding ?? 'pycls');
    return gen.numStages === gen.totalStages && gen.numStages === c.stages;
  }
  return designConstraintHolds(space, c, model.design) ?? false;
}

/** The constraints of the space that the model violates (empty = the model belongs to the space). */
export const violatedConstraints = (space: DesignSpace, model: ModelFacts): Constraint[] =>
  space.constraints.filter((c) => !constraintHolds(space, c, model));

/** The first metric of the band that the complexity falls outside of, or undefined when inside. */
export function bandViolation(band: ComplexityBand, cx: Complexity): ComplexityMetric | undefined {
  return COMPLEXITY_METRICS.find((m) => {
    const range = band[m];
    return range !== undefined && !(cx[m] >= range[0] && cx[m] <= range[1]);
  });
}

export function bandLabel(band: ComplexityBand, metric: ComplexityMetric): string {
  const range = band[metric];
  return range
    ? `${metric} band ${formatEngineering(range[0])}–${formatEngineering(range[1])}`
    : `${metric} band`;
}

/** What is wrong with a complexity band, in words. */
export function bandProblems(band: ComplexityBand): string[] {
  const problems: string[] = [];
  for (const [metric, range] of Object.entries(band)) {
    if (!isMetric(metric)) {
      problems.push(`Unknown band metric '${metric}'; use flops, params or acts.`);
    } else if (
      !Array.isArray(range) ||
      range.length !== 2 ||
      !range.every((x) => typeof x === 'number' && !Number.isNaN(x))
    ) {
      problems.push(`The ${metric} band must be [lo, hi] numbers.`);
    } else if (range[0] > range[1]) {
      problems.push(`The ${metric} band has lo ${range[0]} > hi ${range[1]}; swap the two ends.`);
    }
  }
  return problems;
}
