/**
 * The one error type for every file or document that cannot be read: it names the source, says what is
 * wrong and, where it helps, lists the individual problems. Callers can show `message` as is.
 */
export class FormatError extends Error {
  override readonly name = 'FormatError';

  constructor(
    readonly source: string,
    readonly summary: string,
    readonly details: readonly string[] = [],
  ) {
    super(`${source}: ${summary}` + (details.length ? `\n${details.map((d) => `  - ${d}`).join('\n')}` : ''));
  }
}
