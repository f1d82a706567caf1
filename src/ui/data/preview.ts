import type { Split } from '../../data/dataset';
import { bmpDataUrl } from './bmp';

/** What the preview grid draws from: one split of a data set and its labels' names. */
export interface PreviewSource {
  split: Split;
  height: number;
  width: number;
  channels: number;
  classNames: string[];
}

export interface PreviewImage {
  key: string;
  className: string;
  src: string;
}

export interface PreviewRow {
  className: string;
  images: PreviewImage[];
}

/** The first `perClass` indices of every class, class by class (classes with no image get an empty list). */
export function previewIndices(labels: Uint8Array, classes: number, perClass: number): number[][] {
  const rows: number[][] = Array.from({ length: classes }, () => []);
  let open = classes;
  for (let i = 0; i < labels.length && open > 0; i++) {
    const row = rows[labels[i]];
    if (!row || row.length >= perClass) continue;
    row.push(i);
    if (row.length === perClass) open--;
  }
  return rows;
}

/** A few images of every class as data URLs, one row per class. */
export function previewRows(source: PreviewSource, perClass: number): PreviewRow[] {
  const { split, height, width, channels, classNames } = source;
  if (channels !== 1 && channels !== 3) {
    throw new Error(
      `Preview: ${channels}-channel images cannot be shown; only gray (1) and RGB (3) are supported`,
    );
  }
  const size = height * width * channels;
  return previewIndices(split.labels, classNames.length, perClass).map((indices, c) => ({
    className: classNames[c],
    images: indices.map((i) => ({
      key: `${c}-${i}`,
      className: classNames[c],
      src: bmpDataUrl(split.images.subarray(i * size, (i + 1) * size), width, height, channels),
    })),
  }));
}
