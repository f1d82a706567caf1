import type { Stage } from '../space/anynet';
import { generateRegNet, regnetParamProblems, type RegNetParams } from '../space/regnet';
import { roundHalfEven } from '../space/round';
import { headerComments, problemComments, type ExportText } from './export-text';
import type { ModelConfigDoc } from './model-config';
import { describeStageDifference, describeStages, sameStages } from './network-diff';
import { pyFloat } from './python-literal';
import { resolveSafely } from './resolve-safely';

/** timm asserts exactly this many stages (REGNET.md §8, UX-ANCHORS.md §8). */
export const TIMM_STAGES = 4;

/**
 * The stages timm builds: pycls's float64 generation, then timm's own adjust_widths_groups_comp, which
 * matches pycls for bottleneck multipliers <= 1 but has no lcm step and no floor at g.
 */
export function timmStages(p: RegNetParams): Stage[] {
  const gen = generateRegNet(p, 'pycls');
  const botMul = 1 / p.bottleneckRatio;
  return gen.stageWidths.map((width, i) => {
    const wBot = Math.trunc(width * botMul);
    const g = Math.min(p.groupWidth, wBot);
    if (g < 1) throw new Error(`stage ${i + 1} has a bottleneck width of 0, which timm divides by`);
    const v = Math.trunc(roundHalfEven(wBot / g) * g);
    return {
      depth: gen.stageDepths[i],
      width: Math.trunc(v / botMul),
      stride: 2,
      bottleneckRatio: p.bottleneckRatio,
      groupWidth: g,
    };
  });
}

function regnetProblems(doc: ModelConfigDoc, p: RegNetParams): string[] {
  const net = doc.network;
  const problems = regnetParamProblems(p).map(
    (r) => `timm's generate_regnet asserts valid parameters: ${r}.`,
  );
  if (!problems.length) {
    const resolved = resolveSafely(() => timmStages(p));
    if ('error' in resolved) problems.push(`timm cannot resolve these RegNet parameters: ${resolved.error}.`);
    else if (resolved.value.length !== TIMM_STAGES) {
      problems.push(
        `timm's RegNet needs exactly ${TIMM_STAGES} stages, but these parameters give ${resolved.value.length} ` +
          `(${describeStages(resolved.value)}). Change depth, wa or wm, or export pycls or torchvision, which take any stage count.`,
      );
    } else if (!sameStages(resolved.value, net.stages)) {
      problems.push(
        `timm builds ${describeStageDifference(resolved.value, net.stages)} from these RegNet parameters.`,
      );
    }
  }
  if (net.stem.type !== 'imagenet') {
    problems.push(
      "timm's RegNet stem is a stride-2 3x3 conv; it has no CIFAR (stride-1) stem, so it would halve the resolution once more than this config.",
    );
  }
  if (net.stages.some((s) => s.stride !== 2)) {
    problems.push("timm's RegNet gives every stage stride 2; this config has other strides.");
  }
  return problems;
}

/**
 * timm (timm.models.regnet) code that builds the model: RegNetCfg(depth, w0, wa, wm, group_size,
 * bottle_ratio = 1/b, se_ratio, stem_width) and RegNet(cfg, in_chans, num_classes). timm's RegNet takes only
 * RegNet parameters, so an AnyNet without them is not exportable.
 */
export function exportTimm(doc: ModelConfigDoc): ExportText {
  const header = headerComments(doc, 'timm');
  const p = doc.regnet;
  if (!p) {
    const problem =
      "timm's RegNet is built from RegNet parameters (depth, w0, wa, wm) only, and this AnyNet has none; " +
      'export pycls (ANYNET) or torchvision (BlockParams) instead.';
    return { text: `${[...header, ...problemComments([problem])].join('\n')}\n`, problems: [problem] };
  }
  const net = doc.network;
  const problems = regnetProblems(doc, p);
  const args = [
    `depth=${p.depth}`,
    `w0=${p.w0}`,
    `wa=${pyFloat(p.wa)}`,
    `wm=${pyFloat(p.wm)}`,
    `group_size=${p.groupWidth}`,
    `bottle_ratio=${pyFloat(1 / p.bottleneckRatio)}`,
    `se_ratio=${pyFloat(net.seRatio)}`,
    `stem_width=${net.stem.width}`,
  ];
  const lines = [
    ...header,
    ...problemComments(problems),
    'from timm.models.regnet import RegNet, RegNetCfg',
    '',
    `cfg = RegNetCfg(${args.join(', ')})`,
    `model = RegNet(cfg, in_chans=${net.input.channels}, num_classes=${net.head.classes}, zero_init_last=False)` +
      '  # pycls does not zero-init the last BN',
  ];
  return { text: `${lines.join('\n')}\n`, problems };
}
