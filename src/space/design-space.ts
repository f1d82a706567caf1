import type { Constraint } from './constraints';
import type { Domain } from './domains';

/**
 * What a design space is (paper §2): a domain per design parameter (values and sampling
 * distribution), a list of named constraints and a complexity band. Plain serializable data; the
 * sampler, the size counter, the CLI and the UI all read the same object.
 */

/** AnyNet per-stage parameters: depth d_i, width w_i, bottleneck ratio b_i, group width g_i. */
export type AnyNetParam = 'd' | 'w' | 'b' | 'g';
export const ANYNET_PARAMS: readonly AnyNetParam[] = ['d', 'w', 'b', 'g'];

/** RegNet parameters, in pycls regnet_sampler draw order (b is the paper ratio, 1 / BOT_MUL). */
export type RegNetParam = 'd' | 'w0' | 'wa' | 'wm' | 'g' | 'b';
export const REGNET_PARAMS: readonly RegNetParam[] = ['d', 'w0', 'wa', 'wm', 'g', 'b'];

export type ComplexityMetric = 'flops' | 'params' | 'acts';
export const COMPLEXITY_METRICS: readonly ComplexityMetric[] = ['flops', 'params', 'acts'];

/** Inclusive [lo, hi] ranges on complexity, in absolute units (flops = multiply-adds). Absent = unbounded. */
export type ComplexityBand = Partial<Record<ComplexityMetric, [number, number]>>;

interface SpaceBase {
  /** anynetx_a ... anynetx_e, regnetx, regnety, or a derived id. */
  id: string;
  label: string;
  description?: string;
  /** The space this one was derived from by adding constraints. */
  parent?: string;
  constraints: Constraint[];
  /** The default complexity band of the space (the paper samples at 360-400MF at 224px). */
  band: ComplexityBand;
  stemWidth: number;
  /** 0 = X blocks, 0.25 = Y blocks (squeeze-and-excitation). */
  seRatio: number;
}

export interface AnyNetSpace extends SpaceBase {
  kind: 'anynet';
  stages: number;
  /** Stride of the first block of every stage. */
  stride: number;
  /** One domain per stage parameter; every stage draws from it independently unless shared. */
  domains: Record<AnyNetParam, Domain>;
}

export interface RegNetSpace extends SpaceBase {
  kind: 'regnet';
  /** The sampling domains (pycls regnet_sampler distributions and ranges). */
  domains: Record<RegNetParam, Domain>;
  /** The grid on which the paper's Table 1 size is counted (paper §3.3 ranges; see spaces.ts). */
  paperGrid: Record<RegNetParam, Domain>;
}

export type DesignSpace = AnyNetSpace | RegNetSpace;

/** Per-stage keys of an AnyNet design record: d1..dS, w1..wS, b1..bS, g1..gS. */
export const stageKey = (param: AnyNetParam, stage: number): string => `${param}${stage + 1}`;

export function stageKeys(space: AnyNetSpace, param: AnyNetParam): string[] {
  return Array.from({ length: space.stages }, (_, i) => stageKey(param, i));
}

/** The keys of a sampled model's design record for this space. */
export function designKeys(space: DesignSpace): string[] {
  if (space.kind === 'regnet') return [...REGNET_PARAMS];
  return ANYNET_PARAMS.flatMap((p) => stageKeys(space, p));
}

/**
 * Parameters a range constraint may name: the design keys, the complexity metrics and, for
 * AnyNet, a bare family name (d, w, b, g) meaning "every stage".
 */
export function rangeParams(space: DesignSpace): string[] {
  const families = space.kind === 'anynet' ? [...ANYNET_PARAMS] : [];
  return [...designKeys(space), ...families, ...COMPLEXITY_METRICS];
}
