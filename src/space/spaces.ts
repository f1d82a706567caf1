import {
  assertConstraint,
  bandProblems,
  constraintKey,
  constraintLabel,
  constraintProblems,
  INCREASING_D,
  INCREASING_W,
  quantizedLinear,
  rangeConstraint,
  SHARED_B,
  SHARED_G,
  type Constraint,
} from './constraints';
import {
  ANYNET_PARAMS,
  REGNET_PARAMS,
  type AnyNetSpace,
  type ComplexityBand,
  type DesignSpace,
  type RegNetSpace,
} from './design-space';
import { choiceDomain, domainDraw, logUniformDomain, uniformDomain, type Domain } from './domains';

/**
 * The paper's design spaces as data (REGNET.md §5.4), and the ways to derive new ones from them.
 *
 * Interpretations (documented because the paper gives ranges, not code):
 * - AnyNetX: d_i log-uniform in 1..16 (q 1), w_i log-uniform in 8..1024 (q 8), b_i a uniform choice of
 *   {1, 2, 4}, g_i a uniform choice of {1, 2, 4, 8, 16, 32}: 16·128·3·6 values per stage, as the paper's
 *   size count (16·128·3·6)^4 ≈ 1.8e18 implies. Stride 2 every stage, stem width 32.
 * - Shared b/g: one draw broadcast to every stage. Increasing w/d: w_{i+1} ≥ w_i (nondecreasing).
 * - Every constraint is checked on the RESOLVED stages (after group compatibility), which is what users
 *   see and train. So "shared g" also rejects a draw where compatibility lowered g in one narrow stage
 *   (g > w/b there), and "increasing widths" compares the resolved widths.
 * - Increasing constraints have the law of plain rejection (independent draws, keep the ordered ones),
 *   sampled directly by dynamic programming (propose-anynet.ts) so that AnyNetX_E needs ~4e4 attempts
 *   for 500 models instead of ~8e6.
 * - RegNet sampling uses the pycls regnet_sampler distributions and default ranges (d uniform 12..28,
 *   w0 log-uniform 8..256 q 8, wa log-uniform 8..256 q 0.1, wm log-uniform 2..3 q 0.001, g
 *   power2_or_log_uniform 8..128 q 8, BOT_MUL power2_uniform [1, 1] so b = 1), and rejects configs whose
 *   quantization skips a stage or gives other than 4 stages.
 * - Default band: 360-400MF, the paper's §3 regime (at 224px; pass another band for other resolutions).
 */

const PAPER_BAND: ComplexityBand = { flops: [360e6, 400e6] };

const ANYNET_DOMAINS: AnyNetSpace['domains'] = {
  d: logUniformDomain(1, 16, 1),
  w: logUniformDomain(8, 1024, 8),
  b: choiceDomain([1, 2, 4]),
  g: choiceDomain([1, 2, 4, 8, 16, 32]),
};

const REGNET_DOMAINS: RegNetSpace['domains'] = {
  d: uniformDomain(12, 28, 1),
  w0: logUniformDomain(8, 256, 8),
  wa: logUniformDomain(8, 256, 0.1),
  wm: logUniformDomain(2, 3, 0.001),
  g: { dist: 'power2_or_log_uniform', lo: 8, hi: 128, q: 8 },
  // pycls draws BOT_MUL = 1 / b from power2_uniform(1, 1, 1/128); on the paper's b the same single value.
  b: { dist: 'power2_uniform', lo: 1, hi: 1, q: 1 },
};

/**
 * The paper's §3.3 RegNet ranges (d < 64, w0 < 256, wa < 256, 1.5 ≤ wm ≤ 3, b and g as AnyNetX) on a
 * grid. The paper does not say how it discretized them; this reading gives its Table 1 size ~3.0e8:
 * upper ends inclusive (pycls ranges are closed), d in 1..64, w0 in 8..256 step 8 (generate_regnet needs
 * w0 divisible by 8), wa in 0.5..256 step 0.5, wm in 1.5..3 step 0.1, b in {1, 2, 4} and g in
 * {1, ..., 32}: 64·32·512·16·3·6 = 2^24·18 ≈ 3.02e8.
 */
