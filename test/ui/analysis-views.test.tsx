import { describe, expect, it } from 'vitest';
import { normalizedEdfView, plainEdfSeries } from '../../src/ui/analysis/edf-view';
import { findModel } from '../../src/ui/analysis/model-detail';
import { pickGroup } from '../../src/ui/analysis/sweep-picker';
import { sweepGroups } from '../../src/ui/analysis/sweeps';
import { record, sweep } from './analysis-records';

describe('analysis selectors', () => {
  it('groups finished records by sweep, keeping sweeps known only from records', () => {
    const groups = sweepGroups(
      [sweep('a', 'A')],
      [record({ id: '1', sweep: 'a' }), record({ id: '2', sweep: 'imported', status: 'failed' })],
    );
    expect(groups.map((g) => [g.sweep.id, g.done.length])).toEqual([
      ['a', 1],
      ['imported', 0],
    ]);
    expect(pickGroup(groups, 'imported')?.sweep.id).toBe('a'); // no finished model there
  });

  it('survives a parent cycle in hand-edited data', () => {
    const groups = sweepGroups(
      [sweep('a', 'A', 'anynetx_a', { parentId: 'b' }), sweep('b', 'B', 'anynetx_a', { parentId: 'a' })],
      [],
    );
    expect(groups.map((g) => g.sweep.id).sort()).toEqual(['a', 'b']);
  });

  it('plain EDF points reach i/n at the i-th smallest error', () => {
    const [s] = plainEdfSeries(
      sweepGroups(
        [sweep('a', 'A')],
        [0.4, 0.2, 0.3, 0.1].map((error, i) => record({ id: `${i}`, error })),
      ),
    );
    expect(s.points).toEqual([
      { x: 0.1, y: 0.25 },
      { x: 0.2, y: 0.5 },
      { x: 0.3, y: 0.75 },
      { x: 0.4, y: 1 },
    ]);
  });

  it('normalizes two sweeps over the flops range they share, dropping models outside it', () => {
    // A spans 1..3 MF, B spans 2..4 MF: shared range [2, 3] MF; A's 1 MF model and B's 4 MF model drop out.
    const records = [
      record({ id: 'a1', sweep: 'a', error: 0.1, complexity: { flops: 1e6 } }),
      record({ id: 'a2', sweep: 'a', error: 0.2, complexity: { flops: 2e6 } }),
      record({ id: 'a3', sweep: 'a', error: 0.3, complexity: { flops: 3e6 } }),
      record({ id: 'b1', sweep: 'b', error: 0.4, complexity: { flops: 2e6 } }),
      record({ id: 'b2', sweep: 'b', error: 0.5, complexity: { flops: 3e6 } }),
      record({ id: 'b3', sweep: 'b', error: 0.6, complexity: { flops: 4e6 } }),
    ];
    const view = normalizedEdfView(sweepGroups([sweep('a', 'A'), sweep('b', 'B')], records));
    // 2 bins over [2, 3] MF hold one model each per sweep: weights 1/2, 1/2.
    expect(view.series.map((s) => [s.n, s.min, s.mean])).toEqual([
      [2, 0.2, 0.25],
      [2, 0.4, 0.45],
    ]);
    expect(view.note).toMatch(/2 bin\(s\); 2 model\(s\) outside the range left out/);
  });

  it('finds a model among records first, then jobs', () => {
    const r = record({ id: 'x' });
    expect(findModel('x', [r], [])?.kind).toBe('record');
    expect(findModel('y', [r], [])).toBeUndefined();
    expect(findModel(null, [r], [])).toBeUndefined();
  });
});
