import { describe, expect, it } from 'vitest';
import { DEFAULT_SWEEP } from '../../src/store/settings-slice';
import type { Sweep } from '../../src/store/study-types';
import { findParentSweep } from '../../src/store/sweep-lineage';

const sweep = (id: string, baseId: string, constraints: string[]): Sweep => ({
  id,
  name: id,
  space: { baseId, constraints },
  settings: DEFAULT_SWEEP,
  createdAt: '2026-11-28T00:00:00Z',
  data: 'synthetic',
});

describe('findParentSweep', () => {
  const sweeps = [
    sweep('a', 'anynetx_a', []),
    sweep('b', 'anynetx_a', ['shared-b']),
    sweep('x', 'regnetx', ['quantized-linear']),
  ];

  it('picks the latest sweep on the same base whose constraints the child strictly extends', () => {
    expect(findParentSweep(sweeps, { baseId: 'anynetx_a', constraints: ['shared-b', 'w1=64..256'] })?.id).toBe('b');
    expect(findParentSweep(sweeps, { baseId: 'anynetx_a', constraints: ['w1=64..256'] })?.id).toBe('a');
  });

  it('finds no parent for the same space, another base, or a space that drops a constraint', () => {
    expect(findParentSweep(sweeps, { baseId: 'anynetx_a', constraints: [] })).toBeUndefined();
    expect(findParentSweep(sweeps, { baseId: 'anynetx_b', constraints: ['shared-b', 'd1=1..4'] })).toBeUndefined();
    expect(findParentSweep(sweeps.slice(2), { baseId: 'regnetx', constraints: ['w0=8..64'] })).toBeUndefined();
  });
});
