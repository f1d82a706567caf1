import type { Dataset } from './dataset';
import { fashionMnistFromFiles, IDX_FILE_NAMES, type IdxFileKey } from './fashion-mnist';

/**
 * The built-in data set: a class-balanced 12,000/2,000 subset of Fashion-MNIST (Zalando Research, MIT) shipped as
 * gzipped IDX files under public/data/fashion-mnist/, written by scripts/make-builtin-data.ts.
 */
export const BUILTIN_NAME = 'fashion-mnist-builtin';
export const BUILTIN_TRAIN_SIZE = 12_000;
export const BUILTIN_TEST_SIZE = 2_000;
/** Path of the folder relative to the app's base URL (Vite serves public/ at the base). */
export const BUILTIN_DIR = 'data/fashion-mnist/';

/** File names inside BUILTIN_DIR, by role. */
export const BUILTIN_FILES: Record<IdxFileKey, string> = {
  trainImages: `${IDX_FILE_NAMES.trainImages}.gz`,
  trainLabels: `${IDX_FILE_NAMES.trainLabels}.gz`,
  testImages: `${IDX_FILE_NAMES.testImages}.gz`,
  testLabels: `${IDX_FILE_NAMES.testLabels}.gz`,
};

/**
 * Parses the built-in set from the fetched bytes of its four files. Each may be gzip or already inflated
 * (a server that sends `Content-Encoding: gzip` hands over inflated bytes); the format is sniffed.
 */
export function parseBuiltinDataset(bytes: Record<IdxFileKey, Uint8Array>): Dataset {
  const named = (key: IdxFileKey) => ({ name: BUILTIN_DIR + BUILTIN_FILES[key], bytes: bytes[key] });
  return fashionMnistFromFiles(
    {
      trainImages: named('trainImages'),
      trainLabels: named('trainLabels'),
      testImages: named('testImages'),
      testLabels: named('testLabels'),
    },
    BUILTIN_NAME,
  );
}
