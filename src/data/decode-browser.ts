import type { ImageDecoder } from './image-folder';

/** Browser/worker decoder: createImageBitmap + OffscreenCanvas, always RGBA. Not testable in Node. */
export const decodeImageBrowser: ImageDecoder = async (bytes, fileName) => {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as BlobPart]), {
      premultiplyAlpha: 'none',
      colorSpaceConversion: 'none',
    });
  } catch (err) {
    throw new Error(
      `${fileName}: the browser cannot decode this image; the file is corrupt or not PNG/JPEG`,
      {
        cause: err,
      },
    );
  }
  const { width, height } = bitmap;
  const ctx = new OffscreenCanvas(width, height).getContext('2d');
  if (!ctx) throw new Error(`${fileName}: no 2D canvas context is available to decode images`);
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data } = ctx.getImageData(0, 0, width, height);
  return { width, height, channels: 4, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
};
