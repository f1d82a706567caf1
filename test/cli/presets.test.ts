import { describe, expect, it } from 'vitest';
import { dslab } from './cli-process';

describe('dslab presets', () => {
  it('--json lists the 24 zoo presets with the config values of REGNET.md §4.1', () => {
    const { code, stdout, stderr } = dslab('presets', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const presets = JSON.parse(stdout) as Record<string, unknown>[];
    expect(presets).toHaveLength(24);
    expect(presets.filter((p) => String(p.name).startsWith('RegNetX-'))).toHaveLength(12);
    expect(presets.find((p) => p.name === 'RegNetX-200MF')).toMatchObject({
      depth: 13,
      w0: 24,
      wa: 36.44,
      wm: 2.49,
      groupWidth: 8,
      seRatio: 0,
      bottleneckRatio: 1,
    });
    expect(presets.find((p) => p.name === 'RegNetY-16GF')).toMatchObject({
      depth: 18,
      w0: 200,
      wa: 106.23,
      wm: 2.48,
      groupWidth: 112,
      seRatio: 0.25,
      batchSize: 256,
      lr: 0.2,
    });
  });

  it('prints a table with one row per preset', () => {
    const { code, stdout } = dslab('presets');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2 + 24);
    expect(lines[0]).toMatch(/^model\s+d\s+w0\s+wa\s+wm/);
    expect(
      lines
        .find((l) => l.startsWith('RegNetX-3.2GF'))
        ?.split(/\s+/)
        .slice(1, 6),
    ).toEqual(['25', '88', '26.31', '2.25', '48']);
  });
});
