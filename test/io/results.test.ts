import { describe, expect, it } from 'vitest';
import { FormatError } from '../../src/io/format-error';
import {
  makeResults,
  mergeResults,
  parseResults,
  readResults,
  serializeResults,
  type ResultRecord,
} from '../../src/io/results';
import { presetDoc, sampleRecord } from './fixtures';

const CREATED = '2025-02-01T08:00:00.000Z';

function readError(text: string): string {
  try {
    readResults(text, 'sweep.json');
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return (e as Error).message;
  }
  throw new Error('expected the read to fail');
}

const docText = (records: unknown[], extra: object = {}) =>
  JSON.stringify({ schema: 'dslab.results', version: 1, createdAt: CREATED, records, ...extra });

describe('results format', () => {
  it('round-trips records of every status', () => {
    const doc = makeResults(
      [
        sampleRecord('a'),
        sampleRecord('b', {
          status: 'diverged',
          error: null,
          message: 'loss became NaN at epoch 2',
          curve: [{ epoch: 1, trainLoss: null, trainError: 0.9, lr: 0.1 }],
          timings: { wallSeconds: 3, imagesPerSec: null, inferenceMsPerImage: null },
        }),
        sampleRecord('c', { status: 'failed', error: null, curve: [], peakBytes: 1234 }),
      ],
      {
        createdAt: CREATED,
        sweeps: [{ id: 'sweep-1', space: 'anynetx_a', settings: { samples: 3, ranges: [1, 2] } }],
      },
    );
    const read = readResults(serializeResults(doc));
    expect(read.warnings).toEqual([]);
    expect(read.doc).toEqual(doc);
  });

  it('ties status and error together', () => {
    const message = readError(
      docText([sampleRecord('a', { error: null }), sampleRecord('b', { status: 'failed' })]),
    );
    expect(message).toContain('records[0].error: a finished run (status "done") needs its test error');
    expect(message).toContain('records[1].error: must be null when status is "failed"');
  });

  it('wants errors as fractions, not percentages', () => {
    expect(readError(docText([sampleRecord('a', { error: 31.1 })]))).toContain(
      'records[0].error: expected a number ≥ 0 and ≤ 1, got 31.1',
    );
  });

  it('refuses duplicate record ids', () => {
    expect(readError(docText([sampleRecord('a'), sampleRecord('b'), sampleRecord('a')]))).toContain(
      'records[2].id: duplicates the id of records[0] (the text "a"); ids must be unique',
    );
  });

  it('recomputes complexity of each record from its config', () => {
    const bad = sampleRecord('a', { complexity: { flops: 5, params: 5, acts: 5 } });
    const read = readResults(docText([bad]));
    expect(read.doc.records[0].complexity).toEqual(sampleRecord('a').config.complexity);
    expect(read.warnings).toEqual([
      'records[0].complexity: differs from the one recomputed from its config; the recomputed one is used.',
    ]);
  });

  it('notes data that does not fit the model input', () => {
    const record = sampleRecord('a');
    const read = readResults(docText([{ ...record, data: { ...record.data, resolution: 64 } }]));
    expect(read.warnings[0]).toMatch(
      /^records\[0\]\.data: 64px, 3 channels, 10 classes, but the model takes 32px/,
    );
  });

  it('names a model config given as a results file, and unsupported versions', () => {
    expect(readError(JSON.stringify(presetDoc('RegNetX-200MF')))).toMatch(
      /^sweep\.json: is a dslab model config, not a dslab results file\.$/,
    );
    expect(readError(docText([], { version: 3 }))).toMatch(
      /dslab\.results version 3; this dslab reads version 1 only/,
    );
  });

  it('checks dates', () => {
    expect(readError(docText([sampleRecord('a', { finishedAt: 'yesterday' })]))).toContain(
      'records[0].finishedAt: expected an ISO 8601 date-time',
    );
  });
});

describe('mergeResults', () => {
  it('deduplicates by id; the later file wins, at the first position', () => {
    const first = makeResults([sampleRecord('a'), sampleRecord('b')], { createdAt: CREATED });
    const rerun: ResultRecord = sampleRecord('a', { error: 0.3 });
    const second = makeResults([rerun, sampleRecord('c')], { createdAt: CREATED });
    const merged = mergeResults([first, second], CREATED);
    expect(merged.records.map((r) => [r.id, r.error])).toEqual([
      ['a', 0.3],
      ['b', 0.42],
      ['c', 0.42],
    ]);
    expect(merged.createdAt).toBe(CREATED);
    expect(parseResults(serializeResults(merged))).toEqual(merged);
  });

  it('merges sweeps by id too', () => {
    const a = makeResults([], { createdAt: CREATED, sweeps: [{ id: 's1', space: 'x' }] });
    const b = makeResults([], {
      createdAt: CREATED,
      sweeps: [
        { id: 's1', space: 'y' },
        { id: 's2', space: 'z' },
      ],
    });
    expect(mergeResults([a, b], CREATED).sweeps).toEqual([
      { id: 's1', space: 'y' },
      { id: 's2', space: 'z' },
    ]);
  });
});
