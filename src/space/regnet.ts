import type { AnyNetConfig, NetworkShape, Stage } from './anynet';
import { adjustCompatibility, type Rounding } from './compat';
import { roundHalfEven } from './round';

/** The RegNet design parameters (paper §3.3): quantized linear widths plus shared g, b and SE. */
export interface RegNetParams {
  depth: number;
  w0: number;
  wa: number;
  wm: number;
  groupWidth: number;
  /** Paper bottleneck ratio b (1 in every preset). */
  bottleneckRatio: number;
  /** 0 for RegNetX, 0.25 for RegNetY. */
  seRatio: number;
}

export const REGNET_QUANTUM = 8;

export interface RegNetGeneration {
  /** Continuous linear widths u_j = w0 + wa * j (paper eq. 2). */
  continuousWidths: number[];
  /** Continuous stage index s_j = ln(u_j / w0) / ln(wm) (eq. 3). */
  stageIndexContinuous: number[];
  /** Quantized stage index k_j = round(s_j) (eq. 4). */
  stageIndex: number[];
  /** Per-block widths w0 * wm^k_j snapped to a multiple of 8. */
  blockWidths: number[];
  stageWidths: number[];
  stageDepths: number[];
  numStages: number;
  /** max(k_j) + 1; differs from numStages when a stage index is skipped. */
  totalStages: number;
}

/** Checks generate_regnet's preconditions; returns the problems in words (empty when valid). */
export function regnetParamProblems(p: Pick<RegNetParams, 'depth' | 'w0' | 'wa' | 'wm'>): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(p.depth) || p.depth < 1)
    problems.push(`depth must be a positive integer (got ${p.depth})`);
  if (!(p.w0 > 0)) problems.push(`w0 must be > 0 (got ${p.w0})`);
  else if (p.w0 % REGNET_QUANTUM !== 0) problems.push(`w0 must be a multiple of 8 (got ${p.w0})`);
  if (!(p.wa >= 0)) problems.push(`wa must be >= 0 (got ${p.wa})`);
  if (!(p.wm > 1)) problems.push(`wm must be > 1 (got ${p.wm})`);
  return problems;
}

/**
 * generate_regnet (REGNET.md §2.1). pycls computes in float64 with half-even rounding;
 * torchvision computes in float32 (emulated with Math.fround after every operation).
 */
export function generateRegNet(
  p: Pick<RegNetParams, 'depth' | 'w0' | 'wa' | 'wm'>,
  rounding: Rounding = 'pycls',
): RegNetGeneration {
  const problems = regnetParamProblems(p);
  if (problems.length) throw new Error(`Invalid RegNet parameters: ${problems.join('; ')}.`);
  const f = rounding === 'torchvision' ? Math.fround : (x: number) => x;
  const q = REGNET_QUANTUM;
  const continuousWidths: number[] = [];
  const stageIndexContinuous: number[] = [];
  const stageIndex: number[] = [];
  const blockWidths: number[] = [];
  const logWm = Math.log(p.wm);
  for (let j = 0; j < p.depth; j++) {
    const u = f(f(j * f(p.wa)) + p.w0);
    const s = f(f(Math.log(f(u / p.w0))) / logWm);
    const k = roundHalfEven(s);
    continuousWidths.push(u);
    stageIndexContinuous.push(s);
    stageIndex.push(k);
    blockWidths.push(q * roundHalfEven(f(f(p.w0 * f(Math.pow(f(p.wm), k))) / q)));
  }
  // Widths are nondecreasing in j, so run-length encoding equals numpy's unique + counts.
  const stageWidths: number[] = [];
  const stageDepths: number[] = [];
  for (const w of blockWidths) {
    if (stageWidths.length && stageWidths[stageWidths.length - 1] === w)
      stageDepths[stageDepths.length - 1]++;
    else {
      stageWidths.push(w);
      stageDepths.push(1);
    }
  }
  return {
    continuousWidths,
    stageIndexContinuous,
    stageIndex,
    blockWidths,
    stageWidths,
    stageDepths,
    numStages: stageWidths.length,
    totalStages: Math.max(...stageIndex) + 1,
  };
}

export interface RegNetResolution {
  generation: RegNetGeneration;
  /** Stages after width/group compatibility: what is built and trained. */
  stages: Stage[];
  config: AnyNetConfig;
}

/** RegNet -> AnyNet (REGNET.md §2.4): generate, then adjust each stage for group compatibility. */
export function regnetToAnyNet(
  p: RegNetParams,
  shape: NetworkShape,
  rounding: Rounding = 'pycls',
): RegNetResolution {
  const generation = generateRegNet(p, rounding);
  const stages = generation.stageWidths.map((width, i) => {
    const adj = adjustCompatibility(
      { width, bottleneckRatio: p.bottleneckRatio, groupWidth: p.groupWidth },
      rounding,
    );
    return { depth: generation.stageDepths[i], stride: 2, ...adj };
  });
  return {
    generation,
    stages,
    config: {
      stem: { type: shape.stem, width: 32 },
      stages,
      seRatio: p.seRatio,
      head: { classes: shape.classes },
      input: { channels: shape.channels, resolution: shape.resolution },
    },
  };
}
