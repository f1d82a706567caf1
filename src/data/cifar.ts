import { parseTar } from 'nanotar';
import type { Dataset, Split } from './dataset';
import { gunzipIfNeeded } from './gzip';

/** CIFAR-10 binary layout (cs.toronto.edu/~kriz/cifar.html): a label byte, then R, G and B 32×32 planes. */
export const CIFAR_SIDE = 32;
const PLANE = CIFAR_SIDE * CIFAR_SIDE;
export const CIFAR_RECORD_BYTES = 1 + 3 * PLANE; // 3073
export const CIFAR10_CLASSES = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
];
export const CIFAR_TRAIN_FILES = [1, 2, 3, 4, 5].map((i) => `data_batch_${i}.bin`);
export const CIFAR_TEST_FILE = 'test_batch.bin';
const META_FILE = 'batches.meta.txt';

/** One batch file as a split: CHW planes turned into NHWC. */
export function parseCifarBatch(bytes: Uint8Array, fileName: string): Split {
  if (bytes.length === 0 || bytes.length % CIFAR_RECORD_BYTES !== 0) {
    const whole = Math.floor(bytes.length / CIFAR_RECORD_BYTES);
    throw new Error(
      `${fileName}: ${bytes.length} bytes is not a whole number of ${CIFAR_RECORD_BYTES}-byte CIFAR-10 records ` +
        `(${whole} records and ${bytes.length - whole * CIFAR_RECORD_BYTES} bytes left over): ` +
        `the file is truncated or not a CIFAR-10 binary batch`,
    );
  }
  const count = bytes.length / CIFAR_RECORD_BYTES;
  const images = new Uint8Array(count * 3 * PLANE);
  const labels = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    const rec = n * CIFAR_RECORD_BYTES;
    const label = bytes[rec];
    if (label >= CIFAR10_CLASSES.length) {
      throw new Error(
        `${fileName}: record ${n} has label ${label}, but CIFAR-10 labels are 0..9 ` +
          `(a CIFAR-100 file has two label bytes per record and is not supported)`,
      );
    }
    labels[n] = label;
    const out = n * 3 * PLANE;
    for (let p = 0; p < PLANE; p++) {
      images[out + 3 * p] = bytes[rec + 1 + p];
      images[out + 3 * p + 1] = bytes[rec + 1 + PLANE + p];
      images[out + 3 * p + 2] = bytes[rec + 1 + 2 * PLANE + p];
    }
  }
  return { images, labels, count };
}

/** Concatenates splits of the same image size. */
export function concatSplits(splits: Split[]): Split {
  const count = splits.reduce((n, s) => n + s.count, 0);
  const images = new Uint8Array(splits.reduce((n, s) => n + s.images.length, 0));
  const labels = new Uint8Array(count);
  let img = 0;
  let lab = 0;
  for (const s of splits) {
    images.set(s.images, img);
    labels.set(s.labels, lab);
    img += s.images.length;
    lab += s.count;
  }
  return { images, labels, count };
}

/** Class names from batches.meta.txt (one a line), or the standard ones when it is absent or malformed. */
function classNamesFrom(meta: Uint8Array | undefined): string[] {
  if (!meta) return [...CIFAR10_CLASSES];
  const names = new TextDecoder()
    .decode(meta)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return names.length === CIFAR10_CLASSES.length ? names : [...CIFAR10_CLASSES];
}

/**
 * CIFAR-10 from its batch files, looked up by base name (data_batch_1.bin … data_batch_5.bin, test_batch.bin;
 * batches.meta.txt is optional). `source` names the folder or archive in error messages.
 */
export function cifarFromFiles(files: Map<string, Uint8Array>, source: string): Dataset {
  const needed = [...CIFAR_TRAIN_FILES, CIFAR_TEST_FILE];
  const missing = needed.filter((f) => !files.has(f));
  if (missing.length > 0) {
    throw new Error(
      `${source}: missing CIFAR-10 batch file(s) ${missing.join(', ')}; expected the cifar-10-batches-bin ` +
        `folder (or cifar-10-binary.tar.gz) with ${needed.join(', ')}`,
    );
  }
  const batch = (f: string): Split => parseCifarBatch(files.get(f)!, `${source}/${f}`);
  return {
    name: 'cifar10',
    height: CIFAR_SIDE,
    width: CIFAR_SIDE,
    channels: 3,
    classes: CIFAR10_CLASSES.length,
    classNames: classNamesFrom(files.get(META_FILE)),
    train: concatSplits(CIFAR_TRAIN_FILES.map(batch)),
    test: batch(CIFAR_TEST_FILE),
    hflip: true,
  };
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const WANTED = new Set([...CIFAR_TRAIN_FILES, CIFAR_TEST_FILE, META_FILE]);

/** CIFAR-10 from cifar-10-binary.tar.gz (or the plain .tar): entries are matched by base name. */
export function cifarFromArchive(archive: Uint8Array, source: string): Dataset {
  const inflated = gunzipIfNeeded(archive, source);
  // nanotar reads `data.buffer` from offset 0, so a view into a larger buffer must be copied out first.
  const whole = inflated.byteOffset === 0 && inflated.byteLength === inflated.buffer.byteLength;
  const tar = whole ? inflated : inflated.slice();
  let entries;
  try {
    entries = parseTar(tar, { filter: (f) => f.type === 'file' && WANTED.has(baseName(f.name)) });
  } catch (err) {
    throw new Error(`${source}: not a readable tar archive (${err instanceof Error ? err.message : err})`, {
      cause: err,
    });
  }
  const files = new Map<string, Uint8Array>();
  for (const e of entries) if (e.data) files.set(baseName(e.name), e.data);
  return cifarFromFiles(files, source);
}
