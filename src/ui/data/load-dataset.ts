import { cifarFromArchive, cifarFromFiles } from '../../data/cifar';
import type { Dataset } from '../../data/dataset';
import { fashionMnistFromFiles, type IdxFileKey } from '../../data/fashion-mnist';
import { imageFolderDataset, type ImageDecoder } from '../../data/image-folder';
import { baseName, detectFormat, type DataFormat } from './detect-format';
import type { DataEntry } from './entries';

/** Where a load is: shown under the drop zone while big inputs are read and parsed. */
export interface LoadProgress {
  /** A sentence such as "Reading train-images-idx3-ubyte.gz (2 of 4)". */
  text: string;
  done: number;
  total: number;
}

export interface LoadOptions {
  /** PNG/JPEG decoder for image folders (the browser's createImageBitmap in the app). */
  decode: ImageDecoder;
  onProgress?: (p: LoadProgress) => void;
}

/** Lets the page paint (progress, spinner) between files: a long parse never freezes it for long. */
const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The shared first folder of all paths (a chosen or dropped folder's name), if there is one. */
export function commonFolder(paths: string[]): string | null {
  const firsts = new Set(paths.map((p) => (p.includes('/') ? p.split('/')[0] : '')));
  const [only] = firsts;
  return firsts.size === 1 && only ? only : null;
}

const DIGITS = Array.from({ length: 10 }, (_, i) => String(i));

async function readWithProgress(files: DataEntry[], options: LoadOptions): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const [i, f] of files.entries()) {
    options.onProgress?.({
      text: `Reading ${f.path} (${i + 1} of ${files.length})`,
      done: i,
      total: files.length,
    });
    await breathe();
    out.push(await f.read());
  }
  return out;
}

async function parsing<T>(what: string, options: LoadOptions, parse: () => T): Promise<T> {
  options.onProgress?.({ text: `Parsing ${what}`, done: 1, total: 1 });
  await breathe();
  return parse();
}

async function loadIdx(files: Record<IdxFileKey, DataEntry>, name: string, options: LoadOptions) {
  const keys = Object.keys(files) as IdxFileKey[];
  const bytes = await readWithProgress(
    keys.map((k) => files[k]),
    options,
  );
  const named = Object.fromEntries(keys.map((k, i) => [k, { name: files[k].path, bytes: bytes[i] }]));
  const ds = await parsing('IDX files', options, () =>
    fashionMnistFromFiles(named as Parameters<typeof fashionMnistFromFiles>[0], name),
  );
  // The same four files carry MNIST digits; a folder named so gets digit classes (and no flips: a flipped 2 is no 2).
  const digits = /mnist/i.test(name) && !/fashion/i.test(name);
  return digits ? { ...ds, classNames: [...DIGITS], hflip: false } : ds;
}

async function loadCifarBatches(files: DataEntry[], source: string, options: LoadOptions) {
  const bytes = await readWithProgress(files, options);
  const map = new Map(files.map((f, i) => [baseName(f.path), bytes[i]]));
  return parsing('CIFAR-10 batches', options, () => cifarFromFiles(map, source));
}

async function loadCifarArchive(file: DataEntry, options: LoadOptions) {
  const [bytes] = await readWithProgress([file], options);
  return parsing(file.path, options, () => cifarFromArchive(bytes, file.path));
}

async function loadImageFolder(files: DataEntry[], name: string, options: LoadOptions) {
  let read = 0;
  const counted = files.map((f) => ({
    path: f.path,
    read: async () => {
      options.onProgress?.({
        text: `Decoding images (${read} of ${files.length})`,
        done: read,
        total: files.length,
      });
      if (read++ % 32 === 0) await breathe();
      return f.read();
    },
  }));
  return imageFolderDataset(counted, options.decode, { name });
}

function defaultName(format: DataFormat, folder: string | null): string {
  if (folder) return folder;
  if (format.kind === 'idx') return 'IDX files';
  if (format.kind === 'cifar-archive') return baseName(format.file.path);
  return format.kind === 'cifar-batches' ? 'CIFAR-10 batches' : 'image folder';
}

/** The lab's models take square images, and both splits must hold images. */
function checkTrainable(ds: Dataset, source: string): Dataset {
  if (ds.height !== ds.width) {
    throw new Error(
      `${source}: images are ${ds.width}×${ds.height} but the lab's models and complexity counts need square ` +
        'images; crop or resize them to a square first',
    );
  }
  for (const split of ['train', 'test'] as const) {
    if (ds[split].count === 0)
      throw new Error(`${source}: the ${split} split holds no images; a study needs both`);
  }
  return ds;
}

/**
 * Parses chosen or dropped files into a data set with src/data's parsers, reporting progress and yielding to the
 * page between files. Errors name the file and the problem.
 */
export async function loadDataset(entries: DataEntry[], options: LoadOptions): Promise<Dataset> {
  const format = detectFormat(entries);
  const folder = commonFolder(entries.map((e) => e.path));
  const name = defaultName(format, folder);
  const ds =
    format.kind === 'idx'
      ? await loadIdx(format.files, name, options)
      : format.kind === 'cifar-batches'
        ? await loadCifarBatches(format.files, folder ?? 'CIFAR-10 batches', options)
        : format.kind === 'cifar-archive'
          ? await loadCifarArchive(format.file, options)
          : await loadImageFolder(format.files, name, options);
  return checkTrainable({ ...ds, name }, name);
}
