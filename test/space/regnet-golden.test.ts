import { describe, expect, it } from 'vitest';
import { IMAGENET_SHAPE } from '../../src/space/anynet';
import { complexity } from '../../src/space/complexity';
import { findPreset, PRESETS } from '../../src/space/presets';
import { generateRegNet, regnetToAnyNet } from '../../src/space/regnet';

// REGNET.md §4.2 (= pycls dev/model_complexity.json): q-ws, ws, ds, gs, flops, params, acts at 224px, 1000 classes.
type Golden = [string, number[], number[], number[], number[], number, number, number];
const GOLDEN: Golden[] = [
  [
    'RegNetX-200MF',
    [24, 56, 152, 368],
    [24, 56, 152, 368],
    [1, 1, 4, 7],
    [8, 8, 8, 8],
    199040872,
    2684792,
    2164056,
  ],
  [
    'RegNetX-400MF',
    [24, 64, 152, 392],
    [32, 64, 160, 384],
    [1, 2, 7, 12],
    [16, 16, 16, 16],
    397678568,
    5157512,
    3143272,
  ],
  [
    'RegNetX-600MF',
    [48, 104, 240, 536],
    [48, 96, 240, 528],
    [1, 3, 5, 7],
    [24, 24, 24, 24],
    600891112,
    6196040,
    3975096,
  ],
  [
    'RegNetX-800MF',
    [56, 128, 288, 664],
    [64, 128, 288, 672],
    [1, 3, 7, 5],
    [16, 16, 16, 16],
    799700712,
    7259656,
    5148744,
  ],
  [
    'RegNetX-1.6GF',
    [80, 176, 408, 912],
    [72, 168, 408, 912],
    [2, 4, 10, 2],
    [24, 24, 24, 24],
    1602850792,
    9190136,
    7933512,
  ],
  [
    'RegNetX-3.2GF',
    [88, 200, 448, 1000],
    [96, 192, 432, 1008],
    [2, 6, 15, 2],
    [48, 48, 48, 48],
    3176622952,
    15296552,
    11367432,
  ],
  [
    'RegNetX-4.0GF',
    [96, 232, 568, 1376],
    [80, 240, 560, 1360],
    [2, 5, 14, 2],
    [40, 40, 40, 40],
    3964499816,
    22118248,
    12201608,
  ],
  [
    'RegNetX-6.4GF',
    [184, 384, 792, 1632],
    [168, 392, 784, 1624],
    [2, 4, 10, 1],
    [56, 56, 56, 56],
    6460292264,
    26209256,
    16369744,
  ],
  [
    'RegNetX-8.0GF',
    [80, 232, 664, 1912],
    [80, 240, 720, 1920],
    [2, 5, 15, 1],
    [80, 120, 120, 120],
    7995133416,
    39572648,
    14059688,
  ],
  [
    'RegNetX-12GF',
    [168, 400, 944, 2240],
    [224, 448, 896, 2240],
    [2, 5, 11, 1],
    [112, 112, 112, 112],
    12086679016,
    46106056,
    21366568,
  ],
  [
    'RegNetX-16GF',
    [216, 456, 952, 2000],
    [256, 512, 896, 2048],
    [2, 6, 13, 1],
    [128, 128, 128, 128],
    15940756456,
    54278536,
    25515496,
  ],
  [
    'RegNetX-32GF',
    [320, 640, 1280, 2560],
    [336, 672, 1344, 2520],
    [2, 7, 13, 1],
    [168, 168, 168, 168],
    31735930792,
    107811560,
    36302160,
  ],
];

// REGNET.md §4.1 (MODEL_ZOO.md): flops (B), params (M), acts (M), each rounded to one decimal.
const ZOO: [string, number, number, number][] = [
  ['RegNetX-200MF', 0.2, 2.7, 2.2],
  ['RegNetX-400MF', 0.4, 5.2, 3.1],
  ['RegNetX-600MF', 0.6, 6.2, 4.0],
  ['RegNetX-800MF', 0.8, 7.3, 5.1],
  ['RegNetX-1.6GF', 1.6, 9.2, 7.9],
  ['RegNetX-3.2GF', 3.2, 15.3, 11.4],
  ['RegNetX-4.0GF', 4.0, 22.1, 12.2],
  ['RegNetX-6.4GF', 6.5, 26.2, 16.4],
  ['RegNetX-8.0GF', 8.0, 39.6, 14.1],
  ['RegNetX-12GF', 12.1, 46.1, 21.4],
  ['RegNetX-16GF', 15.9, 54.3, 25.5],
  ['RegNetX-32GF', 31.7, 107.8, 36.3],
  ['RegNetY-200MF', 0.2, 3.2, 2.2],
  ['RegNetY-400MF', 0.4, 4.3, 3.9],
  ['RegNetY-600MF', 0.6, 6.1, 4.3],
  ['RegNetY-800MF', 0.8, 6.3, 5.2],
  ['RegNetY-1.6GF', 1.6, 11.2, 8.0],
  ['RegNetY-3.2GF', 3.2, 19.4, 11.3],
  ['RegNetY-4.0GF', 4.0, 20.6, 12.3],
  ['RegNetY-6.4GF', 6.4, 30.6, 16.4],
  ['RegNetY-8.0GF', 8.0, 39.2, 18.0],
  ['RegNetY-12GF', 12.1, 51.8, 21.4],
  ['RegNetY-16GF', 15.9, 83.6, 23.0],
  ['RegNetY-32GF', 32.3, 145.0, 30.3],
];

