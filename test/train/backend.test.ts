import * as tf from '@tensorflow/tfjs-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  BACKEND_CHOICE_KEY,
  initBackend,
  resetBackendChoiceCache,
  setWasmAssetBase,
  type ChoiceStorage,
} from '../../src/train/backend';
import { groupedConv2d } from '../../src/train/group-conv';

function memoryStorage(
  initial: Record<string, string> = {},
): ChoiceStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    get: (key) => data[key],
    set: (key, value) => {
      data[key] = value;
    },
  };
}

/** A conv train step on whatever backend is active: proves it works, not just that it is named. */
async function trainStepWorks(): Promise<boolean> {
  const w = tf.variable(tf.randomNormal([3, 3, 2, 4], 0, 0.1, 'float32', 1));
  const x = tf.randomNormal([2, 6, 6, 4], 0, 1, 'float32', 2) as tf.Tensor4D;
  const optimizer = tf.train.sgd(0.1);
  const loss = optimizer.minimize(
    () => tf.mean(tf.square(groupedConv2d(x, w as tf.Variable<tf.Rank.R4>, 2, 2))) as tf.Scalar,
    true,
  ) as tf.Scalar;
  const value = (await loss.data())[0];
  tf.dispose([w, x, loss]);
  optimizer.dispose();
  return Number.isFinite(value);
}

describe('initBackend in Node', () => {
  beforeEach(() => resetBackendChoiceCache());

  it("'cpu' selects and reports the cpu backend", async () => {
    const info = await initBackend('cpu');
    expect(info.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(info.fallbackOrder[0]).toBe('cpu');
    expect(await trainStepWorks()).toBe(true);
  });

  it("'wasm' selects wasm with threads off, and convnets train on it", async () => {
    const info = await initBackend('wasm');
    expect(info.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
    expect(info.fallbackOrder).toEqual(['wasm', 'cpu']);
    expect(await trainStepWorks()).toBe(true);
  });

  it("'auto' probes wasm, picks it over cpu and caches the choice", async () => {
    await initBackend('cpu');
    const storage = memoryStorage();
    const info = await initBackend('auto', { storage });
    expect(info.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(info.probeMs?.wasm).toBeGreaterThan(0);
    expect(info.fallbackOrder).toEqual(['wasm', 'cpu']);
    expect(JSON.parse(storage.data[BACKEND_CHOICE_KEY]).name).toBe('wasm');

    await initBackend('cpu');
    const again = await initBackend('auto', { storage });
    expect(again.fromCache).toBe(true);
    expect(tf.getBackend()).toBe('wasm');
    expect(await trainStepWorks()).toBe(true);
  });

  it("'auto' reuses a stored choice without probing", async () => {
    const stored = { name: 'cpu', fallbackOrder: ['cpu'], probeMs: {} };
    const info = await initBackend('auto', {
      storage: memoryStorage({ [BACKEND_CHOICE_KEY]: JSON.stringify(stored) }),
    });
    expect(info).toMatchObject({ name: 'cpu', fromCache: true });
    expect(tf.getBackend()).toBe('cpu');
  });

  it("'auto' ignores a corrupt stored choice and probes", async () => {
    const info = await initBackend('auto', {
      storage: memoryStorage({ [BACKEND_CHOICE_KEY]: '{"name":"tpu"' }),
    });
    expect(info.name).toBe('wasm');
    expect(info.fromCache).toBeUndefined();
  });

  it("'auto' restricted to cpu ends on cpu", async () => {
    const info = await initBackend('auto', { candidates: ['cpu'], reprobe: true });
    expect(info.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('a browser-only backend fails with a clear message, or falls back when asked', async () => {
    await expect(initBackend('webgpu')).rejects.toThrow(
      /backend 'webgpu' is not available here .*needs a browser/,
    );
    await expect(initBackend('webgl')).rejects.toThrow(/backend 'webgl' is not available here/);
    const info = await initBackend('webgpu', { fallback: true });
    expect(info.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(info.fallbackOrder.at(-1)).toBe('cpu');
  });

  it('rejects unknown backend names', async () => {
    await expect(initBackend('tpu' as never)).rejects.toThrow(/unknown backend 'tpu'/);
  });

  it('refuses wasm asset paths once wasm is initialised', async () => {
    await initBackend('wasm');
    expect(() => setWasmAssetBase('/assets/')).toThrow(/already initialised/);
  });
});