const REGNET_PAPER_GRID: RegNetSpace['paperGrid'] = {
  d: uniformDomain(1, 64, 1),
  w0: uniformDomain(8, 256, 8),
  wa: uniformDomain(0.5, 256, 0.5),
  wm: uniformDomain(1.5, 3, 0.1),
  g: ANYNET_DOMAINS.g,
  b: ANYNET_DOMAINS.b,
};

function anynet(id: string, label: string, constraints: Constraint[], description: string, parent?: string) {
  const space: AnyNetSpace = {
    id,
    label,
    kind: 'anynet',
    description,
    constraints,
    band: PAPER_BAND,
    stages: 4,
    stride: 2,
    stemWidth: 32,
    seRatio: 0,
    domains: ANYNET_DOMAINS,
  };
  if (parent) space.parent = parent;
  return space;
}

function regnet(id: string, label: string, seRatio: number, description: string): RegNetSpace {
  return {
    id,
    label,
    kind: 'regnet',
    description,
    constraints: [quantizedLinear(4)],
    band: PAPER_BAND,
    stemWidth: 32,
    seRatio,
    domains: REGNET_DOMAINS,
    paperGrid: REGNET_PAPER_GRID,
  };
}

export const SPACES: readonly DesignSpace[] = [
  anynet(
    'anynetx_a',
    'AnyNetX_A',
    [],
    'Four stages, each with its own depth, width, bottleneck ratio and group width.',
  ),
  anynet(
    'anynetx_b',
    'AnyNetX_B',
    [SHARED_B],
    'AnyNetX_A with one bottleneck ratio b for all stages.',
    'anynetx_a',
  ),
  anynet('anynetx_c', 'AnyNetX_C', [SHARED_B, SHARED_G], 'AnyNetX_B with one group width g.', 'anynetx_b'),
  anynet(
    'anynetx_d',
    'AnyNetX_D',
    [SHARED_B, SHARED_G, INCREASING_W],
    'AnyNetX_C with nondecreasing widths.',
    'anynetx_c',
  ),
  anynet(
    'anynetx_e',
    'AnyNetX_E',
    [SHARED_B, SHARED_G, INCREASING_W, INCREASING_D],
    'AnyNetX_D with nondecreasing depths.',
    'anynetx_d',
  ),
  regnet('regnetx', 'RegNetX', 0, 'Quantized linear widths from (d, w0, wa, wm), X blocks.'),
  regnet('regnety', 'RegNetY', 0.25, 'Quantized linear widths from (d, w0, wa, wm), Y blocks (SE 0.25).'),
];

export const SPACE_IDS: readonly string[] = SPACES.map((s) => s.id);

export const findSpace = (id: string): DesignSpace | undefined =>
  SPACES.find((s) => s.id === id.trim().toLowerCase());

export function getSpace(id: string): DesignSpace {
  const space = findSpace(id);
  if (!space) throw new Error(`Unknown design space '${id}'; choose one of ${SPACE_IDS.join(', ')}.`);
  return space;
}

/** Everything wrong with a space, in words (empty = usable). */
export function spaceProblems(space: DesignSpace): string[] {
  const problems: string[] = [];
  const params: readonly string[] = space.kind === 'anynet' ? ANYNET_PARAMS : REGNET_PARAMS;
  for (const p of params) {
    const domain = (space.domains as Record<string, Domain | undefined>)[p];
    if (!domain) {
      problems.push(`The ${space.kind} space ${space.id} has no domain for '${p}'.`);
      continue;
    }
    try {
      domainDraw(domain);
    } catch (e) {
      problems.push(`Domain of '${p}': ${(e as Error).message}`);
    }
  }
  if (space.kind === 'anynet' && !(Number.isInteger(space.stages) && space.stages >= 1)) {
    problems.push(`The number of stages must be a positive integer (got ${space.stages}).`);
  }
  for (const c of space.constraints) problems.push(...constraintProblems(space, c));
  problems.push(...bandProblems(space.band));
  return problems;
}

