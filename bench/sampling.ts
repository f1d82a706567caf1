import { IMAGENET_SHAPE, type AnyNetConfig } from '../src/space/anynet';
import { adjustCompatibility } from '../src/space/compat';
import { complexity } from '../src/space/complexity';
import type { AnyNetSpace, RegNetSpace } from '../src/space/design-space';
import { domainDraw } from '../src/space/domains';
import { createRng } from '../src/space/random';
import { regnetToAnyNet } from '../src/space/regnet';
import { sampleSpace } from '../src/space/sample';
import { getSpace } from '../src/space/spaces';

/**
 * Sampling speed: dslab's sampler against a straightforward baseline that draws the same candidates
 * (same seed, same draw order) but builds the full per-block plan and runs complexity() on every
 * attempt, with no early rejection and no closed form. Both must find the same models.
 */
export interface BenchRow {
  name: string;
  baseline: string;
  dslab: string;
  ratio: string;
}

const N = 500;
const SEED = 0;
const BAND: [number, number] = [360e6, 400e6];

/** Baseline AnyNetX_A sampler: draw d, b, g, w per stage, resolve, plan + complexity, band, dedupe. */
function baselineAnyNet(space: AnyNetSpace): AnyNetConfig[] {
  const rng = createRng(SEED);
  const draw = {
    d: domainDraw(space.domains.d),
    w: domainDraw(space.domains.w),
    b: domainDraw(space.domains.b),
    g: domainDraw(space.domains.g),
  };
  const found: AnyNetConfig[] = [];
  const seen = new Set<string>();
  const S = space.stages;
  while (found.length < N) {
    const d = Array.from({ length: S }, () => draw.d(rng));
    const b = Array.from({ length: S }, () => draw.b(rng));
    const g = Array.from({ length: S }, () => draw.g(rng));
    const w = Array.from({ length: S }, () => draw.w(rng));
    const config: AnyNetConfig = {
      stem: { type: IMAGENET_SHAPE.stem, width: space.stemWidth },
      stages: d.map((depth, i) => {
        const adj = adjustCompatibility({ width: w[i], bottleneckRatio: b[i], groupWidth: g[i] });
        return {
          depth,
          width: adj.width,
          stride: space.stride,
          bottleneckRatio: adj.bottleneckRatio,
          groupWidth: adj.groupWidth,
        };
      }),
      seRatio: space.seRatio,
      head: { classes: IMAGENET_SHAPE.classes },
      input: { channels: IMAGENET_SHAPE.channels, resolution: IMAGENET_SHAPE.resolution },
    };
    const { flops } = complexity(config);
    if (flops < BAND[0] || flops > BAND[1]) continue;
    const key = JSON.stringify(config.stages);
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(config);
  }
  return found;
}

/** Baseline RegNetX sampler: draw, generate + resolve every attempt, stage check, plan + complexity. */
function baselineRegNet(space: RegNetSpace): AnyNetConfig[] {
  const rng = createRng(SEED);
  const draws = (['d', 'w0', 'wa', 'wm', 'g', 'b'] as const).map((p) => domainDraw(space.domains[p]));
  const found: AnyNetConfig[] = [];
  const seen = new Set<string>();
  while (found.length < N) {
    const [depth, w0, wa, wm, groupWidth, bottleneckRatio] = draws.map((draw) => draw(rng));
    const params = { depth, w0, wa, wm, groupWidth, bottleneckRatio, seRatio: space.seRatio };
    const { generation, config } = regnetToAnyNet(params, IMAGENET_SHAPE);
    if (generation.numStages !== generation.totalStages || generation.numStages !== 4) continue;
    const { flops } = complexity(config);
    if (flops < BAND[0] || flops > BAND[1]) continue;
    const key = JSON.stringify(config.stages);
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(config);
  }
  return found;
}

/** Best of a few runs (the machine is shared; the minimum is the least disturbed). */
function time<T>(run: () => T, repeats = 3): { ms: number; result: T } {
  let best = Infinity;
  let result!: T;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    result = run();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, result };
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

function row(name: string, baseline: () => AnyNetConfig[], dslab: () => AnyNetConfig[]): BenchRow {
  const base = time(baseline);
  const ours = time(dslab);
  const same =
    JSON.stringify(base.result.map((c) => c.stages)) === JSON.stringify(ours.result.map((c) => c.stages));
  if (base.result.length !== ours.result.length || !same) {
    throw new Error(
      `${name}: the baseline found ${base.result.length} models, dslab ${ours.result.length}; they must agree.`,
    );
  }
  return { name, baseline: ms(base.ms), dslab: ms(ours.ms), ratio: `${(base.ms / ours.ms).toFixed(1)}x` };
}

export async function benchSampling(): Promise<BenchRow[]> {
  const anynet = getSpace('anynetx_a') as AnyNetSpace;
  const regnet = getSpace('regnetx') as RegNetSpace;
  const ours = (space: AnyNetSpace | RegNetSpace) => () =>
    sampleSpace(space, { n: N, seed: SEED, shape: IMAGENET_SHAPE, band: { flops: BAND } }).models.map(
      (m) => m.config,
    );
  return [
    row(`sample ${N} AnyNetX_A, 360-400MF @224`, () => baselineAnyNet(anynet), ours(anynet)),
    row(`sample ${N} RegNetX, 360-400MF @224`, () => baselineRegNet(regnet), ours(regnet)),
  ];
}
