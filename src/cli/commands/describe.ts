import { ROUNDINGS, type Rounding } from '../../space/compat';
import { generateRegNet } from '../../space/regnet';
import { choiceOption, printJson, type CommandSpec } from '../args';
import { si, table } from '../format';
import { loadModel, SHAPE_HELP, SHAPE_OPTIONS } from '../model-source';

export const describeCommand: CommandSpec = {
  name: 'describe',
  summary: 'show the stages and exact complexity (flops, params, acts) of a preset or a model config',
  usage: 'dslab describe <preset | config.json> [--resolution N] [--in-channels C] [--classes K] [--stem imagenet|cifar] [--rounding pycls|torchvision] [--json]',
  options: { ...SHAPE_OPTIONS, rounding: { type: 'string' } },
  help: `${SHAPE_HELP}
  --rounding R       width/group compatibility convention: pycls (default) or torchvision
  --json             one JSON document on stdout

flops are multiply-adds, counted exactly as pycls counts them.

Examples:
  dslab describe RegNetX-200MF
  dslab describe RegNetY-800MF --resolution 32 --classes 10 --stem cifar --json`,
  run({ values, positionals }) {
    const rounding = choiceOption<Rounding>(values, 'rounding', ROUNDINGS, 'pycls');
    const doc = loadModel(positionals[0], values, rounding);
    const net = doc.network;
    const stages = net.stages.map(({ depth, width, groupWidth, bottleneckRatio, stride }) => ({
      depth,
      width,
      groupWidth,
      bottleneckRatio,
      stride,
    }));
    const generation = doc.regnet ? generateRegNet(doc.regnet, doc.rounding) : undefined;
    const { flops, params, acts } = doc.complexity;
    if (values.json) {
      return printJson({
        name: doc.name ?? positionals[0],
        rounding: doc.rounding,
        regnet: doc.regnet,
        input: net.input,
        stem: net.stem,
        seRatio: net.seRatio,
        classes: net.head.classes,
        stages,
        flops,
        params,
        acts,
        ...(generation && {
          numStages: generation.numStages,
          totalStages: generation.totalStages,
          continuousWidths: generation.continuousWidths,
          blockWidths: generation.blockWidths,
        }),
      });
    }
    const title = doc.name ?? positionals[0];
    const block = net.seRatio > 0 ? `Y block (SE ${net.seRatio})` : 'X block';
    console.log(
      `${title}: ${net.input.resolution}px x ${net.input.channels}ch, ${net.head.classes} classes, ${net.stem.type} stem (w ${net.stem.width}), ${block}, ${doc.rounding} rounding`,
    );
    if (doc.regnet) {
      const r = doc.regnet;
      console.log(`RegNet: d=${r.depth} w0=${r.w0} wa=${r.wa} wm=${r.wm} g=${r.groupWidth} b=${r.bottleneckRatio}`);
      if (generation && generation.numStages !== generation.totalStages) {
        console.log(`warning: quantization skips a stage (num_stages ${generation.numStages} != total_stages ${generation.totalStages})`);
      }
    }
    console.log(
      table(
        ['stage', 'depth', 'width', 'groupWidth', 'bottleneckRatio', 'stride'],
        stages.map((s, i) => [i + 1, s.depth, s.width, s.groupWidth, s.bottleneckRatio, s.stride]),
      ),
    );
    console.log(`flops ${flops} (${si(flops)})  params ${params} (${si(params)})  acts ${acts} (${si(acts)})`);
  },
};
