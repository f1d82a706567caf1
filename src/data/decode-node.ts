import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { DecodedImage, ImageDecoder } from './image-folder';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (bytes: Uint8Array, sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);

function decodeSync(bytes: Uint8Array, fileName: string): DecodedImage {
  if (startsWith(bytes, PNG_SIGNATURE)) {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { width: png.width, height: png.height, channels: 4, data: new Uint8Array(png.data) };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    // Strict decoding: a truncated JPEG fails instead of coming back half grey.
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, tolerantDecoding: false });
    return { width: img.width, height: img.height, channels: 4, data: img.data };
  }
  throw new Error(`${fileName}: not a PNG or JPEG file (its first bytes match neither signature)`);
}

/** Node decoder for PNG (pngjs) and JPEG (jpeg-js), both pure JS. Errors name the file. */
export const decodeImageNode: ImageDecoder = async (bytes, fileName) => {
  try {
    return decodeSync(bytes, fileName);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    if (why.startsWith(fileName)) throw err;
    throw new Error(`${fileName}: cannot decode image (${why}); the file is corrupt or truncated`, {
      cause: err,
    });
  }
};
