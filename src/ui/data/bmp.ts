/**
 * An uncompressed 24-bit BMP of one HWC image (1 or 3 channels): every browser shows it in an <img>, and, unlike a
 * canvas, it needs no DOM, so previews render the same in tests.
 */
export function encodeBmp(pixels: Uint8Array, width: number, height: number, channels: 1 | 3): Uint8Array {
  if (pixels.length !== width * height * channels) {
    throw new Error(`encodeBmp: ${pixels.length} bytes do not make a ${width}×${height}×${channels} image`);
  }
  const rowBytes = Math.ceil((width * 3) / 4) * 4; // rows are padded to 4 bytes
  const headers = 14 + 40;
  const out = new Uint8Array(headers + rowBytes * height);
  const dv = new DataView(out.buffer);
  out[0] = 0x42; // 'B'
  out[1] = 0x4d; // 'M'
  dv.setUint32(2, out.length, true);
  dv.setUint32(10, headers, true);
  dv.setUint32(14, 40, true); // BITMAPINFOHEADER
  dv.setInt32(18, width, true);
  dv.setInt32(22, height, true); // positive: rows stored bottom-up
  dv.setUint16(26, 1, true); // planes
  dv.setUint16(28, 24, true); // bits per pixel
  dv.setUint32(34, rowBytes * height, true);
  for (let y = 0; y < height; y++) {
    const row = headers + (height - 1 - y) * rowBytes;
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * channels;
      const [r, g, b] =
        channels === 1 ? [pixels[p], pixels[p], pixels[p]] : [pixels[p], pixels[p + 1], pixels[p + 2]];
      out[row + 3 * x] = b;
      out[row + 3 * x + 1] = g;
      out[row + 3 * x + 2] = r;
    }
  }
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

export const bmpDataUrl = (pixels: Uint8Array, width: number, height: number, channels: 1 | 3): string =>
  `data:image/bmp;base64,${bytesToBase64(encodeBmp(pixels, width, height, channels))}`;
