import { UsageError, type ParsedArgs } from './args';

/** Parses "--name 24,56,152": positive finite numbers, comma separated (spaces allowed). */
export function numberListOption(
  values: ParsedArgs['values'],
  name: string,
  check: { integer?: boolean; maxLength?: number } = {},
): number[] | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const parts = typeof raw === 'string' ? raw.split(',').map((s) => s.trim()) : [];
  const numbers = parts.map(Number);
  const bad = parts.findIndex((p, i) => p === '' || !Number.isFinite(numbers[i]) || numbers[i] <= 0);
  if (parts.length === 0 || bad >= 0) {
    const what = bad >= 0 ? ` ('${parts[bad]}' is not a positive number)` : '';
    throw new UsageError(
      `--${name} must be a comma-separated list of positive numbers, e.g. 24,56,152${what}.`,
    );
  }
  const notInteger = numbers.find((x) => !Number.isInteger(x));
  if (check.integer && notInteger !== undefined) {
    throw new UsageError(`--${name} must list integers (got ${notInteger}).`);
  }
  const maxLength = check.maxLength ?? 4000;
  if (numbers.length > maxLength) {
    throw new UsageError(`--${name} lists ${numbers.length} values; at most ${maxLength} are allowed.`);
  }
  return numbers;
}
