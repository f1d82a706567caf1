import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './args';

/** Files bigger than this are not dslab documents; refuse before reading them into memory. */
export const MAX_INPUT_BYTES = 200_000_000;

/**
 * Reads a UTF-8 text file named on the command line. Every way it can fail (missing, a folder, too big,
 * unreadable) becomes a UsageError that names the file and says what to do.
 */
export function readTextFile(path: string, what: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError(`'${path}' is a folder; give the path of a ${what} file.`);
    size = stat.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new UsageError(`No such file '${path}'; check the path of the ${what} file.`);
    throw new UsageError(
      `Cannot read '${path}' (${code ?? (e as Error).message}); check the path and permissions.`,
    );
  }
  if (size > MAX_INPUT_BYTES) {
    throw new UsageError(
      `'${path}' is ${(size / 1e6).toFixed(0)} MB; a ${what} file is far smaller. Check that this is the right file.`,
    );
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      `Cannot read '${path}' (${code ?? (e as Error).message}); check the path and permissions.`,
    );
  }
}
