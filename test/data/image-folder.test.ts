import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeImageNode } from '../../src/data/decode-node';
import { imageFolderDataset } from '../../src/data/image-folder';
import { loadDataSpec } from '../../src/data/load-node';

/** An RGBA PNG of w×h whose pixel (x, y) is rgb(x, y, k) with full alpha. */
function png(w: number, h: number, k: number): Buffer {
  const img = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) img.data.set([x, y, k, 255], 4 * (y * w + x));
  }
  return PNG.sync.write(img);
}

/** A flat-colour JPEG (flat areas survive JPEG almost exactly). */
function flatJpeg(w: number, h: number, rgb: [number, number, number]): Buffer {
  const data = Buffer.alloc(w * h * 4);
  for (let p = 0; p < w * h; p++) data.set([...rgb, 255], 4 * p);
  return jpeg.encode({ width: w, height: h, data }, 95).data;
}

function writeTree(root: string, files: Record<string, Buffer | string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

describe('image folder', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dslab-folder-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  let n = 0;
  const folder = (files: Record<string, Buffer | string>) => {
    const root = join(tmp, `set${n++}`);
    writeTree(root, files);
    return root;
  };

  it('reads train/ and test/ class folders of PNG and JPEG, classes sorted, exact PNG pixels', async () => {
    const root = folder({
      'train/zebra/a.png': png(4, 3, 7),
      'train/ant/b.png': png(4, 3, 9),
      'train/ant/c.jpg': flatJpeg(4, 3, [200, 40, 90]),
      'train/ant/.DS_Store': 'junk',
      'test/zebra/d.png': png(4, 3, 1),
      'README.txt': 'ignored',
    });
    const ds = await loadDataSpec(`folder:${root}`);
    expect(ds.classNames).toEqual(['ant', 'zebra']);
    expect([ds.height, ds.width, ds.channels, ds.classes]).toEqual([3, 4, 3, 2]);
    // Sorted by path: train/ant/b.png, train/ant/c.jpg, train/zebra/a.png.
    expect(Array.from(ds.train.labels)).toEqual([0, 0, 1]);
    expect(Array.from(ds.test.labels)).toEqual([1]);
    const px = (img: number, x: number, y: number) =>
      Array.from(ds.train.images.subarray(img * 36 + (y * 4 + x) * 3, img * 36 + (y * 4 + x) * 3 + 3));
    expect(px(0, 3, 2)).toEqual([3, 2, 9]);
    expect(px(2, 1, 0)).toEqual([1, 0, 7]);
    px(1, 2, 1).forEach((v, k) => expect(Math.abs(v - [200, 40, 90][k])).toBeLessThanOrEqual(3));
  });

  it('makes a 1-channel set when every image is gray', async () => {
    const gray = new PNG({ width: 2, height: 2, colorType: 0, inputColorType: 0, bitDepth: 8 });
    const g = Buffer.from([10, 20, 30, 40]);
    const bytes = PNG.sync.write(Object.assign(gray, { data: g }), { colorType: 0, inputColorType: 0 });
    const root = folder({ 'train/a/1.png': bytes, 'test/a/2.png': bytes });
    const ds = await loadDataSpec(`folder:${root}`);
    expect(ds.channels).toBe(1);
    expect(Array.from(ds.train.images)).toEqual([10, 20, 30, 40]);
  });

  it('reports a missing test/ folder', async () => {
    const root = folder({ 'train/a/1.png': png(2, 2, 0) });
    await expect(loadDataSpec(`folder:${root}`)).rejects.toThrow(/missing test\/ folder/);
  });

  it('reports a folder that does not exist', async () => {
    await expect(loadDataSpec(`folder:${join(tmp, 'absent')}`)).rejects.toThrow(/absent does not exist/);
  });

  it('reports an image of another size, naming it and both sizes', async () => {
    const root = folder({ 'train/a/1.png': png(4, 4, 0), 'test/a/2.png': png(5, 4, 0) });
    await expect(loadDataSpec(`folder:${root}`)).rejects.toThrow(
      /test\/a\/2\.png: image is 5×4 but the first train image is 4×4/,
    );
  });

  it('reports a test class with no train folder', async () => {
    const root = folder({ 'train/a/1.png': png(2, 2, 0), 'test/b/2.png': png(2, 2, 0) });
    await expect(loadDataSpec(`folder:${root}`)).rejects.toThrow(/test class "b" has no train\/b\/ folder/);
  });

  it('reports an image outside a class folder', async () => {
    const root = folder({ 'train/1.png': png(2, 2, 0), 'test/a/2.png': png(2, 2, 0) });
    await expect(loadDataSpec(`folder:${root}`)).rejects.toThrow(
      /train\/1\.png: images must sit at train\/<class>\/<image>/,
    );
  });

  it('reports corrupt and truncated images, naming the file', async () => {
    await expect(decodeImageNode(new Uint8Array([1, 2, 3, 4]), 'x.png')).rejects.toThrow(
      /x\.png: not a PNG or JPEG/,
    );
    const cutPng = new Uint8Array(png(8, 8, 3)).subarray(0, 40);
    await expect(decodeImageNode(cutPng, 'cut.png')).rejects.toThrow(/cut\.png: cannot decode image/);
    const cutJpeg = new Uint8Array(flatJpeg(16, 16, [1, 2, 3])).subarray(0, 200);
    await expect(decodeImageNode(cutJpeg, 'cut.jpg')).rejects.toThrow(/cut\.jpg: cannot decode image/);
  });

  it('strips a dropped folder’s own name from the paths (browser-style entries)', async () => {
    const bytes = new Uint8Array(png(2, 1, 5));
    const entry = (path: string) => ({ path, read: async () => bytes });
    const ds = await imageFolderDataset(
      [entry('mine/train/c/1.png'), entry('mine/test/c/2.png')],
      decodeImageNode,
      {
        hflip: false,
      },
    );
    expect([ds.train.count, ds.test.count, ds.width, ds.height, ds.hflip]).toEqual([1, 1, 2, 1, false]);
  });
});
