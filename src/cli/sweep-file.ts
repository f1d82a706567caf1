import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { FormatError } from '../io/format-error';
import {
  makeResults,
  readResults,
  serializeResults,
  type JsonValue,
  type ResultRecord,
  type ResultsDoc,
  type SweepInfo,
} from '../io/results';
import { UsageError } from './args';
import { readTextFile } from './read-file';

/** Settings that do not change what a sweep measures: a resumed sweep may change them. */
const FREE_SETTINGS = new Set(['n', 'backend']);

/**
 * The sweep's id: space, seed and a hash of every setting that changes the results (not n: the first k models
 * of a seed are the same for any n >= k, so a sweep can be extended with --resume --n).
 */
export function sweepId(space: string, seed: number, settings: Record<string, JsonValue>): string {
  const fixed = Object.fromEntries(Object.entries(settings).filter(([k]) => !FREE_SETTINGS.has(k)));
  const hash = createHash('sha256').update(JSON.stringify(fixed)).digest('hex').slice(0, 8);
  return `${space}-seed${seed}-${hash}`;
}

/**
 * Writes to `path`.tmp, then renames it over `path`: readers never see half a file, and a crash leaves the
 * old file whole (and at worst a stale .tmp that the next write replaces).
 */
export function writeFileAtomic(path: string, text: string): void {
  const temp = `${path}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      `Cannot write '${path}' (${code ?? (e as Error).message}); check the folder exists and is writable.`,
    );
  }
}

export function writeResultsFile(path: string, doc: ResultsDoc): void {
  writeFileAtomic(path, serializeResults(doc));
}

const show = (v: JsonValue | undefined) => (v === undefined ? 'unset' : JSON.stringify(v));

/** "seed 1 (here 0), epochs 3 (here 1)": the settings in which `theirs` differs from `ours`. */
function settingDifferences(theirs: SweepInfo, ours: SweepInfo): string {
  const a = theirs.settings ?? {};
  const b = ours.settings ?? {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !FREE_SETTINGS.has(k));
  const diffs = keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  if (theirs.space !== ours.space) diffs.unshift('space');
  return diffs
    .map((k) =>
      k === 'space'
        ? `space ${theirs.space} (here ${ours.space})`
        : `${k} ${show(a[k])} (here ${show(b[k])})`,
    )
    .join(', ');
}

export interface ExistingSweep {
  doc: ResultsDoc;
  /** This sweep's records already in the file, by id. */
  records: Map<string, ResultRecord>;
  /** The sweep's entry as the file has it (its creation date is kept). */
  info?: SweepInfo;
}

/**
 * Reads an existing results file for --resume. Refuses a file that is not a results file or that holds
 * another sweep (a different id means different settings: resuming would mix two experiments).
 */
export function readExistingSweep(path: string, ours: SweepInfo): ExistingSweep {
  let doc: ResultsDoc;
  try {
    doc = readResults(readTextFile(path, 'results'), path).doc;
  } catch (e) {
    if (e instanceof FormatError) {
      throw new UsageError(`${e.message}\nCannot resume from it; choose another --out file.`);
    }
    throw e;
  }
  const other = (doc.sweeps ?? []).find((s) => s.id !== ours.id);
  if (other) {
    const diffs = settingDifferences(other, ours);
    throw new UsageError(
      `'${path}' belongs to a different sweep (${other.id}${diffs ? `; it differs in ${diffs}` : ''}). ` +
        'Run with the same settings to resume it, or choose another --out file.',
    );
  }
  const stray = doc.records.find((r) => r.sweep !== ours.id);
  if (stray) {
    throw new UsageError(
      `'${path}' holds records of sweep '${stray.sweep}', not of this one (${ours.id}); choose another --out file.`,
    );
  }
  return {
    doc,
    records: new Map(doc.records.map((r) => [r.id, r])),
    info: doc.sweeps?.find((s) => s.id === ours.id),
  };
}

/** The results document of a sweep: its entry and its records in model order. */
export function sweepDocument(
  info: SweepInfo,
  records: Iterable<ResultRecord>,
  createdAt?: string,
): ResultsDoc {
  return makeResults([...records], { sweeps: [info], ...(createdAt ? { createdAt } : {}) });
}

/** Refuses to overwrite an existing file unless --resume was given. */
export function checkOutPath(path: string, resume: boolean): boolean {
  const exists = existsSync(path);
  if (exists && !resume) throw new UsageError(`'${path}' exists; pass --resume or choose another file.`);
  return exists;
}
