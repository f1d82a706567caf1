import type { AnyNetConfig, NetworkShape } from './anynet';
import { ROUNDINGS, type Rounding } from './compat';
import type { Complexity } from './complexity';
import { bandLabel, bandProblems, constraintLabel } from './constraints';
import {
  COMPLEXITY_METRICS,
  type ComplexityBand,
  type ComplexityMetric,
  type DesignSpace,
} from './design-space';
import { anynetProposer } from './propose-anynet';
import { regnetProposer } from './propose-regnet';
import { createRng } from './random';
import type { RegNetParams } from './regnet';
import { assertSpace } from './spaces';

/**
 * Seeded rejection sampling of a design space inside a complexity band (REGNET.md §5.3).
 *
 * Each attempt draws a candidate, resolves it (group compatibility) and checks the space's
 * constraints on the resolved values, cheap design checks first, complexity (closed form) after
 * (propose-anynet.ts and propose-regnet.ts say how each kind of space draws).
 * A rejected attempt is charged to the first check it fails. Accepted networks identical to an
 * earlier one are skipped (pycls skips repeated keys; here the key is the resolved network, so two
 * draws that build the same network count once). Same seed and options give the same models on any
 * machine (32-bit integer PRNG, decimal-exact quantization).
 */

export interface SampledModel {
  space: string;
  /**
   * AnyNet: d1..dS, w1..wS, b1..bS, g1..gS, resolved (post-compatibility) values.
   * RegNet: d, w0, wa, wm, g, b as drawn.
   */
  design: Record<string, number>;
  regnet?: RegNetParams;
  rounding: Rounding;
  config: AnyNetConfig;
  complexity: Complexity;
}

export interface SampleOptions {
  /** How many distinct models to find. */
  n: number;
  seed: number;
  /** Input resolution, channels, classes and stem; complexity is counted at this shape. */
  shape: NetworkShape;
  /** Complexity band; defaults to the space's own band. Pass {} for none. */
  band?: ComplexityBand;
  /** Width/group compatibility rule (default pycls). */
  rounding?: Rounding;
  /** Attempts before giving up; default 1e6 (pycls NUM_SAMPLES). */
  maxAttempts?: number;
}

export interface SampleResult {
  models: SampledModel[];
  attempts: number;
  /** Rejected attempts per reason, keyed by the constraint or band label (and 'duplicate'). */
  rejections: Record<string, number>;
}

export const DEFAULT_MAX_ATTEMPTS = 1_000_000;
export const DUPLICATE = 'duplicate';

/** Thrown when the attempt budget runs out before n models are found; carries what was found. */
export class SamplingError extends Error {
  readonly wanted: number;
  readonly models: SampledModel[];
  readonly attempts: number;
  readonly rejections: Record<string, number>;
  /** The reason that rejected most attempts. */
  readonly topRejection: string | undefined;

  constructor(wanted: number, result: SampleResult, reasonKinds: Map<string, 'band' | 'constraint'>) {
    const { models, attempts, rejections } = result;
    const top = Object.entries(rejections).sort((a, b) => b[1] - a[1])[0];
    let message = `Found ${models.length} of ${wanted} models after ${attempts} attempts`;
    if (top) {
      const [reason, count] = top;
      const kind = reasonKinds.get(reason);
      const what =
        kind === 'band'
          ? `the ${reason}`
          : kind === 'constraint'
            ? `the constraint "${reason}"`
            : 'duplicates';
      message += `; ${what} rejected ${percent(count, attempts)} of candidates`;
    }
    super(
      `${message}. Widen the band or relax constraints${top?.[0] === DUPLICATE ? ' (or ask for fewer models)' : ''}.`,
    );
    this.name = 'SamplingError';
    this.wanted = wanted;
    this.models = models;
    this.attempts = attempts;
    this.rejections = rejections;
    this.topRejection = top?.[0];
  }
}

function percent(count: number, total: number): string {
  const p = (100 * count) / total;
  return p > 0 && p < 1 ? '<1%' : `${Math.round(p)}%`;
}

const isMetric = (p: string): p is ComplexityMetric => (COMPLEXITY_METRICS as readonly string[]).includes(p);