export function assertSpace(space: DesignSpace): void {
  const problems = spaceProblems(space);
  if (problems.length) throw new Error(`Design space ${space.id} is not usable: ${problems.join(' ')}`);
}

const keySet = (cs: Constraint[]): string => cs.map(constraintKey).sort().join('|');

/** The built-in space with the same parameterization and constraints, if any (A + shared b is AnyNetX_B). */
function builtinMatch(space: DesignSpace): DesignSpace | undefined {
  return SPACES.find(
    (s) =>
      s.kind === space.kind &&
      s.seRatio === space.seRatio &&
      s.stemWidth === space.stemWidth &&
      JSON.stringify(s.domains) === JSON.stringify(space.domains) &&
      JSON.stringify(s.band) === JSON.stringify(space.band) &&
      (s.kind !== 'anynet' || (space.kind === 'anynet' && s.stages === space.stages)) &&
      keySet(s.constraints) === keySet(space.constraints),
  );
}

function named<S extends DesignSpace>(space: S, fallback: { id: string; label: string; parent?: string }): S {
  const builtin = builtinMatch(space);
  const { id, label, parent, description } = builtin ?? { ...fallback, description: undefined };
  const out = { ...space, id, label };
  if (parent === undefined) delete out.parent;
  else out.parent = parent;
  if (description === undefined) delete out.description;
  else out.description = description;
  return out;
}

/**
 * The space with one more constraint (a chip switched on). Adding a constraint the space already has
 * changes nothing. The result takes a built-in identity when it matches one (AnyNetX_A + shared b =
 * AnyNetX_B), otherwise a derived id "<id>+<constraint key>" with this space as parent.
 */
export function withConstraint<S extends DesignSpace>(space: S, c: Constraint): S {
  assertConstraint(space, c);
  const key = constraintKey(c);
  if (space.constraints.some((x) => constraintKey(x) === key)) return space;
  return named(
    { ...space, constraints: [...space.constraints, c] },
    { id: `${space.id}+${key}`, label: `${space.label} + ${constraintLabel(c)}`, parent: space.id },
  );
}

/** The space without the constraint (a chip switched off); a constraint the space lacks changes nothing. */
export function withoutConstraint<S extends DesignSpace>(space: S, c: Constraint | string): S {
  const key = typeof c === 'string' ? c : constraintKey(c);
  const kept = space.constraints.filter((x) => constraintKey(x) !== key);
  if (kept.length === space.constraints.length) return space;
  const label = constraintLabel(space.constraints.find((x) => constraintKey(x) === key)!);
  const undo = space.id.endsWith(`+${key}`);
  return named(
    { ...space, constraints: kept },
    undo
      ? {
          id: space.id.slice(0, -key.length - 1),
          label: space.label.replace(` + ${label}`, ''),
          parent: space.parent,
        }
      : { id: `${space.id}-${key}`, label: `${space.label} − ${label}`, parent: space.parent },
  );
}

/** The space with [lo, hi] as the only range on `param` (dragging a brush replaces the previous range). */
export function withRange<S extends DesignSpace>(space: S, param: string, lo: number, hi: number): S {
  const others = space.constraints.filter((c) => !(c.kind === 'range' && c.param === param));
  const base = others.length === space.constraints.length ? space : { ...space, constraints: others };
  return withConstraint(base, rangeConstraint(param, lo, hi));
}

/**
 * A child space: the parent plus extra constraints (e.g. the ranges of a brush), with its own id and
 * size. Every model of the child is a model of the parent.
 */
export function childSpace<S extends DesignSpace>(
  parent: S,
  constraints: Constraint[],
  names: { id?: string; label?: string } = {},
): S {
  for (const c of constraints) assertConstraint(parent, c);
  const known = new Set(parent.constraints.map(constraintKey));
  const added = constraints.filter((c) => {
    const key = constraintKey(c);
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
  const child: S = {
    ...parent,
    id: names.id ?? [parent.id, ...added.map(constraintKey)].join('+'),
    label: names.label ?? [parent.label, ...added.map(constraintLabel)].join(' + '),
    parent: parent.id,
    constraints: [...parent.constraints, ...added],
  };
  delete child.description;
  return child;
}
