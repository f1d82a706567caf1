import { BUILTIN_DIR, BUILTIN_FILES } from '../../data/builtin';
import { FASHION_MNIST_CLASSES } from '../../data/fashion-mnist';
import { parseIdxSplit } from '../../data/idx';
import type { PreviewSource } from './preview';

export type FetchBytes = (url: string) => Promise<Uint8Array>;

export const fetchBytes: FetchBytes = async (url) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status} ${res.statusText}`.trim());
  return new Uint8Array(await res.arrayBuffer());
};

/**
 * The built-in set's test split (≈ 0.9 MB gz, the train split is 6 MB) for the preview: the workers fetch and parse
 * the whole set themselves, the page only needs a few images per class.
 */
export async function loadBuiltinPreview(
  baseUrl: string,
  get: FetchBytes = fetchBytes,
): Promise<PreviewSource> {
  const url = (file: string) => `${baseUrl}${BUILTIN_DIR}${file}`;
  const [images, labels] = await Promise.all([
    get(url(BUILTIN_FILES.testImages)),
    get(url(BUILTIN_FILES.testLabels)),
  ]);
  const split = parseIdxSplit(
    { name: url(BUILTIN_FILES.testImages), bytes: images },
    { name: url(BUILTIN_FILES.testLabels), bytes: labels },
    FASHION_MNIST_CLASSES.length,
  );
  return {
    split,
    height: split.rows,
    width: split.cols,
    channels: 1,
    classNames: [...FASHION_MNIST_CLASSES],
  };
}
