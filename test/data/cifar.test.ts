import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createTar } from 'nanotar';
import { afterAll, describe, expect, it } from 'vitest';
import { cifarFromArchive, parseCifarBatch } from '../../src/data/cifar';
import { loadDataSpec } from '../../src/data/load-node';

/** One 3073-byte record: label, then R, G, B planes of 32×32; `marks` sets [plane, row, col, value]. */
function record(label: number, marks: [number, number, number, number][] = []): number[] {
  const rec = new Array<number>(3073).fill(0);
  rec[0] = label;
  for (const [plane, row, col, value] of marks) rec[1 + plane * 1024 + row * 32 + col] = value;
  return rec;
}
const batch = (...records: number[][]) => new Uint8Array(records.flat());

describe('CIFAR-10 binary batches', () => {
  it('puts a known pixel at the right NHWC index', () => {
    // Image 1: R at (row 5, col 7) = 200, G at (0, 31) = 17, B at (31, 0) = 99.
    const split = parseCifarBatch(
      batch(
        record(3),
        record(8, [
          [0, 5, 7, 200],
          [1, 0, 31, 17],
          [2, 31, 0, 99],
        ]),
      ),
      'b.bin',
    );
    expect(split.count).toBe(2);
    expect(Array.from(split.labels)).toEqual([3, 8]);
    const base = 32 * 32 * 3; // image 1 starts after image 0
    expect(split.images[base + (5 * 32 + 7) * 3 + 0]).toBe(200);
    expect(split.images[base + (0 * 32 + 31) * 3 + 1]).toBe(17);
    expect(split.images[base + (31 * 32 + 0) * 3 + 2]).toBe(99);
    const nonZero = split.images.reduce((n, v) => n + (v ? 1 : 0), 0);
    expect(nonZero).toBe(3);
  });

  it('rejects a size that is not a multiple of 3073, naming the file', () => {
    expect(() => parseCifarBatch(new Uint8Array(3073 * 2 - 1), 'data_batch_1.bin')).toThrow(
      /data_batch_1\.bin: 6145 bytes is not a whole number of 3073-byte CIFAR-10 records/,
    );
  });

  it('rejects a label above 9', () => {
    expect(() => parseCifarBatch(batch(record(1), record(10)), 'test_batch.bin')).toThrow(
      /test_batch\.bin: record 1 has label 10.*0\.\.9/,
    );
  });

  const dir = mkdtempSync(join(tmpdir(), 'dslab-cifar-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const names = [
    'data_batch_1.bin',
    'data_batch_2.bin',
    'data_batch_3.bin',
    'data_batch_4.bin',
    'data_batch_5.bin',
  ];
  // Train batch i holds one record with label i (0..4) whose R(0,0) = 10 + i; the test batch holds label 9.
  const trainFiles = names.map((name, i) => ({ name, data: batch(record(i, [[0, 0, 0, 10 + i]])) }));
  const testFile = { name: 'test_batch.bin', data: batch(record(9), record(9)) };

  it('loads a cifar-10-batches-bin folder in batch order, and a folder holding it', async () => {
    const bin = join(dir, 'cifar-10-batches-bin');
    mkdirSync(bin);
    for (const f of [...trainFiles, testFile]) writeFileSync(join(bin, f.name), f.data);
    for (const path of [bin, dir]) {
      const ds = await loadDataSpec(`cifar10:${path}`);
      expect([ds.train.count, ds.test.count, ds.height, ds.width, ds.channels, ds.classes]).toEqual([
        5, 2, 32, 32, 3, 10,
      ]);
      expect(Array.from(ds.train.labels)).toEqual([0, 1, 2, 3, 4]);
      expect([0, 1, 2, 3, 4].map((n) => ds.train.images[n * 3072])).toEqual([10, 11, 12, 13, 14]);
      expect(ds.classNames[0]).toBe('airplane');
      expect(ds.hflip).toBe(true);
    }
  });

  it('reads the same data from a .tar.gz, in Node and through the shared parser', async () => {
    const tar = createTar([
      { name: 'cifar-10-batches-bin/', attrs: {} },
      ...[...trainFiles, testFile].map((f) => ({
        name: `cifar-10-batches-bin/${f.name}`,
        data: f.data,
      })),
    ]);
    const gz = new Uint8Array(gzipSync(tar));
    const archive = join(dir, 'cifar-10-binary.tar.gz');
    writeFileSync(archive, gz);
    for (const ds of [await loadDataSpec(`cifar10:${archive}`), cifarFromArchive(gz, 'dropped.tar.gz')]) {
      expect([ds.train.count, ds.test.count]).toEqual([5, 2]);
      expect([0, 1, 2, 3, 4].map((n) => ds.train.images[n * 3072])).toEqual([10, 11, 12, 13, 14]);
    }
  });

  it('reports a truncated .tar.gz, naming it', async () => {
    const tar = createTar(trainFiles.map((f) => ({ name: f.name, data: f.data })));
    const gz = new Uint8Array(gzipSync(tar));
    const cut = join(dir, 'cut.tar.gz');
    writeFileSync(cut, gz.subarray(0, gz.length >> 1));
    await expect(loadDataSpec(`cifar10:${cut}`)).rejects.toThrow(
      /cut\.tar\.gz: the gzip data is corrupt or truncated/,
    );
    expect(() => cifarFromArchive(gz.subarray(0, gz.length >> 1), 'dropped.tar.gz')).toThrow(
      /dropped\.tar\.gz: the gzip data is corrupt or truncated/,
    );
  });

  it('names the missing batch files', async () => {
    const partial = join(dir, 'partial');
    mkdirSync(partial);
    writeFileSync(join(partial, 'data_batch_1.bin'), trainFiles[0].data);
    writeFileSync(join(partial, 'test_batch.bin'), testFile.data);
    await expect(loadDataSpec(`cifar10:${partial}`)).rejects.toThrow(
      /partial: missing CIFAR-10 batch file\(s\) data_batch_2\.bin, data_batch_3\.bin, data_batch_4\.bin, data_batch_5\.bin/,
    );
  });

  it('says when the path does not exist', async () => {
    await expect(loadDataSpec(`cifar10:${join(dir, 'nope')}`)).rejects.toThrow(/nope does not exist/);
  });
});
