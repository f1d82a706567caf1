import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SweepOutput } from '../../src/cli/commands/sweep';
import { makeModelConfig } from '../../src/io/model-config';
import { makeResults, readResults, validateResults, type ResultsDoc } from '../../src/io/results';
import { complexity } from '../../src/space/complexity';
import type { TrainResult } from '../../src/train/trainer';
import {
  failureToRecord,
  resultToRecord,
  trainingInfoOf,
  type RecordContext,
} from '../../src/train/result-record';
import { resolveTrainOptions } from '../../src/train/options';
import { dslab, startDslab, TINY_NETWORK, tempDir } from './cli-process';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Small RegNetX models (at 16px: 0.1-2 MF) on 128 synthetic images: about a second each. */
const SWEEP = [
  'sweep',
  '--space',
  'regnetx',
  '--flops',
  '1e5:2e6',
  '--data',
  'synthetic',
  '--epochs',
  '1',
  '--test-size',
  '32',
  '--batch',
  '32',
];

/** The file read back through the results schema: it must always be a valid results file. */
const readDoc = (path: string): ResultsDoc => readResults(readFileSync(path, 'utf8'), path).doc;
const recordCount = (path: string): number => {
  try {
    return readDoc(path).records.length;
  } catch {
    return 0; // not written yet
  }
};

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for the sweep');
    await new Promise((r) => setTimeout(r, 40));
  }
}

describe('dslab sweep', () => {
  it('writes n records of one sweep; --resume then trains nothing and keeps the file', () => {
    const out = join(dir, 'three.json');
    const args = [...SWEEP, '--n', '3', '--seed', '1', '--train-size', '128', '--out', out];
    const first = dslab(...args, '--json');
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout) as SweepOutput;
    expect(summary).toMatchObject({ n: 3, trained: 3, skipped: 0, out });
    const doc = readDoc(out);
    expect(doc.records).toHaveLength(3);
    expect(doc.sweeps).toHaveLength(1);
    const sweep = doc.sweeps![0];
    expect(sweep.space).toBe('regnetx');
    expect(sweep.settings).toMatchObject({
      n: 3,
      seed: 1,
      epochs: 1,
      trainSize: 128,
      testSize: 32,
      batchSize: 32,
    });
    expect(summary.sweep).toBe(sweep.id);
    for (const r of doc.records) {
      expect(r.sweep).toBe(sweep.id);
      expect(r.space).toBe('regnetx');
      expect(r.complexity.flops).toBeGreaterThanOrEqual(1e5);
      expect(r.complexity.flops).toBeLessThanOrEqual(2e6);
      expect(r.config.network.input).toEqual({ channels: 1, resolution: 16 });
      expect(r.data).toMatchObject({ name: 'synthetic', trainSize: 128, testSize: 32 });
      expect(r.curve).toHaveLength(1);
      if (r.status === 'done') expect(r.error).toBeGreaterThanOrEqual(0);
      expect(r.backend.name).toBe('wasm');
    }
    expect(new Set(doc.records.map((r) => r.id)).size).toBe(3);
    expect(first.stderr).toMatch(/model 3\/3 /);

    const bytes = readFileSync(out, 'utf8');
    const again = dslab(...args, '--resume', '--json');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ n: 3, trained: 0, skipped: 3 });
    expect(again.stderr).toContain('3 of 3 models already finished');
    expect(readFileSync(out, 'utf8')).toBe(bytes);
  });

  it('survives Ctrl-C and a hard kill: resuming completes to n models without duplicates', async () => {
    const out = join(dir, 'interrupted.json');
    // 256 images in batches of 32: 8 steps per model, slow enough to interrupt between models.
    const args = [...SWEEP, '--n', '4', '--seed', '2', '--train-size', '256', '--out', out];

    const first = startDslab(...args);
    await waitFor(() => recordCount(out) >= 1, 60_000);
    first.child.kill('SIGINT');
    const stopped = await first.done;
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toContain('--resume');
    const afterInterrupt = readDoc(out).records;
    expect(afterInterrupt.length).toBeGreaterThanOrEqual(1);
    expect(afterInterrupt.length).toBeLessThan(4);

    const second = startDslab(...args, '--resume');
    await waitFor(() => recordCount(out) > afterInterrupt.length, 60_000);
    second.child.kill('SIGKILL');
    await second.done;
    const afterKill = readDoc(out).records;

    const third = dslab(...args, '--resume');
    expect(third.code, third.stderr).toBe(0);
    const records = readDoc(out).records;
    expect(records).toHaveLength(4);
    expect(new Set(records.map((r) => r.id)).size).toBe(4);
    // Records written before an interruption are kept as they were, not trained again.
    for (const r of afterKill) expect(records.find((x) => x.id === r.id)).toEqual(r);
    expect(existsSync(`${out}.tmp`)).toBe(false);
  });

  it('refuses to overwrite an existing file without --resume', () => {
    const out = join(dir, 'exists.json');
    writeFileSync(out, '{}');
    const { code, stderr } = dslab(...SWEEP, '--n', '2', '--out', out);
    expect(code).toBe(2);
    expect(stderr).toContain('exists; pass --resume or choose another file');
    expect(readFileSync(out, 'utf8')).toBe('{}');
  });

  it('refuses to resume a file that holds a different sweep, naming what differs', () => {
    const out = join(dir, 'other.json');
    const base = [...SWEEP, '--n', '1', '--train-size', '64', '--out', out];
    const made = dslab(...base, '--seed', '3');
    expect(made.code, made.stderr).toBe(0);
    const before = readFileSync(out, 'utf8');
    const { code, stderr } = dslab(...base, '--seed', '4', '--resume');
    expect(code).toBe(2);
    expect(stderr).toContain('belongs to a different sweep');
    expect(stderr).toContain('seed 3 (here 4)');
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it('refuses a shape that does not match the data', () => {
    const out = join(dir, 'shape.json');
    const { code, stderr } = dslab(...SWEEP, '--n', '2', '--resolution', '32', '--out', out);
    expect(code).toBe(2);
    expect(stderr).toContain('--resolution 32 does not match the data');
    expect(stderr).toContain('16px');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a missing space, data spec or output file with a clear message', () => {
    const noSpace = dslab('sweep', '--data', 'synthetic', '--epochs', '1', '--out', join(dir, 'a.json'));
    expect(noSpace.code).toBe(2);
    expect(noSpace.stderr).toContain('--space is required');
    const badData = dslab(
      ...SWEEP.slice(0, 5),
      '--data',
      'imagenet',
      '--epochs',
      '1',
      '--out',
      join(dir, 'b.json'),
    );
    expect(badData.code).toBe(2);
    expect(badData.stderr).toContain("Unknown data spec 'imagenet'");
    const noOut = dslab(...SWEEP, '--n', '1');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out is required');
  });
});

