import { describe, expect, it } from 'vitest';
import { dslab } from './cli-process';

interface Described {
  name: string;
  stages: { depth: number; width: number; groupWidth: number; bottleneckRatio: number; stride: number }[];
  flops: number;
  params: number;
  acts: number;
  input: { resolution: number; channels: number };
  stem: { type: string; width: number };
  classes: number;
  blockWidths?: number[];
}

/** REGNET.md §4.2 golden rows (224px, 1000 classes, pycls rounding). */
const GOLDEN = [
  {
    name: 'RegNetX-200MF',
    ws: [24, 56, 152, 368],
    ds: [1, 1, 4, 7],
    gs: [8, 8, 8, 8],
    flops: 199040872,
    params: 2684792,
    acts: 2164056,
  },
  {
    name: 'RegNetX-400MF',
    ws: [32, 64, 160, 384],
    ds: [1, 2, 7, 12],
    gs: [16, 16, 16, 16],
    flops: 397678568,
    params: 5157512,
    acts: 3143272,
  },
  {
    name: 'RegNetX-8.0GF',
    ws: [80, 240, 720, 1920],
    ds: [2, 5, 15, 1],
    gs: [80, 120, 120, 120],
    flops: 7995133416,
    params: 39572648,
    acts: 14059688,
  },
];

describe('dslab describe', () => {
  for (const g of GOLDEN) {
    it(`${g.name} --json matches the golden stages and complexity`, () => {
      const { code, stdout, stderr } = dslab('describe', g.name, '--json');
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const d = JSON.parse(stdout) as Described;
      expect(d.name).toBe(g.name);
      expect(d.stages.map((s) => s.width)).toEqual(g.ws);
      expect(d.stages.map((s) => s.depth)).toEqual(g.ds);
      expect(d.stages.map((s) => s.groupWidth)).toEqual(g.gs);
      expect(d.stages.every((s) => s.stride === 2 && s.bottleneckRatio === 1)).toBe(true);
      expect({ flops: d.flops, params: d.params, acts: d.acts }).toEqual({
        flops: g.flops,
        params: g.params,
        acts: g.acts,
      });
      expect(d.input).toEqual({ resolution: 224, channels: 3 });
      expect(d.classes).toBe(1000);
      expect(d.stem).toEqual({ type: 'imagenet', width: 32 });
    });
  }

  it('prints the stage table and the exact counts for a human', () => {
    const { code, stdout } = dslab('describe', 'regnetx-200mf');
    expect(code).toBe(0);
    expect(stdout).toContain('RegNet: d=13 w0=24 wa=36.44 wm=2.49 g=8 b=1');
    expect(stdout).toContain('flops 199040872');
    expect(stdout).toContain('params 2684792');
    expect(stdout).toContain('acts 2164056');
    // stage 4: 7 blocks of width 368, group width 8
    expect(stdout).toMatch(/^4\s+7\s+368\s+8\s+1\s+2$/m);
  });

  it('switches to the cifar stem below 64px and to the given classes', () => {
    const { code, stdout } = dslab(
      'describe',
      'RegNetX-200MF',
      '--resolution',
      '32',
      '--classes',
      '10',
      '--json',
    );
    expect(code).toBe(0);
    const d = JSON.parse(stdout) as Described;
    expect(d.stem.type).toBe('cifar');
    expect(d.classes).toBe(10);
    expect(d.input.resolution).toBe(32);
    // The stages do not depend on the input shape.
    expect(d.stages.map((s) => s.width)).toEqual([24, 56, 152, 368]);
  });
});
