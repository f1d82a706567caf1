import { afterEach, describe, expect, it } from 'vitest';
import { createLabStore, selectMeasuredThroughput, type LabStore } from '../../src/store';
import {
  createRunner,
  nextQueued,
  progressPatch,
  workerCount,
  workerSource,
  type Runner,
} from '../../src/ui/run/runner';
import { doneResult, fakeWorkers, settle } from './run-fakes';
import { makeModelConfig } from '../../src/io/model-config';
import { NET } from './analysis-records';
import { complexity } from '../../src/space/complexity';
import { findPreset } from '../../src/space/presets';
import { regnetToAnyNet } from '../../src/space/regnet';
import { explorerJobs } from '../../src/ui/run/new-sweep';

let runner: Runner | undefined;
afterEach(() => runner?.dispose());

function setup(n = 3) {
  const store = createLabStore();
  store.getState().setSweep({ n, epochs: 1, warmupEpochs: 0, batchSize: 32, trainSize: 256 });
  const fake = fakeWorkers();
  runner = createRunner(store, { spawn: fake.spawn, hardwareConcurrency: 4, progressHz: 1000 });
  return { store, fake, runner };
}

const statuses = (store: LabStore) => store.getState().jobs.map((j) => j.status);

describe('runner', () => {
  it('Run samples n models of the current space into one sweep and trains them one at a time (auto = 1 worker)', async () => {
    const { store, fake, runner } = setup(3);
    runner.run();
    await settle();
    const s = store.getState();
    expect(s.sweeps).toHaveLength(1);
    expect(s.jobs.map((j) => j.index)).toEqual([0, 1, 2]);
    expect(s.jobs.every((j) => j.sweepId === s.sweeps[0].id)).toBe(true);
    expect(s.runState).toBe('running');
    expect(statuses(store)).toEqual(['running', 'queued', 'queued']);
    // Trained with the sweep's settings.
    expect(fake.runs[0].job.options).toMatchObject({
      epochs: 1,
      warmupEpochs: 0,
      batchSize: 32,
      trainSize: 256,
    });
    expect(fake.runs[0].job.returnWeights).toBe(true);
    for (let i = 0; i < 3; i++) {
      fake.runs[i].finish(doneResult(20 + i));
      await settle();
    }
    expect(statuses(store)).toEqual(['done', 'done', 'done']);
    // 20 % -> 0.2 as a fraction, in the record and the row.
    expect(store.getState().records.map((r) => r.error)).toEqual([0.2, 0.21, 0.22]);
    expect(store.getState().jobs[0].error).toBe(0.2);
    expect(store.getState().records[0].backend).toEqual({ name: 'cpu', adapter: 'fake adapter' });
    expect(store.getState().runState).toBe('idle');
    expect(selectMeasuredThroughput(store.getState())?.imagesPerSecond).toBe(500);
  });

  it('Step trains exactly one model, then pauses', async () => {
    const { store, fake, runner } = setup(3);
    runner.step();
    await settle();
    expect(fake.runs).toHaveLength(1);
    fake.runs[0].finish(doneResult(30));
    await settle();
    expect(fake.runs).toHaveLength(1);
    expect(statuses(store)).toEqual(['done', 'queued', 'queued']);
    expect(store.getState().runState).toBe('paused');
    runner.step();
    await settle();
    expect(fake.runs).toHaveLength(2);
    expect(store.getState().sweeps).toHaveLength(1);
  });

  it('Pause lets the model in training finish and starts no other', async () => {
    const { store, fake, runner } = setup(3);
    runner.run();
    await settle();
    runner.pause();
    expect(store.getState().runState).toBe('paused');
    fake.runs[0].finish(doneResult(15));
    await settle();
    expect(fake.runs).toHaveLength(1);
    expect(statuses(store)).toEqual(['done', 'queued', 'queued']);
    runner.run();
    await settle();
    expect(fake.runs).toHaveLength(2);
    expect(store.getState().sweeps).toHaveLength(1);
  });

  it('Stop cancels the model in training, keeps finished records and leaves the rest queued', async () => {
    const { store, fake, runner } = setup(3);
    runner.run();
    await settle();
    fake.runs[0].finish(doneResult(25));
    await settle();
    expect(fake.runs).toHaveLength(2);
    runner.stop();
    await settle();
    expect(fake.cancelled).toEqual([fake.runs[1].job.id]);
    expect(statuses(store)).toEqual(['done', 'cancelled', 'queued']);
    expect(store.getState().records.map((r) => r.error)).toEqual([0.25]);
    expect(store.getState().runState).toBe('idle');
    // The cancelled run answering late changes nothing.
    fake.runs[1].finish(doneResult(99));
    await settle();
    expect(store.getState().records).toHaveLength(1);
  });

  it('a sampling failure shows its message and starts nothing', async () => {
    const store = createLabStore();
    store.getState().setSweep({ n: 3, flops: [1, 2] });
    const fake = fakeWorkers();
    runner = createRunner(store, { spawn: fake.spawn });
    runner.run();
    await settle();
    expect(fake.runs).toHaveLength(0);
    expect(store.getState().sweeps).toHaveLength(0);
    expect(store.getState().runState).toBe('idle');
    const msg = store
      .getState()
      .messages.map((m) => m.text)
      .join('\n');
    expect(msg).toMatch(/Cannot start the sweep: Found 0 of 3 models/);
  });

  it('a diverged run is a record with no error; an input error fails the job without a retry', async () => {
    const { store, fake, runner } = setup(2);
    runner.run();
    await settle();
    fake.runs[0].finish(doneResult(0, { status: 'diverged', testError: null, message: 'Loss became NaN' }));
    await settle();
    const bad = Object.assign(new Error('the data has 1 channel, the model wants 3'), { name: 'InputError' });
    fake.runs[1].fail(bad);
    await settle();
    expect(fake.runs).toHaveLength(2);
    const recs = store.getState().records;
    expect(recs.map((r) => [r.status, r.error])).toEqual([
      ['diverged', null],
      ['failed', null],
    ]);
    expect(recs[1].message).toMatch(/1 channel/);
    expect(statuses(store)).toEqual(['diverged', 'failed']);
  });

  it('progress events update the row: step/totalSteps, epoch, live loss', async () => {
    const { store, fake, runner } = setup(1);
    runner.run();
    await settle();
    fake.runs[0].onProgress({
      type: 'loss',
      epoch: 1,
      step: 3,
      totalSteps: 12,
      loss: 1.25,
      error: 50,
      imagesPerSec: 80,
    });
    await settle(2);
    expect(store.getState().jobs[0]).toMatchObject({
      progress: 0.25,
      epoch: 1,
      loss: 1.25,
      imagesPerSec: 80,
    });
  });

  it('explorer configs join the Explorer sweep and run before the rest of the queue', async () => {
    const { store, fake, runner } = setup(2);
    runner.run();
    await settle();
    const doc = makeModelConfig(NET, complexity(NET), { name: 'Hand-made' });
    store.getState().queueConfig(doc);
    await settle();
    const explorer = store.getState().jobs.find((j) => j.sweepId === 'explorer');
    expect(explorer?.config.name).toBe('Hand-made');
    expect(store.getState().sweeps.find((w) => w.id === 'explorer')?.name).toBe('Explorer');
    fake.runs[0].finish(doneResult(10));
    await settle();
    expect(fake.runs[1].job.config).toEqual(NET);
  });
});

