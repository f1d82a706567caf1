import { describeValue } from './describe-value';
import { FormatError } from './format-error';

/** The schema names dslab writes, so a file of the wrong kind gets a message that says which kind it is. */
export const KNOWN_SCHEMAS: Record<string, string> = {
  'dslab.model-config': 'a dslab model config',
  'dslab.results': 'a dslab results file',
};

/** Checks { schema, version } before anything else, so old/new/foreign files get a precise message. */
export function checkHeader(
  value: Record<string, unknown>,
  expected: { schema: string; version: number; what: string },
  source: string,
): void {
  const { schema, version } = value;
  if (schema !== expected.schema) {
    const known =
      typeof schema === 'string' && Object.hasOwn(KNOWN_SCHEMAS, schema) ? KNOWN_SCHEMAS[schema] : null;
    throw new FormatError(
      source,
      known
        ? `is ${known}, not ${expected.what}.`
        : `has "schema": ${describeValue(schema)}; expected "schema": "${expected.schema}" (${expected.what}).`,
    );
  }
  if (version !== expected.version) {
    const newer = typeof version === 'number' && version > expected.version;
    throw new FormatError(
      source,
      `is ${expected.schema} version ${describeValue(version)}; this dslab reads version ${expected.version} only` +
        (newer ? ' (the file comes from a newer dslab: update dslab to read it).' : '.'),
    );
  }
}
