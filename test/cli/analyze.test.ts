import { describe, expect, it } from 'vitest';
import { dslab } from './cli-process';

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeResults, type ResultRecord } from '../../src/io/results';
import { anynetDoc, presetDoc, sampleRecord } from '../io/fixtures';

interface Group {
  space?: string;
  sweep?: string;
  n: number;
  diverged: number;
  failed: number;
  min: number | null;
  median: number | null;
  mean: number | null;
  edf: { x: number; y: number }[];
  ranges: Record<string, [number, number, number]>;
}

const IMAGENET_DATA = {
  name: 'imagenet',
  trainSize: 1000,
  testSize: 100,
  resolution: 224,
  channels: 3,
  classes: 1000,
};

/** An AnyNetX_C-style record: shared b and g, its own d1, d2, w1. */
function anynetRecord(id: string, d1: number, w1: number, rest: Partial<ResultRecord>): ResultRecord {
  const config = { ...anynetDoc(), design: { d1, d2: 2, w1, w2: 64, b1: 2, b2: 2, g1: 8, g2: 8 } };
  return sampleRecord(id, {
    space: 'anynetx_c',
    sweep: 'sweep-1',
    config,
    complexity: config.complexity,
    ...rest,
  });
}

function regnetRecord(id: string, preset: string, error: number): ResultRecord {
  const config = presetDoc(preset);
  return sampleRecord(id, {
    space: 'regnetx',
    sweep: 'sweep-2',
    config,
    complexity: config.complexity,
    data: IMAGENET_DATA,
    error,
  });
}

const records: ResultRecord[] = [
  anynetRecord('a1', 1, 16, { error: 0.3 }),
  anynetRecord('a2', 2, 24, { error: 0.5 }),
  anynetRecord('a3', 3, 32, { error: 0.1 }),
  anynetRecord('a4', 4, 40, { status: 'diverged', error: null, message: 'loss became NaN' }),
  anynetRecord('a5', 5, 48, { status: 'failed', error: null, message: 'out of memory' }),
  regnetRecord('r1', 'RegNetX-200MF', 0.25),
  regnetRecord('r2', 'RegNetX-400MF', 0.35),
];

const dir = mkdtempSync(join(tmpdir(), 'dslab-analyze-'));
const file = join(dir, 'results.json');
writeFileSync(file, JSON.stringify(makeResults(records, { createdAt: '2025-02-01T00:00:00.000Z' })));

describe('dslab analyze', () => {
  it('--json gives per space n, min, mean, the EDF and bootstrap ranges of done runs only', () => {
    const { code, stdout, stderr } = dslab('analyze', file, '--json', '--bootstrap', '2000', '--seed', '7');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { records: number; skipped: object; groups: Group[] };
    expect(out.records).toBe(7);
    expect(out.skipped).toEqual({ diverged: 1, failed: 1 });
    const [any, reg] = out.groups;

    expect(any).toMatchObject({ space: 'anynetx_c', n: 3, diverged: 1, failed: 1, min: 0.1, median: 0.3 });
    expect(any.mean).toBeCloseTo((0.3 + 0.5 + 0.1) / 3, 12);
    expect(any.edf.map((p) => p.x)).toEqual([0.1, 0.3, 0.5]);
    any.edf.forEach((p, i) => expect(p.y).toBeCloseTo((i + 1) / 3, 12));
    // Shared b and g collapse into one parameter each; d1..d2, w1..w2 stay per stage.
    expect(Object.keys(any.ranges)).toEqual(['d1', 'd2', 'w1', 'w2', 'b', 'g', 'flops', 'params', 'acts']);
    expect(any.ranges.b).toEqual([2, 2, 2]);
    expect(any.ranges.g).toEqual([8, 8, 8]);
    expect(any.ranges.d2).toEqual([2, 2, 2]);
    // 3 models: each repetition draws max(1, floor(3 / 4)) = 1 model, so each model wins ~1/3 of 2000
    // draws and the 2.5% / 97.5% percentiles land on the smallest and largest value.
    expect(any.ranges.d1[0]).toBe(1);
    expect(any.ranges.d1[2]).toBe(3);
    expect(any.ranges.w1[0]).toBe(16);
    expect(any.ranges.w1[2]).toBe(32);

    expect(reg).toMatchObject({ space: 'regnetx', n: 2, diverged: 0, failed: 0, min: 0.25 });
    expect(reg.mean).toBeCloseTo(0.3, 12);
    expect(Object.keys(reg.ranges)).toEqual(['d', 'w0', 'wa', 'wm', 'g', 'b', 'flops', 'params', 'acts']);
    expect(reg.ranges.d[0]).toBe(13);
    expect(reg.ranges.d[2]).toBe(22);
    // REGNET.md §4.2 flops of RegNetX-200MF and RegNetX-400MF.
    expect(reg.ranges.flops[0]).toBe(199040872);
    expect(reg.ranges.flops[2]).toBe(397678568);
    expect(reg.ranges.b).toEqual([1, 1, 1]);
  });

  it('groups by sweep on request', () => {
    const { code, stdout } = dslab('analyze', file, '--json', '--by', 'sweep', '--bootstrap', '50');
    expect(code).toBe(0);
    const groups = (JSON.parse(stdout) as { groups: Group[] }).groups;
    expect(groups.map((g) => [g.sweep, g.space, g.n])).toEqual([
      ['sweep-1', undefined, 3],
      ['sweep-2', undefined, 2],
    ]);
  });

  it('prints errors as percentages and says what was skipped', () => {
    const { code, stdout } = dslab('analyze', file, '--bootstrap', '100');
    expect(code).toBe(0);
    expect(stdout).toContain('7 records; counted only status "done" (skipped 1 diverged, 1 failed)');
    expect(stdout).toMatch(/^anynetx_c\s+3\s+1\s+1\s+10\.00%\s+30\.00%\s+30\.00%$/m);
    expect(stdout).toMatch(/^regnetx\s+2\s+0\s+0\s+25\.00%\s+30\.00%\s+30\.00%$/m);
    expect(stdout).toMatch(/^b\s+2\s+2\s+2$/m);
  });
});
