import { describe, expect, it } from 'vitest';
import { dslab } from './cli-process';

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '../../src/cli/model-source';
import { readModelConfig } from '../../src/io/parse';
import type { ModelConfigDoc } from '../../src/io/model-config';

interface SampleJson {
  space: string;
  seed: number;
  n: number;
  band: Record<string, [number, number | null]>;
  shape: { resolution: number; channels: number; classes: number; stem: string };
  attempts: number;
  models: ModelConfigDoc[];
}

const parse = (stdout: string) => JSON.parse(stdout) as SampleJson;
const isNondecreasing = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] <= x);

describe('dslab sample', () => {
  const regnetArgs = ['sample', '--space', 'regnetx', '--n', '6', '--seed', '3', '--paper-band', '--json'];

  it('samples RegNetX models inside the paper band, each a complete 4-stage model config', () => {
    const { code, stdout, stderr } = dslab(...regnetArgs);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = parse(stdout);
    expect(out).toMatchObject({ space: 'regnetx', seed: 3, n: 6, band: { flops: [360e6, 400e6] } });
    expect(out.shape).toEqual({ resolution: 224, channels: 3, classes: 1000, stem: 'imagenet' });
    expect(out.models).toHaveLength(6);
    expect(out.attempts).toBeGreaterThanOrEqual(6);
    for (const m of out.models) {
      expect(m.schema).toBe('dslab.model-config');
      expect(m.space).toBe('regnetx');
      expect(m.network.stages).toHaveLength(4);
      expect(m.complexity.flops).toBeGreaterThanOrEqual(360e6);
      expect(m.complexity.flops).toBeLessThanOrEqual(400e6);
      expect(m.network.seRatio).toBe(0);
      expect(Object.keys(m.design!).sort()).toEqual(['b', 'd', 'g', 'w0', 'wa', 'wm']);
      expect(m.regnet!.depth).toBe(m.network.stages.reduce((a, s) => a + s.depth, 0));
      expect(Object.keys(m.network.stages[0]).sort()).toEqual([
        'bottleneckRatio',
        'depth',
        'groupWidth',
        'stride',
        'width',
      ]);
    }
    // Distinct models.
    expect(new Set(out.models.map((m) => JSON.stringify(m.network))).size).toBe(6);
  });

  it('is deterministic: the same seed gives identical output, another seed other models', () => {
    const first = dslab(...regnetArgs);
    const again = dslab(...regnetArgs);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    const other = dslab('sample', '--space', 'regnetx', '--n', '6', '--seed', '4', '--paper-band', '--json');
    expect(other.code).toBe(0);
    const nets = (s: string) => parse(s).models.map((m) => JSON.stringify(m.network));
    expect(nets(other.stdout)).not.toEqual(nets(first.stdout));
  });

  it('samples AnyNetX_E at 28px with a cifar stem inside the given band and the space constraints', () => {
    const { code, stdout, stderr } = dslab(
      'sample',
      '--space',
      'anynetx_e',
      '--n',
      '12',
      '--seed',
      '0',
      '--resolution',
      '28',
      '--in-channels',
      '1',
      '--classes',
      '10',
      '--flops',
      '2e6:30e6',
      '--json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = parse(stdout);
    expect(out.shape).toEqual({ resolution: 28, channels: 1, classes: 10, stem: 'cifar' });
    expect(out.band).toEqual({ flops: [2e6, 30e6] });
    expect(out.models).toHaveLength(12);
    for (const m of out.models) {
      const st = m.network.stages;
      expect(m.complexity.flops).toBeGreaterThanOrEqual(2e6);
      expect(m.complexity.flops).toBeLessThanOrEqual(30e6);
      expect(m.network.input).toEqual({ channels: 1, resolution: 28 });
      expect(m.network.head.classes).toBe(10);
      expect(m.network.stem.type).toBe('cifar');
      expect(st).toHaveLength(4);
      expect(isNondecreasing(st.map((s) => s.width))).toBe(true);
      expect(isNondecreasing(st.map((s) => s.depth))).toBe(true);
      expect(new Set(st.map((s) => s.bottleneckRatio)).size).toBe(1);
      expect(new Set(st.map((s) => s.groupWidth)).size).toBe(1);
    }
  });

  it('has no band without --flops, so any complexity is kept (and sampling at 28px works)', () => {
    const { code, stdout } = dslab(
      'sample',
      '--space',
      'anynetx_a',
      '--n',
      '5',
      '--seed',
      '1',
      '--resolution',
      '28',
      '--json',
    );
    expect(code).toBe(0);
    const out = parse(stdout);
    expect(out.band).toEqual({});
    expect(out.models).toHaveLength(5);
    // Without a band nothing but duplicates can be rejected, and AnyNetX_A has ~1.8e18 points.
    expect(out.attempts).toBe(5);
  });

  it('writes models that dslab train can read back: .models[0] is a loadable config file', () => {
    const { stdout } = dslab(
      'sample',
      '--space',
      'regnety',
      '--n',
      '2',
      '--seed',
      '5',
      '--resolution',
      '32',
      '--json',
    );
    const model = parse(stdout).models[0];
    const file = join(mkdtempSync(join(tmpdir(), 'dslab-sample-')), 'model.json');
    writeFileSync(file, JSON.stringify(model, null, 2));
    const loaded = loadModel(file, {}, 'pycls');
    expect(loaded).toEqual(model);
    const { doc, warnings } = readModelConfig(JSON.stringify(model), file);
    expect(warnings).toEqual([]);
    expect(doc.network.seRatio).toBe(0.25);
    expect(doc.network.stem.type).toBe('cifar');
    expect(doc.name).toBe(model.name);
  });

  it('prints one table row per model for a human', () => {
    const { code, stdout } = dslab(
      'sample',
      '--space',
      'regnetx',
      '--n',
      '3',
      '--seed',
      '2',
      '--resolution',
      '32',
    );
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^3 models of regnetx, seed 2, 32px/);
    expect(lines[0]).toContain('band: none');
    expect(lines).toHaveLength(1 + 2 + 3);
  });

  it('fails with counts and the top rejecting constraint when the band is impossible', () => {
    const { code, stdout, stderr } = dslab(
      'sample',
      '--space',
      'anynetx_c',
      '--n',
      '4',
      '--seed',
      '0',
      '--flops',
      '1:2',
      '--max-attempts',
      '300',
    );
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('Found 0 of 4 models after 300 attempts');
    expect(stderr).toMatch(/flops band 1–2 rejected/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
