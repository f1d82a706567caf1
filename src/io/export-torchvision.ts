import type { Stage } from '../space/anynet';
import { regnetParamProblems, regnetToAnyNet, type RegNetParams } from '../space/regnet';
import { headerComments, inputChannelProblems, problemComments, type ExportText } from './export-text';
import type { ModelConfigDoc } from './model-config';
import { describeStageDifference, sameStages, shapeOf } from './network-diff';
import { pyFloat, pyList } from './python-literal';
import { resolveSafely } from './resolve-safely';

/**
 * init-params: BlockParams.from_init_params(depth, w_0, w_a, w_m, ...), which re-derives the stages with
 * torchvision's own rounding; block-params: BlockParams(depths, widths, ...), which builds given stages exactly.
 */
export type TorchvisionForm = 'init-params' | 'block-params';

const seArg = (seRatio: number) => (seRatio > 0 ? pyFloat(seRatio) : 'None');

function blockParamsCall(doc: ModelConfigDoc): string {
  const stages = doc.network.stages;
  const ints = (f: (s: Stage) => number) => pyList(stages.map((s) => String(f(s))));
  return (
    `BlockParams(depths=${ints((s) => s.depth)}, widths=${ints((s) => s.width)}, ` +
    `group_widths=${ints((s) => s.groupWidth)}, ` +
    `bottleneck_multipliers=${pyList(stages.map((s) => pyFloat(1 / s.bottleneckRatio)))}, ` +
    `strides=${ints((s) => s.stride)}, se_ratio=${seArg(doc.network.seRatio)})`
  );
}

function initParamsCall(p: RegNetParams, seRatio: number): string {
  return (
    `BlockParams.from_init_params(depth=${p.depth}, w_0=${p.w0}, w_a=${pyFloat(p.wa)}, w_m=${pyFloat(p.wm)}, ` +
    `group_width=${p.groupWidth}, bottleneck_multiplier=${pyFloat(1 / p.bottleneckRatio)}, se_ratio=${seArg(seRatio)})`
  );
}

/** Problems of the from_init_params form; `exactAlternative` is set when BlockParams(...) would fix them. */
function initParamsProblems(
  doc: ModelConfigDoc,
  p: RegNetParams,
): { problems: string[]; exactAlternative: boolean } {
  const net = doc.network;
  const invalid = regnetParamProblems(p);
  if (invalid.length) {
    return {
      problems: invalid.map((r) => `torchvision raises ValueError("Invalid RegNet settings"): ${r}.`),
      exactAlternative: true,
    };
  }
  const problems: string[] = [];
  const resolved = resolveSafely(() => regnetToAnyNet(p, shapeOf(net), 'torchvision').stages);
  if ('error' in resolved)
    problems.push(`torchvision cannot resolve these RegNet parameters: ${resolved.error}.`);
  else if (!sameStages(resolved.value, net.stages)) {
    problems.push(
      `torchvision's from_init_params rounds differently (float32 generation, _make_divisible) and builds ` +
        `${describeStageDifference(resolved.value, net.stages)}; the BlockParams(...) form builds this config's stages exactly.`,
    );
  }
  if (net.stages.some((s) => s.stride !== 2)) {
    problems.push(
      'from_init_params gives every stage stride 2; this config has other strides (use the BlockParams form).',
    );
  }
  return { problems, exactAlternative: problems.length > 0 };
}

/**
 * torchvision (torchvision.models.regnet) code that builds the model. RegNets use from_init_params by
 * default; AnyNets (and RegNets with form 'block-params') use BlockParams(...) with the stages as they are.
 */
export function exportTorchvision(doc: ModelConfigDoc, options: { form?: TorchvisionForm } = {}): ExportText {
  const net = doc.network;
  const p = doc.regnet;
  const form: TorchvisionForm = p && options.form !== 'block-params' ? 'init-params' : 'block-params';
  const problems = inputChannelProblems(doc, 'torchvision');
  if (net.stem.type !== 'imagenet') {
    problems.push(
      "torchvision's default stem (SimpleStemIN) has stride 2; this config's CIFAR stem has stride 1, so pass a custom stem_type.",
    );
  }
  const code: string[] = [];
  if (form === 'init-params' && p) {
    const init = initParamsProblems(doc, p);
    problems.push(...init.problems);
    code.push(`block_params = ${initParamsCall(p, net.seRatio)}`);
    if (init.exactAlternative) {
      code.push(
        "# For exactly this config's stages use instead:",
        `# block_params = ${blockParamsCall(doc)}`,
      );
    }
  } else {
    code.push(`block_params = ${blockParamsCall(doc)}`);
  }
  const lines = [
    ...headerComments(doc, 'torchvision'),
    ...problemComments(problems),
    'from torchvision.models.regnet import BlockParams, RegNet',
    '',
    ...code,
    `model = RegNet(block_params, num_classes=${net.head.classes}, stem_width=${net.stem.width})`,
  ];
  return { text: `${lines.join('\n')}\n`, problems };
}
