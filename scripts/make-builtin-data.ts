/**
 * Writes the app's built-in data set: a class-balanced, deterministic 12,000/2,000 subset of Fashion-MNIST as gzipped
 * IDX files in public/data/fashion-mnist/, plus a README crediting Zalando Research (MIT).
 * Run: npx tsx scripts/make-builtin-data.ts [source dir, default /usr/share/datasets/fashion-mnist]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUILTIN_FILES, BUILTIN_TEST_SIZE, BUILTIN_TRAIN_SIZE } from '../src/data/builtin';
import { classCounts, subsetDataset } from '../src/data/dataset';
import { encodeIdxImages, encodeIdxLabels } from '../src/data/idx';
import { BUILTIN_DATA_DIR, DEFAULT_FASHION_MNIST_DIR, loadFashionMnistDir } from '../src/data/load-node';

/** Fixed so that the shipped files never change unless this script does. */
const SUBSET_SEED = 2020;

const README = `# Built-in data set: a Fashion-MNIST subset

${BUILTIN_TRAIN_SIZE.toLocaleString('en')} training and ${BUILTIN_TEST_SIZE.toLocaleString('en')} test images (28×28 gray, 10 classes, exactly
balanced: ${BUILTIN_TRAIN_SIZE / 10} and ${BUILTIN_TEST_SIZE / 10} per class) taken from Fashion-MNIST by
scripts/make-builtin-data.ts (seed ${SUBSET_SEED}, a seeded random choice per class, original order kept).
The files use the original IDX format, gzipped.

Fashion-MNIST is by Zalando Research: Han Xiao, Kashif Rasul, Roland Vollgraf, "Fashion-MNIST: a Novel Image
Dataset for Benchmarking Machine Learning Algorithms", arXiv:1708.07747 (2017),
https://github.com/zalandoresearch/fashion-mnist. It is released under the MIT License:

The MIT License (MIT)

Copyright © 2017 Zalando SE, https://tech.zalando.com

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation the
rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to
permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the
Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
`;

async function main(): Promise<void> {
  const source = process.argv[2] ?? DEFAULT_FASHION_MNIST_DIR;
  const full = await loadFashionMnistDir(source);
  const ds = subsetDataset(full, BUILTIN_TRAIN_SIZE, BUILTIN_TEST_SIZE, SUBSET_SEED);
  for (const [split, s] of [
    ['train', ds.train],
    ['test', ds.test],
  ] as const) {
    const counts = classCounts(s.labels, ds.classes);
    if (new Set(counts).size !== 1)
      throw new Error(`The ${split} subset is not balanced: ${counts.join(', ')}`);
  }
  // zlib's gzip header has mtime 0, so reruns write identical bytes.
  const gz = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 });
  const files: [string, Uint8Array][] = [
    [BUILTIN_FILES.trainImages, encodeIdxImages(ds.train.images, ds.train.count, ds.height, ds.width)],
    [BUILTIN_FILES.trainLabels, encodeIdxLabels(ds.train.labels)],
    [BUILTIN_FILES.testImages, encodeIdxImages(ds.test.images, ds.test.count, ds.height, ds.width)],
    [BUILTIN_FILES.testLabels, encodeIdxLabels(ds.test.labels)],
  ];
  mkdirSync(BUILTIN_DATA_DIR, { recursive: true });
  for (const [name, bytes] of files) {
    const packed = gz(bytes);
    writeFileSync(join(BUILTIN_DATA_DIR, name), packed);
    console.log(`${name}: ${bytes.length} bytes → ${packed.length} gzipped`);
  }
  writeFileSync(join(BUILTIN_DATA_DIR, 'README.md'), README);
  console.log(`Wrote ${ds.train.count} train and ${ds.test.count} test images to ${BUILTIN_DATA_DIR}`);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exitCode = 1;
});
