import { resultRecordSchema, type ResultRecord } from '../io/results';
import type { JobRow, RunState, Sweep } from './study-types';

/**
 * How the study lies in IndexedDB: one row per sweep, job and record, each with the order it had in
 * memory (IndexedDB hands rows back sorted by key, not by the order they finished in).
 */
export interface SavedRow<T> {
  id: string;
  order: number;
  value: T;
}

export interface SavedStudy {
  sweeps: Sweep[];
  jobs: JobRow[];
  records: ResultRecord[];
  /** The runner's state at unload: a reload resumes a 'running' study, keeps a 'paused' one paused. */
  runState: RunState;
}

/** Remembers the order of every id written so far, so a replaced item keeps its place. */
export function createOrderBook(rows: readonly { id: string; order: number }[] = []) {
  const orders = new Map(rows.map((r) => [r.id, r.order]));
  let next = rows.reduce((m, r) => Math.max(m, r.order + 1), 0);
  return {
    orderOf(id: string): number {
      let o = orders.get(id);
      if (o === undefined) {
        o = next++;
        orders.set(id, o);
      }
      return o;
    },
    forget(id: string): void {
      orders.delete(id);
    },
  };
}

export type OrderBook = ReturnType<typeof createOrderBook>;

export const toRow = <T extends { id: string }>(item: T, book: OrderBook): SavedRow<T> => ({
  id: item.id,
  order: book.orderOf(item.id),
  value: item,
});

const isRow = (r: unknown): r is SavedRow<unknown> =>
  typeof r === 'object' &&
  r !== null &&
  typeof (r as SavedRow<unknown>).id === 'string' &&
  typeof (r as SavedRow<unknown>).order === 'number' &&
  typeof (r as SavedRow<unknown>).value === 'object' &&
  (r as SavedRow<unknown>).value !== null;

const byOrder = (a: SavedRow<unknown>, b: SavedRow<unknown>) => a.order - b.order;

const JOB_STATUSES = new Set(['queued', 'running', 'done', 'diverged', 'failed', 'cancelled']);

const isSweep = (v: unknown): v is Sweep => {
  const s = v as Sweep;
  return (
    typeof s.id === 'string' &&
    typeof s.name === 'string' &&
    typeof s.space?.baseId === 'string' &&
    Array.isArray(s.space.constraints) &&
    typeof s.settings === 'object' &&
    s.settings !== null
  );
};

const isJob = (v: unknown): v is JobRow => {
  const j = v as JobRow;
  return (
    typeof j.id === 'string' &&
    typeof j.sweepId === 'string' &&
    typeof j.index === 'number' &&
    JOB_STATUSES.has(j.status) &&
    typeof j.config?.network === 'object'
  );
};

/**
 * Turns what IndexedDB returned into a study, in the saved order. Rows that are not what this version
 * wrote (a corrupt or foreign database) are dropped and counted, never trusted.
 */
export function readSavedStudy(raw: {
  sweeps: unknown[];
  jobs: unknown[];
  records: unknown[];
  runState?: unknown;
}): { study: SavedStudy; dropped: number } {
  let dropped = 0;
  const take = <T>(rows: unknown[], valid: (v: unknown) => v is T): T[] => {
    const ok = rows.filter(isRow).sort(byOrder);
    dropped += rows.length - ok.length;
    const out: T[] = [];
    for (const r of ok) {
      if (valid(r.value) && (r.value as { id: string }).id === r.id) out.push(r.value);
      else dropped++;
    }
    return out;
  };
  const isRecord = (v: unknown): v is ResultRecord => resultRecordSchema.safeParse(v).success;
  return {
    study: {
      sweeps: take(raw.sweeps, isSweep),
      jobs: take(raw.jobs, isJob),
      records: take(raw.records, isRecord),
      runState: raw.runState === 'running' || raw.runState === 'paused' ? raw.runState : 'idle',
    },
    dropped,
  };
}

/** What changed between two lists of items: ids to write (new or a new object) and ids gone. */
export function diffById<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  same: (a: T, b: T) => boolean = Object.is,
): { put: T[]; removed: string[] } {
  const old = new Map(before.map((b) => [b.id, b]));
  const put = after.filter((a) => {
    const b = old.get(a.id);
    return b === undefined || !same(a, b);
  });
  const kept = new Set(after.map((a) => a.id));
  return { put, removed: before.filter((b) => !kept.has(b.id)).map((b) => b.id) };
}

/** A job is worth a write when its row would read back differently after a reload (not live progress). */
export const sameSavedJob = (a: JobRow, b: JobRow): boolean =>
  a === b ||
  (a.status === b.status && a.error === b.error && a.message === b.message && a.config === b.config);

/** Describes a restored study for the resume note: "Resuming sweep X: k of n models done". */
export function resumeNote(study: Pick<SavedStudy, 'sweeps' | 'jobs'>): string | null {
  const waiting = study.jobs.find((j) => j.status === 'queued' || j.status === 'running');
  if (!waiting) return null;
  const sweep = study.sweeps.find((s) => s.id === waiting.sweepId);
  const mine = study.jobs.filter((j) => j.sweepId === waiting.sweepId);
  const done = mine.filter((j) => j.status !== 'queued' && j.status !== 'running').length;
  return `Resuming sweep ${sweep?.name ?? waiting.sweepId}: ${done} of ${mine.length} models done`;
}
