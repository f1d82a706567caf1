import { bandLabel, constraintLabel, type Constraint } from './constraints';
import {
  ANYNET_PARAMS,
  COMPLEXITY_METRICS,
  REGNET_PARAMS,
  stageKey,
  type AnyNetParam,
  type AnyNetSpace,
  type DesignSpace,
  type RegNetSpace,
} from './design-space';
import { domainValues, type Domain } from './domains';
import { formatPowerOfTen } from './format';

/**
 * Two sizes of a design space, both computed from its domains and constraints:
 *
 * - paperSize: the paper's Table 1 count, the product of domain sizes with a shared parameter counted
 *   once, divided by S! for each increasing constraint (A: (16·128·3·6)^4 ≈ 1.8e18). RegNet spaces are
 *   counted on their paperGrid (the paper's §3.3 ranges; see spaces.ts for the reading).
 * - exactSize: the exact number of points of the design-parameter grid (the sampling domains) that
 *   satisfy the shared, increasing and range constraints; nondecreasing sequences are counted by
 *   dynamic programming, in BigInt.
 *
 * Both count the parameter grid as drawn, before group compatibility. Neither includes the complexity
 * band, complexity range constraints or the RegNet stage-count (quantized linear) rejection: those
 * depend on the network's complexity and generation, not on the grid. `notCounted` lists them.
 */
export interface SpaceSize {
  log10: number;
  /** Two significant digits as a power of ten, e.g. "1.8e18". */
  text: string;
  /** Labels of the constraints and band limits that the count does not include. */
  notCounted: string[];
}

export interface PaperSize extends SpaceSize {
  value: number;
}

export interface ExactSize extends SpaceSize {
  count: bigint;
}

const isMetric = (p: string): boolean => (COMPLEXITY_METRICS as readonly string[]).includes(p);

function notCounted(space: DesignSpace): string[] {
  const skipped = space.constraints.filter(
    (c) => c.kind === 'quantized-linear' || (c.kind === 'range' && isMetric(c.param)),
  );
  const band = COMPLEXITY_METRICS.filter((m) => space.band[m]).map((m) => bandLabel(space.band, m));
  return [...skipped.map(constraintLabel), ...band];
}

/** Values of the domain inside every range constraint on one of `params`. */
function allowed(domain: Domain, constraints: Constraint[], params: string[]): number[] {
  const ranges = constraints.filter(
    (c): c is Extract<Constraint, { kind: 'range' }> => c.kind === 'range' && params.includes(c.param),
  );
  return domainValues(domain).filter((v) => ranges.every((r) => v >= r.lo && v <= r.hi));
}

const stageAllowed = (space: AnyNetSpace, p: AnyNetParam): number[][] =>
  Array.from({ length: space.stages }, (_, i) =>
    allowed(space.domains[p], space.constraints, [p, stageKey(p, i)]),
  );

const intersection = (sets: number[][]): number[] => sets[0].filter((v) => sets.every((s) => s.includes(v)));

const has = (space: DesignSpace, kind: 'shared' | 'increasing', p: string): boolean =>
  space.constraints.some((c) => c.kind === kind && c.param === p);

/** Number of sequences v_1 <= v_2 <= ... <= v_S with v_i in sets[i]. */
export function countNondecreasing(sets: number[][]): bigint {
  if (sets.length === 0) return 1n;
  const grid = [...new Set(sets.flat())].sort((a, b) => a - b);
  let ending: bigint[] = grid.map((v) => (sets[0].includes(v) ? 1n : 0n));
  for (let i = 1; i < sets.length; i++) {
    let below = 0n;
    ending = grid.map((v, k) => {
      below += ending[k];
      return sets[i].includes(v) ? below : 0n;
    });
  }
  return ending.reduce((a, b) => a + b, 0n);
}

function log10OfBigInt(n: bigint): number {
  if (n <= 0n) return -Infinity;
  const digits = n.toString();
  return digits.length - 1 + Math.log10(Number(`${digits[0]}.${digits.slice(1, 16) || '0'}`));
}

function factorial(n: number): number {
  let out = 1;
  for (let k = 2; k <= n; k++) out *= k;
  return out;
}

export function paperSize(space: DesignSpace): PaperSize {
  let value = 1;
  if (space.kind === 'anynet') {
    for (const p of ANYNET_PARAMS) {
      const sets = stageAllowed(space, p);
      if (has(space, 'shared', p)) value *= intersection(sets).length;
      else {
        for (const s of sets) value *= s.length;
        if (has(space, 'increasing', p)) value /= factorial(space.stages);
      }
    }
  } else {
    value = regnetProduct(space, space.paperGrid);
  }
  const log10 = Math.log10(value);
  return { value, log10, text: formatPowerOfTen(log10), notCounted: notCounted(space) };
}

function regnetProduct(space: RegNetSpace, grid: RegNetSpace['paperGrid']): number {
  return REGNET_PARAMS.reduce((acc, p) => acc * allowed(grid[p], space.constraints, [p]).length, 1);
}

export function exactSize(space: DesignSpace): ExactSize {
  let count = 1n;
  if (space.kind === 'anynet') {
    for (const p of ANYNET_PARAMS) {
      const sets = stageAllowed(space, p);
      if (has(space, 'shared', p)) count *= BigInt(intersection(sets).length);
      else if (has(space, 'increasing', p)) count *= countNondecreasing(sets);
      else for (const s of sets) count *= BigInt(s.length);
    }
  } else {
    for (const p of REGNET_PARAMS) count *= BigInt(allowed(space.domains[p], space.constraints, [p]).length);
  }
  const log10 = log10OfBigInt(count);
  return { count, log10, text: formatPowerOfTen(log10), notCounted: notCounted(space) };
}
