import type { FolderEntry } from '../../data/image-folder';

/** One chosen or dropped file: its '/'-separated path (folder names included when a folder was given). */
export interface DataEntry extends FolderEntry {
  size: number;
}

/** A File as an entry; `path` defaults to the path below a chosen folder (webkitRelativePath) or the name. */
export function fileEntry(file: File, path: string = file.webkitRelativePath || file.name): DataEntry {
  return {
    path: path.replace(/^\/+/, ''),
    size: file.size,
    read: async () => new Uint8Array(await file.arrayBuffer()),
  };
}

/** The files of an <input type=file> (with or without webkitdirectory). */
export const entriesFromFileList = (files: ArrayLike<File>): DataEntry[] =>
  Array.from(files, (f) => fileEntry(f));

const fileOf = (entry: FileSystemFileEntry): Promise<File> =>
  new Promise((resolve, reject) => entry.file(resolve, reject));

/** Every entry of a directory: readEntries hands them over in chunks (about 100 at a time in Chrome). */
async function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (chunk.length === 0) return all;
    all.push(...chunk);
  }
}

/** The files below a dropped file or directory entry, with paths relative to the drop (fullPath). */
export async function walkEntry(entry: FileSystemEntry): Promise<DataEntry[]> {
  if (entry.isFile) {
    const file = await fileOf(entry as FileSystemFileEntry);
    return [fileEntry(file, entry.fullPath || file.name)];
  }
  if (!entry.isDirectory) return [];
  const out: DataEntry[] = [];
  for (const child of await readAll(entry as FileSystemDirectoryEntry)) out.push(...(await walkEntry(child)));
  return out;
}

/**
 * The files of a drop. Directory entries must be taken from the items during the drop event itself (they are
 * gone after it), so call this synchronously in the handler and await the result afterwards.
 */
export function entriesFromDrop(dt: DataTransfer): Promise<DataEntry[]> {
  const items = Array.from(dt.items ?? []).filter((item) => item.kind === 'file');
  const roots = items.map((item) => item.webkitGetAsEntry?.() ?? null);
  if (roots.length === 0 || roots.some((r) => r === null)) {
    return Promise.resolve(entriesFromFileList(dt.files));
  }
  return Promise.all(roots.map((r) => walkEntry(r!))).then((lists) => lists.flat());
}
