import type { Dataset } from './dataset';
import { parseIdxSplit, type NamedBytes } from './idx';

/** Zalando Research's labels, in label order (zalandoresearch/fashion-mnist README). */
export const FASHION_MNIST_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

/** The four files of the IDX layout, without the optional `.gz`. */
export const IDX_FILE_NAMES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

export type IdxFileKey = keyof typeof IDX_FILE_NAMES;
export type IdxFiles = Record<IdxFileKey, NamedBytes>;

/** A Fashion-MNIST data set (full or a subset in the same format) from its four IDX files, gzip or raw. */
export function fashionMnistFromFiles(files: IdxFiles, name = 'fashion-mnist'): Dataset {
  const classes = FASHION_MNIST_CLASSES.length;
  const train = parseIdxSplit(files.trainImages, files.trainLabels, classes);
  const test = parseIdxSplit(files.testImages, files.testLabels, classes);
  if (train.rows !== test.rows || train.cols !== test.cols) {
    throw new Error(
      `${files.trainImages.name} holds ${train.rows}×${train.cols} images but ${files.testImages.name} holds ` +
        `${test.rows}×${test.cols}: train and test must have the same image size`,
    );
  }
  return {
    name,
    height: train.rows,
    width: train.cols,
    channels: 1,
    classes,
    classNames: [...FASHION_MNIST_CLASSES],
    train: { images: train.images, labels: train.labels, count: train.count },
    test: { images: test.images, labels: test.labels, count: test.count },
    hflip: true, // clothes are left-right symmetric enough: a flipped shoe is still a shoe
  };
}
