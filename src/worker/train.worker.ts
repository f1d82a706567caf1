/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { openDB } from 'idb';
import { BUILTIN_DIR, BUILTIN_FILES, parseBuiltinDataset } from '../data/builtin';
import type { Dataset } from '../data/dataset';
import { syntheticDataset } from '../data/synthetic';
import { initBackend, type ChoiceStorage } from '../train/backend';
import { checkDataFitsConfig } from '../train/input';
import { resolveTrainOptions } from '../train/options';
import { trainModel, type ProgressEvent } from '../train/trainer';
import { applyBundledWasmAssets } from '../train/wasm-assets-browser';
import { INPUT_ERROR, type DataSource, type TrainWorkerApi } from './api';
import { createWeightsSnapshot } from './weights-snapshot';
import { createYielder, throttle } from './yield';

applyBundledWasmAssets();

/** The 'auto' backend choice persists in IndexedDB (workers have no localStorage). */
const storage: ChoiceStorage = {
  async get(key) {
    const db = await openDB('dslab-settings', 1, { upgrade: (d) => d.createObjectStore('kv') });
    return (await db.get('kv', key)) as string | undefined;
  },
  async set(key, value) {
    const db = await openDB('dslab-settings', 1, { upgrade: (d) => d.createObjectStore('kv') });
    await db.put('kv', value, key);
  },
};

let data: Dataset | undefined;
let cancelled = false;

const inputError = (e: unknown): Error => {
  const err = new Error(e instanceof Error ? e.message : String(e));
  err.name = INPUT_ERROR;
  return err;
};

async function loadData(source: DataSource): Promise<Dataset> {
  if (source.kind === 'dataset') return source.dataset;
  if (source.kind === 'synthetic') {
    const { trainSize, testSize, resolution, channels, classes, seed } = source;
    return syntheticDataset({
      trainSize,
      testSize,
      height: resolution,
      width: resolution,
      channels,
      classes,
      seed,
    });
  }
  const entries = await Promise.all(
    Object.entries(BUILTIN_FILES).map(async ([key, file]) => {
      const url = `${source.baseUrl}${BUILTIN_DIR}${file}`;
      const res = await fetch(url);
      if (!res.ok) throw new Error(`Could not load the built-in data set: ${url} answered ${res.status}.`);
      return [key, new Uint8Array(await res.arrayBuffer())] as const;
    }),
  );
  return parseBuiltinDataset(Object.fromEntries(entries) as Parameters<typeof parseBuiltinDataset>[0]);
}

const api: TrainWorkerApi = {
  init: (backend) => initBackend(backend, { storage }),
  async setData(source) {
    data = await loadData(source);
    const { name, height, width, channels, classes } = data;
    return {
      name,
      height,
      width,
      channels,
      classes,
      trainCount: data.train.count,
      testCount: data.test.count,
    };
  },
  async train(job, onProgress) {
    if (!data) throw inputError('No data set loaded: call setData first.');
    try {
      resolveTrainOptions(job.options);
      checkDataFitsConfig(job.config, data);
    } catch (e) {
      throw inputError(e);
    }
    cancelled = false;
    // Each progress call is a postMessage: ~10 Hz, but never drop epoch ends.
    const send = throttle<ProgressEvent>(onProgress, 100, (e) => e.type === 'epoch');
    const epochs = resolveTrainOptions(job.options).epochs;
    const snapshot = job.returnWeights ? createWeightsSnapshot(job.config) : undefined;
    try {
      const result = await trainModel(job.config, data, job.options, {
        onProgress: (e) => {
          // The last epoch's end: trained, not yet disposed.
          if (snapshot && e.type === 'epoch' && e.point.epoch === epochs) snapshot.take();
          send(e);
        },
        shouldStop: () => cancelled,
        yieldEvery: createYielder(),
      });
      if (!snapshot || result.status !== 'done') return result;
      const weights = await snapshot.encode();
      return weights ? Comlink.transfer({ ...result, weights }, [weights.weightData]) : result;
    } finally {
      snapshot?.release();
      (onProgress as unknown as { [Comlink.releaseProxy]?: () => void })[Comlink.releaseProxy]?.();
    }
  },
  cancel() {
    cancelled = true;
  },
  memory() {
    const m = tf.memory();
    return { numTensors: m.numTensors, numBytes: m.numBytes };
  },
};

Comlink.expose(api);
