import { describe, expect, it } from 'vitest';
import { dslab } from './cli-process';

interface SpaceRow {
  id: string;
  dims: number;
  size: number;
  sizeText: string;
  exactSize: string;
  band: { flops?: [number, number] };
}

/** n choose k in BigInt. */
function choose(n: bigint, k: bigint): bigint {
  let out = 1n;
  for (let i = 0n; i < k; i++) out = (out * (n - i)) / (i + 1n);
  return out;
}

// Per stage: 16 depths, 128 widths, 3 bottleneck ratios, 6 group widths (REGNET.md §5.4).
const D = 16n;
const W = 128n;
const B = 3n;
const G = 6n;

describe('dslab spaces', () => {
  it('--json gives dims, the paper sizes of Table 1 and exact counts', () => {
    const { code, stdout, stderr } = dslab('spaces', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as SpaceRow[];
    expect(rows.map((r) => r.id)).toEqual([
      'anynetx_a',
      'anynetx_b',
      'anynetx_c',
      'anynetx_d',
      'anynetx_e',
      'regnetx',
      'regnety',
    ]);
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    // Paper Table 1: dims 16, 13, 10, 10, 10 and 6; sizes as the paper prints them (two digits).
    const table1: [string, number, number][] = [
      ['anynetx_a', 16, 1.8e18],
      ['anynetx_b', 13, 6.8e16],
      ['anynetx_c', 10, 3.2e14],
      ['anynetx_d', 10, 1.3e13],
      ['anynetx_e', 10, 5.5e11],
      ['regnetx', 6, 3.0e8],
      ['regnety', 6, 3.0e8],
    ];
    for (const [id, dims, size] of table1) {
      expect(byId[id].dims, id).toBe(dims);
      expect(Math.abs(byId[id].size / size - 1), id).toBeLessThan(0.03);
      expect(Number(byId[id].sizeText), id).toBe(size);
    }
    // Exact grid counts, derived by hand: independent stages multiply; shared parameters count once;
    // nondecreasing 4-sequences from m values number C(m + 3, 4).
    expect(byId.anynetx_a.exactSize).toBe(((D * W * B * G) ** 4n).toString());
    expect(byId.anynetx_b.exactSize).toBe(((D * W * G) ** 4n * B).toString());
    expect(byId.anynetx_c.exactSize).toBe(((D * W) ** 4n * B * G).toString());
    expect(byId.anynetx_d.exactSize).toBe((D ** 4n * choose(W + 3n, 4n) * B * G).toString());
    expect(byId.anynetx_e.exactSize).toBe((choose(D + 3n, 4n) * choose(W + 3n, 4n) * B * G).toString());
    for (const r of rows) expect(r.band.flops).toEqual([360e6, 400e6]);
  });

  it('prints a table with sizes in 1.8e18 style', () => {
    const { code, stdout } = dslab('spaces');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2 + 7);
    expect(lines.find((l) => l.startsWith('anynetx_a'))).toMatch(/^anynetx_a\s+16\s+1\.8e18\s/);
    expect(lines.find((l) => l.startsWith('anynetx_e'))).toMatch(/^anynetx_e\s+10\s+5\.5e11\s/);
    expect(lines.find((l) => l.startsWith('regnety'))).toMatch(/^regnety\s+6\s+3\.0e8\s/);
  });
});
