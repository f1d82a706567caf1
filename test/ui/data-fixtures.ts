/** Hand-made IDX files (big-endian headers written byte by byte, not with the code under test). */
export function idxImages(count: number, rows: number, cols: number, pixels: number[]): Uint8Array {
  return Uint8Array.from([0, 0, 8, 3, 0, 0, 0, count, 0, 0, 0, rows, 0, 0, 0, cols, ...pixels]);
}

export function idxLabels(labels: number[]): Uint8Array {
  return Uint8Array.from([0, 0, 8, 1, 0, 0, 0, labels.length, ...labels]);
}

export const fileOf = (bytes: Uint8Array, name: string): File => new File([bytes as BlobPart], name);

/** A valid 2×2 quartet: 3 train images (labels 0, 1, 9) and 2 test images (labels 1, 0). */
export function validQuartet(): File[] {
  return [
    fileOf(idxImages(3, 2, 2, [0, 50, 100, 150, 1, 2, 3, 4, 255, 255, 255, 255]), 'train-images-idx3-ubyte'),
    fileOf(idxLabels([0, 1, 9]), 'train-labels-idx1-ubyte'),
    fileOf(idxImages(2, 2, 2, [10, 20, 30, 40, 200, 210, 220, 230]), 't10k-images-idx3-ubyte'),
    fileOf(idxLabels([1, 0]), 't10k-labels-idx1-ubyte'),
  ];
}
