import type { NetworkShape } from './anynet';
import { flatComplexity, type FlatNetwork } from './closed-form';
import { adjustCompatibility, type Rounding, type StageWidths } from './compat';
import { constraintLabel, rangeKeys } from './constraints';
import {
  ANYNET_PARAMS,
  COMPLEXITY_METRICS,
  stageKey,
  type AnyNetParam,
  type AnyNetSpace,
} from './design-space';
import { domainDraw, domainLaw, lawOf, type DiscreteLaw } from './domains';
import { chainBound, chainTable, sampleChain, type ChainTable } from './monotone';
import type { Proposer } from './proposer';
import type { Rng } from './random';

/**
 * Candidate generator for AnyNet spaces.
 *
 * Draw order: depths, bottleneck ratios, group widths, widths (widths last because, under
 * "increasing widths", their law depends on the drawn b and g). A shared parameter is one draw
 * broadcast to every stage. Each stage is resolved with adjustCompatibility and every constraint
 * is checked on the resolved values.
 *
 * Increasing constraints keep the law of plain rejection (independent draws, keep the ordered ones)
 * but sample it directly:
 * - depths are not changed by compatibility, so ordered depths are drawn exactly by a chain DP over
 *   the depth law (monotone.ts);
 * - resolved widths depend on (w, b, g). Given the drawn b and g, each stage's resolved width has a
 *   known law (the width law pushed through adjustCompatibility); ordered resolved widths are drawn by
 *   the chain DP and accepted with probability z(b, g) / zMax, which gives (b, g) its correct weight
 *   P(ordered | b, g). A rejection here is charged to "increasing widths".
 */

interface Pushforward {
  /** Law of the resolved width for one (b, g). */
  law: DiscreteLaw;
  /** For each resolved width, the drawn widths mapping to it and their cumulative masses. */
  preimages: Map<number, { widths: number[]; cumulative: number[] }>;
}

function pushforward(wLaw: DiscreteLaw, b: number, g: number, rounding: Rounding): Pushforward {
  const pairs: [number, number][] = [];
  const preimages = new Map<number, { widths: number[]; cumulative: number[] }>();
  wLaw.values.forEach((w, j) => {
    const r = adjustCompatibility({ width: w, bottleneckRatio: b, groupWidth: g }, rounding).width;
    const m = wLaw.masses[j];
    pairs.push([r, m]);
    const pre = preimages.get(r) ?? { widths: [], cumulative: [] };
    pre.widths.push(w);
    pre.cumulative.push((pre.cumulative[pre.cumulative.length - 1] ?? 0) + m);
    preimages.set(r, pre);
  });
  return { law: lawOf(pairs), preimages };
}

/** Ordered resolved widths: per-(b, g) pushforwards, DP tables per tuple of stage (b, g), envelope zMax. */
function increasingWidths(space: AnyNetSpace, rounding: Rounding, sharedBG: boolean) {
  const S = space.stages;
  const wLaw = domainLaw(space.domains.w);
  const bValues = domainLaw(space.domains.b).values;
  const gValues = domainLaw(space.domains.g).values;
  const pairIndex = new Map<number, Map<number, number>>();
  const pairs: Pushforward[] = [];
  for (const b of bValues) {
    const byG = new Map<number, number>();
    for (const g of gValues) {
      byG.set(g, pairs.length);
      pairs.push(pushforward(wLaw, b, g, rounding));
    }
    pairIndex.set(b, byG);
  }
  const grid = [...new Set(pairs.flatMap((p) => p.law.values))].sort((a, b) => a - b);
  const tableFor = (tuple: number[]) =>
    chainTable(
      tuple.map((k) => pairs[k].law),
      grid,
    );
  // With shared b and g every stage has the same pair: the exact maximum is cheap. Otherwise bound it.
  const zMax = sharedBG
    ? Math.max(...pairs.map((_, k) => tableFor(new Array(S).fill(k)).z))
    : chainBound(new Array(S).fill(pairs.map((p) => p.law)), grid);
  const tables = new Map<string, ChainTable>();
  const tuple = new Array<number>(S).fill(0);

  /** Fills widths (drawn) given ratios and group widths; false when the (b, g) draw is rejected. */
  return (rng: Rng, ratios: number[], groups: number[], widths: number[]): boolean => {
    for (let i = 0; i < S; i++) tuple[i] = pairIndex.get(ratios[i])!.get(groups[i])!;
    const key = tuple.join(',');
    let table = tables.get(key);
    if (!table) tables.set(key, (table = tableFor(tuple)));
    if (rng.next() * zMax >= table.z) return false;
    const picks = sampleChain(table, rng);
    for (let i = 0; i < S; i++) {
      const { widths: ws, cumulative } = pairs[tuple[i]].preimages.get(grid[picks[i]])!;
      const u = rng.next() * cumulative[cumulative.length - 1];
      let j = 0;
      while (j < ws.length - 1 && cumulative[j] <= u) j++;
      widths[i] = ws[j];
    }
    return true;
  };
}

/** adjustCompatibility memoized on (w, b, g): the domains are small grids, and this keeps the loop allocation-free. */
function memoizedCompatibility(rounding: Rounding): (w: number, b: number, g: number) => StageWidths {
  const memo = new Map<number, Map<number, Map<number, StageWidths>>>();
  return (w, b, g) => {
    let byB = memo.get(w);
    if (!byB) memo.set(w, (byB = new Map()));
    let byG = byB.get(b);
    if (!byG) byB.set(b, (byG = new Map()));
    let out = byG.get(g);
    if (!out)
      byG.set(g, (out = adjustCompatibility({ width: w, bottleneckRatio: b, groupWidth: g }, rounding)));
    return out;
  };
}

