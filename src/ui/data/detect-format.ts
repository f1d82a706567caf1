import { CIFAR_TEST_FILE, CIFAR_TRAIN_FILES } from '../../data/cifar';
import { IDX_FILE_NAMES, type IdxFileKey } from '../../data/fashion-mnist';
import type { DataEntry } from './entries';

/** What a set of chosen or dropped files holds, by file names; the bytes are checked when parsed. */
export type DataFormat =
  | { kind: 'idx'; files: Record<IdxFileKey, DataEntry> }
  | { kind: 'cifar-batches'; files: DataEntry[] }
  | { kind: 'cifar-archive'; file: DataEntry }
  | { kind: 'image-folder'; files: DataEntry[] };

export const ACCEPTED_FORMATS =
  'the four IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, ' +
  't10k-labels-idx1-ubyte, raw or .gz), the CIFAR-10 binary batches (data_batch_1.bin … data_batch_5.bin and ' +
  'test_batch.bin) or cifar-10-binary.tar.gz, or a folder with train/ and test/ folders of class folders of ' +
  'PNG/JPEG images';

export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Hidden files and folders (.DS_Store, .git/…) are never data. */
const isHidden = (path: string): boolean => path.split('/').some((part) => part.startsWith('.'));

/** train-images-idx3-ubyte(.gz), also the mirrors' spelling train-images.idx3-ubyte. */
const IDX_NAME = /^(train|t10k)-(images|labels)[-.]idx[13]-ubyte(\.gz)?$/i;
const CIFAR_BATCH_NAMES = new Set([...CIFAR_TRAIN_FILES, CIFAR_TEST_FILE, 'batches.meta.txt']);
const ARCHIVE_NAME = /\.(tar\.gz|tgz|tar)$/i;
const IMAGE_NAME = /\.(png|jpe?g)$/i;

function idxKey(name: string): IdxFileKey | null {
  const m = IDX_NAME.exec(name);
  if (!m) return null;
  const split = m[1].toLowerCase() === 'train' ? 'train' : 'test';
  const what = m[2].toLowerCase() === 'images' ? 'Images' : 'Labels';
  return `${split}${what}` as IdxFileKey;
}

function idxFormat(found: Partial<Record<IdxFileKey, DataEntry>>): DataFormat {
  const keys = Object.keys(IDX_FILE_NAMES) as IdxFileKey[];
  const missing = keys.filter((k) => !found[k]).map((k) => `${IDX_FILE_NAMES[k]}[.gz]`);
  if (missing.length > 0) {
    const have = keys.filter((k) => found[k]).map((k) => baseName(found[k]!.path));
    throw new Error(
      `Missing IDX file${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (got ${have.join(', ')}). ` +
        'Choose or drop all four files together.',
    );
  }
  return { kind: 'idx', files: found as Record<IdxFileKey, DataEntry> };
}

/**
 * Decides the format of the given files: IDX files win over CIFAR-10 files, which win over images, so that a
 * stray picture next to the real data does not change the format. Throws an Error naming what is missing or
 * what was given when nothing fits.
 */
export function detectFormat(entries: DataEntry[]): DataFormat {
  const visible = entries.filter((e) => !isHidden(e.path));
  if (visible.length === 0) throw new Error(`No files were given. Choose or drop ${ACCEPTED_FORMATS}.`);

  const idx: Partial<Record<IdxFileKey, DataEntry>> = {};
  for (const e of visible) {
    const key = idxKey(baseName(e.path));
    if (key && !idx[key]) idx[key] = e;
  }
  if (Object.keys(idx).length > 0) return idxFormat(idx);

  const batches = visible.filter((e) => CIFAR_BATCH_NAMES.has(baseName(e.path)));
  if (batches.some((e) => baseName(e.path) !== 'batches.meta.txt'))
    return { kind: 'cifar-batches', files: batches };

  const archive = visible.find((e) => ARCHIVE_NAME.test(baseName(e.path)));
  if (archive) return { kind: 'cifar-archive', file: archive };

  const images = visible.filter((e) => IMAGE_NAME.test(e.path));
  if (images.length > 0) return { kind: 'image-folder', files: images };

  const names = visible.slice(0, 5).map((e) => e.path);
  const more = visible.length > 5 ? ` and ${visible.length - 5} more` : '';
  throw new Error(
    `Not a data set format the lab reads: ${names.join(', ')}${more}. Choose or drop ${ACCEPTED_FORMATS}.`,
  );
}
