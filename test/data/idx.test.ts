import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fashionMnistFromFiles } from '../../src/data/fashion-mnist';
import { parseIdxImages, parseIdxLabels, parseIdxSplit } from '../../src/data/idx';

/** IDX files written by hand, byte by byte, independently of the encoder under test. */
function be32(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}
const imagesFile = (count: number, rows: number, cols: number, pixels: number[]) =>
  new Uint8Array([0, 0, 8, 3, ...be32(count), ...be32(rows), ...be32(cols), ...pixels]);
const labelsFile = (labels: number[]) => new Uint8Array([0, 0, 8, 1, ...be32(labels.length), ...labels]);

// Two 2×3 images: the first counts 0..5, the second 250..255.
const PIXELS = [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255];

describe('IDX parsing', () => {
  it('reads a hand-made images file: count, size and row-major pixels', () => {
    const img = parseIdxImages(imagesFile(2, 2, 3, PIXELS), 'imgs');
    expect([img.count, img.rows, img.cols]).toEqual([2, 2, 3]);
    expect(Array.from(img.data)).toEqual(PIXELS);
  });

  it('accepts gzip by sniffing the bytes, whatever the name says', () => {
    const gz = new Uint8Array(gzipSync(imagesFile(2, 2, 3, PIXELS)));
    expect(Array.from(parseIdxImages(gz, 'no-extension').data)).toEqual(PIXELS);
    expect(Array.from(parseIdxLabels(new Uint8Array(gzipSync(labelsFile([3, 9]))), 'l.gz', 10))).toEqual([
      3, 9,
    ]);
  });

  it('builds a Fashion-MNIST data set from four files', () => {
    const f = (name: string, bytes: Uint8Array) => ({ name, bytes });
    const ds = fashionMnistFromFiles({
      trainImages: f('a', imagesFile(2, 2, 3, PIXELS)),
      trainLabels: f('b', labelsFile([1, 9])),
      testImages: f('c', imagesFile(1, 2, 3, PIXELS.slice(0, 6))),
      testLabels: f('d', labelsFile([0])),
    });
    expect([ds.height, ds.width, ds.channels, ds.classes, ds.train.count, ds.test.count]).toEqual([
      2, 3, 1, 10, 2, 1,
    ]);
    expect(ds.classNames[9]).toBe('Ankle boot');
    expect(Array.from(ds.train.labels)).toEqual([1, 9]);
  });

  it('rejects a bad magic number, naming the file and the number', () => {
    const bad = imagesFile(2, 2, 3, PIXELS);
    bad[3] = 0x04;
    expect(() => parseIdxImages(bad, 'train-images.gz')).toThrow(
      /train-images\.gz.*magic number is 2052.*expected 2051/,
    );
  });

  it('says when images and labels files are swapped', () => {
    expect(() => parseIdxImages(labelsFile([1, 2]), 'x')).toThrow(/x: not an IDX images file.*swapped/);
  });

  it('rejects a truncated images file with expected and actual sizes', () => {
    const full = imagesFile(2, 2, 3, PIXELS);
    const cut = full.subarray(0, full.length - 5);
    // 16-byte header + 2·2·3 pixels = 28 bytes expected, 23 present.
    expect(() => parseIdxImages(cut, 'imgs.idx')).toThrow(
      /imgs\.idx: truncated file.*need 28 bytes but the file has 23/,
    );
  });

  it('rejects a header cut short', () => {
    expect(() => parseIdxLabels(new Uint8Array([0, 0, 8]), 'lab', 10)).toThrow(
      /lab: truncated IDX labels file.*8 bytes.*has 3/,
    );
  });

  it('rejects a truncated gzip stream, naming the file', () => {
    const gz = new Uint8Array(gzipSync(imagesFile(2, 2, 3, PIXELS)));
    expect(() => parseIdxImages(gz.subarray(0, gz.length - 12), 'cut.gz')).toThrow(
      /cut\.gz: the gzip data is corrupt/,
    );
  });

  it('rejects label 10 when there are 10 classes', () => {
    expect(() => parseIdxLabels(labelsFile([0, 9, 10]), 'labels', 10)).toThrow(
      /labels: label 10 at index 2 is out of range.*10 classes/,
    );
  });

  it('rejects an images/labels count mismatch, naming both files', () => {
    expect(() =>
      parseIdxSplit(
        { name: 'imgs', bytes: imagesFile(2, 2, 3, PIXELS) },
        { name: 'labs', bytes: labelsFile([1]) },
        10,
      ),
    ).toThrow(/imgs has 2 images but labs has 1 labels/);
  });

  it('rejects trailing bytes after the declared data', () => {
    expect(() => parseIdxLabels(new Uint8Array([...labelsFile([1]), 7]), 'long', 10)).toThrow(
      /long: corrupt file.*too long/,
    );
  });
});