export function anynetProposer(space: AnyNetSpace, shape: NetworkShape, rounding: Rounding): Proposer {
  const S = space.stages;
  const compatible = memoizedCompatibility(rounding);
  const has = (kind: 'shared' | 'increasing', p: AnyNetParam) =>
    space.constraints.some((c) => c.kind === kind && c.param === p);
  const reasons: string[] = [];
  const reasonIndex = (label: string) => {
    if (!reasons.includes(label)) reasons.push(label);
    return reasons.indexOf(label);
  };

  const drawn: Record<AnyNetParam, number[]> = { d: [], w: [], b: [], g: [] };
  const fillers = {} as Record<AnyNetParam, (rng: Rng) => void>;
  for (const p of ANYNET_PARAMS) {
    const xs = (drawn[p] = new Array<number>(S).fill(0));
    const draw = domainDraw(space.domains[p]);
    if (has('shared', p)) {
      fillers[p] = (rng) => xs.fill(draw(rng));
    } else if (p === 'd' && has('increasing', 'd')) {
      const law = domainLaw(space.domains.d);
      const table = chainTable(new Array(S).fill(law));
      fillers[p] = (rng) => sampleChain(table, rng).forEach((k, i) => (xs[i] = table.grid[k]));
    } else {
      fillers[p] = (rng) => {
        for (let i = 0; i < S; i++) xs[i] = draw(rng);
      };
    }
  }
  const orderedWidths = has('increasing', 'w')
    ? increasingWidths(space, rounding, has('shared', 'b') && has('shared', 'g'))
    : undefined;
  const widthsRejected = orderedWidths
    ? reasonIndex(constraintLabel({ kind: 'increasing', param: 'w' }))
    : -1;

  // Resolved (post-compatibility) values: what the checks, the complexity and the model see.
  const net: FlatNetwork & { depths: number[]; widths: number[]; ratios: number[]; groupWidths: number[] } = {
    stemStride: shape.stem === 'imagenet' ? 2 : 1,
    stemWidth: space.stemWidth,
    channels: shape.channels,
    resolution: shape.resolution,
    classes: shape.classes,
    seRatio: space.seRatio,
    depths: new Array<number>(S).fill(0),
    widths: new Array<number>(S).fill(0),
    ratios: new Array<number>(S).fill(0),
    groupWidths: new Array<number>(S).fill(0),
    strides: new Array<number>(S).fill(space.stride),
  };
  const resolved: Record<AnyNetParam, number[]> = {
    d: net.depths,
    w: net.widths,
    b: net.ratios,
    g: net.groupWidths,
  };
  const at = (key: string) => resolved[key[0] as AnyNetParam][Number(key.slice(1)) - 1];

  const checks: { reason: number; test: () => boolean }[] = [];
  for (const c of space.constraints) {
    const reason = reasonIndex(constraintLabel(c));
    if (c.kind === 'shared') {
      const xs = resolved[c.param];
      checks.push({ reason, test: () => xs.every((x) => x === xs[0]) });
    } else if (c.kind === 'increasing') {
      const xs = resolved[c.param];
      checks.push({ reason, test: () => xs.every((x, i) => i === 0 || x >= xs[i - 1]) });
    } else if (c.kind === 'range' && !(COMPLEXITY_METRICS as readonly string[]).includes(c.param)) {
      const keys = rangeKeys(space, c.param);
      const { lo, hi } = c;
      checks.push({ reason, test: () => keys.every((k) => at(k) >= lo && at(k) <= hi) });
    }
  }

  return {
    reasons,
    draw(rng) {
      fillers.d(rng);
      fillers.b(rng);
      fillers.g(rng);
      if (orderedWidths) {
        if (!orderedWidths(rng, drawn.b, drawn.g, drawn.w)) return widthsRejected;
      } else fillers.w(rng);
      for (let i = 0; i < S; i++) {
        const adj = compatible(drawn.w[i], drawn.b[i], drawn.g[i]);
        net.depths[i] = drawn.d[i];
        net.widths[i] = adj.width;
        net.ratios[i] = adj.bottleneckRatio;
        net.groupWidths[i] = adj.groupWidth;
      }
      for (const { reason, test } of checks) if (!test()) return reason;
      return -1;
    },
    complexity: () => flatComplexity(net),
    key: () => `${net.depths}|${net.widths}|${net.ratios}|${net.groupWidths}`,
    model(complexity) {
      const design: Record<string, number> = {};
      for (const p of ANYNET_PARAMS) for (let i = 0; i < S; i++) design[stageKey(p, i)] = resolved[p][i];
      return {
        space: space.id,
        design,
        rounding,
        config: {
          stem: { type: shape.stem, width: space.stemWidth },
          stages: net.depths.map((depth, i) => ({
            depth,
            width: net.widths[i],
            stride: space.stride,
            bottleneckRatio: net.ratios[i],
            groupWidth: net.groupWidths[i],
          })),
          seRatio: space.seRatio,
          head: { classes: shape.classes },
          input: { channels: shape.channels, resolution: shape.resolution },
        },
        complexity,
      };
    },
  };
}
