import { z } from 'zod';
import type { Complexity } from '../space/complexity';
import { FormatError } from './format-error';
import { checkHeader } from './header';
import { errorMap, issueLines } from './issues';
import { isPlainObject, readJson } from './json-text';
import { LIMITS } from './limits';
import type { ModelConfigDoc } from './model-config';
import { checkModelConfig, sameComplexity, type Checked } from './parse';
import { complexitySchema, intIn, modelConfigSchema, numIn, text } from './schema';
import { describeValue } from './describe-value';

export const RESULTS_SCHEMA = 'dslab.results';
export const RESULTS_VERSION = 1;
/** Thousands of records with training curves fit well below this. */
export const RESULTS_MAX_CHARS = 100_000_000;
/** A file with many inconsistent records gets this many warning lines, then a count. */
const MAX_WARNINGS = 100;

export type RunStatus = 'done' | 'diverged' | 'failed';

export interface CurvePoint {
  epoch: number;
  /** Mean training loss of the epoch; null when it was not finite (NaN or Infinity: the run diverged). */
  trainLoss: number | null;
  /** Fractions in [0, 1]. */
  trainError: number;
  testError?: number;
  lr: number;
}

export interface DataInfo {
  name: string;
  trainSize: number;
  testSize: number;
  resolution: number;
  channels: number;
  classes: number;
}

export interface TrainingInfo {
  epochs: number;
  warmupEpochs: number;
  batchSize: number;
  lr: number;
  weightDecay: number;
  seed: number;
}

export interface BackendInfo {
  /** tfjs backend: webgpu, webgl, wasm, cpu, tensorflow (Node). */
  name: string;
  /** GPU adapter description when known. */
  adapter?: string;
}

export interface Timings {
  wallSeconds: number;
  /** Training throughput; null when not measured (e.g. the run failed before a full epoch). */
  imagesPerSec: number | null;
  inferenceMsPerImage: number | null;
}

/** One trained model. */
export interface ResultRecord {
  id: string;
  /** Name or id of the sweep the model belongs to. */
  sweep: string;
  /** Design space id (anynetx_a ... regnety) or a label for hand-made models. */
  space: string;
  config: ModelConfigDoc;
  complexity: Complexity;
  status: RunStatus;
  /** Final test top-1 error as a fraction in [0, 1]; null unless status is "done". */
  error: number | null;
  /** Why the run failed or diverged, in words. */
  message?: string;
  curve: CurvePoint[];
  data: DataInfo;
  training: TrainingInfo;
  backend: BackendInfo;
  timings: Timings;
  peakBytes?: number;
  /** ISO 8601 date-time. */
  finishedAt: string;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface SweepInfo {
  id: string;
  name?: string;
  space: string;
  createdAt?: string;
  /** Free-form settings of the sweep (sample count, budget, ranges), as the sweep wrote them. */
  settings?: Record<string, JsonValue>;
}

/** dslab.results version 1: what a sweep writes and `analyze` reads. */
export interface ResultsDoc {
  schema: typeof RESULTS_SCHEMA;
  version: typeof RESULTS_VERSION;
  createdAt: string;
  sweeps?: SweepInfo[];
  records: ResultRecord[];
}

const fraction = () => numIn(0, 1);
const dateTime = () => z.iso.datetime({ offset: true });
const nonNegative = () => z.number().min(0);
const BIG = 1e9;

const curvePointSchema = z.strictObject({
  epoch: numIn(0, BIG),
  trainLoss: z.number().nullable(),
  trainError: fraction(),
  testError: fraction().optional(),
  lr: numIn(0, BIG),
});

const dataSchema = z.strictObject({
  name: text(),
  trainSize: intIn(0, BIG),
  testSize: intIn(0, BIG),
  resolution: intIn(1, LIMITS.resolution),
  channels: intIn(1, LIMITS.channels),
  classes: intIn(1, LIMITS.classes),
});

const trainingSchema = z.strictObject({
  epochs: intIn(0, BIG),
  // Fractional for short runs: the default warm-up is min(1, epochs / 3).
  warmupEpochs: numIn(0, BIG),
  batchSize: intIn(1, BIG),
  lr: numIn(0, BIG),
  weightDecay: numIn(0, BIG),
  seed: z.number().int().min(0),
});

export const resultRecordSchema = z
  .strictObject({
    id: text(),
    sweep: text(),
    space: text(),
    config: modelConfigSchema,
    complexity: complexitySchema,
    status: z.enum(['done', 'diverged', 'failed']),
    error: fraction().nullable(),
    message: text(LIMITS.longTextChars).optional(),
    curve: z.array(curvePointSchema).max(100_000),
    data: dataSchema,
    training: trainingSchema,
    backend: z.strictObject({ name: text(), adapter: text(1000).optional() }),
    timings: z.strictObject({
      wallSeconds: nonNegative(),
      imagesPerSec: nonNegative().nullable(),
      inferenceMsPerImage: nonNegative().nullable(),
    }),
    peakBytes: nonNegative().optional(),
    finishedAt: dateTime(),
  })
  .superRefine((r, ctx) => {
    if (r.status === 'done' && r.error === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['error'],
        message: 'a finished run (status "done") needs its test error as a fraction from 0 to 1',
      });
    }
    if (r.status !== 'done' && r.error !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['error'],
        message: `must be null when status is "${r.status}": a run that did not finish has no final error`,
      });
    }
  }) satisfies z.ZodType<ResultRecord>;

