import type { AnyNetConfig } from './anynet';
import { floorDiv, roundHalfEven } from './round';

/**
 * The resolved layer structure of an AnyNet (REGNET.md §1). Complexity counting and the
 * tfjs model builder both walk this one plan, so the two cannot drift apart.
 */

/** Output size of a conv/pool with padding (k-1)/2: floor((h-1)/s) + 1. */
export const convOut = (h: number, stride: number): number => floorDiv(h - 1, stride) + 1;

export interface StemPlan {
  kernel: 3;
  stride: number;
  wIn: number;
  wOut: number;
  hIn: number;
  hOut: number;
}

export interface BlockPlan {
  /** 0-based stage and block-within-stage indices. */
  stage: number;
  index: number;
  wIn: number;
  wOut: number;
  /** Bottleneck width round(w_out / b). */
  wB: number;
  /** Group width g and number of groups floor(w_b / g) of the 3x3 conv. */
  groupWidth: number;
  groups: number;
  /** SE squeeze width round(w_in * se_ratio), from the block INPUT width; 0 = no SE. */
  wSe: number;
  stride: number;
  /** 1x1 projection shortcut when w_in != w_out or stride != 1. */
  projection: boolean;
  hIn: number;
  hOut: number;
}

export interface HeadPlan {
  wIn: number;
  classes: number;
}

export interface NetworkPlan {
  stem: StemPlan;
  blocks: BlockPlan[];
  head: HeadPlan;
}

export function planNetwork(cfg: AnyNetConfig): NetworkPlan {
  const stemStride = cfg.stem.type === 'imagenet' ? 2 : 1;
  const r = cfg.input.resolution;
  const stem: StemPlan = {
    kernel: 3,
    stride: stemStride,
    wIn: cfg.input.channels,
    wOut: cfg.stem.width,
    hIn: r,
    hOut: convOut(r, stemStride),
  };
  const blocks: BlockPlan[] = [];
  let w = stem.wOut;
  let h = stem.hOut;
  cfg.stages.forEach((s, stage) => {
    for (let index = 0; index < s.depth; index++) {
      const stride = index === 0 ? s.stride : 1;
      const wB = roundHalfEven(s.width / s.bottleneckRatio);
      const hOut = convOut(h, stride);
      blocks.push({
        stage,
        index,
        wIn: w,
        wOut: s.width,
        wB,
        groupWidth: s.groupWidth,
        groups: floorDiv(wB, s.groupWidth),
        wSe: roundHalfEven(w * cfg.seRatio),
        stride,
        projection: w !== s.width || stride !== 1,
        hIn: h,
        hOut,
      });
      w = s.width;
      h = hOut;
    }
  });
  return { stem, blocks, head: { wIn: w, classes: cfg.head.classes } };
}
