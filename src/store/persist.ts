import { openDB, type IDBPDatabase } from 'idb';
import type { ResultRecord } from '../io/results';
import {
  createOrderBook,
  diffById,
  readSavedStudy,
  sameSavedJob,
  toRow,
  type OrderBook,
  type SavedStudy,
} from './persist-rows';
import type { LabStore } from './store';
import type { JobRow, Sweep } from './study-types';

/**
 * The study in IndexedDB: sweeps, queue rows, finished records and trained weights, written as they
 * change so a reload (or a crash) loses nothing finished. Thin on purpose: the logic is in persist-rows.ts.
 */

export const LAB_DB_NAME = 'dslab-study';
const LAB_DB_VERSION = 1;
const STORES = ['sweeps', 'jobs', 'records'] as const;
type ItemStore = (typeof STORES)[number];
const WEIGHTS = 'weights';
const META = 'meta';
const RUN_STATE_KEY = 'runState';

export type LabDb = IDBPDatabase;

/** tfjs weights of one trained model: tf.io.encodeWeights output. */
export interface StoredWeights {
  weightSpecs: { name: string; shape: number[]; dtype: string }[];
  weightData: ArrayBuffer;
}

/** Opens (or creates) the lab's database; throws when IndexedDB is missing or refuses (private mode, corrupt). */
export async function openLabDb(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<LabDb> {
  if (!factory) throw new Error('IndexedDB is not available in this browser');
  return openDB(LAB_DB_NAME, LAB_DB_VERSION, {
    upgrade(db) {
      for (const name of STORES) db.createObjectStore(name, { keyPath: 'id' });
      db.createObjectStore(WEIGHTS);
      db.createObjectStore(META);
    },
  });
}

let shared: Promise<LabDb> | undefined;
/** The page's one connection, opened on first use. */
export function labDb(): Promise<LabDb> {
  shared ??= openLabDb();
  return shared;
}

export async function loadAll(db: LabDb): Promise<{ study: SavedStudy; dropped: number; rows: RowOrders }> {
  const [sweeps, jobs, records, runState] = await Promise.all([
    db.getAll('sweeps'),
    db.getAll('jobs'),
    db.getAll('records'),
    db.get(META, RUN_STATE_KEY),
  ]);
  const orders = (rows: unknown[]) =>
    rows.filter(
      (r): r is { id: string; order: number } =>
        typeof (r as { id?: unknown })?.id === 'string' &&
        typeof (r as { order?: unknown }).order === 'number',
    );
  return {
    ...readSavedStudy({ sweeps, jobs, records, runState }),
    rows: { sweeps: orders(sweeps), jobs: orders(jobs), records: orders(records) },
  };
}

type RowOrders = Record<ItemStore, { id: string; order: number }[]>;
type Books = Record<ItemStore, OrderBook>;

async function putItems<T extends { id: string }>(
  db: LabDb,
  name: ItemStore,
  book: OrderBook,
  put: readonly T[],
  removed: readonly string[] = [],
): Promise<void> {
  if (!put.length && !removed.length) return;
  const tx = db.transaction(name, 'readwrite');
  for (const item of put) void tx.store.put(toRow(item, book));
  for (const id of removed) {
    book.forget(id);
    void tx.store.delete(id);
  }
  await tx.done;
}

const newBooks = (rows?: RowOrders): Books => ({
  sweeps: createOrderBook(rows?.sweeps),
  jobs: createOrderBook(rows?.jobs),
  records: createOrderBook(rows?.records),
});

export const saveSweep = (db: LabDb, sweep: Sweep, book = createOrderBook()) =>
  putItems(db, 'sweeps', book, [sweep]);
export const saveRecord = (db: LabDb, record: ResultRecord, book = createOrderBook()) =>
  putItems(db, 'records', book, [record]);
export const saveJobs = (db: LabDb, jobs: readonly JobRow[], book = createOrderBook()) =>
  putItems(db, 'jobs', book, jobs);

export async function saveWeights(db: LabDb, recordId: string, weights: StoredWeights): Promise<void> {
  await db.put(WEIGHTS, weights, recordId);
}

export async function loadWeights(db: LabDb, recordId: string): Promise<StoredWeights | undefined> {
  return (await db.get(WEIGHTS, recordId)) as StoredWeights | undefined;
}

/** Empties every store (Clear results). */
export async function clear(db: LabDb): Promise<void> {
  const tx = db.transaction([...STORES, WEIGHTS, META], 'readwrite');
  await Promise.all([...STORES, WEIGHTS, META].map((n) => tx.objectStore(n).clear()));
  await tx.done;
}

/**
 * Restores the saved study into the store, then writes every change to sweeps, jobs (status changes,
 * not live progress), records and the run state as it happens. A failed write shows one warning and
 * the lab keeps working in memory. Returns the restored study (for the resume decision) and a stop function.
 */
export async function startPersistence(
  store: LabStore,
  db: LabDb,
): Promise<{ restored: SavedStudy; stop: () => void }> {
  const { study, dropped, rows } = await loadAll(db);
  const books = newBooks(rows);
  store.getState().restoreStudy(study);
  if (dropped > 0) {
    store
      .getState()
      .pushMessage(
        'warning',
        `${dropped} saved items could not be read back from IndexedDB and were skipped.`,
      );
  }
  let warned = false;
  const fail = (e: unknown) => {
    if (warned) return;
    warned = true;
    store
      .getState()
      .pushMessage(
        'warning',
        `Results could not be saved in IndexedDB (${e instanceof Error ? e.message : String(e)}); ` +
          'they stay in this tab only: export them before closing it.',
      );
  };
  // The restored items are in IndexedDB already; what is new in memory (added before the restore) is written now.
  let prev = {
    sweeps: study.sweeps,
    jobs: study.jobs,
    records: study.records,
    runState: study.runState as string,
  };
  const write = (s: ReturnType<LabStore['getState']>) => {
    if (
      s.sweeps === prev.sweeps &&
      s.jobs === prev.jobs &&
      s.records === prev.records &&
      s.runState === prev.runState
    )
      return;
    const sweeps = diffById(prev.sweeps, s.sweeps);
    const jobs = diffById(prev.jobs, s.jobs, sameSavedJob);
    const records = diffById(prev.records, s.records);
    const runStateChanged = s.runState !== prev.runState;
    prev = { sweeps: s.sweeps, jobs: s.jobs, records: s.records, runState: s.runState };
    void Promise.all([
      putItems(db, 'records', books.records, records.put, records.removed),
      putItems(db, 'sweeps', books.sweeps, sweeps.put, sweeps.removed),
      putItems(db, 'jobs', books.jobs, jobs.put, jobs.removed),
      runStateChanged ? db.put(META, s.runState, RUN_STATE_KEY) : undefined,
      records.removed.length ? deleteWeights(db, records.removed) : undefined,
    ]).catch(fail);
  };
  write(store.getState());
  const unsubscribe = store.subscribe(write);
  return { restored: study, stop: unsubscribe };
}

async function deleteWeights(db: LabDb, ids: readonly string[]): Promise<void> {
  const tx = db.transaction(WEIGHTS, 'readwrite');
  for (const id of ids) void tx.store.delete(id);
  await tx.done;
}
