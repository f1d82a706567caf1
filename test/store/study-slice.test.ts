import { describe, expect, it } from 'vitest';
import { baseChoice, createLabStore, DEFAULT_SWEEP, type JobRow, type Sweep } from '../../src/store';
import { requeueInterrupted, upsertById } from '../../src/store/study-merge';
import { record } from '../ui/analysis-records';

const sweep = (id: string): Sweep => ({
  id,
  name: id,
  space: baseChoice('anynetx_a'),
  settings: DEFAULT_SWEEP,
  createdAt: '2024-01-01T00:00:00Z',
  data: 'd',
});

const job = (id: string, status: JobRow['status'], progress = 0): JobRow => ({
  id,
  sweepId: 's',
  index: 0,
  config: {} as never,
  status,
  progress,
  epoch: 2,
  loss: 0.5,
  error: null,
  imagesPerSec: 9,
  backend: 'cpu',
});

describe('study slice', () => {
  it('addRecords replaces a known id in place and appends new ones', () => {
    const store = createLabStore();
    store.getState().addRecords([record({ id: 'a', error: 0.5 }), record({ id: 'b', error: 0.4 })]);
    store
      .getState()
      .addRecords([record({ id: 'a', error: 0.1 }), record({ id: 'c', error: 0.3 })], [sweep('s1')]);
    expect(store.getState().records.map((r) => [r.id, r.error])).toEqual([
      ['a', 0.1],
      ['b', 0.4],
      ['c', 0.3],
    ]);
    expect(store.getState().sweeps.map((s) => s.id)).toEqual(['s1']);
  });

  it('removeSweep drops its jobs and records too', () => {
    const store = createLabStore();
    store.getState().addSweep(sweep('s'), [job('j1', 'done')]);
    store.getState().addRecords([record({ id: 'j1', sweep: 's' }), record({ id: 'x', sweep: 'other' })]);
    store.getState().removeSweep('s');
    expect(store.getState().jobs).toEqual([]);
    expect(store.getState().records.map((r) => r.id)).toEqual(['x']);
  });

  it('restoreStudy puts saved items first, keeps in-memory ones for a shared id, and requeues running jobs', () => {
    const store = createLabStore();
    store.getState().addSweep(sweep('new'), [job('n1', 'queued')]);
    store.getState().restoreStudy({
      sweeps: [sweep('old'), sweep('new')],
      jobs: [job('o1', 'done'), job('o2', 'running', 0.6)],
      records: [record({ id: 'o1' })],
    });
    const s = store.getState();
    expect(s.sweeps.map((w) => w.id)).toEqual(['old', 'new']);
    expect(s.jobs.map((j) => [j.id, j.status, j.progress])).toEqual([
      ['o1', 'done', 0],
      ['o2', 'queued', 0],
      ['n1', 'queued', 0],
    ]);
    expect(s.records.map((r) => r.id)).toEqual(['o1']);
  });

  it('clearResults forgets everything of the study', () => {
    const store = createLabStore();
    store.getState().addSweep(sweep('s'), [job('j', 'done')]);
    store.getState().addRecords([record({ id: 'j' })]);
    store.getState().selectModel('j');
    store.getState().clearResults();
    const s = store.getState();
    expect([s.sweeps, s.jobs, s.records, s.selectedModelId]).toEqual([[], [], [], null]);
  });
});

describe('merge helpers', () => {
  it('upsertById: later copy wins at the first position', () => {
    expect(
      upsertById(
        [
          { id: 'a', v: 1 },
          { id: 'b', v: 1 },
        ],
        [
          { id: 'b', v: 2 },
          { id: 'c', v: 2 },
        ],
      ),
    ).toEqual([
      { id: 'a', v: 1 },
      { id: 'b', v: 2 },
      { id: 'c', v: 2 },
    ]);
  });

  it('requeueInterrupted: running -> queued from scratch, others untouched', () => {
    const out = requeueInterrupted([job('a', 'running', 0.7), job('b', 'done', 1), job('c', 'queued')]);
    expect(out.map((j) => [j.status, j.progress, j.epoch, j.loss])).toEqual([
      ['queued', 0, null, null],
      ['done', 1, 2, 0.5],
      ['queued', 0, 2, 0.5],
    ]);
  });
});
