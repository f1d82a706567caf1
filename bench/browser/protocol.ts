import type { Row as GroupConvRow } from '../group-conv';
import type { BackendInfo } from '../../src/train/backend';
import type { Row, TrainBenchSettings } from '../train';

/** What the bench page asks one fresh worker to measure on one backend. */
export interface BenchRequest {
  backend: 'webgpu' | 'webgl';
  /** Training benchmark settings; omitted = skip the training section. */
  train?: TrainBenchSettings;
  /** Grouped-conv micro-benchmark (bench/group-conv.ts); omitted = skip. */
  groupConv?: { batch: number; budgetMs: number };
}

export interface BenchReply {
  info: BackendInfo;
  train?: Row;
  groupConv?: GroupConvRow[];
}

export type WorkerMessage =
  { type: 'log'; line: string } | { type: 'done'; reply: BenchReply } | { type: 'error'; message: string };
