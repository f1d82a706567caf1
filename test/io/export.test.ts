import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IMAGENET_SHAPE } from '../../src/space/anynet';
import { complexity } from '../../src/space/complexity';
import { regnetToAnyNet, type RegNetParams } from '../../src/space/regnet';
import { exportModel, fileStem } from '../../src/io/export';
import { exportPycls } from '../../src/io/export-pycls';
import { exportTimm } from '../../src/io/export-timm';
import { exportTorchvision } from '../../src/io/export-torchvision';
import { makeModelConfig, type ModelConfigDoc } from '../../src/io/model-config';
import { parseModelConfig } from '../../src/io/parse';
import { pyFloat, yamlFloat } from '../../src/io/python-literal';
import { anynetDoc, presetDoc, withRegNet } from './fixtures';
import { anyNetArb } from './arbitraries';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

const X200_STAGES =
  '# dslab stages (pycls rounding): depths [1, 1, 4, 7], widths [24, 56, 152, 368], group widths [8, 8, 8, 8]';
// RegNetY-800MF by hand (REGNET.md §2.1/§2.2): k = [0,1,1,1,2,2,2,2,2,2,2,2,3,3] -> q-ws [56,136,320,776],
// ds [1,3,8,2]; pycls half-even to multiples of 16 -> [64,128,320,768]; torchvision half-up -> [64,144,320,784].
const Y800_STAGES =
  '# dslab stages (pycls rounding): depths [1, 3, 8, 2], widths [64, 128, 320, 768], group widths [16, 16, 16, 16]';

describe('pycls YAML', () => {
  it('writes RegNetX-200MF as MODEL.TYPE regnet with REGNET.* keys', () => {
    const out = exportPycls(presetDoc('RegNetX-200MF'));
    expect(out.problems).toEqual([]);
    expect(out.text).toBe(
      lines(
        '# RegNetX-200MF for pycls, exported by dslab',
        X200_STAGES,
        'MODEL:',
        '  TYPE: regnet',
        '  NUM_CLASSES: 1000',
        'REGNET:',
        '  DEPTH: 13',
        '  W0: 24',
        '  WA: 36.44',
        '  WM: 2.49',
        '  GROUP_W: 8',
        '  BOT_MUL: 1.0',
        '  SE_ON: False',
        '  STEM_TYPE: simple_stem_in',
        '  STEM_W: 32',
        '  BLOCK_TYPE: res_bottleneck_block',
        '  STRIDE: 2',
        'TRAIN:',
        '  IM_SIZE: 224',
        'TEST:',
        '  IM_SIZE: 256',
      ),
    );
  });

  it('writes RegNetY-800MF with SE_ON True and SE_R 0.25', () => {
    const out = exportPycls(presetDoc('RegNetY-800MF'));
    expect(out.problems).toEqual([]);
    expect(out.text).toBe(
      lines(
        '# RegNetY-800MF for pycls, exported by dslab',
        Y800_STAGES,
        'MODEL:',
        '  TYPE: regnet',
        '  NUM_CLASSES: 1000',
        'REGNET:',
        '  DEPTH: 14',
        '  W0: 56',
        '  WA: 38.84',
        '  WM: 2.4',
        '  GROUP_W: 16',
        '  BOT_MUL: 1.0',
        '  SE_ON: True',
        '  SE_R: 0.25',
        '  STEM_TYPE: simple_stem_in',
        '  STEM_W: 32',
        '  BLOCK_TYPE: res_bottleneck_block',
        '  STRIDE: 2',
        'TRAIN:',
        '  IM_SIZE: 224',
        'TEST:',
        '  IM_SIZE: 256',
      ),
    );
  });

  it('writes an AnyNet as MODEL.TYPE anynet with per-stage lists and BOT_MULS = 1/b', () => {
    const out = exportPycls(anynetDoc());
    expect(out.problems).toEqual([]);
    expect(out.text).toBe(
      lines(
        '# tiny-anynet for pycls, exported by dslab',
        '# dslab stages: depths [1, 2], widths [32, 64], group widths [8, 16], bottleneck ratios [1, 2]',
        'MODEL:',
        '  TYPE: anynet',
        '  NUM_CLASSES: 10',
        'ANYNET:',
        '  STEM_TYPE: res_stem_cifar',
        '  STEM_W: 16',
        '  BLOCK_TYPE: res_bottleneck_block',
        '  DEPTHS: [1, 2]',
        '  WIDTHS: [32, 64]',
        '  STRIDES: [1, 2]',
        '  BOT_MULS: [1.0, 0.5]',
        '  GROUP_WS: [8, 16]',
        '  SE_ON: True',
        '  SE_R: 0.25',
        'TRAIN:',
        '  IM_SIZE: 32',
        'TEST:',
        '  IM_SIZE: 32',
      ),
    );
  });

  it('writes a RegNet in ANYNET form when asked', () => {
    const text = exportPycls(presetDoc('RegNetX-200MF'), { form: 'anynet' }).text;
    expect(text).toContain('  TYPE: anynet\n');
    expect(text).toContain('  DEPTHS: [1, 1, 4, 7]\n  WIDTHS: [24, 56, 152, 368]\n  STRIDES: [2, 2, 2, 2]\n');
    expect(text).toContain('  GROUP_WS: [8, 8, 8, 8]\n');
  });

  it('flags stages that pycls would not rebuild from the RegNet parameters (torchvision rounding)', () => {
    const doc = presetDoc('RegNetX-400MF', IMAGENET_SHAPE, 'torchvision');
    const { problems } = exportPycls(doc);
    expect(problems).toHaveLength(1);
    // REGNET.md §8: pycls gives the last stage 384 where torchvision's rounding gives 400.
    expect(problems[0]).toContain('widths [32, 64, 160, 384] where this config has [32, 64, 160, 400]');
    expect(problems[0]).toContain('ANYNET form');
    expect(exportPycls(doc, { form: 'anynet' }).problems).toEqual([]);
  });

  it('flags an input that is not 3 channels', () => {
    const doc = presetDoc('RegNetX-200MF', { ...IMAGENET_SHAPE, channels: 1 });
    expect(exportPycls(doc).problems.join(' ')).toMatch(/3 input channels; this config has 1/);
  });

  it('keeps a hostile model name inside its comment line', () => {
    const doc = { ...presetDoc('RegNetX-200MF'), name: 'evil\nMODEL:\n  TYPE: resnet\r\u2028x' };
    const text = exportPycls(doc).text;
    expect(text.split('\n')[0]).toBe('# evil MODEL: TYPE: resnet x for pycls, exported by dslab');
    expect(text.match(/^ {2}TYPE:/gm)).toHaveLength(1);
  });
});