describe('train results as records', () => {
  const config = makeModelConfig(TINY_NETWORK, complexity(TINY_NETWORK), { name: 'tiny' });
  const context: RecordContext = {
    id: 's/1',
    sweep: 's',
    space: 'regnetx',
    config,
    data: { name: 'synthetic', trainSize: 128, testSize: 32, resolution: 16, channels: 1, classes: 10 },
    training: trainingInfoOf(resolveTrainOptions({ epochs: 2 })),
    finishedAt: '2026-01-01T00:00:00.000Z',
  };
  const result: TrainResult = {
    status: 'done',
    testError: 12.5,
    curve: [
      { epoch: 1, trainLoss: 1.5, trainError: 50, lr: 0.1 },
      { epoch: 2, trainLoss: 0.5, trainError: 25, testError: 12.5, lr: 0 },
    ],
    imagesPerSec: 100,
    inferenceMsPerImage: 0.5,
    wallSeconds: 3,
    backend: { name: 'wasm' },
    peakTensors: 10,
    peakBytes: 1000,
    peakGpuBytes: null,
    steps: 8,
    params: 2050,
  };

  it("turns the trainer's percents into fractions and makes a valid record", () => {
    const r = resultToRecord(result, context);
    expect(r.status).toBe('done');
    expect(r.error).toBe(0.125);
    expect(r.curve).toEqual([
      { epoch: 1, trainLoss: 1.5, trainError: 0.5, lr: 0.1 },
      { epoch: 2, trainLoss: 0.5, trainError: 0.25, testError: 0.125, lr: 0 },
    ]);
    expect(r.timings).toEqual({ wallSeconds: 3, imagesPerSec: 100, inferenceMsPerImage: 0.5 });
    expect(() => validateResults(makeResults([r]))).not.toThrow();
  });

  it('records a diverged run without an error and with its message; a NaN loss becomes null', () => {
    const diverged: TrainResult = {
      ...result,
      status: 'diverged',
      testError: null,
      inferenceMsPerImage: null,
      curve: [{ epoch: 1, trainLoss: NaN, trainError: 90, lr: 0.1 }],
      message: 'Loss became NaN at step 3',
    };
    const r = resultToRecord(diverged, context);
    expect(r).toMatchObject({ status: 'diverged', error: null, message: 'Loss became NaN at step 3' });
    expect(r.curve[0].trainLoss).toBeNull();
    expect(() => validateResults(makeResults([r]))).not.toThrow();
  });

  it('records a run that threw as failed, with the error message', () => {
    const r = failureToRecord('out of memory', { ...context, backend: 'wasm', wallSeconds: 1 });
    expect(r).toMatchObject({ status: 'failed', error: null, message: 'out of memory', curve: [] });
    expect(() => validateResults(makeResults([r]))).not.toThrow();
  });

  it('stores the fractional default warm-up exactly', () => {
    // 1 epoch: the trainer's default warm-up is min(1, 1/3) = 1/3 epoch; 6 epochs: 1.
    expect(trainingInfoOf(resolveTrainOptions({ epochs: 1 })).warmupEpochs).toBeCloseTo(1 / 3, 12);
    expect(trainingInfoOf(resolveTrainOptions({ epochs: 6 })).warmupEpochs).toBe(1);
  });
});
