import { describe, expect, it } from 'vitest';
import { baseChoice, DEFAULT_SWEEP, type JobRow, type Sweep } from '../../src/store';
import {
  createOrderBook,
  diffById,
  readSavedStudy,
  resumeNote,
  sameSavedJob,
  toRow,
} from '../../src/store/persist-rows';
import { record } from '../ui/analysis-records';

const sweep = (id: string, name = id): Sweep => ({
  id,
  name,
  space: baseChoice('anynetx_a'),
  settings: DEFAULT_SWEEP,
  createdAt: '2024-01-01T00:00:00Z',
  data: 'd',
});
const job = (id: string, status: JobRow['status'], sweepId = 's'): JobRow => ({
  id,
  sweepId,
  index: 0,
  config: { network: {} } as never,
  status,
  progress: 0,
  epoch: null,
  loss: null,
  error: null,
  imagesPerSec: null,
  backend: null,
});

describe('saved rows', () => {
  it('read back in the order they were written, not in key order; a replaced id keeps its place', () => {
    const book = createOrderBook();
    const rows = [
      toRow(record({ id: 'z' }), book),
      toRow(record({ id: 'a' }), book),
      toRow(record({ id: 'z', error: 0.1 }), book),
    ];
    // IndexedDB returns key order: a before z; the second z row replaced the first (same key).
    const fromDb = [rows[1], rows[2]];
    const { study, dropped } = readSavedStudy({ sweeps: [], jobs: [], records: fromDb });
    expect(study.records.map((r) => [r.id, r.error])).toEqual([
      ['z', 0.1],
      ['a', 0.3],
    ]);
    expect(dropped).toBe(0);
  });

  it('an order book restored from saved rows continues after the largest order', () => {
    const book = createOrderBook([
      { id: 'a', order: 4 },
      { id: 'b', order: 9 },
    ]);
    expect(book.orderOf('a')).toBe(4);
    expect(book.orderOf('new')).toBe(10);
  });

  it('corrupt rows are dropped and counted, the rest restored', () => {
    const book = createOrderBook();
    const good = toRow(record({ id: 'ok' }), book);
    const badRecord = {
      ...toRow(record({ id: 'bad' }), book),
      value: { ...record({ id: 'bad' }), error: 7 },
    };
    const { study, dropped } = readSavedStudy({
      sweeps: [toRow(sweep('s'), book), 'garbage', { id: 's2', order: 1, value: { id: 's2' } }],
      jobs: [toRow(job('j', 'running'), book), null],
      records: [good, badRecord],
      runState: 'running',
    });
    expect(study.sweeps.map((s) => s.id)).toEqual(['s']);
    expect(study.jobs.map((j) => j.id)).toEqual(['j']);
    expect(study.records.map((r) => r.id)).toEqual(['ok']);
    expect(study.runState).toBe('running');
    expect(dropped).toBe(4);
  });

  it('an unknown run state reads as idle', () => {
    expect(readSavedStudy({ sweeps: [], jobs: [], records: [], runState: 'zzz' }).study.runState).toBe(
      'idle',
    );
  });
});

describe('what to write', () => {
  it('diffById: new and changed objects are put, missing ids removed', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const b2 = { id: 'b' };
    expect(diffById([a, b], [a, b2, { id: 'c' }])).toEqual({ put: [b2, { id: 'c' }], removed: [] });
    expect(diffById([a, b], [b])).toEqual({ put: [], removed: ['a'] });
  });

  it('live progress of a job is not worth a write; a status change is', () => {
    const j = job('j', 'running');
    expect(sameSavedJob(j, { ...j, progress: 0.5, loss: 1 })).toBe(true);
    expect(sameSavedJob(j, { ...j, status: 'done' })).toBe(false);
  });
});

describe('resume note', () => {
  it('names the interrupted sweep and counts its finished models', () => {
    const note = resumeNote({
      sweeps: [sweep('s', 'RegNetX')],
      jobs: [
        job('1', 'done'),
        job('2', 'failed'),
        job('3', 'running'),
        job('4', 'queued'),
        job('x', 'done', 'other'),
      ],
    });
    expect(note).toBe('Resuming sweep RegNetX: 2 of 4 models done');
  });

  it('is null when nothing waits', () => {
    expect(resumeNote({ sweeps: [], jobs: [job('1', 'done')] })).toBeNull();
  });
});
