import { z } from 'zod';
import type { AnyNetConfig, Stage } from '../space/anynet';
import type { Complexity } from '../space/complexity';
import type { RegNetParams } from '../space/regnet';
import { describeValue } from './describe-value';
import { LIMITS } from './limits';
import { MODEL_CONFIG_SCHEMA, MODEL_CONFIG_VERSION, type ModelConfigDoc } from './model-config';
import { stageCompatibilityProblems } from './stage-check';

/** One message for every way a field can be wrong, stating the whole allowed domain. */
const domainError = (domain: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is missing' : `expected ${domain}, got ${describeValue(issue.input)}`;

/** An integer in [lo, hi]. */
export const intIn = (lo: number, hi: number) => {
  const error = domainError(
    lo === 1 && hi >= 1000 ? `a positive integer ≤ ${hi}` : `an integer from ${lo} to ${hi}`,
  );
  return z.number({ error }).int({ error }).min(lo, { error }).max(hi, { error });
};

/** A finite number between lo and hi; either end may be open. */
export const numIn = (lo: number, hi: number, open: { lo?: boolean; hi?: boolean } = {}) => {
  const error = domainError(`a number ${open.lo ? '>' : '≥'} ${lo} and ${open.hi ? '<' : '≤'} ${hi}`);
  const base = z.number({ error });
  const low = open.lo ? base.gt(lo, { error }) : base.min(lo, { error });
  return open.hi ? low.lt(hi, { error }) : low.max(hi, { error });
};

export const text = (max: number = LIMITS.textChars) => z.string().min(1).max(max);

const ratioInUnitInterval = () => numIn(0, 1, { hi: true });

export const stageSchema = z.strictObject({
  depth: intIn(1, LIMITS.stageDepth),
  width: intIn(1, LIMITS.width),
  stride: z.literal([1, 2]),
  bottleneckRatio: numIn(0, LIMITS.bottleneckRatio, { lo: true }),
  groupWidth: intIn(1, LIMITS.width),
}) satisfies z.ZodType<Stage>;

/**
 * An AnyNet (REGNET.md §1) with bounded sizes, whose stages are group-compatible: each bottleneck width
 * round(w / b) is a positive multiple of its group width.
 */
export const anyNetConfigSchema = z
  .strictObject({
    stem: z.strictObject({ type: z.enum(['imagenet', 'cifar']), width: intIn(1, LIMITS.width) }),
    stages: z.array(stageSchema).min(1).max(LIMITS.stages),
    seRatio: ratioInUnitInterval(),
    head: z.strictObject({ classes: intIn(1, LIMITS.classes) }),
    input: z.strictObject({
      channels: intIn(1, LIMITS.channels),
      resolution: intIn(1, LIMITS.resolution),
    }),
  })
  .superRefine((cfg, ctx) => {
    const blocks = cfg.stages.reduce((sum, s) => sum + s.depth, 0);
    if (blocks > LIMITS.totalDepth) {
      ctx.addIssue({
        code: 'custom',
        path: ['stages'],
        message: `has ${blocks} blocks in all; at most ${LIMITS.totalDepth} are allowed`,
      });
    }
    for (const p of stageCompatibilityProblems(cfg.stages)) {
      ctx.addIssue({ code: 'custom', path: ['stages', p.stage, p.field], message: p.message });
    }
  }) satisfies z.ZodType<AnyNetConfig>;

/**
 * RegNet parameters as stored. Only the structure is checked here; whether pycls, timm and torchvision
 * accept them (w0 % 8 == 0, wm > 1, wa >= 0) is reported by the readers and writers as a problem.
 */
export const regnetParamsSchema = z.strictObject({
  depth: intIn(1, LIMITS.stageDepth),
  w0: intIn(1, LIMITS.width),
  wa: numIn(-LIMITS.regnetSlope, LIMITS.regnetSlope),
  wm: numIn(-LIMITS.regnetSlope, LIMITS.regnetSlope),
  groupWidth: intIn(1, LIMITS.width),
  bottleneckRatio: numIn(0, LIMITS.bottleneckRatio, { lo: true }),
  seRatio: ratioInUnitInterval(),
}) satisfies z.ZodType<RegNetParams>;

const count = () => z.number().min(0);

export const complexitySchema = z.strictObject({
  flops: count(),
  params: count(),
  acts: count(),
}) satisfies z.ZodType<Complexity>;

const DESIGN_KEY = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

/** Sampled design values (d1..d4, w0, wa, ...): short identifier keys, finite numbers. */
export const designSchema = z
  .record(
    z.string().regex(DESIGN_KEY, { error: 'design keys are short identifiers such as d1, w0 or wa' }),
    z.number(),
  )
  .refine((d) => Object.keys(d).length <= LIMITS.designKeys, {
    error: `has more than ${LIMITS.designKeys} design values`,
  });

export const roundingSchema = z.enum(['pycls', 'torchvision']);

/** dslab.model-config version 1: what the lab's "Export JSON" writes and `dslab train` reads. */
export const modelConfigSchema = z.strictObject({
  schema: z.literal(MODEL_CONFIG_SCHEMA),
  version: z.literal(MODEL_CONFIG_VERSION),
  name: text().optional(),
  space: text().optional(),
  regnet: regnetParamsSchema.optional(),
  design: designSchema.optional(),
  rounding: roundingSchema,
  network: anyNetConfigSchema,
  complexity: complexitySchema,
}) satisfies z.ZodType<ModelConfigDoc>;
