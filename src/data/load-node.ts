import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { BUILTIN_FILES, parseBuiltinDataset } from './builtin';
import { CIFAR_TEST_FILE, CIFAR_TRAIN_FILES, cifarFromArchive, cifarFromFiles } from './cifar';
import type { Dataset } from './dataset';
import { decodeImageNode } from './decode-node';
import { fashionMnistFromFiles, IDX_FILE_NAMES, type IdxFileKey, type IdxFiles } from './fashion-mnist';
import { isGzip } from './gzip';
import { imageFolderDataset, type FolderEntry } from './image-folder';
import { syntheticDataset } from './synthetic';

export const DEFAULT_FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';
export const BUILTIN_DATA_DIR = fileURLToPath(new URL('../../public/data/fashion-mnist/', import.meta.url));

export type DataSpec =
  | { kind: 'synthetic' }
  | { kind: 'builtin' }
  | { kind: 'fashion-mnist'; path: string }
  | { kind: 'cifar10'; path: string }
  | { kind: 'folder'; path: string };

export const DATA_SPEC_FORMS = [
  'synthetic                 a small seeded synthetic set (fast tests)',
  'builtin                   the 12,000/2,000 Fashion-MNIST subset shipped in public/data/fashion-mnist',
  `fashion-mnist[:<dir>]     Fashion-MNIST IDX files, .gz or raw (default dir ${DEFAULT_FASHION_MNIST_DIR})`,
  'cifar10:<dir|.tar.gz>     CIFAR-10 binary: the cifar-10-batches-bin folder or cifar-10-binary.tar.gz',
  'folder:<dir>              train/<class>/*.png|jpg and test/<class>/*.png|jpg',
];

/** Parses a --data spec; an unknown form gets an error that lists the valid ones. */
export function parseDataSpec(spec: string): DataSpec {
  const colon = spec.indexOf(':');
  const kind = colon < 0 ? spec : spec.slice(0, colon);
  const path = colon < 0 ? '' : spec.slice(colon + 1);
  if ((kind === 'synthetic' || kind === 'builtin') && colon < 0) return { kind };
  if (kind === 'fashion-mnist') return { kind, path: path || DEFAULT_FASHION_MNIST_DIR };
  if ((kind === 'cifar10' || kind === 'folder') && path) return { kind, path };
  throw new Error(`Unknown data spec '${spec}'. Valid forms:\n  ${DATA_SPEC_FORMS.join('\n  ')}`);
}

