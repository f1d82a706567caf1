import { describe, expect, it } from 'vitest';
import { BUILTIN_DATA, DEFAULT_SWEEP, type JobRow, type Sweep } from '../../src/store';
import { sampleRecord } from '../io/fixtures';
import { meanSpeed, throughputFromRecords } from '../../src/store/study-estimate';
import { etaSeconds, studyProgress } from '../../src/ui/run/eta';
import { curveToFractions, percentToFraction, resultToRecord } from '../../src/ui/run/records';
import { resultRecordSchema } from '../../src/io/results';
import { record } from './analysis-records';
import { doneResult } from './run-fakes';

const settings = { ...DEFAULT_SWEEP, epochs: 2, trainSize: 1000 };
const sweep: Sweep = {
  id: 's',
  name: 'S',
  space: { baseId: 'anynetx_a', constraints: [] },
  settings,
  createdAt: '2024-01-01T00:00:00Z',
  data: 'd',
};
const row = (status: JobRow['status'], progress: number): JobRow =>
  ({ id: `${status}${progress}`, sweepId: 's', status, progress }) as JobRow;

describe('percent -> fraction', () => {
  it('12.5 % is 0.125; clamps to [0, 1]', () => {
    expect(percentToFraction(12.5)).toBe(0.125);
    expect(percentToFraction(100)).toBe(1);
    expect(percentToFraction(-1)).toBe(0);
  });

  it('curves: errors become fractions, a NaN loss becomes null', () => {
    expect(curveToFractions([{ epoch: 1, trainLoss: NaN, trainError: 50, testError: 25, lr: 0.1 }])).toEqual([
      { epoch: 1, trainLoss: null, trainError: 0.5, testError: 0.25, lr: 0.1 },
    ]);
  });

  it('a finished run becomes a valid record with the sweep, data and training info', () => {
    const job = { id: 'j1', config: record({ id: 'x' }).config };
    const r = resultToRecord(doneResult(8), {
      job,
      sweep,
      data: BUILTIN_DATA,
      finishedAt: '2024-02-02T10:00:00.000Z',
      adapter: 'GPU X',
    });
    expect(resultRecordSchema.safeParse(r).success).toBe(true);
    expect(r.error).toBe(0.08);
    expect(r.sweep).toBe('s');
    expect(r.data).toMatchObject({
      trainSize: 1000,
      testSize: 2000,
      resolution: 28,
      channels: 1,
      classes: 10,
    });
    // lr 0.1 per 128 images (options.ts): batch 128 -> 0.1.
    expect(r.training).toMatchObject({ epochs: 2, batchSize: 128, lr: 0.1, seed: 0 });
    expect(r.backend).toEqual({ name: 'cpu', adapter: 'GPU X' });
  });
});

describe('study progress and ETA', () => {
  it('counts finished models, skips cancelled ones, and sums the images left', () => {
    const p = studyProgress(
      [row('done', 1), row('failed', 0.3), row('cancelled', 0.5), row('running', 0.25), row('queued', 0)],
      [sweep],
    );
    // Left: (1 - 0.25) * 2 * 1000 + 1 * 2 * 1000 = 3500 images.
    expect(p).toEqual({ done: 2, total: 4, imagesLeft: 3500 });
  });

  it('ETA = images left / images per second; none without a speed', () => {
    expect(etaSeconds(3500, 700)).toBe(5);
    expect(etaSeconds(3500, null)).toBeNull();
    expect(etaSeconds(3500, 0)).toBeNull();
  });

  it('mean speed ignores unmeasured models', () => {
    expect(meanSpeed([100, null, 300])).toBe(200);
    expect(meanSpeed([null])).toBeNull();
  });

  it('after a reload the speed comes from the saved records of the latest backend', () => {
    const at = (
      id: string,
      backend: string,
      imagesPerSec: number | null,
      finishedAt: string,
      status = 'done',
    ) =>
      sampleRecord(id, {
        status: status as 'done',
        backend: { name: backend },
        timings: { wallSeconds: 1, imagesPerSec, inferenceMsPerImage: null },
        finishedAt,
      });
    const records = [
      at('a', 'webgpu', 1000, '2026-01-01T10:00:00.000Z'),
      at('b', 'wasm', 100, '2026-01-01T11:00:00.000Z'),
      at('c', 'wasm', 300, '2026-01-01T12:00:00.000Z'),
      at('d', 'wasm', null, '2026-01-01T12:30:00.000Z', 'failed'),
    ];
    // Latest measured model: c on wasm; wasm's mean of 100 and 300.
    expect(throughputFromRecords(records)).toEqual({
      imagesPerSecond: 200,
      basis: 'measured on 2 models (wasm)',
    });
    expect(throughputFromRecords([records[3]])).toBeNull();
  });
});