function checkOptions(
  opts: SampleOptions,
  rounding: Rounding,
  band: ComplexityBand,
  maxAttempts: number,
): void {
  const problems: string[] = [];
  if (!Number.isInteger(opts.n) || opts.n < 1) problems.push(`n must be a positive integer (got ${opts.n})`);
  if (!Number.isSafeInteger(opts.seed)) problems.push(`seed must be an integer (got ${opts.seed})`);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    problems.push(`maxAttempts must be a positive integer (got ${maxAttempts})`);
  }
  if (!ROUNDINGS.includes(rounding))
    problems.push(`rounding must be one of ${ROUNDINGS.join(', ')} (got ${rounding})`);
  const { shape } = opts;
  if (!shape) problems.push('shape (resolution, channels, classes, stem) is required');
  else {
    for (const k of ['resolution', 'channels', 'classes'] as const) {
      if (!Number.isInteger(shape[k]) || shape[k] < 1)
        problems.push(`shape.${k} must be a positive integer (got ${shape[k]})`);
    }
    if (shape.stem !== 'imagenet' && shape.stem !== 'cifar') {
      problems.push(`shape.stem must be imagenet or cifar (got ${shape.stem})`);
    }
  }
  problems.push(...bandProblems(band));
  if (problems.length) throw new Error(`Cannot sample: ${problems.join('; ')}.`);
}

/**
 * Samples n distinct models of the space. Throws SamplingError (which carries the models found) when
 * the attempt budget runs out first.
 */
export function sampleSpace(space: DesignSpace, opts: SampleOptions): SampleResult {
  const rounding = opts.rounding ?? 'pycls';
  const band = opts.band ?? space.band;
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  checkOptions(opts, rounding, band, maxAttempts);
  assertSpace(space);

  const proposer =
    space.kind === 'anynet'
      ? anynetProposer(space, opts.shape, rounding)
      : regnetProposer(space, opts.shape, rounding);
  // Reasons: the proposer's design checks, then complexity checks, then duplicates.
  const reasons = [...proposer.reasons];
  const reasonKinds = new Map<string, 'band' | 'constraint'>(reasons.map((r) => [r, 'constraint']));
  const metricChecks: { reason: number; metric: ComplexityMetric; lo: number; hi: number }[] = [];
  const addMetricCheck = (
    label: string,
    kind: 'band' | 'constraint',
    metric: ComplexityMetric,
    lo: number,
    hi: number,
  ) => {
    reasons.push(label);
    reasonKinds.set(label, kind);
    metricChecks.push({ reason: reasons.length - 1, metric, lo, hi });
  };
  for (const metric of COMPLEXITY_METRICS) {
    const range = band[metric];
    if (range) addMetricCheck(bandLabel(band, metric), 'band', metric, range[0], range[1]);
  }
  for (const c of space.constraints) {
    if (c.kind === 'range' && isMetric(c.param))
      addMetricCheck(constraintLabel(c), 'constraint', c.param, c.lo, c.hi);
  }
  reasons.push(DUPLICATE);
  const duplicate = reasons.length - 1;

  const rng = createRng(opts.seed);
  const models: SampledModel[] = [];
  const counts = new Array<number>(reasons.length).fill(0);
  const seen = new Set<string>();
  let attempts = 0;
  while (models.length < opts.n && attempts < maxAttempts) {
    attempts++;
    let reason = proposer.draw(rng);
    if (reason >= 0) {
      counts[reason]++;
      continue;
    }
    const cx = proposer.complexity();
    for (const m of metricChecks) {
      const v = cx[m.metric];
      if (!(v >= m.lo && v <= m.hi)) {
        reason = m.reason;
        break;
      }
    }
    if (reason < 0) {
      const key = proposer.key();
      if (seen.has(key)) reason = duplicate;
      else seen.add(key);
    }
    if (reason >= 0) counts[reason]++;
    else models.push(proposer.model(cx));
  }
  const rejections: Record<string, number> = {};
  reasons.forEach((r, i) => {
    if (counts[i] > 0) rejections[r] = (rejections[r] ?? 0) + counts[i];
  });
  const result = { models, attempts, rejections };
  if (models.length < opts.n) throw new SamplingError(opts.n, result, reasonKinds);
  return result;
}
