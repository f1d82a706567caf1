import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A user-facing input problem: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Extra help text: option descriptions and examples. */
  help: string;
  run(args: ParsedArgs): Promise<void> | void;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCommandArgs(spec: CommandSpec, argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...spec.options, help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\nRun 'dslab ${spec.name} --help' for the options.`);
  }
}

export function helpText(spec: CommandSpec): string {
  return `dslab ${spec.name} — ${spec.summary}\n\nUsage: ${spec.usage}\n\n${spec.help.trim()}\n`;
}

/** Reads a numeric option: accepts 1e6, 400e6, 2.5; rejects anything else with a message. */
export function numberOption(
  values: ParsedArgs['values'],
  name: string,
  fallback: number,
  check?: { integer?: boolean; min?: number; max?: number },
): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const x = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(x)) {
    throw new UsageError(`--${name} must be a number (got '${String(raw)}').`);
  }
  if (check?.integer && !Number.isInteger(x)) throw new UsageError(`--${name} must be an integer (got ${raw}).`);
  if (check?.min !== undefined && x < check.min) throw new UsageError(`--${name} must be at least ${check.min} (got ${raw}).`);
  if (check?.max !== undefined && x > check.max) throw new UsageError(`--${name} must be at most ${check.max} (got ${raw}).`);
  return x;
}

/** Parses "lo:hi" (each side a number, either side may be empty for unbounded). */
export function rangeOption(values: ParsedArgs['values'], name: string): [number, number] | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const m = typeof raw === 'string' ? raw.split(':') : [];
  const lo = m[0] === '' ? 0 : Number(m[0]);
  const hi = m[1] === '' ? Infinity : Number(m[1]);
  if (m.length !== 2 || Number.isNaN(lo) || Number.isNaN(hi) || lo > hi || lo < 0) {
    throw new UsageError(`--${name} must be 'lo:hi' with 0 <= lo <= hi, e.g. 360e6:400e6 (got '${String(raw)}').`);
  }
  return [lo, hi];
}

export function choiceOption<T extends string>(
  values: ParsedArgs['values'],
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (!choices.includes(raw as T)) throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got '${String(raw)}').`);
  return raw as T;
}

export const printJson = (doc: unknown): void => {
  process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
};