const sweepSchema = z.strictObject({
  id: text(),
  name: text().optional(),
  space: text(),
  createdAt: dateTime().optional(),
  settings: z.record(z.string().max(LIMITS.textChars), z.json()).optional(),
}) satisfies z.ZodType<SweepInfo>;

/** Issues for ids that appear twice (records, sweeps). */
function duplicateIds(items: readonly { id: string }[], path: string, ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else {
      ctx.addIssue({
        code: 'custom',
        path: [path, i, 'id'],
        message: `duplicates the id of ${path}[${first}] (${describeValue(item.id)}); ids must be unique`,
      });
    }
  });
}

export const resultsSchema = z
  .strictObject({
    schema: z.literal(RESULTS_SCHEMA),
    version: z.literal(RESULTS_VERSION),
    createdAt: dateTime(),
    sweeps: z.array(sweepSchema).max(100_000).optional(),
    records: z.array(resultRecordSchema).max(1_000_000),
  })
  .superRefine((doc, ctx) => {
    duplicateIds(doc.records, 'records', ctx);
    if (doc.sweeps) duplicateIds(doc.sweeps, 'sweeps', ctx);
  }) satisfies z.ZodType<ResultsDoc>;

/** Schema check only, for documents built in memory. */
export function validateResults(value: unknown, source = 'results'): ResultsDoc {
  const result = resultsSchema.safeParse(value, { error: errorMap });
  if (!result.success) {
    throw new FormatError(source, 'is not a valid dslab results file:', issueLines(result.error.issues));
  }
  return result.data;
}

/** Recomputes each record's complexity from its config and notes data/config shape mismatches. */
function checkRecord(record: ResultRecord, i: number): Checked<ResultRecord> {
  const where = `records[${i}].`;
  const { doc: config, warnings } = checkModelConfig(record.config, `${where}config.`);
  if (!sameComplexity(record.complexity, config.complexity)) {
    warnings.push(
      `${where}complexity: differs from the one recomputed from its config; the recomputed one is used.`,
    );
  }
  const net = config.network;
  const { data } = record;
  if (
    data.resolution !== net.input.resolution ||
    data.channels !== net.input.channels ||
    data.classes !== net.head.classes
  ) {
    warnings.push(
      `${where}data: ${data.resolution}px, ${data.channels} channels, ${data.classes} classes, but the model takes ` +
        `${net.input.resolution}px, ${net.input.channels} channels and has ${net.head.classes} classes.`,
    );
  }
  return { doc: { ...record, config, complexity: config.complexity }, warnings };
}

/** Reads results JSON text; throws FormatError with a readable message for anything malformed or hostile. */
export function readResults(text: string, source = 'results'): Checked<ResultsDoc> {
  const value = readJson(text, { source, what: 'results', maxChars: RESULTS_MAX_CHARS });
  if (!isPlainObject(value)) {
    throw new FormatError(
      source,
      `expected a JSON object (a dslab results file), got ${describeValue(value)}.`,
    );
  }
  checkHeader(
    value,
    { schema: RESULTS_SCHEMA, version: RESULTS_VERSION, what: 'a dslab results file' },
    source,
  );
  const doc = validateResults(value, source);
  const warnings: string[] = [];
  const records = doc.records.map((r, i) => {
    const checked = checkRecord(r, i);
    warnings.push(...checked.warnings);
    return checked.doc;
  });
  if (warnings.length > MAX_WARNINGS) {
    const more = warnings.length - MAX_WARNINGS;
    warnings.splice(MAX_WARNINGS, more, `… and ${more} more warnings`);
  }
  return { doc: { ...doc, records }, warnings };
}

export const parseResults = (text: string, source?: string): ResultsDoc => readResults(text, source).doc;

/** Pretty JSON in schema key order; refuses a document that would not read back. */
export function serializeResults(doc: ResultsDoc): string {
  return `${JSON.stringify(validateResults(doc), null, 2)}\n`;
}

export function makeResults(
  records: ResultRecord[],
  options: { sweeps?: SweepInfo[]; createdAt?: string } = {},
): ResultsDoc {
  return {
    schema: RESULTS_SCHEMA,
    version: RESULTS_VERSION,
    createdAt: options.createdAt ?? new Date().toISOString(),
    ...(options.sweeps?.length ? { sweeps: options.sweeps } : {}),
    records,
  };
}

/** Last one wins, at the position where the id first appeared. */
function dedupe<T extends { id: string }>(items: Iterable<T>): T[] {
  const byId = new Map<string, T>();
  for (const item of items) byId.set(item.id, item);
  return [...byId.values()];
}

/**
 * Merges results files into one. Records (and sweeps) are deduplicated by id; for a repeated id the record
 * from the later document wins (a re-run replaces the earlier run), kept at the id's first position.
 */
export function mergeResults(docs: readonly ResultsDoc[], createdAt = new Date().toISOString()): ResultsDoc {
  return makeResults(dedupe(docs.flatMap((d) => d.records)), {
    sweeps: dedupe(docs.flatMap((d) => d.sweeps ?? [])),
    createdAt,
  });
}