const round1 = (x: number) => Math.round(x * 10) / 10;

describe('RegNetX presets reproduce pycls exactly (golden table)', () => {
  it.each(GOLDEN)('%s', (name, qws, ws, ds, gs, flops, params, acts) => {
    const preset = findPreset(name)!;
    const gen = generateRegNet(preset);
    expect(gen.stageWidths).toEqual(qws);
    expect(gen.stageDepths).toEqual(ds);
    expect(gen.numStages).toBe(4);
    expect(gen.totalStages).toBe(4);
    const { stages, config } = regnetToAnyNet(preset, IMAGENET_SHAPE);
    expect(stages.map((s) => s.width)).toEqual(ws);
    expect(stages.map((s) => s.depth)).toEqual(ds);
    expect(stages.map((s) => s.groupWidth)).toEqual(gs);
    expect(complexity(config)).toEqual({ flops, params, acts });
  });
});

describe('all 24 presets match the model zoo complexity columns', () => {
  it('has 24 presets, 12 X and 12 Y', () => {
    expect(PRESETS).toHaveLength(24);
    expect(PRESETS.filter((p) => p.seRatio === 0.25)).toHaveLength(12);
  });
  it.each(ZOO)('%s', (name, gf, mp, ma) => {
    const { config } = regnetToAnyNet(findPreset(name)!, IMAGENET_SHAPE);
    const cx = complexity(config);
    expect(round1(cx.flops / 1e9)).toBe(gf);
    expect(round1(cx.params / 1e6)).toBe(mp);
    expect(round1(cx.acts / 1e6)).toBe(ma);
  });
});

describe('rounding details', () => {
  it('RegNetX-1.6GF hits the exact .5 tie and rounds it to even (176, not 184)', () => {
    expect(generateRegNet(findPreset('RegNetX-1.6GF')!).stageWidths[1]).toBe(176);
  });

  it('torchvision compatibility differs where REGNET.md §8 says', () => {
    const widths = (name: string) =>
      regnetToAnyNet(findPreset(name)!, IMAGENET_SHAPE, 'torchvision').stages.map((s) => s.width);
    expect(widths('RegNetX-400MF')[3]).toBe(400);
    expect(widths('RegNetY-800MF')).toEqual([64, 144, 320, 784]);
    expect(widths('RegNetY-8.0GF')[0]).toBe(224);
    expect(widths('RegNetX-4.0GF')[0]).toBe(120);
    expect(widths('RegNetY-4.0GF')[1]).toBe(256);
  });

  it('torchvision matches pycls on the presets REGNET.md §8 lists as equal', () => {
    for (const name of [
      'RegNetY-400MF',
      'RegNetX-800MF',
      'RegNetX-1.6GF',
      'RegNetX-3.2GF',
      'RegNetX-8.0GF',
      'RegNetX-16GF',
      'RegNetX-32GF',
      'RegNetY-1.6GF',
      'RegNetY-3.2GF',
      'RegNetY-16GF',
      'RegNetY-32GF',
    ]) {
      const p = findPreset(name)!;
      const a = complexity(regnetToAnyNet(p, IMAGENET_SHAPE, 'pycls').config).params;
      const b = complexity(regnetToAnyNet(p, IMAGENET_SHAPE, 'torchvision').config).params;
      expect(b, name).toBe(a);
    }
  });

  it('pycls lowers the group width when it exceeds the bottleneck width (RegNetX-8.0GF stage 1: 120 -> 80)', () => {
    expect(regnetToAnyNet(findPreset('RegNetX-8.0GF')!, IMAGENET_SHAPE).stages[0].groupWidth).toBe(80);
  });
});
