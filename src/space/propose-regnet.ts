import type { NetworkShape } from './anynet';
import { closedFormComplexity } from './closed-form';
import type { Rounding } from './compat';
import { constraintLabel } from './constraints';
import { COMPLEXITY_METRICS, REGNET_PARAMS, type RegNetSpace } from './design-space';
import { domainDraw } from './domains';
import type { Proposer } from './proposer';
import { regnetToAnyNet, type RegNetParams, type RegNetResolution } from './regnet';
import { roundHalfEven } from './round';

/**
 * max_j k_j of generateRegNet, computed for the last block only: u_j grows with j (wa >= 0) and
 * ln, division by ln(wm) > 0 and rounding are monotone, so the maximum is at j = d - 1. The same
 * float operations as generateRegNet (float32 emulation for torchvision); a property test pins it to
 * generateRegNet(...).totalStages - 1.
 */
export function lastStageIndex(
  p: Pick<RegNetParams, 'depth' | 'w0' | 'wa' | 'wm'>,
  rounding: Rounding,
): number {
  const f = rounding === 'torchvision' ? Math.fround : (x: number) => x;
  const u = f(f((p.depth - 1) * f(p.wa)) + p.w0);
  return roundHalfEven(f(f(Math.log(f(u / p.w0))) / Math.log(p.wm)));
}

/**
 * Candidate generator for RegNet spaces: draws (d, w0, wa, wm, g, b) in pycls regnet_sampler order,
 * checks ranges on them, then generates and resolves the network (regnetToAnyNet) and checks the
 * quantized-linear stage count (pycls check_regnet_constraints).
 */
export function regnetProposer(space: RegNetSpace, shape: NetworkShape, rounding: Rounding): Proposer {
  const draws = REGNET_PARAMS.map((p) => [p, domainDraw(space.domains[p])] as const);
  const design: Record<string, number> = {};
  let params: RegNetParams | undefined;
  let resolution: RegNetResolution | undefined;
  const resolve = () => (resolution ??= regnetToAnyNet(params!, shape, rounding));

  const reasons: string[] = [];
  // Cheap range checks first, then the generation-based stage check.
  const rangeChecks: { reason: number; test: () => boolean }[] = [];
  const stageChecks: { reason: number; test: () => boolean }[] = [];
  for (const c of space.constraints) {
    reasons.push(constraintLabel(c));
    const reason = reasons.length - 1;
    if (c.kind === 'range' && !(COMPLEXITY_METRICS as readonly string[]).includes(c.param)) {
      const { param, lo, hi } = c;
      rangeChecks.push({ reason, test: () => design[param] >= lo && design[param] <= hi });
    } else if (c.kind === 'quantized-linear') {
      const wanted = c.stages;
      // Necessary condition first (one log instead of d): the last block's stage index + 1 = totalStages.
      stageChecks.push({ reason, test: () => lastStageIndex(params!, rounding) + 1 === wanted });
      stageChecks.push({
        reason,
        test: () => {
          const { numStages, totalStages } = resolve().generation;
          return numStages === totalStages && numStages === wanted;
        },
      });
    }
  }
  const checks = [...rangeChecks, ...stageChecks];
  const config = () => {
    const { config } = resolve();
    return { ...config, stem: { ...config.stem, width: space.stemWidth } };
  };

  return {
    reasons,
    draw(rng) {
      for (const [p, draw] of draws) design[p] = draw(rng);
      params = {
        depth: design.d,
        w0: design.w0,
        wa: design.wa,
        wm: design.wm,
        groupWidth: design.g,
        bottleneckRatio: design.b,
        seRatio: space.seRatio,
      };
      resolution = undefined;
      for (const { reason, test } of checks) if (!test()) return reason;
      return -1;
    },
    complexity: () => closedFormComplexity(config()),
    key: () =>
      resolve()
        .stages.map((s) => `${s.depth},${s.width},${s.bottleneckRatio},${s.groupWidth}`)
        .join('|'),
    model: (complexity) => ({
      space: space.id,
      design: { ...design },
      regnet: { ...params! },
      rounding,
      config: config(),
      complexity,
    }),
  };
}
