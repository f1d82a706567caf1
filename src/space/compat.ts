import { lcm, roundHalfEven } from './round';

/** Which library's width/group compatibility (and RegNet generation precision) to follow (REGNET.md §2.2, §8). */
export type Rounding = 'pycls' | 'torchvision';
export const ROUNDINGS: readonly Rounding[] = ['pycls', 'torchvision'];

export interface StageWidths {
  width: number;
  /** Paper bottleneck ratio b; the libraries use the multiplier 1 / b. */
  bottleneckRatio: number;
  groupWidth: number;
}

/**
 * pycls adjust_block_compatibility: make the bottleneck width a multiple of the group width
 * (and, for an inverted bottleneck, of the integer multiplier), possibly lowering g.
 */
function adjustPycls({ width, bottleneckRatio, groupWidth }: StageWidths): StageWidths {
  const botMul = 1 / bottleneckRatio;
  let v = Math.trunc(Math.max(1, width * botMul));
  const g = Math.trunc(Math.min(groupWidth, v));
  const m = botMul > 1 ? lcm(g, Math.trunc(botMul)) : g;
  v = Math.max(m, Math.trunc(roundHalfEven(v / m) * m));
  return { width: Math.trunc(v / botMul), bottleneckRatio, groupWidth: g };
}

/** torchvision _make_divisible: half-up rounding to a multiple, floored at the divisor, with a 10%-drop guard. */
export function makeDivisible(v: number, divisor: number): number {
  let out = Math.max(divisor, Math.floor(Math.trunc(v + divisor / 2) / divisor) * divisor);
  if (out < 0.9 * v) out += divisor;
  return out;
}

function adjustTorchvision({ width, bottleneckRatio, groupWidth }: StageWidths): StageWidths {
  const botMul = 1 / bottleneckRatio;
  const wBot = Math.trunc(width * botMul);
  const g = Math.min(groupWidth, wBot);
  const v = makeDivisible(wBot, g);
  return { width: Math.trunc(v / botMul), bottleneckRatio, groupWidth: g };
}

export function adjustCompatibility(stage: StageWidths, rounding: Rounding = 'pycls'): StageWidths {
  if (!(stage.width > 0 && stage.bottleneckRatio > 0 && stage.groupWidth > 0)) {
    throw new Error(
      `Width ${stage.width}, bottleneck ratio ${stage.bottleneckRatio} and group width ${stage.groupWidth} must all be positive.`,
    );
  }
  return rounding === 'pycls' ? adjustPycls(stage) : adjustTorchvision(stage);
}
