import { gzipSync } from 'fflate';
import { createTar } from 'nanotar';
import { describe, expect, it } from 'vitest';
import { appBaseUrl } from '../../src/ui/data/base-url';
import { encodeBmp } from '../../src/ui/data/bmp';
import type { DataEntry } from '../../src/ui/data/entries';
import { loadDataset, type LoadProgress } from '../../src/ui/data/load-dataset';
import { previewIndices } from '../../src/ui/data/preview';
import { idxImages, idxLabels } from './data-fixtures';

const entry = (path: string, bytes: Uint8Array): DataEntry => ({
  path,
  size: bytes.length,
  read: async () => bytes,
});

const noDecoder = async (): Promise<never> => {
  throw new Error('no image should be decoded here');
};

/** `count` CIFAR-10 records, each a label byte and 3072 pixel bytes (R plane, G plane, B plane). */
function cifarBatch(labels: number[]): Uint8Array {
  const out = new Uint8Array(labels.length * 3073);
  labels.forEach((label, n) => {
    out[n * 3073] = label;
    out.fill(100, n * 3073 + 1, n * 3073 + 1025); // R
    out.fill(150, n * 3073 + 1025, n * 3073 + 2049); // G
    out.fill(200, n * 3073 + 2049, n * 3073 + 3073); // B
  });
  return out;
}

const quartet = (folder: string): DataEntry[] => [
  entry(`${folder}train-images-idx3-ubyte`, idxImages(1, 2, 2, [1, 2, 3, 4])),
  entry(`${folder}train-labels-idx1-ubyte`, idxLabels([3])),
  entry(`${folder}t10k-images-idx3-ubyte`, idxImages(1, 2, 2, [5, 6, 7, 8])),
  entry(`${folder}t10k-labels-idx1-ubyte`, idxLabels([2])),
];

describe('loading chosen files', () => {
  it('reads CIFAR-10 batches from a folder: 32×32×3, NHWC, named after the folder', async () => {
    const dir = 'cifar-10-batches-bin/';
    const entries = [
      ...[1, 2, 3, 4, 5].map((i) => entry(`${dir}data_batch_${i}.bin`, cifarBatch([i, 0]))),
      entry(`${dir}test_batch.bin`, cifarBatch([9])),
      entry(`${dir}readme.html`, Uint8Array.from([60])),
    ];
    const ds = await loadDataset(entries, { decode: noDecoder });
    expect(ds.name).toBe('cifar-10-batches-bin');
    expect([ds.height, ds.width, ds.channels, ds.classes]).toEqual([32, 32, 3, 10]);
    expect(ds.train.count).toBe(10);
    expect(Array.from(ds.train.labels)).toEqual([1, 0, 2, 0, 3, 0, 4, 0, 5, 0]);
    expect(Array.from(ds.test.images.subarray(0, 6))).toEqual([100, 150, 200, 100, 150, 200]);
  });

  it('names the missing CIFAR-10 batch', async () => {
    const entries = [1, 2, 3, 4, 5].map((i) => entry(`data_batch_${i}.bin`, cifarBatch([0])));
    await expect(loadDataset(entries, { decode: noDecoder })).rejects.toThrow(
      /missing CIFAR-10 batch file\(s\) test_batch\.bin/,
    );
  });

  it('reads cifar-10-binary.tar.gz, entries matched by base name', async () => {
    const tar = createTar([
      ...[1, 2, 3, 4, 5].map((i) => ({
        name: `cifar-10-batches-bin/data_batch_${i}.bin`,
        data: cifarBatch([i]),
      })),
      { name: 'cifar-10-batches-bin/test_batch.bin', data: cifarBatch([7, 8]) },
    ]);
    const ds = await loadDataset([entry('cifar-10-binary.tar.gz', gzipSync(tar))], { decode: noDecoder });
    expect(ds.name).toBe('cifar-10-binary.tar.gz');
    expect([ds.train.count, ds.test.count, ds.channels]).toEqual([5, 2, 3]);
    expect(Array.from(ds.test.labels)).toEqual([7, 8]);
  });

  it('a .tar.gz that is no tar archive is an error naming the archive', async () => {
    const bogus = entry('cifar-10-binary.tar.gz', gzipSync(Uint8Array.from([1, 2, 3])));
    await expect(loadDataset([bogus], { decode: noDecoder })).rejects.toThrow(/cifar-10-binary\.tar\.gz/);
  });

  it('reports progress file by file, in order, and the mirror spelling train-images.idx3-ubyte counts', async () => {
    const seen: LoadProgress[] = [];
    const entries = quartet('');
    entries[0] = { ...entries[0], path: 'train-images.idx3-ubyte' };
    const ds = await loadDataset(entries, { decode: noDecoder, onProgress: (p) => seen.push(p) });
    expect(ds.train.count).toBe(1);
    const reads = seen.filter((p) => p.text.startsWith('Reading'));
    expect(reads.map((p) => [p.done, p.total])).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
    ]);
    expect(reads[0].text).toBe('Reading train-images.idx3-ubyte (1 of 4)');
  });

  it('IDX files in a folder named mnist get digit classes and no flips; fashion keeps clothes', async () => {
    const digits = await loadDataset(quartet('mnist/'), { decode: noDecoder });
    expect(digits.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(digits.hflip).toBe(false);
    const clothes = await loadDataset(quartet('fashion-mnist/'), { decode: noDecoder });
    expect(clothes.classNames[0]).toBe('T-shirt/top');
    expect(clothes.name).toBe('fashion-mnist');
  });

  it('an image folder of non-square images is refused with what to do', async () => {
    const decode = async () => ({ width: 4, height: 3, channels: 3, data: new Uint8Array(36) });
    const entries = [
      entry('pics/train/a/1.png', Uint8Array.of(0)),
      entry('pics/test/a/2.png', Uint8Array.of(0)),
    ];
    await expect(loadDataset(entries, { decode })).rejects.toThrow(/pics: images are 4×3 .* square/);
  });

  it('an image folder without test/ says so', async () => {
    const decode = async () => ({ width: 2, height: 2, channels: 1, data: new Uint8Array(4) });
    await expect(loadDataset([entry('pics/train/a/1.png', Uint8Array.of(0))], { decode })).rejects.toThrow(
      /missing test\/ folder/,
    );
  });

  it('hidden files alone are no data', async () => {
    await expect(loadDataset([entry('.DS_Store', Uint8Array.of(0))], { decode: noDecoder })).rejects.toThrow(
      /No files were given/,
    );
  });
});

