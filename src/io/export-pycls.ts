import { regnetParamProblems, regnetToAnyNet } from '../space/regnet';
import { roundHalfEven } from '../space/round';
import { headerComments, inputChannelProblems, problemComments, type ExportText } from './export-text';
import type { ModelConfigDoc } from './model-config';
import { commonStride, describeStageDifference, sameStages, shapeOf } from './network-diff';
import { pyBool, pyList, yamlFloat } from './python-literal';
import { resolveSafely } from './resolve-safely';

export type PyclsForm = 'regnet' | 'anynet';

const STEM_TYPE = { imagenet: 'simple_stem_in', cifar: 'res_stem_cifar' } as const;

/** pycls resizes test images to TEST.IM_SIZE and center-crops TRAIN.IM_SIZE (256/224 for ImageNet); CIFAR uses one size. */
const testSize = (doc: ModelConfigDoc): number => {
  const r = doc.network.input.resolution;
  return doc.network.stem.type === 'imagenet' ? roundHalfEven((r * 256) / 224) : r;
};

const section = (name: string, entries: [string, string | number][]): string[] => [
  `${name}:`,
  ...entries.map(([key, value]) => `  ${key}: ${value}`),
];

function regnetSection(doc: ModelConfigDoc, problems: string[]): string[] {
  const p = doc.regnet!;
  const net = doc.network;
  const invalid = regnetParamProblems(p);
  for (const reason of invalid) problems.push(`pycls's generate_regnet asserts valid parameters: ${reason}.`);
  if (!invalid.length) {
    const resolved = resolveSafely(() => regnetToAnyNet(p, shapeOf(net), 'pycls').stages);
    if ('error' in resolved) problems.push(`pycls cannot resolve these RegNet parameters: ${resolved.error}`);
    else if (!sameStages(resolved.value, net.stages)) {
      problems.push(
        `pycls builds ${describeStageDifference(resolved.value, net.stages)} from these RegNet parameters; ` +
          "export the ANYNET form to keep this config's exact stages.",
      );
    }
  }
  const stride = commonStride(net.stages);
  if (stride === null) {
    problems.push(
      `REGNET.STRIDE is one stride for every stage, but this config has strides ` +
        `${pyList(net.stages.map((s) => String(s.stride)))}; export the ANYNET form instead.`,
    );
  }
  const se = net.seRatio > 0;
  return section('REGNET', [
    ['DEPTH', p.depth],
    ['W0', p.w0],
    ['WA', yamlFloat(p.wa)],
    ['WM', yamlFloat(p.wm)],
    ['GROUP_W', p.groupWidth],
    ['BOT_MUL', yamlFloat(1 / p.bottleneckRatio)],
    ['SE_ON', pyBool(se)],
    ...(se ? [['SE_R', yamlFloat(net.seRatio)] as [string, string]] : []),
    ['STEM_TYPE', STEM_TYPE[net.stem.type]],
    ['STEM_W', net.stem.width],
    ['BLOCK_TYPE', 'res_bottleneck_block'],
    ['STRIDE', stride ?? net.stages[0].stride],
  ]);
}

function anynetSection(doc: ModelConfigDoc): string[] {
  const net = doc.network;
  const ints = (f: (s: (typeof net.stages)[number]) => number) => pyList(net.stages.map((s) => String(f(s))));
  const se = net.seRatio > 0;
  return section('ANYNET', [
    ['STEM_TYPE', STEM_TYPE[net.stem.type]],
    ['STEM_W', net.stem.width],
    ['BLOCK_TYPE', 'res_bottleneck_block'],
    ['DEPTHS', ints((s) => s.depth)],
    ['WIDTHS', ints((s) => s.width)],
    ['STRIDES', ints((s) => s.stride)],
    ['BOT_MULS', pyList(net.stages.map((s) => yamlFloat(1 / s.bottleneckRatio)))],
    ['GROUP_WS', ints((s) => s.groupWidth)],
    ['SE_ON', pyBool(se)],
    ...(se ? [['SE_R', yamlFloat(net.seRatio)] as [string, string]] : []),
  ]);
}

/**
 * A pycls config (yacs YAML): MODEL.TYPE regnet with REGNET.* when the config has RegNet parameters
 * (unless form 'anynet' is asked for), else MODEL.TYPE anynet with the per-stage ANYNET.* lists.
 * Written by hand: the subset is tiny and the output must be byte-for-byte deterministic.
 */
export function exportPycls(doc: ModelConfigDoc, options: { form?: PyclsForm } = {}): ExportText {
  const form: PyclsForm = doc.regnet && options.form !== 'anynet' ? 'regnet' : 'anynet';
  const problems = inputChannelProblems(doc, 'pycls');
  const body = form === 'regnet' ? regnetSection(doc, problems) : anynetSection(doc);
  const r = doc.network.input.resolution;
  const lines = [
    ...headerComments(doc, 'pycls'),
    ...problemComments(problems),
    ...section('MODEL', [
      ['TYPE', form],
      ['NUM_CLASSES', doc.network.head.classes],
    ]),
    ...body,
    ...section('TRAIN', [['IM_SIZE', r]]),
    ...section('TEST', [['IM_SIZE', testSize(doc)]]),
  ];
  return { text: `${lines.join('\n')}\n`, problems };
}