async function readOrExplain(path: string): Promise<Uint8Array> {
  try {
    const buf = await readFile(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (err) {
    throw new Error(`${path}: cannot read file (${(err as NodeJS.ErrnoException).code ?? err})`, {
      cause: err,
    });
  }
}

async function isDirectory(path: string, what: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (err) {
    throw new Error(`${what} ${path} does not exist (${(err as NodeJS.ErrnoException).code ?? err})`, {
      cause: err,
    });
  }
}

/** The four IDX files in `dir`, each as NAME.gz or raw NAME. */
export async function loadFashionMnistDir(dir: string, name = 'fashion-mnist'): Promise<Dataset> {
  if (!(await isDirectory(dir, 'Fashion-MNIST folder')))
    throw new Error(`${dir} is not a folder of IDX files`);
  const present = new Set(await readdir(dir));
  const keys = Object.keys(IDX_FILE_NAMES) as IdxFileKey[];
  const pick = (key: IdxFileKey) =>
    [`${IDX_FILE_NAMES[key]}.gz`, IDX_FILE_NAMES[key]].find((f) => present.has(f));
  const missing = keys.filter((k) => !pick(k)).map((k) => `${IDX_FILE_NAMES[k]}[.gz]`);
  if (missing.length > 0) {
    throw new Error(
      `${dir}: missing ${missing.join(', ')}. Point fashion-mnist:<dir> at a folder with the four IDX files ` +
        `(on Debian: apt-get install dataset-fashion-mnist puts them in ${DEFAULT_FASHION_MNIST_DIR})`,
    );
  }
  const files = {} as IdxFiles;
  for (const key of keys) {
    const path = join(dir, pick(key)!);
    // Inflate here with Node's zlib (about twice as fast as the JS inflater the shared parser falls back to).
    const bytes = await readOrExplain(path);
    files[key] = { name: path, bytes: isGzip(bytes) ? gunzipOrExplain(bytes, path) : bytes };
  }
  return fashionMnistFromFiles(files, name);
}

/** The built-in subset from public/data/fashion-mnist (the same files the browser app fetches). */
export async function loadBuiltin(dir = BUILTIN_DATA_DIR): Promise<Dataset> {
  const bytes = {} as Record<IdxFileKey, Uint8Array>;
  for (const key of Object.keys(BUILTIN_FILES) as IdxFileKey[]) {
    const path = join(dir, BUILTIN_FILES[key]);
    const raw = await readOrExplain(path);
    bytes[key] = isGzip(raw) ? gunzipOrExplain(raw, path) : raw;
  }
  return parseBuiltinDataset(bytes);
}

/** CIFAR-10 from the cifar-10-batches-bin folder (or a folder holding it) or from cifar-10-binary.tar.gz / .tar. */
export async function loadCifar10(path: string): Promise<Dataset> {
  if (!(await isDirectory(path, 'CIFAR-10 path'))) {
    const archive = await readOrExplain(path);
    return cifarFromArchive(isGzip(archive) ? gunzipOrExplain(archive, path) : archive, path);
  }
  const names = await readdir(path);
  if (!names.includes(CIFAR_TEST_FILE) && names.includes('cifar-10-batches-bin')) {
    return loadCifar10(join(path, 'cifar-10-batches-bin'));
  }
  const files = new Map<string, Uint8Array>();
  for (const f of [...CIFAR_TRAIN_FILES, CIFAR_TEST_FILE, 'batches.meta.txt']) {
    if (names.includes(f)) files.set(f, await readOrExplain(join(path, f)));
  }
  return cifarFromFiles(files, path);
}

function gunzipOrExplain(bytes: Uint8Array, path: string): Uint8Array {
  try {
    return new Uint8Array(gunzipSync(bytes));
  } catch (err) {
    throw new Error(
      `${path}: the gzip data is corrupt or truncated (${(err as Error).message}); download it again`,
      {
        cause: err,
      },
    );
  }
}

async function listFiles(root: string, dir = root): Promise<FolderEntry[]> {
  const entries: FolderEntry[] = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, d.name);
    if (d.isDirectory()) entries.push(...(await listFiles(root, full)));
    else if (d.isFile())
      entries.push({ path: relative(root, full).split(sep).join('/'), read: () => readOrExplain(full) });
  }
  return entries;
}

/** An image folder (train/<class>/…, test/<class>/…) decoded with pngjs / jpeg-js. */
export async function loadImageFolder(dir: string): Promise<Dataset> {
  if (!(await isDirectory(dir, 'Image folder')))
    throw new Error(`${dir} is a file; folder:<dir> needs a folder`);
  try {
    return await imageFolderDataset(await listFiles(dir), decodeImageNode, { name: `folder:${dir}` });
  } catch (err) {
    const msg = (err as Error).message;
    // Paths inside the folder are relative; say which folder they are relative to.
    throw msg.includes(dir) ? err : new Error(`${dir}: ${msg}`, { cause: err });
  }
}

/** Loads a data set for the CLI from a spec (see DATA_SPEC_FORMS). */
export async function loadDataSpec(spec: string): Promise<Dataset> {
  const parsed = parseDataSpec(spec);
  switch (parsed.kind) {
    case 'synthetic':
      return syntheticDataset();
    case 'builtin':
      return loadBuiltin();
    case 'fashion-mnist':
      return loadFashionMnistDir(parsed.path);
    case 'cifar10':
      return loadCifar10(parsed.path);
    case 'folder':
      return loadImageFolder(parsed.path);
  }
}