describe('timm RegNetCfg', () => {
  it('writes RegNetX-200MF', () => {
    const out = exportTimm(presetDoc('RegNetX-200MF'));
    expect(out.problems).toEqual([]);
    expect(out.text).toBe(
      lines(
        '# RegNetX-200MF for timm, exported by dslab',
        X200_STAGES,
        'from timm.models.regnet import RegNet, RegNetCfg',
        '',
        'cfg = RegNetCfg(depth=13, w0=24, wa=36.44, wm=2.49, group_size=8, bottle_ratio=1.0, se_ratio=0.0, stem_width=32)',
        'model = RegNet(cfg, in_chans=3, num_classes=1000, zero_init_last=False)  # pycls does not zero-init the last BN',
      ),
    );
  });

  it('writes RegNetY-800MF with se_ratio 0.25', () => {
    const out = exportTimm(presetDoc('RegNetY-800MF'));
    expect(out.problems).toEqual([]);
    expect(out.text).toBe(
      lines(
        '# RegNetY-800MF for timm, exported by dslab',
        Y800_STAGES,
        'from timm.models.regnet import RegNet, RegNetCfg',
        '',
        'cfg = RegNetCfg(depth=14, w0=56, wa=38.84, wm=2.4, group_size=16, bottle_ratio=1.0, se_ratio=0.25, stem_width=32)',
        'model = RegNet(cfg, in_chans=3, num_classes=1000, zero_init_last=False)  # pycls does not zero-init the last BN',
      ),
    );
  });

  it('writes bottle_ratio as the multiplier 1/b', () => {
    const doc = withRegNet(presetDoc('RegNetX-200MF'), { bottleneckRatio: 4 });
    expect(exportTimm(doc).text).toContain('bottle_ratio=0.25,');
  });

  it('flags a RegNet with 3 stages: timm needs exactly 4', () => {
    // §2.1 by hand: u_j = 24(1 + j), s_j = log2(1 + j) = 0, 1, 1.58, 2 -> k = [0, 1, 2, 2]:
    // widths 24, 48, 96, 96 -> 3 stages with depths [1, 1, 2].
    const regnet: RegNetParams = {
      depth: 4,
      w0: 24,
      wa: 24,
      wm: 2,
      groupWidth: 8,
      bottleneckRatio: 1,
      seRatio: 0,
    };
    const { config } = regnetToAnyNet(regnet, IMAGENET_SHAPE);
    const doc = makeModelConfig(config, complexity(config), { regnet });
    expect(config.stages.map((s) => [s.depth, s.width])).toEqual([
      [1, 24],
      [1, 48],
      [2, 96],
    ]);
    const { problems, text } = exportTimm(doc);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/exactly 4 stages, but these parameters give 3/);
    expect(text).toContain('# PROBLEM: timm');
    expect(exportPycls(doc).problems).toEqual([]);
    expect(exportTorchvision(doc).problems).toEqual([]);
  });

  it('refuses an AnyNet without RegNet parameters, with the reason', () => {
    const { problems, text } = exportTimm(anynetDoc());
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/RegNet parameters .* only, and this AnyNet has none/);
    expect(text).not.toContain('RegNetCfg(');
  });

  it('flags a CIFAR stem, which timm does not have', () => {
    const doc = presetDoc('RegNetX-200MF', { resolution: 32, channels: 3, classes: 10, stem: 'cifar' });
    expect(exportTimm(doc).problems.join(' ')).toMatch(/no CIFAR \(stride-1\) stem/);
  });
});

