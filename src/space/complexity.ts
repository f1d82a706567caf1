import type { AnyNetConfig } from './anynet';
import { floorDiv } from './round';
import { planNetwork, type BlockPlan, type NetworkPlan } from './plan';

/** flops are multiply-adds (paper footnote 3); params include BN gamma/beta; acts are layer output sizes. */
export interface Complexity {
  flops: number;
  params: number;
  acts: number;
}

const ZERO: Complexity = { flops: 0, params: 0, acts: 0 };

const add = (a: Complexity, b: Complexity): Complexity => ({
  flops: a.flops + b.flops,
  params: a.params + b.params,
  acts: a.acts + b.acts,
});

/** A k x k conv on an hOut x hOut output, as pycls conv2d_cx counts it (REGNET.md §3). */
function conv(k: number, wIn: number, wOut: number, hOut: number, groups = 1, bias = false): Complexity {
  const area = hOut * hOut;
  return {
    flops: floorDiv(k * k * wIn * wOut * area, groups) + (bias ? wOut * area : 0),
    params: floorDiv(k * k * wIn * wOut, groups) + (bias ? wOut : 0),
    acts: wOut * area,
  };
}

/** BatchNorm: gamma and beta only; no flops or acts. */
const bn = (w: number): Complexity => ({ flops: 0, params: 2 * w, acts: 0 });

/** SE: two 1x1 convs with bias at 1x1 spatial size, after global pooling. */
const se = (wB: number, wSe: number): Complexity =>
  add(conv(1, wB, wSe, 1, 1, true), conv(1, wSe, wB, 1, 1, true));

export function blockComplexity(b: BlockPlan): Complexity {
  let cx = ZERO;
  if (b.projection) cx = add(cx, add(conv(1, b.wIn, b.wOut, b.hOut), bn(b.wOut)));
  cx = add(cx, add(conv(1, b.wIn, b.wB, b.hIn), bn(b.wB)));
  cx = add(cx, add(conv(3, b.wB, b.wB, b.hOut, b.groups), bn(b.wB)));
  if (b.wSe > 0) cx = add(cx, se(b.wB, b.wSe));
  return add(cx, add(conv(1, b.wB, b.wOut, b.hOut), bn(b.wOut)));
}

export function planComplexity(plan: NetworkPlan): Complexity {
  const { stem, head } = plan;
  let cx = add(conv(3, stem.wIn, stem.wOut, stem.hOut), bn(stem.wOut));
  for (const b of plan.blocks) cx = add(cx, blockComplexity(b));
  const fc = head.wIn * head.classes + head.classes;
  return add(cx, { flops: fc, params: fc, acts: head.classes });
}

export const complexity = (cfg: AnyNetConfig): Complexity => planComplexity(planNetwork(cfg));
