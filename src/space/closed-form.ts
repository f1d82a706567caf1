import type { AnyNetConfig } from './anynet';
import type { Complexity } from './complexity';
import { convOut } from './plan';
import { roundHalfEven } from './round';

/**
 * complexity() without building the per-block plan, for the sampler's inner loop. Within a stage,
 * blocks 2..d are identical (w -> w, stride 1, no projection, same spatial size), so a stage costs
 * block 1 plus (d - 1) times block 2. Counts follow REGNET.md §3 exactly; a property test pins this
 * to complexity() from complexity.ts.
 */

/** A network as flat per-stage arrays. */
export interface FlatNetwork {
  stemStride: number;
  stemWidth: number;
  channels: number;
  resolution: number;
  classes: number;
  seRatio: number;
  depths: ArrayLike<number>;
  widths: ArrayLike<number>;
  /** Paper bottleneck ratios b (bottleneck width = w / b). */
  ratios: ArrayLike<number>;
  groupWidths: ArrayLike<number>;
  strides: ArrayLike<number>;
}

// Accumulator for one flatComplexity call: flops, params, acts.
const acc = new Float64Array(3);

/** Adds `times` identical X/Y blocks (REGNET.md §3 closed form) to acc. */
function addBlocks(
  times: number,
  wIn: number,
  wOut: number,
  wB: number,
  groups: number,
  hIn: number,
  hOut: number,
  stride: number,
  seRatio: number,
): void {
  const inArea = hIn * hIn;
  const outArea = hOut * hOut;
  let f = 0;
  let p = 0;
  let a = 0;
  if (wIn !== wOut || stride !== 1) {
    f += wIn * wOut * outArea;
    p += wIn * wOut + 2 * wOut;
    a += wOut * outArea;
  }
  // a: 1x1 w_in -> w_b at the input size.
  f += wIn * wB * inArea;
  p += wIn * wB + 2 * wB;
  a += wB * inArea;
  // b: 3x3 grouped conv; the stride is here.
  f += Math.floor((9 * wB * wB * outArea) / groups);
  p += Math.floor((9 * wB * wB) / groups) + 2 * wB;
  a += wB * outArea;
  // SE squeeze width comes from the block input.
  const wSe = roundHalfEven(wIn * seRatio);
  if (wSe > 0) {
    const se = 2 * wB * wSe + wSe + wB;
    f += se;
    p += se;
    a += wSe + wB;
  }
  // c: 1x1 w_b -> w_out.
  f += wB * wOut * outArea;
  p += wB * wOut + 2 * wOut;
  a += wOut * outArea;
  acc[0] += times * f;
  acc[1] += times * p;
  acc[2] += times * a;
}

export function flatComplexity(net: FlatNetwork): Complexity {
  const { stemWidth, channels, seRatio } = net;
  let h = convOut(net.resolution, net.stemStride);
  acc[0] = 9 * channels * stemWidth * h * h;
  acc[1] = 9 * channels * stemWidth + 2 * stemWidth;
  acc[2] = stemWidth * h * h;
  let wIn = stemWidth;
  for (let i = 0; i < net.depths.length; i++) {
    const depth = net.depths[i];
    if (depth < 1) continue;
    const width = net.widths[i];
    const wB = roundHalfEven(width / net.ratios[i]);
    const groups = Math.floor(wB / net.groupWidths[i]);
    const hOut = convOut(h, net.strides[i]);
    addBlocks(1, wIn, width, wB, groups, h, hOut, net.strides[i], seRatio);
    if (depth > 1) addBlocks(depth - 1, width, width, wB, groups, hOut, hOut, 1, seRatio);
    wIn = width;
    h = hOut;
  }
  const fc = wIn * net.classes + net.classes;
  return { flops: acc[0] + fc, params: acc[1] + fc, acts: acc[2] + net.classes };
}

export function flattenConfig(cfg: AnyNetConfig): FlatNetwork {
  return {
    stemStride: cfg.stem.type === 'imagenet' ? 2 : 1,
    stemWidth: cfg.stem.width,
    channels: cfg.input.channels,
    resolution: cfg.input.resolution,
    classes: cfg.head.classes,
    seRatio: cfg.seRatio,
    depths: cfg.stages.map((s) => s.depth),
    widths: cfg.stages.map((s) => s.width),
    ratios: cfg.stages.map((s) => s.bottleneckRatio),
    groupWidths: cfg.stages.map((s) => s.groupWidth),
    strides: cfg.stages.map((s) => s.stride),
  };
}

export const closedFormComplexity = (cfg: AnyNetConfig): Complexity => flatComplexity(flattenConfig(cfg));
