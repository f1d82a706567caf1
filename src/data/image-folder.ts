import type { Dataset, Split } from './dataset';

/** A decoded image: HWC bytes with 1 (gray), 2 (gray + alpha), 3 (RGB) or 4 (RGBA) channels. */
export interface DecodedImage {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

/** Turns PNG/JPEG bytes into pixels; throws an Error naming `fileName` when it cannot. */
export type ImageDecoder = (bytes: Uint8Array, fileName: string) => Promise<DecodedImage>;

/** One file of the folder: its '/'-separated path below the data set's root, and a way to read it. */
export interface FolderEntry {
  path: string;
  read: () => Promise<Uint8Array>;
}

export interface ImageFolderOptions {
  name?: string;
  /** Whether horizontal flips keep labels right; true suits photos, false suits text or digits. Default true. */
  hflip?: boolean;
}

const SPLITS = ['train', 'test'] as const;
type SplitName = (typeof SPLITS)[number];
const IMAGE_EXT = /\.(png|jpe?g)$/i;

interface ImageFile {
  split: SplitName;
  className: string;
  entry: FolderEntry;
}

/** Drops a common first folder (a dropped directory's own name) when it is not train/ or test/ itself. */
function stripCommonRoot(paths: string[]): string[] {
  const firsts = new Set(paths.map((p) => p.split('/')[0]));
  const [only] = firsts;
  if (firsts.size !== 1 || (SPLITS as readonly string[]).includes(only)) return paths;
  return paths.map((p) => p.slice(only.length + 1));
}

/** Keeps PNG/JPEG files (other files such as .DS_Store or README are ignored) and checks their place. */
function classifyEntries(entries: FolderEntry[]): ImageFile[] {
  const images = entries.filter(
    (e) => IMAGE_EXT.test(e.path) && !e.path.split('/').some((p) => p.startsWith('.')),
  );
  const paths = stripCommonRoot(images.map((e) => e.path.replace(/^\/+/, '')));
  return images
    .map((entry, i) => {
      const parts = paths[i].split('/');
      const split = parts[0] as SplitName;
      if (parts.length !== 3 || !SPLITS.includes(split)) {
        throw new Error(
          `${entry.path}: images must sit at train/<class>/<image> or test/<class>/<image>; ` +
            `move it into a class folder of train/ or test/`,
        );
      }
      return { split, className: parts[1], entry };
    })
    .sort((a, b) => (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0));
}

/** RGB bytes of any decoded image (gray is replicated, alpha dropped). */
function toRgb(img: DecodedImage, fileName: string): Uint8Array {
  const { channels: c, data } = img;
  if (![1, 2, 3, 4].includes(c) || data.length !== img.width * img.height * c) {
    throw new Error(
      `${fileName}: the decoder returned ${data.length} bytes for ${img.width}×${img.height}×${c}`,
    );
  }
  const n = img.width * img.height;
  const rgb = new Uint8Array(n * 3);
  for (let p = 0; p < n; p++) {
    const gray = c < 3;
    rgb[3 * p] = data[c * p];
    rgb[3 * p + 1] = data[c * p + (gray ? 0 : 1)];
    rgb[3 * p + 2] = data[c * p + (gray ? 0 : 2)];
  }
  return rgb;
}

function isGray(rgb: Uint8Array): boolean {
  for (let i = 0; i < rgb.length; i += 3) if (rgb[i] !== rgb[i + 1] || rgb[i] !== rgb[i + 2]) return false;
  return true;
}

function packSplit(images: Uint8Array[], labels: number[], gray: boolean): Split {
  const size = images.length ? images[0].length / (gray ? 3 : 1) : 0;
  const out = new Uint8Array(images.length * size);
  images.forEach((rgb, i) => {
    if (!gray) return out.set(rgb, i * size);
    for (let p = 0; p < size; p++) out[i * size + p] = rgb[3 * p];
  });
  return { images: out, labels: Uint8Array.from(labels), count: images.length };
}

/**
 * An image-folder data set: train/<class>/*.png|jpg and test/<class>/*.png|jpg.
 * Rules: class names are the train/ subfolder names, sorted; every test class must also be a train class;
 * every image must have the size of the first train image (no silent resizing: resize the files beforehand);
 * the set is 1-channel when every image is gray (R = G = B), else RGB; alpha is dropped. At most 256 classes.
 */
export async function imageFolderDataset(
  entries: FolderEntry[],
  decode: ImageDecoder,
  options: ImageFolderOptions = {},
): Promise<Dataset> {
  const files = classifyEntries(entries);
  for (const split of SPLITS) {
    if (!files.some((f) => f.split === split)) {
      throw new Error(
        `Image folder: missing ${split}/ folder (or it holds no PNG/JPEG images); ` +
          `expected train/<class>/<image> and test/<class>/<image>`,
      );
    }
  }
  const classNames = [...new Set(files.filter((f) => f.split === 'train').map((f) => f.className))].sort();
  if (classNames.length > 256)
    throw new Error(`Image folder: ${classNames.length} classes; at most 256 are supported`);
  const stray = files.find((f) => f.split === 'test' && !classNames.includes(f.className));
  if (stray) {
    throw new Error(
      `${stray.entry.path}: test class "${stray.className}" has no train/${stray.className}/ folder`,
    );
  }

  let height = 0;
  let width = 0;
  let gray = true;
  const decoded: Record<SplitName, { images: Uint8Array[]; labels: number[] }> = {
    train: { images: [], labels: [] },
    test: { images: [], labels: [] },
  };
  // Train first so that the first train image sets the size.
  for (const split of SPLITS) {
    for (const f of files.filter((x) => x.split === split)) {
      const img = await decode(await f.entry.read(), f.entry.path);
      if (height === 0) [height, width] = [img.height, img.width];
      if (img.height !== height || img.width !== width) {
        throw new Error(
          `${f.entry.path}: image is ${img.width}×${img.height} but the first train image is ${width}×${height}; ` +
            `all images must have the same size (resize them beforehand)`,
        );
      }
      const rgb = toRgb(img, f.entry.path);
      gray &&= isGray(rgb);
      decoded[split].images.push(rgb);
      decoded[split].labels.push(classNames.indexOf(f.className));
    }
  }
  return {
    name: options.name ?? 'image-folder',
    height,
    width,
    channels: gray ? 1 : 3,
    classes: classNames.length,
    classNames,
    train: packSplit(decoded.train.images, decoded.train.labels, gray),
    test: packSplit(decoded.test.images, decoded.test.labels, gray),
    hflip: options.hflip ?? true,
  };
}