describe('torchvision BlockParams', () => {
  it('writes RegNetX-200MF with from_init_params (torchvision rounding gives the same stages)', () => {
    const out = exportTorchvision(presetDoc('RegNetX-200MF'));
    expect(out.problems).toEqual([]);
    expect(out.text).toBe(
      lines(
        '# RegNetX-200MF for torchvision, exported by dslab',
        X200_STAGES,
        'from torchvision.models.regnet import BlockParams, RegNet',
        '',
        'block_params = BlockParams.from_init_params(depth=13, w_0=24, w_a=36.44, w_m=2.49, group_width=8, ' +
          'bottleneck_multiplier=1.0, se_ratio=None)',
        'model = RegNet(block_params, num_classes=1000, stem_width=32)',
      ),
    );
  });

  it('says that torchvision rounds RegNetY-800MF differently and gives the exact alternative', () => {
    const out = exportTorchvision(presetDoc('RegNetY-800MF'));
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toContain('widths [64, 144, 320, 784] where this config has [64, 128, 320, 768]');
    expect(out.text).toBe(
      lines(
        '# RegNetY-800MF for torchvision, exported by dslab',
        Y800_STAGES,
        `# PROBLEM: ${out.problems[0]}`,
        'from torchvision.models.regnet import BlockParams, RegNet',
        '',
        'block_params = BlockParams.from_init_params(depth=14, w_0=56, w_a=38.84, w_m=2.4, group_width=16, ' +
          'bottleneck_multiplier=1.0, se_ratio=0.25)',
        "# For exactly this config's stages use instead:",
        '# block_params = BlockParams(depths=[1, 3, 8, 2], widths=[64, 128, 320, 768], group_widths=[16, 16, 16, 16], ' +
          'bottleneck_multipliers=[1.0, 1.0, 1.0, 1.0], strides=[2, 2, 2, 2], se_ratio=0.25)',
        'model = RegNet(block_params, num_classes=1000, stem_width=32)',
      ),
    );
  });

  it('has no rounding problem for a config resolved with torchvision rounding', () => {
    expect(exportTorchvision(presetDoc('RegNetY-800MF', IMAGENET_SHAPE, 'torchvision')).problems).toEqual([]);
  });

  it('builds an AnyNet exactly with BlockParams(...), flagging only its CIFAR stem', () => {
    const out = exportTorchvision(anynetDoc());
    expect(out.text).toContain(
      'block_params = BlockParams(depths=[1, 2], widths=[32, 64], group_widths=[8, 16], ' +
        'bottleneck_multipliers=[1.0, 0.5], strides=[1, 2], se_ratio=0.25)\n',
    );
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatch(/SimpleStemIN\) has stride 2/);
  });
});

describe('invalid RegNet parameters are flagged by every writer', () => {
  const base = presetDoc('RegNetX-200MF');
  const cases: [Partial<RegNetParams>, RegExp][] = [
    [{ w0: 20 }, /w0 must be a multiple of 8 \(got 20\)/],
    [{ wm: 1 }, /wm must be > 1 \(got 1\)/],
    [{ wa: -1 }, /wa must be >= 0 \(got -1\)/],
  ];
  for (const [change, message] of cases) {
    it(`flags ${JSON.stringify(change)}`, () => {
      const doc = withRegNet(base, change);
      for (const [library, out] of [
        ['pycls', exportPycls(doc)],
        ['timm', exportTimm(doc)],
        ['torchvision', exportTorchvision(doc)],
      ] as const) {
        expect(
          out.problems.some((p) => message.test(p) && p.includes(library)),
          library,
        ).toBe(true);
      }
    });
  }
});

