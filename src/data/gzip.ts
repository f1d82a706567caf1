import { gunzipSync } from 'fflate';

/** gzip streams start with the bytes 1f 8b. */
export const isGzip = (bytes: Uint8Array): boolean =>
  bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** The bytes themselves, or their gunzipped contents when they are gzip (sniffed, not guessed from the name). */
export function gunzipIfNeeded(bytes: Uint8Array, fileName: string): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`${fileName}: the gzip data is corrupt or truncated (${why}); download the file again`, {
      cause: err,
    });
  }
}
