import { describe, expect, it } from 'vitest';
import { dslab } from './cli-process';

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readModelConfig } from '../../src/io/parse';

const dir = mkdtempSync(join(tmpdir(), 'dslab-export-'));

describe('dslab export', () => {
  it("writes a preset as a pycls config with the preset's own DEPTH/W0/WA/WM", () => {
    const { code, stdout, stderr } = dslab('export', 'RegNetX-200MF', '--format', 'pycls');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\s+TYPE: regnet$/m);
    expect(stdout).toMatch(/^\s+DEPTH: 13$/m);
    expect(stdout).toMatch(/^\s+W0: 24$/m);
    expect(stdout).toMatch(/^\s+WA: 36\.44$/m);
    expect(stdout).toMatch(/^\s+WM: 2\.49$/m);
    expect(stdout).toMatch(/^\s+GROUP_W: 8$/m);
  });

  it('warns on stderr when timm cannot build the config (3 stages)', () => {
    // u_j = 24 + 36.44 j = 24, 60.44, 96.88; ln(u_j / 24) / ln(2.49) = 0, 1.01, 1.53 -> stage indices 0, 1, 2.
    const file = join(dir, 'three-stages.json');
    writeFileSync(file, JSON.stringify({ depth: 3, w0: 24, wa: 36.44, wm: 2.49, groupWidth: 8 }));
    const { code, stdout, stderr } = dslab('export', file, '--format', 'timm');
    expect(code).toBe(0);
    expect(stderr).toMatch(/^warning: timm's RegNet needs exactly 4 stages, but these parameters give 3/m);
    expect(stdout).toContain('# PROBLEM:');
    expect(stdout).toContain('RegNetCfg(depth=3, w0=24, wa=36.44, wm=2.49, group_size=8');
  });

  it('writes the dslab JSON to --out, a file the config reader accepts', () => {
    const out = join(dir, 'x400.json');
    const { code, stdout, stderr } = dslab('export', 'RegNetX-400MF', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(`wrote ${out}`);
    const { doc, warnings } = readModelConfig(readFileSync(out, 'utf8'), out);
    expect(warnings).toEqual([]);
    expect(doc.name).toBe('RegNetX-400MF');
    // REGNET.md §4.2 RegNetX-400MF.
    expect(doc.network.stages.map((s) => s.width)).toEqual([32, 64, 160, 384]);
    expect(doc.complexity.flops).toBe(397678568);
  });

  it('writes torchvision code built from the RegNet parameters', () => {
    const { code, stdout } = dslab('export', 'RegNetY-800MF', '--format', 'torchvision', '--classes', '10');
    expect(code).toBe(0);
    expect(stdout).toContain('from torchvision.models.regnet import BlockParams, RegNet');
    expect(stdout).toContain('depth=14, w_0=56, w_a=38.84, w_m=2.4, group_width=16');
    expect(stdout).toContain('num_classes=10');
  });

  it('rejects an unknown format and an --out path in a missing folder', () => {
    const format = dslab('export', 'RegNetX-200MF', '--format', 'onnx');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format must be one of json, pycls, timm, torchvision (got 'onnx')");
    const out = dslab('export', 'RegNetX-200MF', '--out', join(dir, 'no', 'such', 'folder', 'x.json'));
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('its folder does not exist');
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });
});