describe('Train this config', () => {
  it('rebuilds a config counted at 224 px for the data it will train on (28 px, 1 channel, 10 classes)', () => {
    const preset = findPreset('RegNetX-200MF')!;
    const at224 = regnetToAnyNet(preset, {
      resolution: 224,
      channels: 3,
      classes: 1000,
      stem: 'imagenet',
    }).config;
    const doc = makeModelConfig(at224, complexity(at224), { name: 'RegNetX-200MF' });
    const store = createLabStore();
    const { jobs } = explorerJobs(store.getState(), [doc]);
    const net = jobs[0].config.network;
    expect(net.input).toEqual({ resolution: 28, channels: 1 });
    expect(net.head.classes).toBe(10);
    expect(net.stem.type).toBe('cifar');
    expect(net.stages).toEqual(at224.stages);
    // About 0.2 GF at 224 px; at 28 px with the stride-1 stem it is tens of times smaller.
    expect(jobs[0].config.complexity.flops).toBeLessThan(doc.complexity.flops / 10);
    expect(jobs[0].config.regnet ?? null).toEqual(doc.regnet ?? null);
  });
});

describe('runner helpers', () => {
  it('worker count: one for GPU and auto, up to two CPU cores leaving one free', () => {
    expect(workerCount('auto', 8)).toBe(1);
    expect(workerCount('webgpu', 8)).toBe(1);
    expect(workerCount('wasm', 8)).toBe(2);
    expect(workerCount('cpu', 2)).toBe(1);
    expect(workerCount('wasm', 1)).toBe(1);
  });

  it('the built-in data gets the app base URL when it has none', () => {
    expect(workerSource({ kind: 'builtin', baseUrl: '' }, 'http://x/app/')).toEqual({
      kind: 'builtin',
      baseUrl: 'http://x/app/',
    });
    expect(workerSource({ kind: 'builtin', baseUrl: 'http://y/' }, 'http://x/')).toEqual({
      kind: 'builtin',
      baseUrl: 'http://y/',
    });
  });

  it('progress patches: step 30 of 120 is a quarter', () => {
    expect(progressPatch({ type: 'step', epoch: 2, step: 30, totalSteps: 120, lr: 0.1 })).toEqual({
      progress: 0.25,
      epoch: 2,
    });
  });

  it('next job: explorer first, then queue order, skipping busy ones', () => {
    const row = (id: string, sweepId: string, status: 'queued' | 'done' = 'queued') =>
      ({ id, sweepId, status }) as never;
    const jobs = [row('a', 's'), row('b', 's'), row('e', 'explorer'), row('c', 's', 'done')];
    expect(nextQueued(jobs, new Set())?.id).toBe('e');
    expect(nextQueued(jobs, new Set(['e']))?.id).toBe('a');
    expect(nextQueued(jobs, new Set(['e', 'a', 'b']))).toBeUndefined();
  });
});