describe('preview helpers', () => {
  it('previewIndices takes the first images of each class, class by class', () => {
    const labels = Uint8Array.from([2, 0, 2, 2, 1, 0, 0]);
    expect(previewIndices(labels, 4, 2)).toEqual([[1, 5], [4], [0, 2], []]);
  });

  it('encodeBmp writes a 24-bit bottom-up BMP with rows padded to 4 bytes', () => {
    // 1 wide, 2 high, RGB: top pixel (10,20,30), bottom pixel (40,50,60).
    const bmp = encodeBmp(Uint8Array.from([10, 20, 30, 40, 50, 60]), 1, 2, 3);
    expect(bmp.length).toBe(54 + 2 * 4);
    expect([bmp[0], bmp[1]]).toEqual([0x42, 0x4d]); // "BM"
    expect(bmp[2]).toBe(62); // file size, little-endian
    expect(bmp[10]).toBe(54); // pixel data offset
    expect(bmp[28]).toBe(24); // bits per pixel
    expect(Array.from(bmp.subarray(54))).toEqual([60, 50, 40, 0, 30, 20, 10, 0]); // bottom row first, BGR
  });

  it('encodeBmp repeats a gray byte into B, G and R', () => {
    const bmp = encodeBmp(Uint8Array.from([7, 9]), 2, 1, 1);
    expect(Array.from(bmp.subarray(54))).toEqual([7, 7, 7, 9, 9, 9, 0, 0]);
  });

  it('appBaseUrl resolves Vite\'s base against the page, and gives "" where the page has no address', () => {
    expect(appBaseUrl('https://example.org/lab/index.html', '/lab/')).toBe('https://example.org/lab/');
    expect(appBaseUrl('https://example.org/lab/index.html', './')).toBe('https://example.org/lab/');
    expect(appBaseUrl('about:blank', '/')).toBe('');
  });
});
