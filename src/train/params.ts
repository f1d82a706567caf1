import type { BlockPlan, NetworkPlan } from '../space/plan';
import { constantInit, convInit, defaultBiasInit, linearInit, type Init } from './init';

/**
 * The named parameter list of an AnyNet, derived from the same plan that complexity() walks.
 * Order is deterministic (stem, blocks in order, head), which fixes each parameter's init seed.
 * Names follow pycls's structure: stem.conv.w, s1.b1.proj.w, s1.b1.conv_b.w, s1.b1.se.reduce.b, head.fc.w ...
 */
export interface ParamSpec {
  name: string;
  shape: number[];
  init: Init;
  /** false for BN running statistics (buffers, not parameters: complexity excludes them). */
  trainable: boolean;
}

export const blockPrefix = (b: Pick<BlockPlan, 'stage' | 'index'>): string =>
  `s${b.stage + 1}.b${b.index + 1}`;

/** Input channels per group of a block's 3x3 conv; throws when the widths are not group-compatible. */
export function channelsPerGroup(b: BlockPlan): number {
  if (b.groups < 1 || b.wB % b.groups !== 0) {
    throw new Error(
      `Block ${blockPrefix(b)}: bottleneck width ${b.wB} cannot be split into ${b.groups} groups of width ` +
        `${b.groupWidth}. Make the stage widths group-compatible first (adjustCompatibility in src/space/compat.ts).`,
    );
  }
  return b.wB / b.groups;
}

const conv = (name: string, k: number, cinPerGroup: number, cout: number): ParamSpec => ({
  name,
  shape: [k, k, cinPerGroup, cout],
  init: convInit(k, cout),
  trainable: true,
});

/** BN: gamma = 1, beta = 0 (trainable); running mean 0 and running var 1 (buffers). */
const bn = (name: string, w: number): ParamSpec[] => [
  { name: `${name}.gamma`, shape: [w], init: constantInit(1), trainable: true },
  { name: `${name}.beta`, shape: [w], init: constantInit(0), trainable: true },
  { name: `${name}.mean`, shape: [w], init: constantInit(0), trainable: false },
  { name: `${name}.var`, shape: [w], init: constantInit(1), trainable: false },
];

/** A 1x1 conv with bias at 1x1 spatial size (SE); PyTorch default bias init with fan_in = input channels. */
const seConv = (name: string, cin: number, cout: number): ParamSpec[] => [
  conv(`${name}.w`, 1, cin, cout),
  { name: `${name}.b`, shape: [cout], init: defaultBiasInit(cin), trainable: true },
];

function blockSpecs(b: BlockPlan): ParamSpec[] {
  const p = blockPrefix(b);
  const specs: ParamSpec[] = [];
  if (b.projection) specs.push(conv(`${p}.proj.w`, 1, b.wIn, b.wOut), ...bn(`${p}.proj_bn`, b.wOut));
  specs.push(conv(`${p}.conv_a.w`, 1, b.wIn, b.wB), ...bn(`${p}.bn_a`, b.wB));
  specs.push(conv(`${p}.conv_b.w`, 3, channelsPerGroup(b), b.wB), ...bn(`${p}.bn_b`, b.wB));
  if (b.wSe > 0)
    specs.push(...seConv(`${p}.se.reduce`, b.wB, b.wSe), ...seConv(`${p}.se.expand`, b.wSe, b.wB));
  specs.push(conv(`${p}.conv_c.w`, 1, b.wB, b.wOut), ...bn(`${p}.bn_c`, b.wOut));
  return specs;
}

function checkPlan(plan: NetworkPlan): void {
  const positive = (what: string, v: number) => {
    if (!Number.isInteger(v) || v < 1) throw new Error(`${what} must be a positive integer (got ${v}).`);
  };
  positive('Input channels', plan.stem.wIn);
  positive('Input resolution', plan.stem.hIn);
  positive('Stem width', plan.stem.wOut);
  positive('Number of classes', plan.head.classes);
  if (plan.blocks.length === 0)
    throw new Error('The network has no blocks: give at least one stage of depth >= 1.');
  for (const b of plan.blocks) {
    positive(`Block ${blockPrefix(b)} width`, b.wOut);
    positive(`Block ${blockPrefix(b)} bottleneck width`, b.wB);
    positive(`Block ${blockPrefix(b)} stride`, b.stride);
  }
}

export function paramSpecs(plan: NetworkPlan): ParamSpec[] {
  checkPlan(plan);
  const { stem, head } = plan;
  return [
    conv('stem.conv.w', stem.kernel, stem.wIn, stem.wOut),
    ...bn('stem.bn', stem.wOut),
    ...plan.blocks.flatMap(blockSpecs),
    { name: 'head.fc.w', shape: [head.wIn, head.classes], init: linearInit, trainable: true },
    { name: 'head.fc.b', shape: [head.classes], init: constantInit(0), trainable: true },
  ];
}