describe('exportModel', () => {
  it('names files after the model and returns JSON that reads back', () => {
    const doc = presetDoc('RegNetY-800MF');
    const json = exportModel(doc, 'json');
    expect(json.fileName).toBe('regnety-800mf.json');
    expect(json.problems).toEqual([]);
    expect(parseModelConfig(json.text)).toEqual(doc);
    expect(exportModel(doc, 'pycls').fileName).toBe('regnety-800mf.yaml');
    expect(exportModel(doc, 'timm').fileName).toBe('regnety-800mf_timm.py');
    expect(exportModel(doc, 'torchvision').fileName).toBe('regnety-800mf_torchvision.py');
  });

  it('refuses an invalid document with a FormatError instead of writing it', () => {
    const doc = {
      ...presetDoc('RegNetX-200MF'),
      network: { ...presetDoc('RegNetX-200MF').network, stages: [] },
    };
    expect(() => exportModel(doc as ModelConfigDoc, 'pycls')).toThrow(
      /network\.stages: needs at least 1 item/,
    );
  });

  it('makes safe file names', () => {
    expect(fileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(fileStem(undefined)).toBe('model');
    expect(fileStem('***')).toBe('model');
  });
});

describe('Python and YAML number literals', () => {
  it('always writes floats with a dot so yacs keeps the float type', () => {
    expect(yamlFloat(1)).toBe('1.0');
    expect(yamlFloat(0.25)).toBe('0.25');
    expect(yamlFloat(1e-7)).toBe('1.0e-7');
    expect(yamlFloat(1.5e21)).toBe('1.5e+21');
    expect(pyFloat(2)).toBe('2.0');
    expect(pyFloat(36.44)).toBe('36.44');
  });
});

/** Just enough YAML for what exportPycls writes: sections of "KEY: scalar" or "KEY: [a, b]". */
function parseTinyYaml(text: string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  let section = '';
  const scalar = (s: string): unknown => {
    if (s === 'True' || s === 'False') return s === 'True';
    if (/^-?\d+$/.test(s)) return { int: Number(s) };
    if (/^-?\d+\.\d*(e[-+]\d+)?$/.test(s)) return { float: Number(s) };
    return s;
  };
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const top = /^([A-Z_]+):$/.exec(line);
    if (top) {
      section = top[1];
      out[section] = {};
      continue;
    }
    const entry = /^ {2}([A-Z_0-9]+): (.+)$/.exec(line);
    if (!entry) throw new Error(`unexpected line ${JSON.stringify(line)}`);
    const value = entry[2];
    out[section][entry[1]] = value.startsWith('[')
      ? value.slice(1, -1).split(', ').map(scalar)
      : scalar(value);
  }
  return out;
}

describe('pycls YAML structure (property)', () => {
  it('ANYNET lists give back the stages, with yacs-compatible int/float types', () => {
    fc.assert(
      fc.property(anyNetArb, (network) => {
        const doc = makeModelConfig(network, complexity(network));
        const yaml = parseTinyYaml(exportPycls(doc).text);
        const a = yaml.ANYNET;
        const ints = (xs: number[]) => xs.map((int) => ({ int }));
        expect(yaml.MODEL).toEqual({ TYPE: 'anynet', NUM_CLASSES: { int: network.head.classes } });
        expect(a.DEPTHS).toEqual(ints(network.stages.map((s) => s.depth)));
        expect(a.WIDTHS).toEqual(ints(network.stages.map((s) => s.width)));
        expect(a.STRIDES).toEqual(ints(network.stages.map((s) => s.stride)));
        expect(a.GROUP_WS).toEqual(ints(network.stages.map((s) => s.groupWidth)));
        expect(a.BOT_MULS).toEqual(network.stages.map((s) => ({ float: 1 / s.bottleneckRatio })));
        expect(a.SE_ON).toBe(network.seRatio > 0);
        if (network.seRatio > 0) expect(a.SE_R).toEqual({ float: network.seRatio });
        expect(yaml.TRAIN.IM_SIZE).toEqual({ int: network.input.resolution });
      }),
      { numRuns: 200 },
    );
  });
});
