import type { Split } from './dataset';
import { gunzipIfNeeded } from './gzip';

/** IDX magic numbers: two zero bytes, type 0x08 (unsigned byte), number of dimensions. */
export const IDX_IMAGES_MAGIC = 0x00000803; // 2051
export const IDX_LABELS_MAGIC = 0x00000801; // 2049
const IMAGES_HEADER = 16;
const LABELS_HEADER = 8;

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** count × rows × cols bytes, row-major (NHW, one channel). */
  data: Uint8Array;
}

/** A named file's bytes, as read from disk, a fetch or a dropped file (gzip or raw). */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);

function checkMagic(bytes: Uint8Array, name: string, expected: number, headerSize: number): DataView {
  const kind = expected === IDX_IMAGES_MAGIC ? 'images' : 'labels';
  const truncated = () =>
    new Error(
      `${name}: truncated IDX ${kind} file: the header needs ${headerSize} bytes but the file has ${bytes.length}`,
    );
  if (bytes.length < 4) throw truncated();
  const dv = view(bytes);
  const magic = dv.getUint32(0);
  if (magic !== expected) {
    const hint =
      magic === IDX_IMAGES_MAGIC || magic === IDX_LABELS_MAGIC
        ? ` (it is an IDX ${magic === IDX_IMAGES_MAGIC ? 'images' : 'labels'} file: were the files swapped?)`
        : '';
    throw new Error(
      `${name}: not an IDX ${kind} file: magic number is ${magic} (0x${magic.toString(16).padStart(8, '0')}), ` +
        `expected ${expected}${hint}`,
    );
  }
  if (bytes.length < headerSize) throw truncated();
  return dv;
}

function checkLength(name: string, what: string, expected: number, actual: number): void {
  if (actual < expected) {
    throw new Error(`${name}: truncated file: ${what} need ${expected} bytes but the file has ${actual}`);
  }
  if (actual > expected) {
    throw new Error(
      `${name}: corrupt file: ${what} need ${expected} bytes but the file has ${actual} (too long)`,
    );
  }
}

/** Parses an IDX3 images file (gzip or raw). */
export function parseIdxImages(raw: Uint8Array, name: string): IdxImages {
  const bytes = gunzipIfNeeded(raw, name);
  const dv = checkMagic(bytes, name, IDX_IMAGES_MAGIC, IMAGES_HEADER);
  const count = dv.getUint32(4);
  const rows = dv.getUint32(8);
  const cols = dv.getUint32(12);
  if (rows === 0 || cols === 0 || rows > 4096 || cols > 4096) {
    throw new Error(`${name}: corrupt header: image size ${rows}×${cols} is not plausible`);
  }
  const expected = IMAGES_HEADER + count * rows * cols;
  checkLength(name, `${count} images of ${rows}×${cols} plus the 16-byte header`, expected, bytes.length);
  return { count, rows, cols, data: bytes.subarray(IMAGES_HEADER) };
}

/** Parses an IDX1 labels file (gzip or raw); every label must be below `classes`. */
export function parseIdxLabels(raw: Uint8Array, name: string, classes: number): Uint8Array {
  const bytes = gunzipIfNeeded(raw, name);
  const dv = checkMagic(bytes, name, IDX_LABELS_MAGIC, LABELS_HEADER);
  const count = dv.getUint32(4);
  checkLength(name, `${count} labels plus the 8-byte header`, LABELS_HEADER + count, bytes.length);
  const labels = bytes.subarray(LABELS_HEADER);
  const bad = labels.findIndex((label) => label >= classes);
  if (bad >= 0) {
    throw new Error(
      `${name}: label ${labels[bad]} at index ${bad} is out of range: this data set has ${classes} classes ` +
        `(labels 0..${classes - 1})`,
    );
  }
  return labels;
}

/** An images file and its labels file as one split, checking that they describe the same number of images. */
export function parseIdxSplit(
  images: NamedBytes,
  labels: NamedBytes,
  classes: number,
): Split & { rows: number; cols: number } {
  const img = parseIdxImages(images.bytes, images.name);
  const lab = parseIdxLabels(labels.bytes, labels.name, classes);
  if (img.count !== lab.length) {
    throw new Error(
      `${images.name} has ${img.count} images but ${labels.name} has ${lab.length} labels: ` +
        `the files do not belong together`,
    );
  }
  return { images: img.data, labels: lab, count: img.count, rows: img.rows, cols: img.cols };
}

/** Writes images (count × rows × cols bytes) as an uncompressed IDX3 file. */
export function encodeIdxImages(data: Uint8Array, count: number, rows: number, cols: number): Uint8Array {
  if (data.length !== count * rows * cols) {
    throw new Error(`encodeIdxImages: ${data.length} bytes do not make ${count} images of ${rows}×${cols}`);
  }
  const out = new Uint8Array(IMAGES_HEADER + data.length);
  const dv = view(out);
  dv.setUint32(0, IDX_IMAGES_MAGIC);
  dv.setUint32(4, count);
  dv.setUint32(8, rows);
  dv.setUint32(12, cols);
  out.set(data, IMAGES_HEADER);
  return out;
}

/** Writes labels as an uncompressed IDX1 file. */
export function encodeIdxLabels(labels: Uint8Array): Uint8Array {
  const out = new Uint8Array(LABELS_HEADER + labels.length);
  const dv = view(out);
  dv.setUint32(0, IDX_LABELS_MAGIC);
  dv.setUint32(4, labels.length);
  out.set(labels, LABELS_HEADER);
  return out;
}
